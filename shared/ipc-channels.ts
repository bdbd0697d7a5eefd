/**
 * IPC channel names between the display agent and its windows, declared once. Kept
 * free of imports on purpose: the sandboxed preload bundles this file, and a sandboxed
 * preload can require nothing but 'electron' (zod, used by ./ipc.ts, would break it).
 */
export const IPC = {
  getWindowConfig: 'toancanh:get-window-config',
  reportStatus: 'toancanh:report-status',
} as const;

/** What a wall window needs to know: which screen it draws and where the feed is. */
export interface WindowConfig {
  /** The screen this window draws, or "all" for the scaled preview. */
  screenId: string;
  serverUrl: string;
  token: string;
  /**
   * The display does not fit the screen (main/window-plan.ts displayMismatch): the page
   * shows a small technician notice. Pixels as hung (expected) and as the display has them.
   */
  /** The agent's host name and the display this window is on (for identify). */
  host?: string;
  displayId?: number;
  displayMismatch?: { kind: 'orientation' | 'size'; expected: { width: number; height: number }; actual: { width: number; height: number } };
}

/**
 * How a window is doing, sent when it changes and at least every HEARTBEAT_INTERVAL_MS
 * (the heartbeat): the agent reloads a window whose heartbeats stop, or whose frames stop
 * while its heartbeats go on (a page that no longer paints).
 */
export interface WindowStatus {
  connected: boolean;
  lastSeq: number | null;
  layoutId: string | null;
  /** Date.now() in the page at its last animation frame; null before the first one. */
  lastFrameAt: number | null;
  /** Frames per second over the last heartbeat interval; null when unknown. */
  fps: number | null;
  /** JS heap in use, MB, where the page can tell (Chromium's performance.memory); else null. */
  heapMb: number | null;
  /** The page shows the last good state it kept on disk, not (yet) the server's. */
  restored: boolean;
}

/** How often a wall page reports its status even when nothing changed. */
export const HEARTBEAT_INTERVAL_MS = 5_000;

/** What the preload puts on `window.toancanh`. */
export interface ToanCanhBridge {
  getWindowConfig(): Promise<WindowConfig>;
  reportStatus(status: WindowStatus): void;
}
