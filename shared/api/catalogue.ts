import { z } from 'zod';
import { agencyListSchema, indicatorListSchema, regimeDetailSchema, regimeListSchema } from '../protocol/report';
import { ALL_ROLES } from '../protocol/roles';
import { defineRoute, json, text } from './route';

/** The reporting catalogue: what every caller, a submitter included, needs to report. */
const regimeParams = z.object({ code: z.string().min(1).max(60) });

export const catalogueRoutes = {
  indicators: defineRoute({
    name: 'catalogue.indicators',
    method: 'GET',
    path: '/api/v1/indicators',
    access: ALL_ROLES,
    summary: 'The indicators with their names, units, periodicity and plan targets.',
    replies: { 200: json(indicatorListSchema) },
  }),
  regimes: defineRoute({
    name: 'catalogue.regimes',
    method: 'GET',
    path: '/api/v1/regimes',
    access: ALL_ROLES,
    summary: 'The reporting regimes.',
    replies: { 200: json(regimeListSchema) },
  }),
  regime: defineRoute({
    name: 'catalogue.regime',
    method: 'GET',
    path: '/api/v1/regimes/:code',
    access: ALL_ROLES,
    summary: 'One regime with its template, open periods and next deadline.',
    params: regimeParams,
    replies: { 200: json(regimeDetailSchema) },
  }),
  regimeTemplate: defineRoute({
    name: 'catalogue.regime_template',
    method: 'GET',
    path: '/api/v1/regimes/:code/template.csv',
    access: ALL_ROLES,
    summary: "An empty CSV of the regime's template for an agency (default: the caller's).",
    params: regimeParams,
    query: z.object({ agency: z.string().min(1).max(20).optional() }).strict(),
    replies: { 200: text('text/csv; charset=utf-8') },
  }),
  agencies: defineRoute({
    name: 'catalogue.agencies',
    method: 'GET',
    path: '/api/v1/agencies',
    access: ALL_ROLES,
    summary: 'The reporting agencies and the regimes each reports.',
    replies: { 200: json(agencyListSchema) },
  }),
} as const;
