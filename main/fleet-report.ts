import {
  agentReportSchema,
  agentStatusSchema,
  MAX_DISPLAYS,
  MAX_WINDOWS,
  type AgentReport,
  type AgentStatus,
  type FleetDisplay,
  type FleetWindow,
} from '../shared/fleet/schema';
import type { Display } from './displays';
import type { WindowHealth } from './window-health';

/**
 * What the display agent says about itself on /control (issue 9, shared/fleet/schema.ts):
 * its displays as Electron reports them, each window's health as main/window-health.ts
 * keeps it, and when a `status` is due. Pure (no Electron, no socket): main/fleet-reporter.ts
 * sends what these return.
 */

const ROTATIONS = [0, 90, 180, 270] as const;
const clampPx = (n: number): number => Math.max(-100_000, Math.min(100_000, Math.round(n)));
const clampSize = (n: number): number => Math.max(0, Math.min(100_000, Math.round(n)));
const rect = (r: { x: number; y: number; width: number; height: number }) => ({ x: clampPx(r.x), y: clampPx(r.y), width: clampSize(r.width), height: clampSize(r.height) });

/** One Electron display as the fleet schema has it; resolution = size in DIP × scale factor. */
export function fleetDisplay(display: Display): FleetDisplay {
  const rotation = ROTATIONS.find((r) => r === (((Math.round(display.rotation) % 360) + 360) % 360)) ?? 0;
  const scaleFactor = Math.max(0.25, Math.min(8, Number.isFinite(display.scaleFactor) ? display.scaleFactor : 1));
  return {
    id: display.id,
    bounds: rect(display.bounds),
    workArea: rect(display.workArea ?? display.bounds),
    scaleFactor,
    rotation,
    resolution: { width: clampSize(display.size.width * scaleFactor), height: clampSize(display.size.height * scaleFactor) },
    internal: display.internal,
  };
}

/** One window's health for the server: a page that has not reported yet is "connecting". */
export function fleetWindow(health: WindowHealth): FleetWindow {
  return {
    screenId: health.screenId.slice(0, 40),
    displayId: health.displayId,
    connection: health.connected === null ? 'connecting' : health.connected ? 'connected' : 'disconnected',
    lastSeq: health.lastSeq,
    fps: health.fps === null ? null : Math.min(1000, Math.max(0, health.fps)),
    heapMb: health.heapMb,
    restarts: Math.min(1_000_000, health.restarts),
    lastError: health.lastError ? { at: health.lastError.at, kind: health.lastError.kind.slice(0, 40), detail: health.lastError.detail.slice(0, 300) } : null,
    lastFrameAt: health.lastFrameAt,
  };
}

export interface AgentIdentity {
  hostId: string;
  hostName: string;
  appVersion: string;
  statusEveryMs: number;
}

/** The hello's `agent`, bounded (16 displays, 16 windows) and checked by the schema the server uses. */
export function agentReport(identity: AgentIdentity, displays: readonly Display[], windows: readonly WindowHealth[]): AgentReport {
  return agentReportSchema.parse({
    kind: 'agent',
    hostId: identity.hostId,
    hostName: identity.hostName.slice(0, 120) || identity.hostId,
    appVersion: identity.appVersion.slice(0, 40) || '0.0.0',
    statusEveryMs: identity.statusEveryMs,
    displays: displays.slice(0, MAX_DISPLAYS).map(fleetDisplay),
    windows: windows.slice(0, MAX_WINDOWS).map(fleetWindow),
  });
}

/** A `status`: the windows now, and the displays when they changed since the server last heard them. */
export function agentStatus(displays: readonly Display[] | null, windows: readonly WindowHealth[]): AgentStatus {
  return agentStatusSchema.parse({
    windows: windows.slice(0, MAX_WINDOWS).map(fleetWindow),
    ...(displays ? { displays: displays.slice(0, MAX_DISPLAYS).map(fleetDisplay) } : {}),
  });
}

/** What identifies a set of displays: a change of any reported field is a change. */
export function displaysKey(displays: readonly Display[]): string {
  return JSON.stringify(displays.slice(0, MAX_DISPLAYS).map(fleetDisplay));
}

/**
 * When to send: a `status` every `everyMs`, and sooner when something changed (displays
 * added, removed or resized; a window crashed or reloaded), but never more often than one
 * per `minGapMs`, so a burst of monitor events or a crash loop costs the server a few
 * messages a second at most. The caller asks `next(now)` after each tick or change.
 */
export class StatusPacer {
  private lastSentAt: number | null = null;
  private sentDisplays: string | null = null;
  private urgent = false;

  constructor(
    readonly everyMs: number,
    readonly minGapMs: number,
  ) {}

  /** A hello went out with these displays: the periodic clock starts again. */
  helloSent(now: number, displays: string): void {
    this.lastSentAt = now;
    this.sentDisplays = displays;
    this.urgent = false;
  }

  /** Something the server should hear soon (a window crashed, reloaded, opened, closed). */
  nudge(): void {
    this.urgent = true;
  }

  /** Forget what the server knew: the connection dropped, the next thing sent is a hello. */
  reset(): void {
    this.lastSentAt = null;
    this.sentDisplays = null;
    this.urgent = false;
  }

  /**
   * Whether a status is due now, and with the displays or not; otherwise how long to wait.
   * `displays` is displaysKey() of the displays now.
   */
  next(now: number, displays: string): { send: true; withDisplays: boolean } | { send: false; waitMs: number } {
    if (this.lastSentAt === null) return { send: false, waitMs: this.everyMs };
    const since = now - this.lastSentAt;
    const changed = displays !== this.sentDisplays;
    const due = since >= this.everyMs || ((changed || this.urgent) && since >= this.minGapMs);
    if (!due) return { send: false, waitMs: changed || this.urgent ? this.minGapMs - since : this.everyMs - since };
    return { send: true, withDisplays: changed };
  }

  sent(now: number, displays: string, withDisplays: boolean): void {
    this.lastSentAt = now;
    if (withDisplays) this.sentDisplays = displays;
    this.urgent = false;
  }
}
