import { z } from 'zod';
import { PERSON_READ_ROLES } from '../protocol/roles';
import { defineRoute, json } from './route';

const instant = z.string().max(40).refine((v) => !Number.isNaN(Date.parse(v)), 'an ISO 8601 instant, e.g. 2026-12-02T08:00:00Z');

export const auditQuerySchema = z
  .object({
    /** The actor's name as shown (a display name or a token label), exact. */
    actor: z.string().min(1).max(300).optional(),
    objectType: z.string().min(1).max(60).optional(),
    /** An action (`layout.save`), or every action of an object with a trailing dot (`layout.`). */
    action: z.string().min(2).max(60).regex(/^[a-z][a-z_.]*$/, 'an action such as layout.save, or layout. for every layout action').optional(),
    objectId: z.string().min(1).max(200).optional(),
    /** Inclusive. */
    since: instant.optional(),
    /** Exclusive. */
    until: instant.optional(),
    /** Paging: the `next` of the previous page. */
    before: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

export const auditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ kind: z.enum(['person', 'token', 'server']), id: z.number().int().nullable(), name: z.string() }),
  origin: z.object({ address: z.string().nullable(), userAgent: z.string().nullable() }),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  diff: z.unknown().optional(),
});
export type AuditRowWire = z.infer<typeof auditRowSchema>;
export const auditPageSchema = z.object({ rows: z.array(auditRowSchema), next: z.number().int().nullable() });

/** The record of every accepted change, newest first. */
export const auditRoutes = {
  list: defineRoute({
    name: 'audit.list',
    method: 'GET',
    path: '/api/v1/audit',
    access: PERSON_READ_ROLES,
    summary: 'The audit log, newest first, filtered by actor, object and time, paged with `before`.',
    query: auditQuerySchema,
    replies: { 200: json(auditPageSchema) },
  }),
} as const;
