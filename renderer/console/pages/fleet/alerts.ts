import type { FleetAlert, FleetBoard } from '../../../../shared/fleet/board';
import type { HealthReason } from '../../../../shared/fleet/health';

/** Reasons that mean a screen had a picture and lost it (not one nobody ever showed). */
const DARK: ReadonlySet<HealthReason> = new Set(['host-gone', 'disconnected']);

/**
 * The alerts between two boards the page polled, by the server's own rule
 * (server/fleet/registry.ts evaluate): a screen turned red, or left red. The server pushes
 * the same alerts as `fleetAlert` on /control, but only renderer/feed/socket.ts may open a
 * socket, so the console reads GET /api/v1/fleet every few seconds and finds them here.
 * On the first board, every screen already dark (its PC or its window gone) is an alert too:
 * a technician opening the page after the fact still sees it. Pure.
 */
export function alertsBetween(previous: FleetBoard | null, next: FleetBoard): FleetAlert[] {
  const before = new Map((previous?.screens ?? []).map((s) => [s.screenId, s]));
  const alerts: FleetAlert[] = [];
  for (const s of next.screens) {
    const old = before.get(s.screenId);
    const base = { screenId: s.screenId, level: s.level, reasons: s.reasons, hostId: s.hostId, at: s.since };
    if (previous === null) {
      if (s.level === 'red' && s.reasons.some((r) => DARK.has(r))) alerts.push({ ...base, from: null });
    } else if (old !== undefined && (old.level === 'red') !== (s.level === 'red')) alerts.push({ ...base, from: old.level });
  }
  return alerts;
}

/** At most this many alerts are kept on the page, newest first. */
export const MAX_ALERTS = 20;

/** The alert list after new ones: newest first (those of one poll in the wall's order), bounded. */
export function withAlerts(list: readonly FleetAlert[], fresh: readonly FleetAlert[]): FleetAlert[] {
  return [...fresh, ...list].slice(0, MAX_ALERTS);
}

/** Screens dark now by the alerts: the newest alert of each screen is red. */
export function darkNow(list: readonly FleetAlert[]): FleetAlert[] {
  const seen = new Set<string>();
  const dark: FleetAlert[] = [];
  for (const a of list) {
    if (seen.has(a.screenId)) continue;
    seen.add(a.screenId);
    if (a.level === 'red') dark.push(a);
  }
  return dark;
}
