import { formatPeriod } from '../../shared/format/date';
import { formatNumber, formatSigned, formatValue, type Locale } from '../../shared/format/number';
import { freshness, type Freshness } from '../../shared/freshness';
import type { Bilingual } from '../../shared/i18n';
import { comparePeriods, parsePeriod, previousPeriod, samePeriodLastYear } from '../../shared/period';
import type { IndicatorMeta, Observation } from '../../shared/protocol/model';
import { INDICATOR_FIELDS, type IndicatorFieldCode } from '../../shared/regimes/indicators';
import { changeOf, isFiniteNumber, isPercentUnit, meetsTarget, TARGET_SYMBOL, targetFor, withMinus, type PlanTarget } from '../widgets/common/chart-series';
import type { Tone } from '../widgets/common/colours';

/**
 * What the information page shows, as plain functions of the catalogue and the
 * observations (no React, no fetch), so the rules are tested on their own:
 *
 * - which figures head each field of Decision 293 (`selectHeadlines`);
 * - what each is compared with (`comparisonFor`) and the change (`figureChange`);
 * - the plan progress where the catalogue has a target for the figure's year (`planProgress`).
 */

export const NATIONAL = 'VN';
/** At most this many figures per field: a phone shows a field on one screen. */
export const HEADLINES_PER_FIELD = 3;

/**
 * The province-level indicator that reports the same thing as a national one: the catalogue
 * names them `PROV_<national code>`, except GRDP, the provinces' GDP.
 */
const PROVINCE_TWIN_EXCEPTIONS: Readonly<Record<string, string>> = { GDP_GROWTH: 'PROV_GRDP_GROWTH' };

export function provinceTwin(code: string, catalogue: ReadonlyMap<string, IndicatorMeta>): string | null {
  const twin = PROVINCE_TWIN_EXCEPTIONS[code] ?? `PROV_${code}`;
  return catalogue.get(twin)?.scope === 'province' ? twin : null;
}

/** Observations by indicator then region, every period, for quick look-ups. */
export type ObservationIndex = ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, Observation>>>;

export function indexObservations(observations: Iterable<Observation>): ObservationIndex {
  const index = new Map<string, Map<string, Map<string, Observation>>>();
  for (const o of observations) {
    let byRegion = index.get(o.indicator);
    if (!byRegion) index.set(o.indicator, (byRegion = new Map()));
    let byPeriod = byRegion.get(o.region);
    if (!byPeriod) byRegion.set(o.region, (byPeriod = new Map()));
    const kept = byPeriod.get(o.period);
    // The newest vintage wins if a reply ever carried two.
    if (!kept || Date.parse(o.vintage) >= Date.parse(kept.vintage)) byPeriod.set(o.period, o);
  }
  return index;
}

/** The latest figure with a value, by period (a missing "no data" figure is skipped). */
export function latestObservation(byPeriod: ReadonlyMap<string, Observation> | undefined): Observation | null {
  let latest: Observation | null = null;
  for (const o of byPeriod?.values() ?? []) {
    if (!isFiniteNumber(o.value) || !parsePeriod(o.period)) continue;
    if (!latest || comparePeriods(o.period, latest.period) > 0) latest = o;
  }
  return latest;
}

/**
 * What a figure is compared with, as its data allows. A rate that is already a change on
 * the same period of last year ("% so với cùng kỳ") is compared with the previous period
 * (GDP growth Q3 against Q2, in percentage points); any other figure with the same period
 * of last year first (seasons cancel out), else the previous period.
 */
export function comparisonFor(meta: IndicatorMeta, latest: Observation, byPeriod: ReadonlyMap<string, Observation> | undefined): Observation | null {
  const yearOnYear = samePeriodLastYear(latest.period);
  const previous = previousPeriod(latest.period);
  const alreadyYearOnYear = /cùng kỳ/i.test(meta.unit);
  const order = alreadyYearOnYear ? [previous, yearOnYear] : [yearOnYear, previous];
  for (const period of order) {
    if (period === null) continue;
    const o = byPeriod?.get(period);
    if (o && isFiniteNumber(o.value)) return o;
  }
  return null;
}

export interface FigureChange {
  /** "+0,93 điểm %" or "−11,6%". */
  text: Bilingual;
  arrow: '▲' | '▼' | '=';
  tone: Tone;
  /** The period compared with. */
  against: string;
  basis: 'previous' | 'year-on-year';
}

export function figureChange(meta: IndicatorMeta, latest: Observation, comparison: Observation | null): FigureChange | null {
  if (!comparison) return null;
  const change = changeOf(meta.unit, meta.direction, latest.value, comparison.value);
  if (!change) return null;
  const rate = isPercentUnit(meta.unit);
  const en = rate ? `${formatSigned(change.shown, 'en', 2)} pp` : `${formatSigned(change.shown, 'en', 1)}%`;
  return {
    text: { vi: change.text, en },
    arrow: change.arrow,
    tone: change.tone,
    against: comparison.period,
    basis: comparison.period === samePeriodLastYear(latest.period) ? 'year-on-year' : 'previous',
  };
}

export interface PlanProgress {
  target: PlanTarget;
  /** "KH 2026: ≥ 10%". */
  label: Bilingual;
  /** A level part-way through the year: "đạt 82,5% KH"; null for a rate or a whole year. */
  share: Bilingual | null;
  met: boolean;
  /** Bar fill in [0, 1]. */
  fill: number;
  tone: Tone;
}

/**
 * Progress against the plan target of the figure's year. A rate, or a figure for the whole
 * year, is judged against the target (met or not); a level for part of the year (budget
 * revenue to October) is a share of the year's plan, neutral until it is met.
 */
