import { comparePeriods, parsePeriod } from '../period';
import type { Periodicity } from '../protocol/model';
import { addDays, isoDay as iso, lastDayOfMonth, pad, ymd } from './days';
import { PERIOD_KIND_OF } from './period-kinds';
import type { Regime } from './schema';
import { workingDayOnOrAfter, type NonWorkingDay } from './working-days';

export { addDays } from './days';

/**
 * The reporting calendar: for a regime and a period, the data window and the deadline;
 * which periods are due at an instant; the periods between two dates.
 *
 * Days are calendar days in Viet Nam (Asia/Ho_Chi_Minh: UTC+7 all year, no daylight
 * saving time), written YYYY-MM-DD. A deadline is the end of its day: 23:59:59+07:00. A
 * report received during that last second is on time; from 00:00:00 the next day it is
 * late, and its lateness is counted from 23:59:59 (received 00:00:30 → late by 31 s).
 *
 * A deadline whose day is not a working day (a weekend, a public holiday, a compensatory
 * day: ./working-days.ts) ends with the next working day instead (Civil Code 91/2015/QH13,
 * art. 148(4)). Data windows are never moved: a cut-off is a date, not a time limit.
 */
export const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;

export type RegimeTiming = Pick<Regime, 'periodicity' | 'window' | 'deadline'>;

