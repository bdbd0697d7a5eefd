import { z } from 'zod';
import { periodSchema } from '../period';

/**
 * Options of the comparison (ranking) of provinces. Version 1. The tile binds ONE
 * province-level indicator (PROV_…); the binding's region is ignored: every province that
 * reported the period is ranked.
 */
export const COMPARISON_OPTIONS_VERSION = 1;

export const comparisonOptionsSchema = z
  .object({
    /** Horizontal bars (names fit best), vertical columns, or a ranked table with the change. */
    view: z.enum(['bars', 'columns', 'table']).default('bars'),
    /** desc: the highest value ranks first. */
    order: z.enum(['desc', 'asc']).default('desc'),
    /** The first `count` of the ranking, the last `count`, both ends (half each), or all. */
    select: z.enum(['top', 'bottom', 'both', 'all']).default('top'),
    count: z.number().int().min(1).max(34).default(10),
    /** "latest": the newest period any province reported; or a fixed period (2025-Q3). */
    period: z.union([z.literal('latest'), periodSchema]).default('latest'),
    /** A line at the plan target of the period's year, when the indicator has one. */
    showTarget: z.boolean().default(true),
    /** Fixed number of decimals. */
    decimals: z.number().int().min(0).max(4).optional(),
    /** The unit the tile expects; an indicator in another unit shows "no data". */
    expectUnit: z.string().min(1).max(60).optional(),
    /** Days after the next period's end by which its figures are due (default: by periodicity, see shared/freshness.ts). */
    reportingDelayDays: z.number().int().min(0).max(400).optional(),
  })
  .strict();
export type ComparisonOptions = z.infer<typeof comparisonOptionsSchema>;

export function migrateComparisonOptions(fromVersion: number, options: unknown): unknown {
  if (fromVersion > COMPARISON_OPTIONS_VERSION) {
    throw new RangeError(`comparison options version ${fromVersion} is newer than this wall (${COMPARISON_OPTIONS_VERSION})`);
  }
  return options;
}
