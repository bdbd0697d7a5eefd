import type { Bilingual } from '../i18n';
import { periodicityNames } from '../i18n/terms';
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

/** The periodicities' names come from the one message catalogue (shared/i18n/terms.ts). */
export const PERIODICITY_NAMES: Readonly<Record<Periodicity, Bilingual>> = periodicityNames;
