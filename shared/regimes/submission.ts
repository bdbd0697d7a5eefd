import type { FieldError } from '../errors';
import { z } from 'zod';
import { indicatorCodeSchema, regionCodeSchema } from '../protocol/codes';
import { observationStatusSchema } from '../protocol/model';
import { periodSchema } from '../period';
import { regimeCodeSchema } from './schema';

/**
 * A submission (one report) on the wire:
 *
 *   { "regime": "BCA-TNGT-THANG", "agency": "BCA", "period": "2025-03", "status": "official",
 *     "values": [ { "indicator": "TRAFFIC_ACCIDENTS", "value": 1520 },
 *                 { "indicator": "PROV_TRAFFIC_ACCIDENTS", "region": "01", "value": 61, "unit": "vụ" }, … ] }
 *
 * - `indicator` is the indicator code of a template field; `unit`, when given, must be the
 *   field's unit (it is a check, never a conversion).
 * - `region`: for a field broken down by province, the province's two-digit code (one value
 *   per province); otherwise absent, or the reporting agency's own region ("VN" for a
 *   ministry, its code for a province).
 * - `status`: 'estimate' (ước tính) or 'official' (chính thức); absent means official.
 *
 * This schema describes the shape only (for documentation and generated JSON Schemas);
 * `validateSubmission` (./validate-submission.ts) checks a submission against its regime
 * and answers every error at once, in Vietnamese and English.
 *
 * The CSV form of the same report (./csv.ts): a header `region,<indicator>,<indicator>,…` and one
 * row per region.
 */
export const submissionStatusSchema = observationStatusSchema;
export type SubmissionStatus = z.infer<typeof submissionStatusSchema>;

export const MAX_SUBMISSION_VALUES = 5000;

export const submissionValueSchema = z.strictObject({
  indicator: indicatorCodeSchema,
  region: regionCodeSchema.optional(),
  value: z.number().finite(),
  unit: z.string().min(1).max(60).optional(),
});
export type SubmissionValue = z.infer<typeof submissionValueSchema>;

export const submissionSchema = z.strictObject({
  regime: regimeCodeSchema,
  agency: z.string().min(1).max(20),
  period: periodSchema,
  status: submissionStatusSchema.optional(),
  values: z.array(submissionValueSchema).min(1).max(MAX_SUBMISSION_VALUES),
});
export type Submission = z.infer<typeof submissionSchema>;

/** A submission as `validateSubmission` returns it: agency code current, every value with its region and unit. */
export interface NormalizedSubmission {
  regime: string;
  agency: string;
  period: string;
  status: SubmissionStatus;
  values: { indicator: string; region: string; value: number; unit: string }[];
}

/**
 * One reason a submission is refused: where (a JSON path `$.values[3].value`, or a CSV
 * cell `csv[4].GDP_GROWTH` with its 1-based row and column, the header being row 1), a
 * catalogue code, and why in both languages (shared/errors).
 */
export type SubmissionError = FieldError;

/** On refusal, `errors` keeps the first faults (shared/errors/collect.ts) and `total` counts them all. */
export type SubmissionResult = { ok: true; submission: NormalizedSubmission } | { ok: false; errors: SubmissionError[]; total: number };
