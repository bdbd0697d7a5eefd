import { z } from 'zod';
import { errorBodySchema, fieldErrorSchema } from '../errors/wire';
import { periodSchema } from '../period';
import { deadlineRuleSchema, legalBasisSchema, reportingYearSchema, templateFieldSchema, windowRuleSchema } from '../regimes/schema';
import { submissionSchema, submissionStatusSchema } from '../regimes/submission';
import { complianceEntrySchema, complianceStatusSchema } from './compliance';
import { sequenceSchema } from './feed';
import { indicatorMetaSchema, observationSchema, periodicitySchema } from './model';

/**
 * The reporting API (REST under /api/v1) on the wire: what agencies submit and what every
 * endpoint answers. The server validates its input with these schemas (and with the regime
 * of the submission, shared/regimes/validate-submission.ts) and its tests parse every
 * response with them. docs/api.md describes the routes.
 */

/**
 * The syntax of an agency code: "P" + a province's two-digit code (P01 Hà Nội), or a
 * ministry's upper-case abbreviation (BTC, CTK). Syntax only: which agencies exist is the
 * agency table's business (shared/agencies.ts).
 */
export const reportAgencySchema = z
  .string()
  .regex(/^(P\d{2}|[A-Z][A-Z0-9]{1,11})$/, 'agency code: P + a two-digit province code, or 2-12 upper-case letters and digits');

/** The syntax of a reporting regime's code (chế độ báo cáo), e.g. BCA-TNGT-THANG. */
export const reportRegimeSchema = z
  .string()
  .max(40)
  .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+){0,5}$/, 'regime code: upper-case letters and digits in dash-separated words');

/**
 * A report, POST /api/v1/reports with Content-Type application/json:
 *
 *   { "regime": "CTK-KTXH-NAM", "agency": "CTK", "period": "2026", "status": "estimate",
 *     "values": [ { "indicator": "GDP_GROWTH", "value": 8.3, "unit": "% so với cùng kỳ" }, … ] }
 *
 * The same report as CSV (Content-Type text/csv) carries the regime's template as columns
 * and regime, agency, period and status as query parameters (shared/regimes/csv.ts).
 * The shape only: validateSubmission checks it against its regime.
 */
export const reportSchema = submissionSchema;
export type Report = z.infer<typeof reportSchema>;
export type ReportInput = z.input<typeof reportSchema>;

export const MAX_REPORT_VALUES = 5_000;

/** One reason a request is refused: where, a catalogue code, and why in Vietnamese and English. */
export const reportErrorSchema = fieldErrorSchema;
export type ReportError = z.infer<typeof reportErrorSchema>;

/** Every refusal of a document lists every problem (422; nothing is stored). */
export const validationFailureSchema = errorBodySchema.extend({ errors: z.array(fieldErrorSchema) });
export type ValidationFailure = z.infer<typeof validationFailureSchema>;

/** Any error reply: 400, 401, 403, 404, 409, 413, 415, 422, 429, 500 (shared/errors/wire.ts). */
export const apiErrorSchema = errorBodySchema;

const instant = z.iso.datetime({ offset: true });

/** A stored submission, without its values. */
export const submissionSummarySchema = z.object({
  id: z.string(),
  regime: z.string().nullable(),
  agency: z.string(),
  period: periodSchema,
  /** estimate / official: what the agency said of its figures. */
  status: submissionStatusSchema,
  /** 1 for the first report of its regime × agency × period, then 2, 3, … */
  revision: z.number().int().min(1),
  /** When the report was received (its vintage); backdated only by demo tokens. */
  receivedAt: instant,
  /** When the server stored it. */
  recordedAt: instant,
  demo: z.boolean(),
  format: z.enum(['json', 'csv']),
  valueCount: z.number().int().min(0),
  /** The change log's head after it was committed. */
  seq: sequenceSchema.nullable(),
});
export type SubmissionSummary = z.infer<typeof submissionSummarySchema>;

export const submittedValueSchema = z.object({
  indicator: z.string(),
  region: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
});

