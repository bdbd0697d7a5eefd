import { agencyByCode } from '../../shared/agencies';
import { parsePeriod } from '../../shared/period';
import { PROVINCES } from '../../shared/regions';
import type { TemplateField } from '../../shared/regimes/schema';
import { normal, rngFor } from '../../shared/random';

/**
 * How the demo simulator invents plausible figures. EVERYTHING HERE IS A ROUGH DEMO
 * ASSUMPTION, good enough for a wall to look like a wall, never a statistic: every value
 * it produces is stored as demo data (observation.demo = true) and marked on the wall.
 *
 * Province weights (PROVINCE_WEIGHTS): for each of the 34 provinces since 1 July 2025, its
 * population (millions) and its share of the national economy (% of GDP), estimated by us
 * by adding up the pre-merger provinces' rounded 2023–2024 population and GRDP as commonly
 * reported in the press, then rounding again; the forest cover (%) is a similar rough
 * guess. They only need the right order of magnitude and the right ranking (Hồ Chí Minh
 * City and Hà Nội large, the northern mountain provinces small).
 *
 * National bases (INDICATOR_MODELS): per indicator, a national level or a monthly flow. For
 * an indicator with `national`, the simulator takes the base at start from the newest real
 * yearly figure the server holds (the seed CSV, or a report); the `base` written here is
 * only the fallback for an empty store, and equals the newest yearly figure of
 * ../shared/data/indicators/vn-national-indicators.csv (a unit test reads the file and
 * keeps the two equal). Otherwise an order-of-magnitude guess. Province flows = national flow × the province's weight;
 * province rates = the national rate, shifted by the province's income level, plus noise.
 */

export interface ProvinceWeight {
  /** Population, millions (rough). */
  pop: number;
  /** Share of GDP, % (rough). */
  econ: number;
  /** Forest cover, % of the area (rough). */
  forest: number;
}

export const PROVINCE_WEIGHTS: Readonly<Record<string, ProvinceWeight>> = {
  '01': { pop: 8.7, econ: 12.6, forest: 6 },
  '04': { pop: 0.55, econ: 0.3, forest: 56 },
  '08': { pop: 1.9, econ: 0.9, forest: 60 },
  '11': { pop: 0.64, econ: 0.3, forest: 44 },
  '12': { pop: 0.48, econ: 0.25, forest: 52 },
  '14': { pop: 1.3, econ: 0.7, forest: 47 },
  '15': { pop: 1.8, econ: 1.2, forest: 58 },
  '19': { pop: 1.8, econ: 1.6, forest: 55 },
  '20': { pop: 0.8, econ: 0.5, forest: 63 },
  '22': { pop: 1.4, econ: 2.9, forest: 55 },
  '24': { pop: 3.6, econ: 5.0, forest: 20 },
  '25': { pop: 4.0, econ: 3.2, forest: 45 },
  '31': { pop: 4.7, econ: 5.3, forest: 7 },
  '33': { pop: 3.6, econ: 2.6, forest: 1 },
  '37': { pop: 4.4, econ: 2.6, forest: 8 },
  '38': { pop: 3.8, econ: 2.6, forest: 53 },
  '40': { pop: 3.5, econ: 1.8, forest: 58 },
  '42': { pop: 1.3, econ: 0.9, forest: 52 },
  '44': { pop: 1.9, econ: 0.9, forest: 60 },
  '46': { pop: 1.2, econ: 0.6, forest: 57 },
  '48': { pop: 3.1, econ: 2.3, forest: 55 },
  '51': { pop: 2.2, econ: 1.4, forest: 55 },
  '52': { pop: 3.6, econ: 1.9, forest: 45 },
  '56': { pop: 2.2, econ: 1.3, forest: 46 },
  '66': { pop: 3.3, econ: 1.6, forest: 40 },
  '68': { pop: 3.9, econ: 2.2, forest: 48 },
  '75': { pop: 4.5, econ: 4.3, forest: 30 },
  '79': { pop: 14.0, econ: 23.5, forest: 8 },
  '80': { pop: 3.3, econ: 2.4, forest: 8 },
  '82': { pop: 4.4, econ: 2.4, forest: 3 },
  '86': { pop: 4.3, econ: 2.0, forest: 2 },
  '91': { pop: 4.9, econ: 2.3, forest: 8 },
  '92': { pop: 4.2, econ: 2.0, forest: 2 },
  '96': { pop: 2.6, econ: 1.2, forest: 12 },
};

