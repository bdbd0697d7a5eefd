import { z } from 'zod';
import { periodSchema } from '../period';
import { indicatorCodeSchema, regionCodeSchema } from '../protocol/codes';
import { complianceStatusSchema } from '../protocol/compliance';
import { complianceListSchema, observationListSchema } from '../protocol/report';
import { ALL_ROLES, VIEWER_ROLES } from '../protocol/roles';
import { MAX_HISTORY_YEARS } from '../widgets/history-span';
import { dayOrPeriod, flag, isTrue, list } from './query';
import { defineRoute, json } from './route';

export const observationQuerySchema = z
  .object({
    indicator: list(indicatorCodeSchema).optional(),
    region: list(regionCodeSchema).optional(),
    period: list(periodSchema).optional(),
    from: dayOrPeriod.optional(),
    to: dayOrPeriod.optional(),
    agency: list(z.string().max(20)).optional(),
    regime: list(z.string().max(60)).optional(),
    status: list(z.enum(['estimate', 'official'])).optional(),
    demo: flag.optional(),
    history: flag.optional(),
    /** The newest of each key, within this many calendar years back from each series' own newest (the window a wall's snapshot has): 1, the latest year of every series. */
    historyYears: z.coerce.number().int().min(1).max(MAX_HISTORY_YEARS).optional(),
    limit: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .refine((q) => !(q.historyYears !== undefined && isTrue(q.history)), { path: ['historyYears'], message: 'historyYears windows the newest vintages; it does not apply with history=1' });

export const complianceQuerySchema = z
  .object({
    regime: list(z.string().max(60)).optional(),
    agency: list(z.string().max(20)).optional(),
    period: list(periodSchema).optional(),
    status: list(complianceStatusSchema).optional(),
    from: dayOrPeriod.optional(),
    to: dayOrPeriod.optional(),
    summary: z.enum(['regime', 'agency', 'period']).optional(),
  })
  .strict();

/** What the walls read: observations and reporting compliance. */
export const readRoutes = {
  observations: defineRoute({
    name: 'reads.observations',
    method: 'GET',
    path: '/api/v1/observations',
    access: VIEWER_ROLES,
    summary: 'Observations by indicator, region, period…; the newest vintage of each, or every one with history=1.',
    query: observationQuerySchema,
    replies: { 200: json(observationListSchema) },
  }),
  compliance: defineRoute({
    name: 'reads.compliance',
    method: 'GET',
    path: '/api/v1/compliance',
    access: ALL_ROLES,
    summary: 'Reporting compliance per regime × agency × period (a submitter: its own agency).',
    query: complianceQuerySchema,
    replies: { 200: json(complianceListSchema) },
  }),
} as const;
