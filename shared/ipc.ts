import { z } from 'zod';

/**
 * IPC between the display agent and its windows, declared once. The preload exposes
 * one named function per channel; the main process checks every sender.
 */
export const IPC = {
  getWindowConfig: 'toancanh:get-window-config',
  reportStatus: 'toancanh:report-status',
} as const;

export const windowConfigSchema = z.object({
  /** The screen this window draws, or "all" for the scaled preview. */
  screenId: z.string().min(1).max(40),
  serverUrl: z.url(),
  token: z.string().min(16).max(200),
});
export type WindowConfig = z.infer<typeof windowConfigSchema>;

export const windowStatusSchema = z.object({
  connected: z.boolean(),
  lastSeq: z.number().int().min(0).nullable(),
  layoutId: z.string().max(64).nullable(),
});
export type WindowStatus = z.infer<typeof windowStatusSchema>;

/** What the preload puts on `window.toancanh`. */
export interface ToanCanhBridge {
  getWindowConfig(): Promise<WindowConfig>;
  reportStatus(status: WindowStatus): void;
}