/** Provinces where storms, floods or landslides are common (for the ad-hoc disaster reports). */
export const DISASTER_PRONE = ['15', '08', '19', '20', '25', '38', '40', '42', '44', '46', '48', '51', '52', '56', '66'] as const;

const totalPop = Object.values(PROVINCE_WEIGHTS).reduce((s, w) => s + w.pop, 0);
const totalEcon = Object.values(PROVINCE_WEIGHTS).reduce((s, w) => s + w.econ, 0);

/** A province's share (0…1) of a national total, by population, economy or a blend. */
export function shareOf(region: string, by: 'pop' | 'econ' | 'blend'): number {
  const w = PROVINCE_WEIGHTS[region];
  if (!w) return 1;
  const pop = w.pop / totalPop;
  const econ = w.econ / totalEcon;
  return by === 'pop' ? pop : by === 'econ' ? econ : 0.5 * pop + 0.5 * econ;
}

/** How much richer than average a province is, as a log ratio (0 = average; HCMC ≈ +0.5). */
export function incomeLevel(region: string): number {
  const w = PROVINCE_WEIGHTS[region];
  if (!w) return 0;
  return Math.log(w.econ / totalEcon / (w.pop / totalPop));
}

/**
 * The model of one indicator:
 * - `flow`: additive over time (exports, revenue, accidents): `base` per month nationally;
 *   a period's value is base × its months × trend; a province's is that × its share `by`.
 * - `level`: a level or a rate (growth %, coverage %): `base` nationally; a province's is
 *   base + `spread` × its income level + noise of `noise` (absolute).
 * - `progress`: cumulative % of a yearly plan (disbursement, revenue against estimate):
 *   `base` % by the end of the year, proportional to the months elapsed.
 */
export interface IndicatorModel {
  kind: 'flow' | 'level' | 'progress';
  base: number;
  /** Relative noise for flows (0.05 = ±5 %), absolute for levels and progress. */
  noise: number;
  by?: 'pop' | 'econ' | 'blend';
  spread?: number;
  /** Yearly growth of a flow or level (0.07 = +7 % a year), from 2025. */
  trend?: number;
  /** The national indicator whose newest real yearly figure sets `base` (flows: / 12)... */
  national?: string;
  /** ...times this, for a province indicator in a smaller unit (tỷ đồng for nghìn tỷ đồng: 1000). */
  nationalScale?: number;
  /** Province values come from the province table instead (forest cover). */
  perProvince?: (region: string) => number;
}

