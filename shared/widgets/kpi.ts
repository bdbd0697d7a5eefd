import { z } from 'zod';

/**
 * Options of the KPI tile. Version 1 (every field added since has a default, so every
 * version-1 layout still means the same).
 */
export const KPI_OPTIONS_VERSION = 1;

/**
 * Status thresholds in the indicator's unit. Which side is good comes from the
 * indicator's direction: for a rising-is-good indicator a value at or above `good` is
 * good, at or below `bad` is bad, in between "watch"; for a falling-is-good one the other
 * way round. For a neutral indicator the order of the two numbers says it (good > bad:
 * higher is better).
 */
export const kpiThresholdsSchema = z
  .object({
    good: z.number().finite().optional(),
    bad: z.number().finite().optional(),
  })
  .strict();
export type KpiThresholds = z.infer<typeof kpiThresholdsSchema>;

export const kpiOptionsSchema = z
  .object({
    /** What the change figure compares against. */
    compare: z.enum(['previous', 'yoy']).default('previous'),
    /** Fixed number of decimals; by default the unit decides (see format/number). */
    decimals: z.number().int().min(0).max(4).optional(),
    /** How many recent periods the sparkline draws (0: none). */
    sparklinePeriods: z.number().int().min(0).max(36).default(8),
    /** Progress against the plan target of the latest period's year, when the indicator has one. */
    showTarget: z.boolean().default(true),
    /** Status colour thresholds; without them the plan target (if any) decides the status. */
    thresholds: kpiThresholdsSchema.optional(),
    /** Days after the next period's end by which its figure is due (default: by periodicity, see shared/freshness.ts). */
    reportingDelayDays: z.number().int().min(0).max(400).optional(),
    /** The unit the tile expects; an indicator in another unit shows "no data" rather than a wrong figure. */
    expectUnit: z.string().min(1).max(60).optional(),
  })
  .strict();
export type KpiOptions = z.infer<typeof kpiOptionsSchema>;

/** Options of an older version brought to the current one (version 1 is current: unchanged). */
export function migrateKpiOptions(fromVersion: number, options: unknown): unknown {
  if (fromVersion > KPI_OPTIONS_VERSION) throw new RangeError(`kpi options version ${fromVersion} is newer than this wall (${KPI_OPTIONS_VERSION})`);
  return options;
}
