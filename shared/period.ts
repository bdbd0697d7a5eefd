import { z } from 'zod';

/**
 * Reporting periods as written in reports and in the published data:
 *   2024        a year            2024-Q3   a quarter        2024-01   a month
 *   2024-H1     first 6 months    2024-9M   first 9 months
 *   2023-12-15..2024-11-14 (or 2025-01..2025-11)  an explicit window
 * Dates are calendar dates (no time zone); all arithmetic is on UTC midnights.
 */
export type PeriodKind = 'year' | 'quarter' | 'month' | 'half-year' | 'nine-months' | 'window';

export interface Period {
  text: string;
  kind: PeriodKind;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  end: string;
}

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const HALF = /^(\d{4})-H([12])$/;
const NINE = /^(\d{4})-9M$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function isRealDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= lastDayOfMonth(y, mo);
}

function windowBound(text: string, side: 'start' | 'end'): string | null {
  if (isRealDay(text)) return text;
  const m = MONTH.exec(text);
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  return side === 'start' ? iso(y, mo, 1) : iso(y, mo, lastDayOfMonth(y, mo));
}

export function parsePeriod(text: string): Period | null {
  let m: RegExpExecArray | null;
  if ((m = YEAR.exec(text))) {
    const y = Number(m[1]);
    return { text, kind: 'year', start: iso(y, 1, 1), end: iso(y, 12, 31) };
  }
  if ((m = QUARTER.exec(text))) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    const endMonth = q * 3;
    return { text, kind: 'quarter', start: iso(y, endMonth - 2, 1), end: iso(y, endMonth, lastDayOfMonth(y, endMonth)) };
  }
  if ((m = MONTH.exec(text))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return { text, kind: 'month', start: iso(y, mo, 1), end: iso(y, mo, lastDayOfMonth(y, mo)) };
  }
  if ((m = HALF.exec(text))) {
    const [y, h] = [Number(m[1]), Number(m[2])];
    return h === 1
      ? { text, kind: 'half-year', start: iso(y, 1, 1), end: iso(y, 6, 30) }
      : { text, kind: 'half-year', start: iso(y, 7, 1), end: iso(y, 12, 31) };
  }
  if ((m = NINE.exec(text))) {
    const y = Number(m[1]);
    return { text, kind: 'nine-months', start: iso(y, 1, 1), end: iso(y, 9, 30) };
  }
  const parts = text.split('..');
  if (parts.length === 2) {
    const start = windowBound(parts[0]!, 'start');
    const end = windowBound(parts[1]!, 'end');
    if (start && end && start <= end) return { text, kind: 'window', start, end };
  }
  return null;
}

export const periodSchema = z.string().refine((text) => parsePeriod(text) !== null, {
  message: 'period: one of 2024, 2024-Q3, 2024-01, 2024-H1, 2024-9M or a window 2023-12-15..2024-11-14',
});

function shiftYear(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const mo = Number(day.slice(5, 7));
  const d = Math.min(Number(day.slice(8, 10)), lastDayOfMonth(y, mo));
  return iso(y, mo, d);
}

/** The same period one year earlier ("so với cùng kỳ"). */
export function samePeriodLastYear(text: string): string | null {
  const p = parsePeriod(text);
  if (!p) return null;
  switch (p.kind) {
    case 'year':
      return String(Number(text) - 1);
    case 'window': {
      const [a, b] = text.split('..') as [string, string];
      const shift = (bound: string) => (bound.length === 7 ? `${Number(bound.slice(0, 4)) - 1}${bound.slice(4)}` : shiftYear(bound, -1));
      return `${shift(a)}..${shift(b)}`;
    }
    default:
      return `${Number(text.slice(0, 4)) - 1}${text.slice(4)}`;
  }
}

/** The period just before, of the same kind (a window has none: its length is free). */
export function previousPeriod(text: string): string | null {
  const p = parsePeriod(text);
  if (!p) return null;
  const y = Number(text.slice(0, 4));
  switch (p.kind) {
    case 'year':
      return String(y - 1);
    case 'quarter': {
      const q = Number(text.slice(6));
      return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
    }
    case 'month': {
      const mo = Number(text.slice(5, 7));
      return mo === 1 ? `${y - 1}-12` : `${y}-${pad(mo - 1)}`;
    }
    case 'half-year':
      return text.endsWith('H1') ? `${y - 1}-H2` : `${y}-H1`;
    case 'nine-months':
      return `${y - 1}-9M`;
    case 'window':
      return null;
  }
}

/** Orders periods by their end, then by their start (the shorter one first). */
export function comparePeriods(a: string, b: string): number {
  const p = parsePeriod(a);
  const q = parsePeriod(b);
  if (!p || !q) return a < b ? -1 : a > b ? 1 : 0;
  if (p.end !== q.end) return p.end < q.end ? -1 : 1;
  if (p.start !== q.start) return p.start > q.start ? -1 : 1;
  return 0;
}

/** Length of a period in days, inclusive. */
export function periodDays(p: Period): number {
  return Math.round((Date.parse(p.end) - Date.parse(p.start)) / 86_400_000) + 1;
}