export const INDICATOR_MODELS: Readonly<Record<string, IndicatorModel>> = {
  // National, from the 2025 published figures (seed CSV) where there is one.
  GDP_GROWTH: { kind: 'level', base: 8.02, noise: 0.5, national: 'GDP_GROWTH' },
  GDP_VND: { kind: 'flow', base: 12840 / 12, noise: 0.01, trend: 0.1, national: 'GDP_VND' },
  GDP_USD: { kind: 'flow', base: 514 / 12, noise: 0.01, trend: 0.09, national: 'GDP_USD' },
  GDP_PER_CAPITA: { kind: 'level', base: 5026, noise: 40, trend: 0.08, national: 'GDP_PER_CAPITA' },
  LABOUR_PRODUCTIVITY_GROWTH: { kind: 'level', base: 6.5, noise: 0.6 },
  CPI_AVG: { kind: 'level', base: 3.31, noise: 0.35, national: 'CPI_AVG' },
  IIP_GROWTH: { kind: 'level', base: 9.2, noise: 1.5, national: 'IIP_GROWTH' },
  RETAIL_SALES: { kind: 'flow', base: 580, noise: 0.04, trend: 0.09 },
  EXPORTS: { kind: 'flow', base: 475.06 / 12, noise: 0.08, trend: 0.12, national: 'EXPORTS' },
  IMPORTS: { kind: 'flow', base: 455.01 / 12, noise: 0.08, trend: 0.12, national: 'IMPORTS' },
  // Derived from exports and imports when both are in the report (see reportValues); the
  // balance's base is the 2025 figure / 12, though it is a level (no yearly `national`).
  TRADE_TOTAL: { kind: 'flow', base: 930.07 / 12, noise: 0.08, trend: 0.12, national: 'TRADE_TOTAL' },
  TRADE_BALANCE: { kind: 'level', base: 20.05 / 12, noise: 1.2 },
  ELECTRICITY_OUTPUT: { kind: 'flow', base: 26, noise: 0.06, trend: 0.08 },
  FDI_REGISTERED: { kind: 'flow', base: 38.42 / 12, noise: 0.25, national: 'FDI_REGISTERED' },
  FDI_DISBURSED: { kind: 'flow', base: 27.62 / 12, noise: 0.1, trend: 0.08, national: 'FDI_DISBURSED' },
  BUDGET_REVENUE: { kind: 'flow', base: 2650 / 12, noise: 0.12, trend: 0.08, national: 'BUDGET_REVENUE' },
  BUDGET_EXPENDITURE: { kind: 'flow', base: 2420 / 12, noise: 0.15, trend: 0.08, national: 'BUDGET_EXPENDITURE' },
  ENTERPRISES_NEW: { kind: 'flow', base: 297500 / 12, noise: 0.12, national: 'ENTERPRISES_NEW' },
  ENTERPRISES_EXITED: { kind: 'flow', base: 227200 / 12, noise: 0.15, national: 'ENTERPRISES_EXITED' },
  SOCIAL_INSURANCE_PARTICIPANTS: { kind: 'level', base: 20.5, noise: 0.15, trend: 0.04 },
  HEALTH_INSURANCE_COVERAGE: { kind: 'level', base: 94.2, noise: 0.3 },
  TRAFFIC_ACCIDENTS: { kind: 'flow', base: 21691 / 11, noise: 0.08 },
  TRAFFIC_DEATHS: { kind: 'flow', base: 10026 / 11, noise: 0.08 },
  TRAFFIC_INJURED: { kind: 'flow', base: 16103 / 11, noise: 0.08 },
  PUBLIC_INVESTMENT_DISBURSED: { kind: 'progress', base: 92, noise: 3 },
  UNEMPLOYMENT_RATE: { kind: 'level', base: 2.22, noise: 0.05 },
  JOBS_CREATED: { kind: 'flow', base: 1650 / 12, noise: 0.06 },
  OVERSEAS_WORKERS: { kind: 'flow', base: 150000 / 12, noise: 0.12 },
  CREDIT_GROWTH: { kind: 'progress', base: 16, noise: 0.8 },
  CENTRAL_EXCHANGE_RATE: { kind: 'level', base: 25150, noise: 60 },
  DOCTORS_PER_10K: { kind: 'level', base: 14.5, noise: 0.2, trend: 0.02 },
  HOSPITAL_BEDS_PER_10K: { kind: 'level', base: 32.5, noise: 0.3, trend: 0.01 },
  HIGHSCHOOL_GRADUATION_RATE: { kind: 'level', base: 99.2, noise: 0.2 },
  CIVIL_JUDGMENT_ENFORCEMENT_RATE: { kind: 'level', base: 82, noise: 2 },
  EXPRESSWAY_KM_IN_OPERATION: { kind: 'level', base: 2700, noise: 15, trend: 0.12 },
  SOCIAL_HOUSING_COMPLETED: { kind: 'flow', base: 8000, noise: 0.25, trend: 0.3 },
  RD_SPENDING_SHARE_GDP: { kind: 'level', base: 0.45, noise: 0.03 },
  DIGITAL_ECONOMY_SHARE_GDP: { kind: 'level', base: 14.2, noise: 0.4, trend: 0.05 },
  INVENTION_PATENT_APPLICATIONS: { kind: 'flow', base: 8500 / 12, noise: 0.08 },
  AGRO_FORESTRY_FISHERY_EXPORTS: { kind: 'flow', base: 62 / 12, noise: 0.08, trend: 0.06 },
  FOREST_COVER_RATE: { kind: 'level', base: 42.0, noise: 0.05 },

  // Province level: national totals × the province's share, or national rates shifted.
  PROV_GRDP_GROWTH: { kind: 'level', base: 8.02, noise: 1.6, spread: 0.8, national: 'GDP_GROWTH' },
  PROV_BUDGET_REVENUE: { kind: 'flow', base: (2650 * 1000) / 12, noise: 0.15, by: 'econ', trend: 0.08, national: 'BUDGET_REVENUE', nationalScale: 1000 },
  PROV_BUDGET_REVENUE_ESTIMATE_RATE: { kind: 'progress', base: 112, noise: 8 },
  PROV_PUBLIC_INVESTMENT_DISBURSED: { kind: 'progress', base: 92, noise: 10 },
  PROV_ENTERPRISES_NEW: { kind: 'flow', base: 297500 / 12, noise: 0.15, by: 'econ', national: 'ENTERPRISES_NEW' },
  PROV_FDI_REGISTERED: { kind: 'flow', base: (38.42 * 1000) / 12, noise: 0.6, by: 'econ', national: 'FDI_REGISTERED', nationalScale: 1000 },
  PROV_TRAFFIC_ACCIDENTS: { kind: 'flow', base: 21691 / 11, noise: 0.2, by: 'pop' },
  PROV_TRAFFIC_DEATHS: { kind: 'flow', base: 10026 / 11, noise: 0.2, by: 'pop' },
  PROV_TRAFFIC_INJURED: { kind: 'flow', base: 16103 / 11, noise: 0.2, by: 'pop' },
  PROV_HEALTH_INSURANCE_COVERAGE: { kind: 'level', base: 94.2, noise: 1.2, spread: 2 },
  PROV_SOCIAL_INSURANCE_PARTICIPANTS: { kind: 'level', base: 20.5 * 1000, noise: 0, by: 'blend' },
  PROV_RETAIL_SALES: { kind: 'flow', base: 580 * 1000, noise: 0.06, by: 'blend', trend: 0.09 },
  PROV_IIP_GROWTH: { kind: 'level', base: 9.2, noise: 4, spread: 1.5, national: 'IIP_GROWTH' },
  PROV_HIGHSCHOOL_GRADUATION_RATE: { kind: 'level', base: 99.1, noise: 0.5, spread: 0.4 },
  PROV_CIVIL_JUDGMENT_ENFORCEMENT_RATE: { kind: 'level', base: 82, noise: 5 },
  PROV_FOREST_COVER_RATE: { kind: 'level', base: 42, noise: 0.1, perProvince: (region) => PROVINCE_WEIGHTS[region]?.forest ?? 42 },
  PROV_ONLINE_APPLICATION_RATE: { kind: 'level', base: 55, noise: 7, spread: 12 },
  PROV_RECORDS_ON_TIME_RATE: { kind: 'level', base: 95, noise: 2.5, spread: 1.5 },
  PROV_DISASTER_DEATHS_MISSING: { kind: 'level', base: 1.5, noise: 2 },
  PROV_DISASTER_DAMAGE: { kind: 'level', base: 120, noise: 150 },
  // The portal's national shares (VPCP-DVCQG-QUY, reported by the Government Office).
  PORTAL_ONLINE_DOSSIER_RATE: { kind: 'level', base: 58, noise: 1.5 },
  PORTAL_ONLINE_PAYMENT_RATE: { kind: 'level', base: 46, noise: 1.5 },
  PORTAL_FULL_PROCESS_SERVICE_RATE: { kind: 'level', base: 55, noise: 1 },
  // Rankings are published, not reported through a regime: the simulator never draws them;
  // their demo figures come from server/seed/demo-rankings.ts. Listed so every indicator has a model.
  PROV_PCI: { kind: 'level', base: 67, noise: 2.5, spread: 2.2 },
  PROV_PAPI: { kind: 'level', base: 43, noise: 1.5, spread: 0.8 },
  PROV_PAR_INDEX: { kind: 'level', base: 88, noise: 2.4, spread: 1.2 },
  PROV_SIPAS: { kind: 'level', base: 83, noise: 2.4, spread: 0.5 },
  PROV_SERVICE_INDEX: { kind: 'level', base: 76, noise: 5, spread: 1.5 },
};

