import { z } from 'zod';
import { briefingIdSchema, sceneFocusSchema, sceneSchema } from './schema';

/**
 * A briefing's run as the server holds it and pushes it (`briefingRun` on /control): which
 * version, where it is, whether the loop is held, and when it moves on by itself. Times are
 * the server's clock (ms since 1970), so a remote shows the timer from its own estimate of
 * the server's time.
 */
export const runStateSchema = z.object({
  runId: z.number().int().min(1),
  briefingId: briefingIdSchema,
  version: z.number().int().min(1),
  name: z.string(),
  /** Every scene of the version: the remote lists them to jump to. */
  scenes: z.array(sceneSchema).max(60),
  index: z.number().int().min(0),
  held: z.boolean(),
  /** When the current scene went up on the wall (its commit time). */
  sceneSince: z.number().int().min(0),
  /** When the loop moves on by itself; null: held, or the scene has no duration. */
  advanceAt: z.number().int().min(0).nullable(),
  startedAt: z.string(),
  startedBy: z.string(),
  /** Who commanded the current scene. */
  commandedBy: z.string(),
});
export type RunState = z.infer<typeof runStateSchema>;

export const runCommandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), briefingId: briefingIdSchema, version: z.number().int().min(1).max(1_000_000_000).optional(), index: z.number().int().min(0).max(59).optional() }).strict(),
  z.object({ action: z.literal('next') }).strict(),
  z.object({ action: z.literal('previous') }).strict(),
  z.object({ action: z.literal('jump'), index: z.number().int().min(0).max(59) }).strict(),
  z.object({ action: z.literal('hold'), held: z.boolean() }).strict(),
  z.object({ action: z.literal('stop') }).strict(),
]);
export type RunCommand = z.infer<typeof runCommandSchema>;

/** One row of the evidence: what the wall showed, from when to when, on whose command. */
export const shownRowSchema = z.object({
  id: z.number().int(),
  runId: z.number().int(),
  sceneIndex: z.number().int(),
  sceneId: z.string(),
  sceneTitle: z.string(),
  layoutId: z.string(),
  layoutVersion: z.number().int(),
  focus: sceneFocusSchema,
  /** The change-log sequence the wall's figures were at (the freeze's, when frozen). */
  dataSeq: z.number().int(),
  frozenAt: z.string().nullable(),
  from: z.string(),
  /** Null: still showing. */
  to: z.string().nullable(),
  commandedBy: z.string(),
  /** How many wall windows acknowledged the prepare, of how many were connected (0 of 0 for a view change: nothing was prepared). */
  acks: z.number().int(),
  windows: z.number().int(),
  /** 'scene': a scene went up; 'view': within the scene, someone froze or unfroze the wall, drilled down or enlarged a tile. */
  cause: z.enum(['scene', 'view']),
  /** The view the wall had: the scene's focus for a scene row, as changed for a view row (a province and a tile may both be set then). */
  view: z.object({ province: z.string().nullable(), enlargedTileId: z.string().nullable() }),
});
export type ShownRow = z.infer<typeof shownRowSchema>;

export const runSummarySchema = z.object({
  runId: z.number().int(),
  briefingId: z.string(),
  version: z.number().int(),
  startedAt: z.string(),
  startedBy: z.string(),
  endedAt: z.string().nullable(),
  endedBy: z.string().nullable(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;
