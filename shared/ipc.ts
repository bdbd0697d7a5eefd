import { z } from 'zod';
import type { WindowConfig, WindowStatus } from './ipc-channels';

export { HEARTBEAT_INTERVAL_MS, IPC, type ToanCanhBridge, type WindowConfig, type WindowStatus } from './ipc-channels';

/** Runtime checks of what crosses IPC; the main process and the page both validate. */
export const windowConfigSchema = z.object({
  screenId: z.string().min(1).max(40),
  serverUrl: z.url(),
  token: z.string().min(16).max(200),
  host: z.string().max(120).optional(),
  displayId: z.number().int().optional(),
  displayMismatch: z
    .object({
      kind: z.enum(['orientation', 'size']),
      expected: z.object({ width: z.number().int().min(0).max(100_000), height: z.number().int().min(0).max(100_000) }),
      actual: z.object({ width: z.number().int().min(0).max(100_000), height: z.number().int().min(0).max(100_000) }),
    })
    .optional(),
}) satisfies z.ZodType<WindowConfig>;

/** A clock reading: a whole millisecond count that fits a Date. */
const clockMs = z.number().int().min(0).max(8.64e15);

export const windowStatusSchema = z
  .object({
    connected: z.boolean(),
    lastSeq: z.number().int().min(0).nullable(),
    layoutId: z.string().max(64).nullable(),
    lastFrameAt: clockMs.nullable(),
    fps: z.number().min(0).max(1000).nullable(),
    heapMb: z.number().min(0).max(1_000_000).nullable(),
    restored: z.boolean(),
  })
  .strict() satisfies z.ZodType<WindowStatus>;