/**
 * The bases from the newest real (non-demo) yearly national figures the server holds:
 * `latest` maps an indicator code to its newest yearly value.
 */
export function basesFromNational(latest: ReadonlyMap<string, number>): Map<string, number> {
  const bases = new Map<string, number>();
  for (const [code, m] of Object.entries(INDICATOR_MODELS)) {
    if (!m.national) continue;
    const v = latest.get(m.national);
    if (v === undefined || !Number.isFinite(v)) continue;
    bases.set(code, m.kind === 'flow' ? (v * (m.nationalScale ?? 1)) / 12 : v * (m.nationalScale ?? 1));
  }
  return bases;
}

/** Months a period covers (a window: its days / 30.4). */
export function monthsOf(period: string): number {
  const p = parsePeriod(period);
  if (!p) return 1;
  switch (p.kind) {
    case 'month':
      return 1;
    case 'quarter':
      return 3;
    case 'half-year':
      return 6;
    case 'nine-months':
      return 9;
    case 'year':
      return 12;
    case 'window':
      return (Date.parse(p.end) - Date.parse(p.start)) / 86_400_000 / 30.4 + 1 / 30.4;
  }
}

/** How far through its year a period ends (the 9th month: 0.75), for cumulative progress. */
function yearFraction(period: string): number {
  const p = parsePeriod(period);
  if (!p) return 1;
  return Number(p.end.slice(5, 7)) / 12;
}

