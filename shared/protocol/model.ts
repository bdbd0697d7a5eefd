import { z } from 'zod';
import { indicatorCodeSchema, regionCodeSchema } from './codes';
import { periodSchema } from '../period';

export const periodicitySchema = z.enum(['month', 'quarter', 'half-year', 'nine-months', 'year', 'ad-hoc']);
export type Periodicity = z.infer<typeof periodicitySchema>;

/** Whether a rising value is good news (up), bad news (down), or neither. */
export const directionSchema = z.enum(['up', 'down', 'neutral']);
export type Direction = z.infer<typeof directionSchema>;

export const indicatorMetaSchema = z.object({
  code: indicatorCodeSchema,
  name: z.object({ vi: z.string().min(1), en: z.string().min(1) }),
  unit: z.string().min(1).max(60),
  periodicity: periodicitySchema,
  direction: directionSchema,
  /** One of the 9 fields of Decision 293/QĐ-TTg, when known. */
  group: z.string().max(80).optional(),
  /** Plan targets (chỉ tiêu kế hoạch), e.g. GDP growth ≥ 8 % for 2025; absent when none is set. */
  targets: z
    .array(
      z.object({
        period: periodSchema,
        value: z.number().finite(),
        /** The upper end of a range target ("5.400–5.500 USD": value 5400, upper 5500, at-least). */
        upper: z.number().finite().optional(),
        /** at-least: reach or exceed; at-most: stay below; about: near the value. */
        kind: z.enum(['at-least', 'at-most', 'about']),
        source: z.string().max(200).optional(),
      }),
    )
    .optional(),
  /** 'national': observed for "VN"; 'province': for each of the 34 provinces (codes PROV_…). */
  scope: z.enum(['national', 'province']).optional(),
  /** Who publishes or compiles it, for a source line. */
  source: z.string().max(200).optional(),
  /**
   * A ranking of the provinces (PCI, PAPI, PAR Index, SIPAS, the service index): a yearly
   * province-level score whose `direction` says which end is first; walls show «hạng N/34»
   * beside its figures (shared/rankings.ts).
   */
  ranking: z.boolean().optional(),
});
export type IndicatorMeta = z.infer<typeof indicatorMetaSchema>;

export const observationStatusSchema = z.enum(['estimate', 'official']);

/** indicator × region × period → value, as of one vintage, with where it came from. */
export const observationSchema = z.object({
  indicator: indicatorCodeSchema,
  region: regionCodeSchema,
  period: periodSchema,
  /** null: the report said "no data". */
  value: z.number().finite().nullable(),
  /** When this figure was released (ISO 8601). */
  vintage: z.iso.datetime({ offset: true }),
  status: observationStatusSchema,
  /** Simulated data; the wall marks it visibly. */
  demo: z.boolean(),
  provenance: z.object({
    submissionId: z.string().nullable(),
    agency: z.string().nullable(),
    regime: z.string().nullable(),
    source: z.string().nullable(),
    /** The submission's revision of its regime × agency × period (1 = first report); absent for seeded figures. */
    revision: z.number().int().min(1).optional(),
  }),
});
export type Observation = z.infer<typeof observationSchema>;

export function observationKey(o: Pick<Observation, 'indicator' | 'region' | 'period'>): string {
  return `${o.indicator}|${o.region}|${o.period}`;
}
