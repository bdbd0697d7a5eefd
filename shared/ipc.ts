import { z } from 'zod';
import type { WindowConfig, WindowStatus } from './ipc-channels';

export { IPC, type ToanCanhBridge, type WindowConfig, type WindowStatus } from './ipc-channels';

/** Runtime checks of what crosses IPC; the main process and the page both validate. */
export const windowConfigSchema = z.object({
  screenId: z.string().min(1).max(40),
  serverUrl: z.url(),
  token: z.string().min(16).max(200),
}) satisfies z.ZodType<WindowConfig>;

export const windowStatusSchema = z.object({
  connected: z.boolean(),
  lastSeq: z.number().int().min(0).nullable(),
  layoutId: z.string().max(64).nullable(),
}) satisfies z.ZodType<WindowStatus>;