/** 201 (stored) or 200 (the same Idempotency-Key again: the stored submission, nothing new). */
export const reportAcceptedSchema = submissionSummarySchema.extend({
  submissionId: z.string(),
  /** The observations this report created (one new vintage per value). */
  observations: z.array(observationSchema),
  /** The compliance of its regime × agency × period after it. */
  compliance: complianceEntrySchema.nullable(),
  /** True when this answers a repeated Idempotency-Key. */
  replayed: z.boolean(),
});
export type ReportAccepted = z.infer<typeof reportAcceptedSchema>;

export const submissionListSchema = z.object({
  submissions: z.array(submissionSummarySchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  next: z.string().nullable(),
});

export const submissionDetailSchema = submissionSummarySchema.extend({
  values: z.array(submittedValueSchema),
  /** Every submission of the same regime × agency × period, oldest first (this one included). */
  revisions: z.array(submissionSummarySchema),
});
export type SubmissionDetail = z.infer<typeof submissionDetailSchema>;

const bilingual = z.object({ vi: z.string(), en: z.string() });

export const agencySchema = z.object({
  code: z.string(),
  kind: z.enum(['ministry', 'ministry-level', 'government-agency', 'ministry-unit', 'province']),
  name: bilingual,
  shortName: bilingual,
  parent: z.string().nullable(),
  region: z.string(),
  formerCodes: z.array(z.string()),
  /** The regimes it reports under. */
  regimes: z.array(z.string()),
});
export type AgencyWire = z.infer<typeof agencySchema>;
export const agencyListSchema = z.object({ agencies: z.array(agencySchema) });

export const regimeSummarySchema = z.object({
  code: z.string(),
  version: z.number().int(),
  name: bilingual,
  kind: z.enum(['administrative', 'statistical']),
  owner: z.string(),
  periodicity: periodicitySchema,
  window: windowRuleSchema,
  deadline: deadlineRuleSchema,
  effectiveFrom: z.iso.date(),
  /** Agency codes (the 34 provinces spelled out for "all-provinces"). */
  reporters: z.array(z.string()),
  indicators: z.array(z.string()),
});
export type RegimeSummary = z.infer<typeof regimeSummarySchema>;
export const regimeListSchema = z.object({ regimes: z.array(regimeSummarySchema) });

export const regimeDetailSchema = regimeSummarySchema.extend({
  reportersRule: z.union([z.literal('all-provinces'), z.array(z.string())]),
  legalBasis: z.array(legalBasisSchema),
  fields: z.array(templateFieldSchema),
  note: bilingual.optional(),
  /** For cumulative figures: the day their year starts (01-01 the calendar year). */
  reportingYear: reportingYearSchema.optional(),
  /** The CSV header of the template: region,<indicator>,… */
  csvHeader: z.string(),
  /** Periods whose report is being collected now (window begun, deadline not passed). */
  openPeriods: z.array(periodSchema),
  nextDeadline: z
    .object({
      period: periodSchema,
      deadline: instant,
      /** The day the rule gives; `deadline` is later when that day is not a working day. */
      nominal: z.iso.date(),
      /** The non-working days the deadline moved over (weekend, holiday, compensatory day). */
      movedOver: z.array(z.object({ date: z.iso.date(), kind: z.enum(['weekend', 'holiday', 'compensatory', 'swap']), name: bilingual })),
    })
    .nullable(),
});
export type RegimeDetail = z.infer<typeof regimeDetailSchema>;

export const indicatorListSchema = z.object({ indicators: z.array(indicatorMetaSchema) });

export const observationListSchema = z.object({
  /** The change log's head when read: the rows are at least as new as it. */
  seq: sequenceSchema,
  observations: z.array(observationSchema),
});

export const complianceSummarySchema = z.object({
  key: z.string(),
  counts: z.record(complianceStatusSchema, z.number().int().min(0)),
  due: z.number().int().min(0),
  onTimeRate: z.number().min(0).max(1).nullable(),
  maxLateByMs: z.number().int().min(0),
});

export const complianceListSchema = z.object({
  /** The instant the statuses are computed at (missing ones' overdueByMs counts to it). */
  asOf: instant,
  seq: sequenceSchema,
  entries: z.array(complianceEntrySchema),
  /** With ?summary=regime|agency|period. */
  summary: z.array(complianceSummarySchema).optional(),
});
