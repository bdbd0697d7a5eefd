import type { Assignment, StoredAssignment } from '../../../../shared/fleet/schema';

/**
 * The display map as the technician is editing it: screen id → display. Dragging or choosing
 * changes only this; "Lưu" sends it whole (PUT /api/v1/fleet/assignments), so four drags are
 * one audited change and each agent re-plans once. A display on two screens is allowed here:
 * the server refuses it, naming both, and the page shows that at the field. Pure.
 */
export type MapDraft = ReadonlyMap<string, { hostId: string; displayId: number }>;

export function draftOf(assignments: readonly StoredAssignment[]): MapDraft {
  return new Map(assignments.map((a) => [a.screenId, { hostId: a.hostId, displayId: a.displayId }]));
}

export function withScreen(draft: MapDraft, screenId: string, display: { hostId: string; displayId: number } | null): MapDraft {
  const next = new Map(draft);
  if (display === null) next.delete(screenId);
  else next.set(screenId, display);
  return next;
}

/**
 * A display dragged (or placed by keyboard) onto a screen moves there: any other screen it
 * showed is freed, as a technician carrying a monitor's picture across the drawing expects.
 * Choosing in a screen's list sets that screen alone (withScreen), so the list can still ask
 * for a display on two screens and hear the server's refusal at the field.
 */
export function withDisplayMoved(draft: MapDraft, screenId: string, display: { hostId: string; displayId: number }): MapDraft {
  const next = new Map(draft);
  for (const [screen, d] of draft) if (screen !== screenId && d.hostId === display.hostId && d.displayId === display.displayId) next.delete(screen);
  next.set(screenId, display);
  return next;
}

/** The body to send, in the order of the wall's screens (so an error's index names a screen). */
export function bodyOf(draft: MapDraft, screenIds: readonly string[]): Assignment[] {
  return screenIds.flatMap((screenId) => {
    const d = draft.get(screenId);
    return d ? [{ screenId, hostId: d.hostId, displayId: d.displayId }] : [];
  });
}

export function sameMap(a: MapDraft, b: MapDraft): boolean {
  if (a.size !== b.size) return false;
  for (const [screen, d] of a) {
    const other = b.get(screen);
    if (!other || other.hostId !== d.hostId || other.displayId !== d.displayId) return false;
  }
  return true;
}

/** `$.assignments[3].displayId` → the screen of the 4th entry sent; errors by screen. */
export function errorsByScreen<E extends { path?: string | undefined }>(errors: readonly E[], sent: readonly Assignment[]): Map<string, E[]> {
  const byScreen = new Map<string, E[]>();
  for (const e of errors) {
    const index = /^\$\.assignments\[(\d+)\]/.exec(e.path ?? '')?.[1];
    const screenId = index === undefined ? undefined : sent[Number(index)]?.screenId;
    if (screenId === undefined) continue;
    byScreen.set(screenId, [...(byScreen.get(screenId) ?? []), e]);
  }
  return byScreen;
}

export const displayKey = (d: { hostId: string; displayId: number }) => `${d.hostId}/${d.displayId}`;
