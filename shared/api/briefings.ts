import { z } from 'zod';
import { briefingIdSchema, briefingSchema } from '../briefing/schema';
import { runCommandSchema, runStateSchema, runSummarySchema, shownRowSchema } from '../briefing/run';
import { OPERATOR_ROLES } from '../protocol/roles';
import { VIEW_ROLES } from '../wall/view';
import { defineRoute, json } from './route';

/**
 * Briefings (issue 10, docs/briefings.md): every save a version that never changes, saves
 * carrying the version they started from (409 on a stale one); operators edit, presenters
 * and operators read and run them. A run's commands move the wall scene by scene; what the
 * wall showed is kept and read back per run.
 */
export const briefingSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  headVersion: z.number().int().min(1),
  scenes: z.number().int().min(0),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type BriefingSummary = z.infer<typeof briefingSummarySchema>;

export const briefingVersionInfoSchema = z.object({ briefingId: z.string(), version: z.number().int().min(1), note: z.string(), by: z.string(), at: z.string() });
export type BriefingVersionInfo = z.infer<typeof briefingVersionInfoSchema>;
export const briefingVersionSchema = briefingVersionInfoSchema.extend({ document: briefingSchema });
export type BriefingVersion = z.infer<typeof briefingVersionSchema>;
export const briefingListSchema = z.object({ briefings: z.array(briefingSummarySchema) });
export const briefingDetailSchema = z.object({ briefing: briefingSummarySchema, head: briefingVersionSchema });
export const briefingVersionListSchema = z.object({ briefingId: z.string(), versions: z.array(briefingVersionInfoSchema) });
export const briefingSavedSchema = z.object({ briefing: briefingSummarySchema, version: briefingVersionInfoSchema });

/** A save: `baseVersion` is the version the editor started from, or null for a new briefing. */
export const briefingSaveBodySchema = z.object({ baseVersion: z.number().int().min(1).nullable(), document: briefingSchema, note: z.string().trim().max(500).optional() }).strict();

export const runReplySchema = z.object({ run: runStateSchema.nullable() });
export const runListSchema = z.object({ runs: z.array(runSummarySchema) });
export const shownListSchema = z.object({ run: runSummarySchema, shown: z.array(shownRowSchema), total: z.number().int() });

// Loose on purpose: an id or version that names nothing is a 404, not a 400.
const idParams = z.object({ id: z.string().min(1).max(64) });
const versionParams = z.object({ id: z.string().min(1).max(64), version: z.string().min(1).max(12) });

export const briefingRoutes = {
  list: defineRoute({
    name: 'briefings.list',
    method: 'GET',
    path: '/api/v1/briefings',
    access: VIEW_ROLES,
    summary: 'The briefings in the store.',
    replies: { 200: json(briefingListSchema) },
  }),
  get: defineRoute({
    name: 'briefings.get',
    method: 'GET',
    path: '/api/v1/briefings/:id',
    access: VIEW_ROLES,
    summary: 'One briefing with its head version.',
    params: idParams,
    replies: { 200: json(briefingDetailSchema) },
  }),
  versions: defineRoute({
    name: 'briefings.versions',
    method: 'GET',
    path: '/api/v1/briefings/:id/versions',
    access: VIEW_ROLES,
    summary: 'Every version of a briefing, newest first (who, when, note).',
    params: idParams,
    replies: { 200: json(briefingVersionListSchema) },
  }),
  version: defineRoute({
    name: 'briefings.version',
    method: 'GET',
    path: '/api/v1/briefings/:id/versions/:version',
    access: VIEW_ROLES,
    summary: 'One version with its scenes.',
    params: versionParams,
    replies: { 200: json(briefingVersionSchema) },
  }),
  save: defineRoute({
    name: 'briefings.save',
    method: 'PUT',
    path: '/api/v1/briefings/:id',
    access: OPERATOR_ROLES,
    summary: 'Save a new version (audited); 409 briefing.version_conflict when the head is not baseVersion; 422 with every fault (a scene whose layout version or tile does not exist); nothing written then.',
    params: idParams,
    body: { schema: briefingSaveBodySchema, check: 'handler' },
    replies: { 200: json(briefingSavedSchema), 201: json(briefingSavedSchema) },
  }),
  run: defineRoute({
    name: 'briefings.run',
    method: 'GET',
    path: '/api/v1/briefing-run',
    access: VIEW_ROLES,
    summary: 'The run in progress (null: none).',
    replies: { 200: json(runReplySchema) },
  }),
  command: defineRoute({
    name: 'briefings.command',
    method: 'POST',
    path: '/api/v1/briefing-run',
    access: VIEW_ROLES,
    summary: 'Start, next, previous, jump, hold or stop (audited): the wall prepares the scene, then every window swaps at one server time.',
    body: { schema: runCommandSchema, check: 'route' },
    replies: { 200: json(runReplySchema) },
  }),
  runs: defineRoute({
    name: 'briefings.runs',
    method: 'GET',
    path: '/api/v1/briefing-runs',
    access: VIEW_ROLES,
    summary: 'The runs, newest first (at most 100).',
    query: z.object({ briefingId: briefingIdSchema.optional() }).strict(),
    replies: { 200: json(runListSchema) },
  }),
  shown: defineRoute({
    name: 'briefings.shown',
    method: 'GET',
    path: '/api/v1/briefing-runs/:id/shown',
    access: VIEW_ROLES,
    summary: 'The evidence of a run: each scene, focus and data sequence the wall showed, from when to when, on whose command (at most 1000 rows).',
    params: idParams,
    replies: { 200: json(shownListSchema) },
  }),
} as const;
