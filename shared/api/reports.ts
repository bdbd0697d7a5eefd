import { z } from 'zod';
import { periodSchema } from '../period';
import { reportAcceptedSchema, reportSchema, submissionDetailSchema, submissionListSchema } from '../protocol/report';
import { SUBMIT_ROLES } from '../protocol/roles';
import { dayOrInstant } from './query';
import { defineRoute, json } from './route';

/** CSV reports carry their envelope here; a JSON report may only use receivedAt. */
export const reportQuerySchema = z
  .object({
    regime: z.string().max(60).optional(),
    agency: z.string().max(20).optional(),
    period: z.string().max(40).optional(),
    status: z.string().max(20).optional(),
    receivedAt: z.string().max(40).optional(),
  })
  .strict();

export const submissionQuerySchema = z
  .object({
    regime: z.string().max(60).optional(),
    agency: z.string().max(20).optional(),
    period: periodSchema.optional(),
    demo: z.enum(['0', '1', 'true', 'false']).optional(),
    from: dayOrInstant.optional(),
    to: dayOrInstant.optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    before: z.string().max(64).optional(),
  })
  .strict();

export const reportRoutes = {
  submit: defineRoute({
    name: 'reports.submit',
    method: 'POST',
    path: '/api/v1/reports',
    access: SUBMIT_ROLES,
    summary: 'Submit a report (JSON, or CSV in its template with the envelope in the query); 422 lists every fault.',
    query: reportQuerySchema,
    queryStatus: 422,
    // Checked against its regime by the handler: only the regime can say what is wrong.
    body: { schema: reportSchema, check: 'handler', csv: true },
    headers: ['idempotency-key'],
    replies: { 201: json(reportAcceptedSchema), 200: json(reportAcceptedSchema) },
  }),
  submissions: defineRoute({
    name: 'reports.submissions',
    method: 'GET',
    path: '/api/v1/submissions',
    access: SUBMIT_ROLES,
    summary: 'Submissions, newest first, a page at a time (a submitter: its own agency).',
    query: submissionQuerySchema,
    replies: { 200: json(submissionListSchema) },
  }),
  submission: defineRoute({
    name: 'reports.submission',
    method: 'GET',
    path: '/api/v1/submissions/:id',
    access: SUBMIT_ROLES,
    summary: 'One submission with its values and every revision of its regime × agency × period.',
    params: z.object({ id: z.string().min(1).max(64) }),
    replies: { 200: json(submissionDetailSchema) },
  }),
} as const;
