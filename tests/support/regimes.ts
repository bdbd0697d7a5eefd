import { exampleSubmission } from '../../shared/regimes/example';
import { reportersOf } from '../../shared/regimes/reporters';
import type { Regime } from '../../shared/regimes/schema';

/** A period of the regime's kind, in force for every catalogue regime (the provinces' ones start 1 July 2025). */
export const SAMPLE_PERIOD: Record<Regime['periodicity'], string> = {
  month: '2025-09',
  quarter: '2025-Q3',
  'half-year': '2025-H2',
  'nine-months': '2025-9M',
  year: '2025',
  'ad-hoc': '2025-09-25..2025-09-30',
};

/** A period of another kind than the regime's. */
export const wrongPeriod = (r: Regime) => (r.periodicity === 'month' ? '2025-Q3' : '2025-09');

/** An agency that exists but does not report under the regime. */
export const foreignAgency = (r: Regime) => (r.reporters === 'all-provinces' ? 'BTC' : r.reporters.includes('BYT') ? 'BCA' : 'BYT');

/**
 * What the per-regime refusal tests start from: the regime's first reporting agency, a
 * sample period, a fresh valid submission each call, the field whose faults they plant
 * (the first) and a value just outside its bounds.
 */
export function regimeSample(r: Regime) {
  const agency = reportersOf(r)[0]!;
  const period = SAMPLE_PERIOD[r.periodicity];
  const target = r.fields[0]!;
  return {
    agency,
    period,
    valid: () => structuredClone(exampleSubmission(r, agency, period)),
    target,
    outOfRange: target.max !== undefined ? target.max + 1 : target.min! - 1,
  };
}