export function planProgress(meta: IndicatorMeta, latest: Observation): PlanProgress | null {
  if (!isFiniteNumber(latest.value)) return null;
  const target = targetFor(meta, latest.period);
  if (!target) return null;
  const year = target.period.slice(0, 4);
  const value = latest.value;
  const met = meetsTarget(value, target, meta.direction);
  const wholeYear = parsePeriod(latest.period)?.kind === 'year' || target.period === latest.period;
  const partial = !isPercentUnit(meta.unit) && !wholeYear && target.kind === 'at-least' && target.value > 0;
  const aim = (locale: Locale) => {
    const digits = Number.isInteger(target.value) ? 0 : Math.abs(target.value * 10) % 1 === 0 ? 1 : 2;
    return `${TARGET_SYMBOL[target.kind]} ${formatNumber(target.value, locale, digits)}${isPercentUnit(meta.unit) ? '%' : ''}`;
  };
  const ratio = target.value > 0 && value >= 0 ? value / target.value : null;
  const share = partial && ratio !== null ? ratio * 100 : null;
  return {
    target,
    label: { vi: `KH ${year}: ${aim('vi')}`, en: `Plan ${year}: ${aim('en')}` },
    share: share === null ? null : { vi: `đạt ${formatNumber(share, 'vi', share >= 1000 ? 0 : 1)}% KH`, en: `${formatNumber(share, 'en', share >= 1000 ? 0 : 1)}% of plan` },
    met,
    fill: ratio === null ? (met ? 1 : 0) : Math.min(1, Math.max(0, partial ? ratio : ratio / 1.25)),
    tone: met ? 'good' : partial ? 'neutral' : 'bad',
  };
}

export interface Headline {
  /** The indicator the figure is for (the province twin when a province's figure shows). */
  meta: IndicatorMeta;
  /** The national indicator it heads for, when the figure is a province's twin of it. */
  nationalCode: string;
  region: string;
  /** True when a province is picked but this figure is the nation's (the province has none). */
  nationalFallback: boolean;
  latest: Observation;
  comparison: Observation | null;
  change: FigureChange | null;
  progress: PlanProgress | null;
  freshness: Freshness;
  value: Bilingual;
  period: Bilingual;
}

export interface FieldHeadlines {
  code: IndicatorFieldCode;
  name: Bilingual;
  headlines: Headline[];
}

function headlineOf(meta: IndicatorMeta, nationalCode: string, latest: Observation, index: ObservationIndex, region: string, nationalFallback: boolean, now: number): Headline {
  const byPeriod = index.get(meta.code)?.get(latest.region);
  const comparison = comparisonFor(meta, latest, byPeriod);
  return {
    meta,
    nationalCode,
    region,
    nationalFallback,
    latest,
    comparison,
    change: figureChange(meta, latest, comparison),
    progress: planProgress(meta, latest),
    freshness: freshness({ periodicity: meta.periodicity, period: latest.period, now }),
    value: { vi: withMinus(formatValue(latest.value!, meta.unit, 'vi')), en: withMinus(formatValue(latest.value!, meta.unit, 'en')) },
    period: { vi: formatPeriod(latest.period, 'vi'), en: formatPeriod(latest.period, 'en') },
  };
}

/**
 * The headline figures of each of the nine fields, for the nation ("VN") or one province.
 * Candidates are the field's national indicators in catalogue order, those with a plan
 * target first (the plan is what leadership follow); with a province picked, each shows the
 * province's twin where the province has a figure, else the nation's (marked), the field's
 * province-only indicators (no national twin: online applications…) join in, and the
 * province's own figures come before the nation's. A candidate without any figure is
 * skipped; at most HEADLINES_PER_FIELD a field. Rankings are not headlines.
 */
export function selectHeadlines(catalogue: readonly IndicatorMeta[], index: ObservationIndex, region: string, now: number): FieldHeadlines[] {
  const byCode = new Map(catalogue.map((m) => [m.code, m] as const));
  const twinned = new Set(catalogue.map((m) => (m.scope === 'province' ? null : provinceTwin(m.code, byCode))).filter((c): c is string => c !== null));
  return INDICATOR_FIELDS.map((field) => {
    // A ranking (PCI, PAPI…) is a province's place among the 34 in an outside body's yearly
    // index, not a figure of the field reported under a regime: the ranking widget shows it.
    const inField = catalogue.filter((m) => m.group === field.code && m.ranking !== true);
    const national = inField.filter((m) => m.scope !== 'province');
    const provinceOnly = region === NATIONAL ? [] : inField.filter((m) => m.scope === 'province' && !twinned.has(m.code));
    const ranked = [...national.filter((m) => (m.targets?.length ?? 0) > 0), ...national.filter((m) => (m.targets?.length ?? 0) === 0), ...provinceOnly];
    const candidates: Headline[] = [];
    for (const meta of ranked) {
      if (region !== NATIONAL) {
        const twinCode = meta.scope === 'province' ? meta.code : provinceTwin(meta.code, byCode);
        const twin = twinCode ? byCode.get(twinCode) : undefined;
        const own = twin ? latestObservation(index.get(twin.code)?.get(region)) : null;
        if (twin && own) {
          candidates.push(headlineOf(twin, meta.code, own, index, region, false, now));
          continue;
        }
        if (meta.scope === 'province') continue;
      }
      const nation = latestObservation(index.get(meta.code)?.get(NATIONAL));
      if (nation) candidates.push(headlineOf(meta, meta.code, nation, index, region, region !== NATIONAL, now));
    }
    // A province's view shows its own figures first; the nation's fill the rest.
    const headlines = [...candidates.filter((c) => !c.nationalFallback), ...candidates.filter((c) => c.nationalFallback)].slice(0, HEADLINES_PER_FIELD);
    return { code: field.code, name: field.name, headlines };
  });
}