function yearsSince2025(period: string): number {
  const p = parsePeriod(period);
  if (!p) return 0;
  return (Date.parse(p.end) - Date.parse('2025-06-30')) / (365.25 * 86_400_000);
}

/** The value of one template field for one region, before rounding and clamping. */
export function modelValue(indicator: string, region: string, period: string, rng: () => number, bases: ReadonlyMap<string, number>): number {
  const m = INDICATOR_MODELS[indicator];
  if (!m) return Number.NaN;
  const base = bases.get(indicator) ?? m.base;
  const trend = m.trend ? Math.pow(1 + m.trend, yearsSince2025(period)) : 1;
  const province = region !== 'VN';
  switch (m.kind) {
    case 'flow': {
      const share = province ? shareOf(region, m.by ?? 'econ') : 1;
      return base * monthsOf(period) * trend * share * (1 + m.noise * normal(rng));
    }
    case 'progress':
      return base * yearFraction(period) + m.noise * normal(rng);
    case 'level': {
      if (province && m.perProvince) return m.perProvince(region) + m.noise * normal(rng);
      if (province && m.by) return base * shareOf(region, m.by) * trend * (1 + 0.02 * normal(rng));
      const shift = province ? (m.spread ?? 0) * incomeLevel(region) : 0;
      return base * trend + shift + m.noise * normal(rng);
    }
  }
}

/** Rounded to the field's type and kept inside its range. */
export function fitToField(value: number, field: Pick<TemplateField, 'type' | 'min' | 'max'>): number {
  const lo = field.min ?? Number.NEGATIVE_INFINITY;
  const hi = field.max ?? Number.POSITIVE_INFINITY;
  let v = Number.isFinite(value) ? value : (Number.isFinite(lo) ? lo : 0);
  v = Math.min(hi, Math.max(lo, v));
  if (field.type === 'integer') return Math.min(Math.floor(hi), Math.max(Math.ceil(lo), Math.round(v)));
  const decimals = Math.abs(v) >= 1000 ? 0 : Math.abs(v) >= 100 ? 1 : 2;
  const f = 10 ** decimals;
  return Math.min(hi, Math.max(lo, Math.round(v * f) / f));
}

export type SimField = Pick<TemplateField, 'indicator' | 'unit' | 'type' | 'min' | 'max' | 'required' | 'byProvince'>;

/**
 * The values of one report: every required field, optional ones most of the time, one per
 * province for a field broken down by province, the agency's own region otherwise. The
 * same key (seed, regime, agency, period, revision) always gives the same values; a
 * revision moves them a little (a later estimate).
 */
export function reportValues(
  seed: number,
  regime: { code: string; fields: readonly SimField[] },
  agency: string,
  period: string,
  revision: number,
  bases: ReadonlyMap<string, number>,
  regions?: readonly string[],
): { indicator: string; region: string; value: number }[] {
  const own = agencyByCode(agency)?.region ?? 'VN';
  const values: { indicator: string; region: string; value: number }[] = [];
  const key = `${regime.code}|${agency}|${period}`;
  for (const field of regime.fields) {
    if (!field.required && rngFor(seed, `${key}|${field.indicator}|optional`)() < 0.3) continue;
    const targets = field.byProvince ? (regions ?? PROVINCES.map((p) => p.code)) : [own];
    for (const region of targets) {
      // The figure of the period is fixed by the key; a revision is a small move around it.
      const rng = rngFor(seed, `${key}|${field.indicator}|${region}`);
      let v = modelValue(field.indicator, region, period, rng, bases);
      if (revision > 1) v *= 1 + 0.01 * normal(rngFor(seed, `${key}|${field.indicator}|${region}|r${revision}`));
      values.push({ indicator: field.indicator, region, value: fitToField(v, field) });
    }
  }
  // Trade totals add up.
  const get = (code: string) => values.find((v) => v.indicator === code && v.region === own);
  const exports = get('EXPORTS');
  const imports = get('IMPORTS');
  if (exports && imports) {
    const total = get('TRADE_TOTAL');
    const balance = get('TRADE_BALANCE');
    if (total) total.value = Math.round((exports.value + imports.value) * 100) / 100;
    if (balance) balance.value = Math.round((exports.value - imports.value) * 100) / 100;
  }
  return values;
}
