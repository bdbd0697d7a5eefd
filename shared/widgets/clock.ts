import { z } from 'zod';

/**
 * Options of the clock: the time and date in Viet Nam (Asia/Ho_Chi_Minh, 24-hour,
 * "Thứ Năm, 26/11/2026"), and optionally a second time zone. Version 1.
 */
export const CLOCK_OPTIONS_VERSION = 1;

/** Whether the runtime knows an IANA time zone (Intl is part of the language, not the DOM). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{1,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const timeZoneSchema = z.string().refine(isTimeZone, { message: 'an IANA time zone, e.g. "Asia/Tokyo" or "Europe/Paris"' });

export const clockOptionsSchema = z
  .object({
    /** Show seconds ("14:05:09") or not ("14:05"). */
    seconds: z.boolean().default(true),
    /** Show the weekday and date under the time. */
    date: z.boolean().default(true),
    /** A second clock, e.g. { timeZone: "Europe/Brussels", label: { vi: "Brussels" } }. */
    second: z
      .object({
        timeZone: timeZoneSchema,
        label: z.object({ vi: z.string().min(1).max(40), en: z.string().min(1).max(40).optional() }).strict(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ClockOptions = z.infer<typeof clockOptionsSchema>;

/** The wall's own time zone: every date on the wall is Viet Nam's. */
export const WALL_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** v1 is the first version: nothing to convert yet (see migrateComplianceOptions). */
export function migrateClockOptions(_fromVersion: number, options: unknown): unknown {
  return options;
}
