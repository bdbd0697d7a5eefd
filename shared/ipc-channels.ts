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
}

export interface WindowStatus {
  connected: boolean;
  lastSeq: number | null;
  layoutId: string | null;
}

/** What the preload puts on `window.toancanh`. */
export interface ToanCanhBridge {
  getWindowConfig(): Promise<WindowConfig>;
  reportStatus(status: WindowStatus): void;
}
