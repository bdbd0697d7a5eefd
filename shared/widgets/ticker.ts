import { z } from 'zod';
import { indicatorCodeSchema, regionCodeSchema } from '../protocol/codes';

/**
 * Options of the alert ticker (dòng cảnh báo): indicators that cross the thresholds set
 * here, and reports that came in late or are missing (from reporting compliance), newest
 * first, scrolling or paging. Version 1.
 */
export const TICKER_OPTIONS_VERSION = 1;

const textSchema = z.object({ vi: z.string().min(1).max(80), en: z.string().min(1).max(80).optional() }).strict();

/** One rule: the latest figure of `indicator` in `region` is above (or below) `value`. */
export const tickerThresholdSchema = z
  .object({
    indicator: indicatorCodeSchema,
    /** "VN" for the national figure, or a province's two-digit code. */
    region: regionCodeSchema.default('VN'),
    /** "above": alert when the figure is greater than `value`; "below": when it is less. */
    when: z.enum(['above', 'below']),
    value: z.number().finite(),
    /** A short name for the ticker instead of the indicator's full name. */
    label: textSchema.optional(),
  })
  .strict();
export type TickerThreshold = z.infer<typeof tickerThresholdSchema>;

export const tickerOptionsSchema = z
  .object({
    thresholds: z.array(tickerThresholdSchema).max(24).default([]),
    /** Also list reports that came in late or are missing (needs the compliance feed). */
    reports: z.boolean().default(true),
    /** Only reports that became late or missing within this many days. */
    reportsWithinDays: z.number().int().min(1).max(366).default(45),
    /** "scroll": one line moving right to left; "page": one alert at a time, in turn. */
    mode: z.enum(['scroll', 'page']).default('scroll'),
    /** Scrolling speed: about 3, 4.5 or 6.5 letter heights a second. */
    speed: z.enum(['slow', 'normal', 'fast']).default('normal'),
    /** Seconds per alert in "page" mode. */
    pageSeconds: z.number().int().min(3).max(60).default(8),
    maxItems: z.number().int().min(1).max(100).default(40),
  })
  .strict();
export type TickerOptions = z.infer<typeof tickerOptionsSchema>;

/** v1 is the first version: nothing to convert yet (see migrateComplianceOptions). */
export function migrateTickerOptions(_fromVersion: number, options: unknown): unknown {
  return options;
}
