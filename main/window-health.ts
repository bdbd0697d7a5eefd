import type { WindowStatus } from '../shared/ipc';
import type { DisplayMismatch } from './window-plan';

/**
 * What the agent knows about each of its windows, for the technician: restarts, the last
 * error, the last frame, fps and heap as the page reported them, the feed's sequence.
 * Kept here, in one place: the fleet reporter (main/fleet-reporter.ts) sends `snapshot()`'s
 * windows to the server in its `hello` and `status` on /control, and every event goes to
 * the log and to the `onEvent` hook (which also nudges the reporter). No Electron.
 */

export type HealthEventKind =
  | 'opened'
  | 'closed'
  | 'loaded'
  | 'renderer-gone'
  | 'unresponsive'
  | 'responsive'
  | 'paint-stalled'
  | 'load-failed'
  | 'reloading'
  | 'recycled'
  | 'gpu-gone'
  | 'relaunch'
  | 'off-display'
  | 'display-mismatch';

export interface HealthEvent {
  at: number;
  /** The window's key (its screen id), or null for the agent as a whole (GPU, relaunch). */
  window: string | null;
  kind: HealthEventKind;
  detail: string;
}

export interface WindowHealth {
  key: string;
  screenId: string;
  displayId: number;
  openedAt: number;
  /** Reloads after a failure (crash, hang, stall, failed load); recycling does not count. */
  restarts: number;
  lastError: { at: number; kind: HealthEventKind; detail: string } | null;
  loadedAt: number | null;
  lastHeartbeatAt: number | null;
  lastFrameAt: number | null;
  fps: number | null;
  heapMb: number | null;
  connected: boolean | null;
  lastSeq: number | null;
  layoutId: string | null;
  restored: boolean | null;
  /** The display does not fit the screen (size or orientation): a warning for the health board. */
  displayMismatch: DisplayMismatch | null;
}

const FAILURES: ReadonlySet<HealthEventKind> = new Set(['renderer-gone', 'unresponsive', 'paint-stalled', 'load-failed', 'gpu-gone']);
/** Recent events kept in memory for a health report; the log has them all. */
const MAX_EVENTS = 200;

export class HealthRegistry {
  private readonly windows = new Map<string, WindowHealth>();
  private readonly events: HealthEvent[] = [];

  constructor(
    private readonly now: () => number,
    private readonly onEvent: (event: HealthEvent) => void = () => undefined,
  ) {}

  opened(key: string, screenId: string, displayId: number, displayMismatch: DisplayMismatch | null = null): void {
    const previous = this.windows.get(key);
    this.windows.set(key, {
      key,
      screenId,
      displayId,
      openedAt: this.now(),
      // A window re-opened on another display keeps its history.
      restarts: previous?.restarts ?? 0,
      lastError: previous?.lastError ?? null,
      loadedAt: null,
      lastHeartbeatAt: null,
      lastFrameAt: null,
      fps: null,
      heapMb: null,
      connected: null,
      lastSeq: null,
      layoutId: null,
      restored: null,
      displayMismatch,
    });
    this.event(key, 'opened', `display ${displayId}`);
    if (displayMismatch) {
      const { kind, expected, actual } = displayMismatch;
      this.event(key, 'display-mismatch', `${kind}: screen ${expected.width}×${expected.height} px, display ${actual.width}×${actual.height} px`);
    }
  }

  closed(key: string, why: string): void {
    this.event(key, 'closed', why);
    this.windows.delete(key);
  }

  loaded(key: string): void {
    const health = this.windows.get(key);
    if (!health) return;
    health.loadedAt = this.now();
    health.lastHeartbeatAt = null;
    health.lastFrameAt = null;
    this.event(key, 'loaded', '');
  }

  heartbeat(key: string, status: WindowStatus): void {
    const health = this.windows.get(key);
    if (!health) return;
    health.lastHeartbeatAt = this.now();
    health.lastFrameAt = status.lastFrameAt;
    health.fps = status.fps;
    health.heapMb = status.heapMb;
    health.connected = status.connected;
    health.lastSeq = status.lastSeq;
    health.layoutId = status.layoutId;
    health.restored = status.restored;
  }

  /** Records an event; failures count as a restart of that window and become its last error. */
  event(window: string | null, kind: HealthEventKind, detail: string): HealthEvent {
    const event: HealthEvent = { at: this.now(), window, kind, detail };
    this.events.push(event);
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
    const health = window === null ? undefined : this.windows.get(window);
    if (health && FAILURES.has(kind)) {
      health.restarts++;
      health.lastError = { at: event.at, kind, detail };
    }
    this.onEvent(event);
    return event;
  }

  get(key: string): WindowHealth | undefined {
    const health = this.windows.get(key);
    return health ? { ...health } : undefined;
  }

  /** Every window's health and the recent events: what a `hello` to the server would carry. */
  snapshot(): { windows: WindowHealth[]; events: HealthEvent[] } {
    return { windows: [...this.windows.values()].map((w) => ({ ...w })), events: [...this.events] };
  }
}
