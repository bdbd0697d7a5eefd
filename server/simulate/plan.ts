import { addDays, dataWindow, deadlineOf, periodsBetween, vietnamDate, vietnamInstant } from '../../shared/regimes/calendar';
import { reportersOf } from '../../shared/regimes/reporters';
import type { Regime } from '../../shared/regimes/schema';
import { DISASTER_PRONE } from './model';
import { rngFor, uniform } from '../../shared/random';

/**
 * When each simulated agency reports, decided per regime × agency × period from the seed:
 * about 80 % on time (in the last days before the deadline), 12 % late (an hour to a week
 * after it, most by less than two days) and 8 % never. The plan does not depend on when the
 * simulator runs: a report planned for a moment already past is backfilled (posted with that
 * moment as its receivedAt, which only a demo token may do), one planned for later is posted
 * when its moment comes.
 */
export type SimRegime = Pick<Regime, 'code' | 'periodicity' | 'window' | 'deadline' | 'reporters' | 'effectiveFrom' | 'fields'>;

export const ON_TIME_SHARE = 0.8;
export const LATE_SHARE = 0.12;

/** How far back the backfill goes: below the server's 400-day limit on backdating. */
export const BACKFILL_DAYS = 390;

export interface PlannedReport {
  regime: string;
  agency: string;
  period: string;
  outcome: 'on-time' | 'late' | 'missing';
  /** When the report arrives (epoch ms); null when it never does. */
  at: number | null;
  deadlineMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function planReport(seed: number, regime: SimRegime, agency: string, period: string): PlannedReport {
  const key = `${regime.code}|${agency}|${period}`;
  const deadline = deadlineOf(regime, period);
  const window = dataWindow(regime, period);
  const draw = uniform(seed, `${key}|outcome`);
  const rng = rngFor(seed, `${key}|time`);
  const base = { regime: regime.code, agency, period, deadlineMs: deadline.ms };
  if (draw < ON_TIME_SHARE) {
    // From 08:00 on the day the window closes (or six days before the deadline) to the deadline.
    const earliest = Math.max(vietnamInstant(window.end, 8), deadline.ms - 6 * DAY);
    const span = Math.max(0, deadline.ms - earliest);
    // Most reports come in the last days: the square pulls towards the deadline.
    return { ...base, outcome: 'on-time', at: Math.round(deadline.ms - span * rng() ** 2) };
  }
  if (draw < ON_TIME_SHARE + LATE_SHARE) {
    // An hour to a week late, most by less than two days.
    const late = HOUR + (7 * DAY - HOUR) * rng() ** 2.5;
    return { ...base, outcome: 'late', at: Math.round(deadline.ms + 1000 + late) };
  }
  return { ...base, outcome: 'missing', at: null };
}

/**
 * The regular periods of a regime whose report the simulator plays: those whose deadline
 * lies within the last BACKFILL_DAYS days (12 months, 4 quarters, …), and those open now
 * (data window begun, deadline not passed), never before the regime is in force.
 */
export function simulatedPeriods(regime: SimRegime, nowMs: number): string[] {
  if (regime.periodicity === 'ad-hoc') return [];
  const today = vietnamDate(nowMs);
  const y = Number(today.slice(0, 4));
  const oldest = nowMs - BACKFILL_DAYS * DAY;
  return periodsBetween(regime.periodicity, String(y - 2), String(y + 1)).filter((p) => {
    const w = dataWindow(regime, p);
    if (w.end < regime.effectiveFrom || w.start > today) return false;
    return deadlineOf(regime, p).ms >= oldest;
  });
}

/** Every planned report of the regular regimes, in the order they arrive (missing ones last). */
export function planAll(seed: number, regimes: readonly SimRegime[], nowMs: number): PlannedReport[] {
  const plans: PlannedReport[] = [];
  for (const regime of regimes) {
    for (const period of simulatedPeriods(regime, nowMs)) {
      for (const agency of reportersOf(regime)) plans.push(planReport(seed, regime, agency, period));
    }
  }
  plans.push(...planDisasters(seed, regimes, nowMs));
  return plans.sort((a, b) => (a.at ?? Number.POSITIVE_INFINITY) - (b.at ?? Number.POSITIVE_INFINITY));
}

/**
 * Ad-hoc disaster reports: a few storms or floods over the last year, each reported by
 * some disaster-prone provinces for an explicit window of a few days, due the day after.
 */
export function planDisasters(seed: number, regimes: readonly SimRegime[], nowMs: number): PlannedReport[] {
  const regime = regimes.find((r) => r.periodicity === 'ad-hoc' && r.reporters === 'all-provinces');
  if (!regime) return [];
  const plans: PlannedReport[] = [];
  const today = vietnamDate(nowMs);
  for (let k = 0; k < 3; k++) {
    const rng = rngFor(seed, `${regime.code}|event${k}`);
    const end = addDays(today, -Math.round(20 + rng() * 330));
    const start = addDays(end, -Math.round(2 + rng() * 4));
    if (start < regime.effectiveFrom) continue;
    const period = `${start}..${end}`;
    const hit = DISASTER_PRONE.filter(() => rng() < 0.35);
    for (const code of hit.length ? hit : [DISASTER_PRONE[0]]) {
      const plan = planReport(seed, regime, `P${code}`, period);
      // Everyone reports a disaster: the ones planned "missing" report late instead.
      if (plan.at === null) plans.push({ ...plan, outcome: 'late', at: plan.deadlineMs + 1000 + Math.round(rng() * 2 * DAY) });
      else plans.push(plan);
    }
  }
  return plans;
}
