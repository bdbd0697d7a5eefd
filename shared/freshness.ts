import { parsePeriod } from './period';
import type { Periodicity } from './protocol/model';
import { addDays, vietnamInstant } from './regimes/calendar';

/**
 * Is a figure still the latest one its indicator's cadence allows, or has the next one
 * been due for a while ("số liệu cũ")?
 *
 * ## The rule
 *
 * An indicator reported every month (quarter, …) whose latest figure is for period P can
 * expect its NEXT figure once the next period has ended and its report has had time to
 * arrive:
 *
 *     next due  = end of P  +  one cadence step  +  reporting delay
 *     stale     ⇔  now  >  next due + grace      (the end of that day, in Viet Nam)
 *
 * So the figure goes stale about one cadence step + the reporting delay after its period
 * ended: October's monthly figure (period ends 31/10) is fine through November and most
 * of December, because November's report is only due on 20/12; from 28/12 on, the wall
 * says the October figure is out of date.
 *
 * The cadence is the INDICATOR's periodicity, not the kind of its latest period: a
 * monthly indicator whose latest figure is a year total (2025) still expects January's
 * figure a month or so later. For an explicit window (15/12/2024–14/01/2025) the window's
 * end counts as the period's end.
 *
 * ## The numbers (days)
 *
 * | cadence      | step       | delay | why the delay                                                   |
 * |--------------|------------|-------|-----------------------------------------------------------------|
 * | month        | 1 month    | 20    | Decree 09/2019: periodic reports due by the 20th; the statistics |
 * |              |            |       | office publishes on the 6th of the following month               |
 * | quarter      | 3 months   | 20    | the same deadline for quarterly regimes (20th of the last month, |
 * |              |            |       | or ≤ 20 days after a calendar quarter in our regime catalogue)   |
 * | half-year    | 6 months   | 20    | as above                                                        |
 * | nine-months  | 12 months  | 20    | the next 9-month figure is a year later                          |
 * | year         | 12 months  | 90    | annual regimes run up to 90 days after the year (science and     |
 * |              |            |       | technology statistics; forests 60 days; GSO's estimate: 6 Jan)   |
 * | ad-hoc       | —          | —     | no cadence: never stale, the age is shown alone                  |
 *
 * plus GRACE_DAYS = 7 for weekends, public holidays (Tết closes offices for most of a week)
 * and the report's way to the wall. The delay was taken as the LONGEST deadline among the
 * regimes of server/catalog/data/regimes for that cadence, so that a report that is on
 * time never makes the wall say "stale". A tile may set its own delay (e.g. 6 days for a
 * figure the statistics office releases on the 6th).
 *
 * Calendar arithmetic is on days in Viet Nam (UTC+7, no daylight saving), like the
 * reporting calendar (shared/regimes/calendar.ts). Pure: `now` is a parameter.
 */

/** Months from the end of one period to the end of the next, per cadence (null: no cadence). */
export const CADENCE_MONTHS: Readonly<Record<Periodicity, number | null>> = {
  month: 1,
  quarter: 3,
  'half-year': 6,
  'nine-months': 12,
  year: 12,
  'ad-hoc': null,
};

/** Days after the next period's end by which its report is due, per cadence (see the table above). */
export const REPORTING_DELAY_DAYS: Readonly<Record<Periodicity, number | null>> = {
  month: 20,
  quarter: 20,
  'half-year': 20,
  'nine-months': 20,
  year: 90,
  'ad-hoc': null,
};

/** Weekends, Tết and the way to the wall. */
export const GRACE_DAYS = 7;

const DAY_MS = 86_400_000;

export interface FreshnessInput {
  periodicity: Periodicity;
  /** The latest figure's period: 2025-10, 2025-Q3, 2024, 2024-12-15..2025-01-14 … */
  period: string;
  /** Epoch milliseconds. */
  now: number;
  /** Overrides REPORTING_DELAY_DAYS for this indicator. */
  delayDays?: number;
  /** Overrides GRACE_DAYS. */
  graceDays?: number;
}

export interface Freshness {
  /** fresh: the next figure is not overdue; stale: it is; unknown: no cadence, or a period we cannot read. */
  state: 'fresh' | 'stale' | 'unknown';
  /** Last day of the latest period (YYYY-MM-DD), when the period can be read. */
  periodEnd: string | null;
  /** Last day of the next period (YYYY-MM-DD). */
  nextPeriodEnd: string | null;
  /** The day the next figure is due (YYYY-MM-DD): nextPeriodEnd + delay. */
  nextDue: string | null;
  /** From this instant on (epoch ms) the latest figure is stale: the end of nextDue + grace, in Viet Nam. */
  staleFromMs: number | null;
  /** Whole days past staleFromMs (0 while fresh). */
  overdueDays: number;
}

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `day` moved by `months` calendar months. The last day of a month stays the last day
 * (31/10 + 1 → 30/11, 30/11 + 1 → 31/12, 30/06 + 6 → 31/12); other days are clamped to the
 * target month's length (15/01 + 1 → 15/02).
 */
export function addMonthsToDay(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = lastDayOfMonth(ty, tm);
  const td = d === lastDayOfMonth(y, m) ? last : Math.min(d, last);
  return `${pad(ty, 4)}-${pad(tm)}-${pad(td)}`;
}

const UNKNOWN = (periodEnd: string | null): Freshness => ({
  state: 'unknown',
  periodEnd,
  nextPeriodEnd: null,
  nextDue: null,
  staleFromMs: null,
  overdueDays: 0,
});

/** The freshness of a figure for `period` of an indicator reported every `periodicity`, at `now`. */
export function freshness(input: FreshnessInput): Freshness {
  const p = parsePeriod(input.period);
  if (!p || !Number.isFinite(input.now)) return UNKNOWN(p?.end ?? null);
  const step = CADENCE_MONTHS[input.periodicity];
  const delay = input.delayDays ?? REPORTING_DELAY_DAYS[input.periodicity];
  if (step === null || delay === null || !(delay >= 0)) return UNKNOWN(p.end);
  const grace = input.graceDays ?? GRACE_DAYS;
  const nextPeriodEnd = addMonthsToDay(p.end, step);
  const nextDue = addDays(nextPeriodEnd, Math.round(delay));
  // Stale from the first instant after the last day of grace, in Viet Nam.
  const staleFromMs = vietnamInstant(addDays(nextDue, Math.round(Math.max(0, grace)) + 1));
  const stale = input.now >= staleFromMs;
  return {
    state: stale ? 'stale' : 'fresh',
    periodEnd: p.end,
    nextPeriodEnd,
    nextDue,
    staleFromMs,
    overdueDays: stale ? Math.floor((input.now - staleFromMs) / DAY_MS) : 0,
  };
}

/** Shorthand: whether the figure is stale (unknown counts as not stale). */
export function isStale(input: FreshnessInput): boolean {
  return freshness(input).state === 'stale';
}
