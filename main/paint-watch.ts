/**
 * Whether a wall page still paints. The page reports a heartbeat (its status, at least
 * every few seconds) carrying the time of its last animation frame. Two ways to be stuck:
 *  - no heartbeat for a while: the page's JS is not running (Electron's `unresponsive`
 *    covers a busy main thread; this also covers a page that lost its timers);
 *  - heartbeats but an old last frame: the JS runs but the compositor no longer gives it
 *    frames (a wedged GPU process, a frozen surface) — nothing on the wall moves.
 * Pure: the adapter passes the times it recorded.
 */

export interface PaintTimes {
  /** When the current page finished loading (did-finish-load), or null while loading. */
  loadedAt: number | null;
  /** When the agent last received a status from the page, or null for none since the load. */
  lastHeartbeatAt: number | null;
  /** The page's last animation frame as it reported it, or null for none yet. */
  lastFrameAt: number | null;
}

export type PaintVerdict = 'ok' | 'loading' | 'no-heartbeat' | 'no-frame';

/** Long enough for a slow first render on a busy machine; short enough that a frozen screen is noticed. */
export const PAINT_STALL_MS = 30_000;

export function paintVerdict(times: PaintTimes, now: number, stallMs: number = PAINT_STALL_MS): PaintVerdict {
  if (times.loadedAt === null) return 'loading';
  // Everything is measured from the load at the earliest: an old frame time from the previous page does not count.
  const heartbeat = Math.max(times.lastHeartbeatAt ?? times.loadedAt, times.loadedAt);
  if (now - heartbeat > stallMs) return 'no-heartbeat';
  const frame = Math.max(times.lastFrameAt ?? times.loadedAt, times.loadedAt);
  if (now - frame > stallMs) return 'no-frame';
  return 'ok';
}
