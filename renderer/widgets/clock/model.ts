import { WALL_TIME_ZONE } from '../../../shared/widgets/clock/definition';

/**
 * Clock text, pure: "14:05:09" (24-hour) and "Thứ Năm, 26/11/2026" in a given IANA time
 * zone, whatever the zone of the machine that runs the wall. Weekday names are the wall's
 * own (capitalised as official documents write them), not the runtime's locale data.
 */

export const WEEKDAYS_VI = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;
export const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** The calendar and clock fields of an instant in a time zone. */
export function zonedParts(ms: number, timeZone: string = WALL_TIME_ZONE): ZonedParts {
  const parts = formatFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const year = get('year');
  const month = get('month');
  const day = get('day');
  return {
    year,
    month,
    day,
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** "14:05:09", or "14:05" without seconds. */
export function formatClockTime(p: ZonedParts, seconds = true): string {
  return seconds ? `${two(p.hour)}:${two(p.minute)}:${two(p.second)}` : `${two(p.hour)}:${two(p.minute)}`;
}

/** "Thứ Năm, 26/11/2026". */
export function formatClockDate(p: ZonedParts): string {
  return `${WEEKDAYS_VI[p.weekday]}, ${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** "Thứ Năm 26/11": the short date beside a second zone's time. */
export function formatShortDate(p: ZonedParts): string {
  return `${WEEKDAYS_VI[p.weekday]} ${two(p.day)}/${two(p.month)}`;
}

export interface ClockView {
  time: string;
  date: string;
  /** ISO 8601 of the instant, for the <time> element. */
  iso: string;
  second: { label: string; time: string; date: string; sameDay: boolean } | null;
}

export function clockView(ms: number, options: { seconds: boolean; second?: { timeZone: string; label: { vi: string } } }): ClockView {
  const here = zonedParts(ms, WALL_TIME_ZONE);
  let second: ClockView['second'] = null;
  if (options.second) {
    const there = zonedParts(ms, options.second.timeZone);
    second = {
      label: options.second.label.vi,
      time: formatClockTime(there, false),
      date: formatShortDate(there),
      sameDay: there.day === here.day && there.month === here.month && there.year === here.year,
    };
  }
  return { time: formatClockTime(here, options.seconds), date: formatClockDate(here), iso: new Date(ms).toISOString(), second };
}

/** Milliseconds until the next whole second (or minute) of the wall clock. */
export function msToNextTick(ms: number, seconds: boolean): number {
  const unit = seconds ? 1000 : 60_000;
  return unit - (((ms % unit) + unit) % unit) || unit;
}
