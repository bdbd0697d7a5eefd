import { z } from 'zod';
import { isAgencyCode } from '../agencies';
import { TASK_STATUSES } from './status';

/**
 * A task assigned by the Government or the Prime Minister, as the register stores it and
 * the API carries it. The assigning document is cited as it is written (number, date,
 * kind); the agency in charge is an agency code of shared/agencies.ts.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD');

/** The kinds of document that assign tasks to ministries and provinces. */
export const taskDocumentKindSchema = z.enum(['nghi-quyet', 'quyet-dinh', 'chi-thi', 'cong-dien', 'thong-bao-ket-luan', 'van-ban']);
export type TaskDocumentKind = z.infer<typeof taskDocumentKindSchema>;

export const taskDocumentSchema = z
  .object({
    /** "01/NQ-CP", "45/CĐ-TTg" … as printed. */
    number: z.string().min(1).max(60),
    date: day,
    kind: taskDocumentKindSchema,
  })
  .strict();

export const taskCreateSchema = z
  .object({
    document: taskDocumentSchema,
    title: z.object({ vi: z.string().min(1).max(500), en: z.string().min(1).max(500).optional() }).strict(),
    agency: z.string().max(20).refine(isAgencyCode, 'an agency code of the catalogue (GET /api/v1/agencies)'),
    dueDate: day,
    /** Demo tasks (seeded, simulated) are marked on the wall as every demo figure is. */
    demo: z.boolean().default(false),
  })
  .strict()
  .refine((t) => t.dueDate >= t.document.date, { message: 'the due date cannot precede the assigning document', path: ['dueDate'] });
export type TaskCreate = z.infer<typeof taskCreateSchema>;

/** What an agency reports: how far along, a note, and the day it was done (once it is). */
export const taskProgressSchema = z
  .object({
    progress: z.number().int().min(0).max(100),
    note: z.string().max(2000).optional(),
    completedOn: day.nullable().optional(),
  })
  .strict()
  .refine((p) => !p.completedOn || p.progress === 100, { message: 'a task reported done is 100 % done', path: ['progress'] });
export type TaskProgress = z.infer<typeof taskProgressSchema>;

export const taskStatusSchema = z.enum(TASK_STATUSES as unknown as ['overdue', 'in-progress', 'done-late', 'done-on-time']);

export const taskSchema = z.object({
  id: z.number().int(),
  document: taskDocumentSchema,
  title: z.object({ vi: z.string(), en: z.string().optional() }),
  agency: z.string(),
  dueDate: day,
  /** The due date moved past days off (Civil Code art. 148). */
  effectiveDue: day,
  status: taskStatusSchema,
  workingDaysLate: z.number().int().min(0),
  progress: z.number().int().min(0).max(100),
  note: z.string().nullable(),
  completedOn: day.nullable(),
  demo: z.boolean(),
  version: z.number().int().min(1),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskListQuerySchema = z
  .object({
    agency: z.string().max(20).optional(),
    status: taskStatusSchema.optional(),
  })
  .strict();
