import { z } from 'zod';
import type { RunState } from '../briefing/run';
import { layoutSchema } from '../layout/schema';
import { provinceCodeSchema } from '../regions';
import { viewTileIdSchema } from '../wall/view';

/**
 * Switching a briefing's scene on every wall window together, over /control:
 * 1. `briefingPrepare` to every wall socket: the scene's layout and focus; the window
 *    mounts it off screen and acks (bounded wait on the server).
 * 2. `briefingCommit`: swap at `at`, in server time; each window converts it with its
 *    clock offset estimate (`clockPing`, shared/briefing/clock.ts). The wall state and
 *    view the server then pushes are the same scene: a window that has a commit pending
 *    holds them until `at`.
 * `briefingRun` tells every socket (the remote too) where the run is.
 */
export const briefingPrepareSchema = z
  .object({
    switchId: z.number().int().min(1),
    layout: layoutSchema,
    view: z.object({ enlargedTileId: viewTileIdSchema.nullable(), province: provinceCodeSchema.nullable() }).strict(),
  })
  .strict();
export type BriefingPrepare = z.infer<typeof briefingPrepareSchema>;

export const briefingPrepareAckSchema = z.object({ switchId: z.number().int().min(1), ok: z.boolean() }).strict();
export type BriefingPrepareAck = z.infer<typeof briefingPrepareAckSchema>;

export const briefingCommitSchema = z.object({ switchId: z.number().int().min(1), at: z.number().int().min(0) }).strict();
export type BriefingCommit = z.infer<typeof briefingCommitSchema>;

/** How long the server waits for the windows' acks before it commits anyway (a window that missed it catches up on the wall state). */
export const PREPARE_WAIT_MS = 2000;
/** How far ahead of "now" the commit time is set: the commit message reaches every window before it. */
export const COMMIT_LEAD_MS = 120;

export interface BriefingServerToClient {
  briefingPrepare: (prepare: BriefingPrepare, ack: (reply: BriefingPrepareAck) => void) => void;
  briefingCommit: (commit: BriefingCommit) => void;
  briefingRun: (run: RunState | null) => void;
}

export interface BriefingClientToServer {
  /** The client's send time; the reply is the server's clock (ms since 1970). */
  clockPing: (clientSentAt: number, ack: (serverNow: number) => void) => void;
}
