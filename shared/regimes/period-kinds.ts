import type { Periodicity } from '../protocol/model';

/** The period kind (shared/period.ts) of each periodicity; an ad-hoc report names an explicit window. */
export const PERIOD_KIND_OF: Readonly<Record<Periodicity, 'month' | 'quarter' | 'half-year' | 'nine-months' | 'year' | 'window'>> = {
  month: 'month',
  quarter: 'quarter',
  'half-year': 'half-year',
  'nine-months': 'nine-months',
  year: 'year',
  'ad-hoc': 'window',
};

export const PERIODICITY_NAMES: Readonly<Record<Periodicity, { vi: string; en: string }>> = {
  month: { vi: 'hằng tháng', en: 'monthly' },
  quarter: { vi: 'hằng quý', en: 'quarterly' },
  'half-year': { vi: '6 tháng', en: 'six-monthly' },
  'nine-months': { vi: '9 tháng', en: 'nine months' },
  year: { vi: 'hằng năm', en: 'yearly' },
  'ad-hoc': { vi: 'đột xuất', en: 'ad hoc' },
};
