import { z } from 'zod';
import { indicatorCodeSchema, regionCodeSchema } from './codes';
import { complianceEntrySchema, regimeMetaSchema } from './compliance';
import { indicatorMetaSchema, observationSchema } from './model';
import { taskSchema } from '../tasks/schema';
import { MAX_HISTORY_YEARS } from '../widgets/history-span';

/**
 * The /feed namespace. Every change the server commits gets the next sequence number
 * of a persisted change log; a client remembers the last one it applied and sends it
 * when it (re)subscribes, so it receives exactly the gap, or a fresh snapshot when the
 * gap is no longer in the log.
 */
export const FEED_NAMESPACE = '/feed';

export const sequenceSchema = z.number().int().min(0);

export const subscribeRequestSchema = z
  .object({
    lastSeq: sequenceSchema.nullable(),
    /** null: every indicator. */
    indicators: z.array(indicatorCodeSchema).max(500).nullable(),
    /** null: every region. */
    regions: z.array(regionCodeSchema).max(100).nullable(),
    /** Also receive reporting compliance (regime × agency × period statuses). */
    compliance: z.boolean().optional(),
    /**
     * A snapshot holds only the newest N calendar years of each indicator × region, counted
     * from that series' own newest year (shared/widgets/history-span.ts); absent: every period.
     * Replays are not windowed: they carry only what changed.
     */
    historyYears: z.number().int().min(1).max(MAX_HISTORY_YEARS).optional(),
  })
  .strict();
export type SubscribeRequest = z.infer<typeof subscribeRequestSchema>;

export const subscribeReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), mode: z.enum(['replay', 'snapshot']), seq: sequenceSchema }),
  // `error` is the English text (older clients show it); `code` is a catalogue code (shared/errors).
  z.object({ ok: z.literal(false), error: z.string(), code: z.string().optional(), message_vi: z.string().optional() }),
]);
export type SubscribeReply = z.infer<typeof subscribeReplySchema>;

export const snapshotSchema = z.object({
  /** The change log's head when the snapshot was taken. */
  seq: sequenceSchema,
  serverTime: z.iso.datetime({ offset: true }),
  indicators: z.array(indicatorMetaSchema),
  /** The newest vintage of every matching indicator × region × period. */
  observations: z.array(observationSchema),
  /** Present when the client subscribed to compliance: the current and recent periods. */
  compliance: z.array(complianceEntrySchema).optional(),
  regimes: z.array(regimeMetaSchema).optional(),
  /** With compliance: the tasks assigned by the Government and the Prime Minister (their status as of serverTime). */
  tasks: z.array(taskSchema).optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const changeSchema = z.discriminatedUnion('kind', [
  z.object({ seq: sequenceSchema, kind: z.literal('observation'), observation: observationSchema }),
  z.object({ seq: sequenceSchema, kind: z.literal('indicator'), indicator: indicatorMetaSchema }),
  z.object({ seq: sequenceSchema, kind: z.literal('compliance'), entry: complianceEntrySchema }),
  // A task registered or reported on; goes with compliance to the clients that asked for it.
  z.object({ seq: sequenceSchema, kind: z.literal('task'), task: taskSchema }),
]);
export type Change = z.infer<typeof changeSchema>;

export const changeBatchSchema = z.object({
  /** The server's head after this batch; changes the client did not subscribe to are left out. */
  seq: sequenceSchema,
  changes: z.array(changeSchema),
});
export type ChangeBatch = z.infer<typeof changeBatchSchema>;

export interface FeedServerToClient {
  snapshot: (payload: Snapshot) => void;
  changes: (payload: ChangeBatch) => void;
}

export interface FeedClientToServer {
  subscribe: (request: SubscribeRequest, ack: (reply: SubscribeReply) => void) => void;
}
