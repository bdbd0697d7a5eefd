import { z } from 'zod';
import { OPERATOR_ROLES, VIEWER_ROLES } from '../protocol/roles';
import { layoutIdSchema, scheduleSchema, slotSchema, layoutRefSchema } from '../schedule/slots';
import { defineRoute, json } from './route';

/**
 * What the wall shows and why: publishing ("Đưa lên tường"), the schedule of slots
 * (Asia/Ho_Chi_Minh) and the manual override (docs/console.md, "Publishing", "Schedule").
 */
export const liveSourceSchema = z.enum(['schedule', 'fallback', 'manual', 'other']);

export const liveStatusSchema = z.object({
  /** The layout and version the wall shows now; version null for a layout not from the library (a watched file). */
  layoutId: z.string(),
  version: z.number().int().nullable(),
  title: z.object({ vi: z.string(), en: z.string().optional() }),
  /** schedule: a slot chose it; fallback: the schedule's choice outside slots; manual: someone pushed it; other: a file, the command line, a first start. */
  source: liveSourceSchema,
  slotId: z.string().nullable(),
  by: z.string(),
  since: z.string(),
  reason: z.string(),
  /** A manual push holds until `until` (the next slot boundary; null: until released). */
  override: z.object({ by: z.string(), since: z.string(), until: z.string().nullable() }).nullable(),
  /** The next switch: when, and what the schedule will put live then (layout null: the wall keeps what it shows). */
  next: z
    .object({
      at: z.string(),
      slotId: z.string().nullable(),
      layoutId: z.string().nullable(),
      version: z.number().int().nullable(),
    })
    .nullable(),
  wallRevision: z.number().int(),
});
export type LiveStatus = z.infer<typeof liveStatusSchema>;

export const storedScheduleSchema = z.object({
  slots: z.array(slotSchema),
  fallback: layoutRefSchema.nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type StoredSchedule = z.infer<typeof storedScheduleSchema>;

export const scheduleRoutes = {
  publish: defineRoute({
    name: 'schedule.publish',
    method: 'POST',
    path: '/api/v1/publish',
    access: OPERATOR_ROLES,
    summary: 'Push one version live on every wall window ("Đưa lên tường"); overrides the schedule until its next boundary or a release.',
    body: { schema: z.object({ layoutId: layoutIdSchema, version: z.number().int().min(1) }).strict(), check: 'route' },
    replies: { 200: json(liveStatusSchema) },
  }),
  live: defineRoute({
    name: 'schedule.live',
    method: 'GET',
    path: '/api/v1/live',
    access: VIEWER_ROLES,
    summary: 'What is live now, why (slot, manual push by whom, since) and what comes next and when.',
    replies: { 200: json(liveStatusSchema) },
  }),
  get: defineRoute({
    name: 'schedule.get',
    method: 'GET',
    path: '/api/v1/schedule',
    access: VIEWER_ROLES,
    summary: 'The schedule: slots by day of week and time of day (UTC+7), and what shows outside them.',
    replies: { 200: json(storedScheduleSchema) },
  }),
  update: defineRoute({
    name: 'schedule.update',
    method: 'PUT',
    path: '/api/v1/schedule',
    access: OPERATOR_ROLES,
    summary: 'Replace the schedule; overlapping slots or unknown layouts are refused whole (422).',
    body: { schema: scheduleSchema, check: 'handler' },
    replies: { 200: json(storedScheduleSchema) },
  }),
  release: defineRoute({
    name: 'schedule.release',
    method: 'POST',
    path: '/api/v1/schedule/release',
    access: OPERATOR_ROLES,
    summary: 'End a manual override: the schedule chooses again now.',
    replies: { 200: json(liveStatusSchema) },
  }),
} as const;
