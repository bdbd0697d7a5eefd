import { HEARTBEAT_INTERVAL_MS, windowStatusSchema, type ToanCanhBridge, type WindowStatus } from '../../shared/ipc';
import { isConnected, type WallStore } from '../store/wallStore';

/**
 * The page's half of the agent's paint watch (main/paint-watch.ts): an animation-frame
 * loop notes when the page last got a frame, and the status goes to the agent when it
 * changes and at least every HEARTBEAT_INTERVAL_MS, with that frame time, the frame rate
 * and the JS heap. A page whose heartbeats stop, or whose frames stop while the
 * heartbeats go on, is reloaded by the agent.
 */

export interface FrameMonitor {
  lastFrameAt(): number | null;
  /** Frames per second since the previous call; null on the first call. */
  takeFps(): number | null;
  stop(): void;
}

export function startFrameMonitor(win: Window = window): FrameMonitor {
  let last: number | null = null;
  let frames = 0;
  let since: number | null = null;
  let handle = 0;
  let running = true;
  const tick = (): void => {
    if (!running) return;
    last = Date.now();
    frames++;
    handle = win.requestAnimationFrame(tick);
  };
  handle = win.requestAnimationFrame(tick);
  return {
    lastFrameAt: () => last,
    takeFps() {
      const now = Date.now();
      const fps = since === null ? null : (frames * 1000) / Math.max(1, now - since);
      since = now;
      frames = 0;
      return fps === null ? null : Math.round(fps * 10) / 10;
    },
    stop() {
      running = false;
      win.cancelAnimationFrame(handle);
    },
  };
}

/** Chromium's non-standard performance.memory, where present (the fleet report reads it too). */
export function heapMb(win: Window): number | null {
  const memory = (win.performance as Performance & { memory?: { usedJSHeapSize?: unknown } }).memory;
  const used = memory?.usedJSHeapSize;
  return typeof used === 'number' && Number.isFinite(used) ? Math.round((used / 1_048_576) * 10) / 10 : null;
}

/** Starts reporting; returns a function that stops it. Nothing happens without a bridge (a browser wall). */
export function startHeartbeat(bridge: ToanCanhBridge | null, store: WallStore, win: Window = window): () => void {
  if (!bridge) return () => undefined;
  const frames = startFrameMonitor(win);
  let lastKey = '';
  let fps: number | null = null;
  const send = (force: boolean): void => {
    const s = store.api.getState();
    const status: WindowStatus = {
      connected: isConnected(s.connection),
      lastSeq: s.lastSeq,
      layoutId: s.wall?.layout.id ?? null,
      lastFrameAt: frames.lastFrameAt(),
      fps,
      heapMb: heapMb(win),
      restored: s.source === 'disk',
    };
    const key = `${status.connected}|${status.lastSeq}|${status.layoutId}|${status.restored}`;
    if (!force && key === lastKey) return;
    lastKey = key;
    // Checked here too: the agent drops an invalid status whole, and we would never know why.
    const checked = windowStatusSchema.safeParse(status);
    if (!checked.success) {
      console.error('[toancanh] not sending an invalid status', checked.error.issues[0]);
      return;
    }
    try {
      bridge.reportStatus(checked.data);
    } catch (error) {
      console.error('[toancanh] reportStatus failed', error);
    }
  };
  send(true);
  const unsubscribe = store.api.subscribe(() => send(false));
  const interval = win.setInterval(() => {
    fps = frames.takeFps();
    send(true);
  }, HEARTBEAT_INTERVAL_MS);
  return () => {
    unsubscribe();
    win.clearInterval(interval);
    frames.stop();
  };
}
