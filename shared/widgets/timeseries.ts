import { z } from 'zod';

/** Options of the time-series chart. Version 1. */
export const TIMESERIES_OPTIONS_VERSION = 1;

/** Up to this many series are drawn (one colour and dash pattern each); more are listed as left out. */
export const TIMESERIES_MAX_SERIES = 8;

export const timeseriesOptionsSchema = z
  .object({
    /** Lines, or lines with the area beneath filled. */
    kind: z.enum(['line', 'area']).default('line'),
    /** How many recent periods the x axis spans. */
    periods: z.number().int().min(2).max(120).default(12),
    /**
     * Which periods form the axis: "auto" takes the cadence most of the figures have (a
     * quarterly series with its year totals is drawn by quarter).
     */
    periodKind: z.enum(['auto', 'month', 'quarter', 'half-year', 'nine-months', 'year']).default('auto'),
    /** The plan target line of the first indicator (IndicatorMeta.targets, per year). */
    showTarget: z.boolean().default(true),
    /** A fixed reference line in the indicators' unit, drawn as well as (or instead of) the plan. */
    referenceValue: z.number().finite().optional(),
    /** Earlier vintages (revisions) drawn faintly behind the current figures. */
    showRevisions: z.boolean().default(false),
    /** "zero": the value axis always includes 0 (an area chart always does). */
    yAxis: z.enum(['auto', 'zero']).default('auto'),
    /** Fixed number of decimals on the axis and in the legend. */
    decimals: z.number().int().min(0).max(4).optional(),
    /** The unit the tile expects; series in another unit are left out ("wrong unit"). */
    expectUnit: z.string().min(1).max(60).optional(),
    /** Days after the next period's end by which its figure is due (default: by periodicity, see shared/freshness.ts). */
    reportingDelayDays: z.number().int().min(0).max(400).optional(),
  })
  .strict();
export type TimeseriesOptions = z.infer<typeof timeseriesOptionsSchema>;

export function migrateTimeseriesOptions(fromVersion: number, options: unknown): unknown {
  if (fromVersion > TIMESERIES_OPTIONS_VERSION) {
    throw new RangeError(`timeseries options version ${fromVersion} is newer than this wall (${TIMESERIES_OPTIONS_VERSION})`);
  }
  return options;
}
