import { agencyByCode, provinceAgencyCode } from '../agencies';
import { PROVINCE_CODES } from '../regions';
import type { Regime } from './schema';

/** The agencies that report under a regime: the 34 provinces (P01 … P96), or its list. */
export function reportersOf(regime: Pick<Regime, 'reporters'>): string[] {
  return regime.reporters === 'all-provinces' ? PROVINCE_CODES.map(provinceAgencyCode) : [...regime.reporters];
}

/** Whether an agency (by its current code) reports under a regime. */
export function isReporter(regime: Pick<Regime, 'reporters'>, agency: string): boolean {
  return regime.reporters === 'all-provinces' ? agencyByCode(agency)?.kind === 'province' : regime.reporters.includes(agency);
}
