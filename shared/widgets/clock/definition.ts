import { z } from 'zod';
import { defineWidgetSpec, option } from '../define';

/**
 * The clock: the time and date in Viet Nam (Asia/Ho_Chi_Minh, 24-hour,
 * "Thứ Năm, 26/11/2026"), and optionally a second time zone.
 */

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

const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: 'an IANA time zone, e.g. "Asia/Tokyo" or "Europe/Paris"' });

export const clockOptionsSchema = z
  .object({
    seconds: option(z.boolean().default(true), {
      label: { vi: 'Hiện giây', en: 'Show seconds' },
      help: { vi: '«14:05:09» thay vì «14:05»', en: '"14:05:09" rather than "14:05"' },
    }),
    date: option(z.boolean().default(true), { label: { vi: 'Hiện thứ, ngày', en: 'Show the date' }, help: { vi: 'Thứ và ngày dưới giờ', en: 'The weekday and date under the time' } }),
    second: option(
      z
        .object({
          timeZone: option(timeZoneSchema, { label: { vi: 'Múi giờ', en: 'Time zone' }, help: { vi: 'Tên IANA, ví dụ «Europe/Brussels»', en: 'An IANA name, e.g. "Europe/Brussels"' } }),
          label: option(
            z
              .object({
                vi: option(z.string().min(1).max(40), { label: { vi: 'Tiếng Việt', en: 'Vietnamese' } }),
                en: option(z.string().min(1).max(40).optional(), { label: { vi: 'Tiếng Anh', en: 'English' } }),
              })
              .strict(),
            { label: { vi: 'Tên', en: 'Label' } },
          ),
        })
        .strict()
        .optional(),
      { label: { vi: 'Đồng hồ thứ hai', en: 'Second clock' }, help: { vi: 'Giờ ở một múi giờ khác, kèm tên', en: 'The time in another zone, with its label' } },
    ),
  })
  .strict();
export type ClockOptions = z.infer<typeof clockOptionsSchema>;

/** The wall's own time zone: every date on the wall is Viet Nam's. */
export const WALL_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const clockSpec = defineWidgetSpec({
  id: 'clock',
  name: { vi: 'Đồng hồ', en: 'Clock' },
  description: { vi: 'Giờ và ngày ở Việt Nam, có thể kèm một múi giờ thứ hai', en: 'The time and date in Viet Nam, optionally with a second time zone' },
  optionsSchema: clockOptionsSchema,
  optionsVersion: 1,
  migrations: {},
  binding: 'none',
  legibility: { smallestTextFraction: 0.105 },
});
