import { parsePeriod, type PeriodKind } from '../shared/period';
import type { Periodicity } from '../shared/protocol/model';

/**
 * Which reporting periods an indicator's periodicity admits. Figures are also published
 * cumulatively (a monthly series has quarter, 9-month and year totals), so a periodicity
 * admits its own kind and every longer standard one. Explicit windows ("15th to 14th", or
 * year-to-date "2025-01..2025-11") belong to monthly administrative reporting; ad-hoc
 * admits anything.
 */
const ADMITS: Record<Periodicity, ReadonlyArray<PeriodKind>> = {
  month: ['month', 'quarter', 'half-year', 'nine-months', 'year', 'window'],
  quarter: ['quarter', 'half-year', 'nine-months', 'year'],
  'half-year': ['half-year', 'year'],
  'nine-months': ['nine-months', 'year'],
  year: ['year'],
  'ad-hoc': ['month', 'quarter', 'half-year', 'nine-months', 'year', 'window'],
};

const KIND_WORDS: Record<PeriodKind, string> = {
  month: 'a month',
  quarter: 'a quarter',
  'half-year': 'a half-year',
  'nine-months': 'nine months',
  year: 'a year',
  window: 'a date window',
};

export function periodFits(periodicity: Periodicity, period: string): boolean {
  const p = parsePeriod(period);
  return p !== null && ADMITS[periodicity].includes(p.kind);
}

export function describePeriodKind(period: string): string {
  const p = parsePeriod(period);
  return p ? KIND_WORDS[p.kind] : 'not a period';
}

/** Most restrictive first: the first periodicity that admits every period is the inferred one. */
const INFERENCE_ORDER: ReadonlyArray<Periodicity> = ['year', 'nine-months', 'half-year', 'quarter', 'month', 'ad-hoc'];

export function inferPeriodicity(periods: ReadonlyArray<string>): Periodicity {
  return INFERENCE_ORDER.find((p) => periods.every((period) => periodFits(p, period))) ?? 'ad-hoc';
}
