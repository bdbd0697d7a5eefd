import { z } from 'zod';
import { indicatorCodeSchema, regionCodeSchema, NATIONAL_REGION } from './codes';
import { observationSchema, observationStatusSchema } from './model';
import { sequenceSchema } from './feed';
import { periodSchema } from '../period';

/**
 * The report an agency submits: POST /api/v1/reports. Both the server (which validates
 * it, and answers every problem at once) and any submitting client use this schema.
 */

/**
 * The syntax of an agency code: "P" + a province's two-digit code (P01 Hà Nội), or a
 * ministry's upper-case abbreviation (BTC, CTK). Syntax only: which agencies exist is the
 * agency table's business.
 */
export const reportAgencySchema = z
  .string()
  .regex(/^(P\d{2}|[A-Z][A-Z0-9]{1,11})$/, 'agency code: P + a two-digit province code, or 2-12 upper-case letters and digits');

/** The syntax of a reporting regime's code (chế độ báo cáo), e.g. BCA-TNGT-THANG. */
export const reportRegimeSchema = z
  .string()
  .max(40)
  .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+){0,5}$/, 'regime code: upper-case letters and digits in dash-separated words');

export const reportValueSchema = z
  .object({
    indicator: indicatorCodeSchema,
    /** Missing means the whole country. */
    region: regionCodeSchema.default(NATIONAL_REGION),
    /** null: the agency reports "no data" for this cell. JSON cannot carry NaN; 1e999 parses to Infinity and is refused. */
    value: z.number().finite().nullable(),
    /** When given, must be the indicator's unit: a guard against figures in the wrong scale. */
    unit: z.string().min(1).max(60).optional(),
  })
  .strict();
export type ReportValue = z.infer<typeof reportValueSchema>;

export const MAX_REPORT_VALUES = 5_000;

export const reportSchema = z
  .object({
    agency: reportAgencySchema,
    regime: reportRegimeSchema.nullable().optional(),
    period: periodSchema,
    /** Missing means official. */
    status: observationStatusSchema.default('official'),
    values: z.array(reportValueSchema).min(1, 'a report carries at least one value').max(MAX_REPORT_VALUES),
  })
  .strict();
export type Report = z.infer<typeof reportSchema>;
export type ReportInput = z.input<typeof reportSchema>;

export const reportAcceptedSchema = z.object({
  submissionId: z.string(),
  /** The change log's head after this report was committed. */
  seq: sequenceSchema,
  /** The observations this report created (one new vintage per value). */
  observations: z.array(observationSchema),
});
export type ReportAccepted = z.infer<typeof reportAcceptedSchema>;

/** Every refusal of a document lists every problem, each with a JSON path (like the layout loader). */
export const validationFailureSchema = z.object({
  error: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type ValidationFailure = z.infer<typeof validationFailureSchema>;