export interface DataWindow {
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

export interface Deadline {
  /** The deadline day: the rule's day, or the working day it moved to. */
  date: string;
  /** The day the regime's rule gives, before moving off non-working days. */
  nominal: string;
  /** The non-working days it was moved over (from `nominal` on); empty when it did not move. */
  movedOver: NonWorkingDay[];
  /** Its end, 23:59:59 in Viet Nam, as ISO 8601 with offset: 2025-03-20T23:59:59+07:00. */
  at: string;
  /** The same instant in epoch milliseconds. */
  ms: number;
}

/** Month arithmetic: (y, m) moved by `k` months. */
function addMonths(y: number, m: number, k: number): [number, number] {
  const index = y * 12 + (m - 1) + k;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** The calendar day in Viet Nam at an instant. */
export function vietnamDate(ms: number): string {
  const t = new Date(ms + VIETNAM_UTC_OFFSET_MS);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The instant of hh:mm:ss on a calendar day in Viet Nam. */
export function vietnamInstant(date: string, h = 0, min = 0, s = 0): number {
  const [y, m, d] = ymd(date);
  return Date.UTC(y, m - 1, d, h, min, s) - VIETNAM_UTC_OFFSET_MS;
}

/** An instant as ISO 8601 in Viet Nam's time: 2025-03-20T23:59:59+07:00 (milliseconds when not zero). */
export function formatVietnamTime(ms: number): string {
  const t = new Date(ms + VIETNAM_UTC_OFFSET_MS);
  const frac = t.getUTCMilliseconds() ? `.${pad(t.getUTCMilliseconds(), 3)}` : '';
  return `${iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}${frac}+07:00`;
}

/** Epoch milliseconds of an instant given as a number, a Date or an ISO 8601 string with an offset. */
export function toInstant(value: number | string | Date): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? parseIsoInstant(value) : value.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(value)}`);
  return ms;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
function parseIsoInstant(text: string): number {
  // An instant needs its offset: "2025-03-20T23:59:59" alone would be read in the host's zone.
  return ISO_INSTANT.test(text) ? Date.parse(text) : Number.NaN;
}

/** Whether a period is of the regime's kind: 2025-03 for a monthly regime, an explicit window for an ad-hoc one. */
export function periodFitsPeriodicity(periodicity: Periodicity, period: string): boolean {
  return parsePeriod(period)?.kind === PERIOD_KIND_OF[periodicity];
}

function checkedPeriod(regime: RegimeTiming, period: string) {
  const p = parsePeriod(period);
  if (!p || p.kind !== PERIOD_KIND_OF[regime.periodicity]) {
    throw new RangeError(`period "${period}" is not a ${regime.periodicity} period`);
  }
  return p;
}

/**
 * The data window of a period. `calendar`: the period's own dates. `cutoff` (Decree 09,
 * art. 12): day `day` of the month before the period's first month → day `day − 1` of its
 * last month. `part-of-year` (yearly regimes): the same month-days each year.
 */
export function dataWindow(regime: RegimeTiming, period: string): DataWindow {
  const p = checkedPeriod(regime, period);
  const window = regime.window;
  if (window.kind === 'calendar') return { start: p.start, end: p.end };
  if (window.kind === 'part-of-year') {
    const y = p.start.slice(0, 4);
    return { start: `${y}-${window.start}`, end: `${y}-${window.end}` };
  }
  const [sy, sm] = ymd(p.start);
  const [ey, em] = ymd(p.end);
  const [py, pm] = addMonths(sy, sm, -1);
  return { start: iso(py, pm, window.day), end: iso(ey, em, window.day - 1) };
}

/** The day a period's deadline rule gives, before any move off a non-working day. */
export function nominalDeadlineDay(regime: RegimeTiming, period: string): string {
  const p = checkedPeriod(regime, period);
  if (regime.deadline.kind === 'day-of-month') {
    const [ey, em] = ymd(p.end);
    const [y, m] = addMonths(ey, em, regime.deadline.monthOffset);
    return iso(y, m, Math.min(regime.deadline.day, lastDayOfMonth(y, m)));
  }
  return addDays(dataWindow(regime, period).end, regime.deadline.days);
}

/**
 * The deadline of a period's report: the rule's day, moved to the next working day when it
 * is not one (Civil Code art. 148(4)), ending at 23:59:59 in Viet Nam.
 */
export function deadlineOf(regime: RegimeTiming, period: string): Deadline {
  const nominal = nominalDeadlineDay(regime, period);
  const { date, skipped } = workingDayOnOrAfter(nominal);
  const ms = vietnamInstant(date, 23, 59, 59);
  return { date, nominal, movedOver: skipped, at: formatVietnamTime(ms), ms };
}

/** Whether a report received at `receivedMs` meets a deadline (the whole last second counts). */
export function isOnTime(deadline: Pick<Deadline, 'ms'>, receivedMs: number): boolean {
  return receivedMs < deadline.ms + 1000;
}

/** How late a report received at `receivedMs` is, counted from 23:59:59; 0 when on time. */
export function lateness(deadline: Pick<Deadline, 'ms'>, receivedMs: number): number {
  return isOnTime(deadline, receivedMs) ? 0 : receivedMs - deadline.ms;
}

/** Whether a deadline has passed at instant `now` (its day is over). */
export function isPastDeadline(deadline: Pick<Deadline, 'ms'>, now: number): boolean {
  return now >= deadline.ms + 1000;
}

const MAX_YEARS = 200;

function candidatesOfYear(periodicity: Periodicity, y: number): string[] {
  switch (periodicity) {
    case 'year':
      return [String(y)];
    case 'nine-months':
      return [`${y}-9M`];
    case 'half-year':
      return [`${y}-H1`, `${y}-H2`];
    case 'quarter':
      return [1, 2, 3, 4].map((q) => `${y}-Q${q}`);
    case 'month':
      return Array.from({ length: 12 }, (_, i) => `${y}-${pad(i + 1)}`);
    case 'ad-hoc':
      return [];
  }
}

function bound(text: string, side: 'start' | 'end'): string {
  const p = parsePeriod(text);
  if (p) return side === 'start' ? p.start : p.end;
  const day = parsePeriod(`${text}..${text}`);
  if (day) return day.start;
  throw new RangeError(`not a period or a date: "${text}"`);
}

/**
 * The periods of a periodicity that lie within [from, to], in order. `from` and `to` are
 * periods (2025, 2025-Q2, 2025-03, …) or days (2025-03-15); a period is listed when its
 * calendar dates lie wholly inside: periodsBetween('quarter', '2025', '2025') is the four
 * quarters of 2025, periodsBetween('month', '2024-11', '2025-02') four months. An ad-hoc
 * regime has no regular periods: [].
 */
export function periodsBetween(periodicity: Periodicity | Pick<Regime, 'periodicity'>, from: string, to: string): string[] {
  const kind = typeof periodicity === 'string' ? periodicity : periodicity.periodicity;
  const start = bound(from, 'start');
  const end = bound(to, 'end');
  if (start > end) return [];
  const y0 = Number(start.slice(0, 4));
  const y1 = Number(end.slice(0, 4));
  if (y1 - y0 > MAX_YEARS) throw new RangeError(`more than ${MAX_YEARS} years between ${from} and ${to}`);
  const out: string[] = [];
  for (let y = y0; y <= y1; y++) {
    for (const text of candidatesOfYear(kind, y)) {
      const p = parsePeriod(text)!;
      if (p.start >= start && p.end <= end) out.push(text);
    }
  }
  return out;
}

/** Regular periods whose data window ends on or after `from` (a day or a period), up to the year after `untilMs`. */
function candidatePeriods(regime: RegimeTiming, from: string, untilMs: number): { period: string; window: DataWindow; deadline: Deadline }[] {
  const fromDay = bound(from, 'start');
  const firstYear = Number(fromDay.slice(0, 4));
  const lastYear = Number(vietnamDate(untilMs).slice(0, 4)) + 1;
  if (lastYear - firstYear > MAX_YEARS) throw new RangeError(`more than ${MAX_YEARS} years of periods`);
  const out: { period: string; window: DataWindow; deadline: Deadline }[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    for (const period of candidatesOfYear(regime.periodicity, y)) {
      const window = dataWindow(regime, period);
      if (window.end >= fromDay) out.push({ period, window, deadline: deadlineOf(regime, period) });
    }
  }
  return out.sort((a, b) => comparePeriods(a.period, b.period));
}

type Since = { from?: string };

const later = (a: string | undefined, b: string) => (a !== undefined && a > b ? a : b);

/**
 * The periods due by `now`: those whose deadline has passed, from the regime's
 * `effectiveFrom` (or `options.from`, a day or a period) on. A report for each of them is
 * either in (on time or late) or missing. Ad-hoc regimes: [] (they have no calendar).
 */
export function duePeriods(regime: RegimeTiming & Partial<Pick<Regime, 'effectiveFrom'>>, now: number | string | Date, options: Since = {}): string[] {
  const nowMs = toInstant(now);
  const from = options.from ?? regime.effectiveFrom;
  if (!from) throw new RangeError('duePeriods needs a start: the regime\'s effectiveFrom or options.from');
  return candidatePeriods(regime, from, nowMs)
    .filter((c) => isPastDeadline(c.deadline, nowMs))
    .map((c) => c.period);
}

/**
 * The periods being reported at `now`: their data window has begun and their deadline has
 * not passed yet (a report may come in; none is missing). Usually one or two.
 */
export function openPeriods(regime: RegimeTiming & Partial<Pick<Regime, 'effectiveFrom'>>, now: number | string | Date, options: Since = {}): string[] {
  const nowMs = toInstant(now);
  const today = vietnamDate(nowMs);
  const from = options.from ?? later(regime.effectiveFrom, addDays(today, -400));
  return candidatePeriods(regime, from, nowMs)
    .filter((c) => c.window.start <= today && !isPastDeadline(c.deadline, nowMs))
    .map((c) => c.period);
}

/** The nearest deadline not yet passed at `now`, with its period; undefined for ad-hoc regimes. */
export function nextDeadline(regime: RegimeTiming & Partial<Pick<Regime, 'effectiveFrom'>>, now: number | string | Date): { period: string; deadline: Deadline } | undefined {
  const nowMs = toInstant(now);
  const from = later(regime.effectiveFrom, addDays(vietnamDate(nowMs), -400));
  return candidatePeriods(regime, from, nowMs + 400 * 86_400_000)
    .filter((c) => !isPastDeadline(c.deadline, nowMs))
    .sort((a, b) => a.deadline.ms - b.deadline.ms)
    .map((c) => ({ period: c.period, deadline: c.deadline }))[0];
}
