import { interpolateCividis, interpolateViridis } from 'd3';
import { defaultDecimals, formatNumber, formatValue } from '../../../shared/format/number';
import { formatPeriod } from '../../../shared/format/date';
import { comparePeriods } from '../../../shared/period';
import { messages, type Bilingual } from '../../../shared/i18n';
import type { IndicatorMeta, Observation } from '../../../shared/protocol/model';
import { PROVINCES, PROVINCE_CODES } from '../../../shared/regions';
import type { MapScheme } from '../../../shared/widgets/map-common';
import { periodsKey, type WallStoreState } from '../../store/wallStore';
import { observationKey } from '../../../shared/protocol/model';
import { rankScores, rankText, type Ranking } from '../../../shared/rankings';
import { shortSource } from '../../../shared/format/source';

/**
 * What the province maps show, computed from the store without React or a canvas, so the
 * rules are plain functions: which period, which figure per province, which figures are
 * "no data" (missing, null, not a number, impossible for the unit), the colour classes,
 * the legend, label colours. Shared by the geographic map, the tile map and the 3D map.
 */

// ---------------------------------------------------------------- the store's slice

/** The 34 provinces' figures of one indicator for one period, in PROVINCE_CODES order. */
export interface ProvinceSlice {
  indicator: string | null;
  meta: IndicatorMeta | undefined;
  /** The period shown, or null when no province has any figure. */
  period: string | null;
  observations: ReadonlyArray<Observation | undefined>;
}

const EMPTY: ReadonlyArray<Observation | undefined> = Object.freeze(PROVINCE_CODES.map(() => undefined));

/**
 * The newest period any province has reported (comparePeriods: latest end, then longest),
 * unless `period` fixes it. A province that has not reported that period yet shows "no
 * data" rather than an older figure next to newer ones.
 */
export function latestProvincePeriod(state: WallStoreState, indicator: string): string | null {
  let best: string | null = null;
  for (const code of PROVINCE_CODES) {
    const periods = state.periods[periodsKey(indicator, code)];
    const last = periods?.[periods.length - 1];
    if (last !== undefined && (best === null || comparePeriods(last, best) > 0)) best = last;
  }
  return best;
}

/**
 * The slice for `indicator`. Given the previous slice, returns it unchanged (the same
 * object) when nothing it holds has changed, so a subscriber can compare by identity.
 */
export function selectProvinceSlice(
  state: WallStoreState,
  indicator: string | null,
  fixedPeriod?: string,
  previous?: ProvinceSlice,
): ProvinceSlice {
  const meta = indicator ? state.indicators[indicator] : undefined;
  const period = indicator ? (fixedPeriod ?? latestProvincePeriod(state, indicator)) : null;
  let observations: ReadonlyArray<Observation | undefined> = EMPTY;
  if (indicator && period) {
    observations = PROVINCE_CODES.map((region) => state.observations[observationKey({ indicator, region, period })]);
  }
  if (
    previous &&
    previous.indicator === indicator &&
    previous.meta === meta &&
    previous.period === period &&
    previous.observations.length === observations.length &&
    previous.observations.every((o, i) => o === observations[i])
  ) {
    return previous;
  }
  return { indicator, meta, period, observations };
}

// ---------------------------------------------------------------- validation

export type NoDataReason = 'missing' | 'null' | 'not-finite' | 'implausible' | 'wrong-unit';

export interface ProvinceDatum {
  code: string;
  name: string;
  nameEn: string;
  /** A usable figure, or null ("Chưa có số liệu"). */
  value: number | null;
  reason: NoDataReason | null;
  observation: Observation | undefined;
}

/** A share of a whole ("% dân số", "% diện tích", "% số hồ sơ", "% thí sinh dự thi"): 0–100. */
const SHARE_UNIT = /^%\s*(dân số|diện tích|số\b|thí sinh)/i;
/** Counts of things and people never go below zero. */
const COUNT_UNIT = /^(vụ|người|nghìn người|doanh nghiệp|dự án|hồ sơ|lượt)$/i;

/**
 * Whether `value` can be a figure in `unit`: a figure in the wrong unit (a share of 9 500
 * "% dân số" sent per ten thousand, a negative count) is refused as no data rather than
 * painted as the country's record. Growth rates and shares of a plan may be anything.
 */
export function plausibleValue(value: number, unit: string | undefined): boolean {
  if (!Number.isFinite(value)) return false;
  const u = (unit ?? '').trim();
  if (SHARE_UNIT.test(u)) return value >= 0 && value <= 100;
  if (COUNT_UNIT.test(u)) return value >= 0;
  return true;
}

/** Units compare after Unicode normalisation and whitespace folding. */
const normalUnit = (unit: string) => unit.normalize('NFC').trim().replace(/\s+/g, ' ');

/** Whether the indicator's unit is the one the tile expects (always, when it expects none). */
export function unitMatches(unit: string | undefined, expectUnit: string | undefined): boolean {
  return expectUnit === undefined || (unit !== undefined && normalUnit(unit) === normalUnit(expectUnit));
}

/**
 * Each province's figure, or why it has none. Never throws on bad data. With `expectUnit`,
 * an indicator in another unit gives every province "no data" (reason 'wrong-unit').
 */
export function provinceData(slice: ProvinceSlice, expectUnit?: string): ProvinceDatum[] {
  const unit = slice.meta?.unit;
  const unitOk = unitMatches(unit, expectUnit);
  return PROVINCES.map((province, i) => {
    const observation = slice.observations[i];
    let value: number | null = null;
    let reason: NoDataReason | null = null;
    const raw: unknown = observation?.value;
    if (!observation) reason = 'missing';
    else if (!unitOk) reason = 'wrong-unit';
    else if (raw === null || raw === undefined) reason = 'null';
    else if (typeof raw !== 'number' || !Number.isFinite(raw)) reason = 'not-finite';
    else if (!plausibleValue(raw, unit)) reason = 'implausible';
    else value = raw;
    return { code: province.code, name: province.name, nameEn: province.nameEn, value, reason, observation };
  });
}

// ---------------------------------------------------------------- colours

/** The darkest end of the scales is cut off: on the dark tile it would vanish. */
const SCHEME_START = 0.18;

export const interpolators: Readonly<Record<MapScheme, (t: number) => string>> = {
  cividis: interpolateCividis,
  viridis: interpolateViridis,
};

/** The n class colours of a scheme, light-on-dark friendly: from 0.18 to 1 of the ramp. */
export function classColours(scheme: MapScheme, n: number): string[] {
  const interpolate = interpolators[scheme];
  if (n <= 1) return [interpolate(0.6)];
  return Array.from({ length: n }, (_, i) => interpolate(SCHEME_START + ((1 - SCHEME_START) * i) / (n - 1)));
}

export const NO_DATA_FILL = '#2a323d';
export const NO_DATA_STRIPE = '#8593a4';

export interface ColourClass {
  /** [lower, upper): the last class includes its upper bound. */
  lower: number;
  upper: number;
  colour: string;
}

export interface ColourScale {
  classes: ColourClass[];
  /** The class colour of a value (values outside a fixed domain take the end classes). */
  colourOf(value: number): string;
  /** The index of the class a value falls in. */
  classOf(value: number): number;
  domain: [number, number];
  /** Decimals that show the class bounds exactly. */
  decimals: number;
}

/** Decimals needed to write multiples of `step` exactly (0–4). */
export function stepDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  for (let d = 0; d <= 4; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  return 4;
}

/**
 * Round class bounds: the smallest "nice" step (1, 2, 2,5 or 5 × 10ⁿ) that covers
 * [lo, hi] in at most `n` equal classes starting at a multiple of the step.
 */
export function niceClasses(lo: number, hi: number, n: number): { start: number; step: number; count: number } {
  const raw = (hi - lo) / n;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10, 20]) {
    const step = m * magnitude;
    if (step < raw * (1 - 1e-9)) continue;
    const start = Math.floor(lo / step + 1e-9) * step;
    const count = Math.max(1, Math.ceil((hi - start) / step - 1e-9));
    if (count <= n) return { start, step, count };
  }
  return { start: lo, step: raw, count: n };
}

/**
 * Equal classes with round bounds over the figures' range, or exactly over a fixed
 * `domain`. Equal intervals read the way leadership reads a map ("brighter = more");
 * quantiles would hide how far apart the figures are. One value, or all equal: one class.
 */
export function colourScale(
  values: readonly number[],
  options: { scheme: MapScheme; classes: number; domain?: { min: number; max: number } },
): ColourScale | null {
  const finite = values.filter(Number.isFinite);
  let lo: number;
  let hi: number;
  if (options.domain) [lo, hi] = [options.domain.min, options.domain.max];
  else {
    if (finite.length === 0) return null;
    lo = Math.min(...finite);
    hi = Math.max(...finite);
  }
  if (lo === hi) {
    const colour = classColours(options.scheme, 1)[0]!;
    return {
      classes: [{ lower: lo, upper: hi, colour }],
      colourOf: () => colour,
      classOf: () => 0,
      domain: [lo, hi],
      decimals: stepDecimals(Math.abs(lo)),
    };
  }
  const { start, step, count } = options.domain
    ? { start: lo, step: (hi - lo) / options.classes, count: options.classes }
    : niceClasses(lo, hi, options.classes);
  const colours = classColours(options.scheme, count);
  const at = (i: number) => Number((start + step * i).toPrecision(12));
  const classes = colours.map((colour, i) => ({ lower: at(i), upper: at(i + 1), colour }));
  const classOf = (value: number) => Math.max(0, Math.min(count - 1, Math.floor((value - start) / step + 1e-9)));
  return {
    classes,
    colourOf: (value) => colours[classOf(value)]!,
    classOf,
    domain: [at(0), at(count)],
    decimals: Math.min(2, Math.max(stepDecimals(step), stepDecimals(Math.abs(start)))),
  };
}

/** sRGB relative luminance of "#rrggbb" or "rgb(r, g, b)". */
export function luminance(colour: string): number {
  let rgb: number[] | null = null;
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  if (hex) rgb = [0, 2, 4].map((i) => parseInt(hex[1]!.slice(i, i + 2), 16));
  const fn = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/i.exec(colour);
  if (!rgb && fn) rgb = [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  if (!rgb) return 0;
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export const DARK_TEXT = '#05080d';
export const LIGHT_TEXT = '#ffffff';

/** The text colour with the better WCAG contrast on `fill`. */
export function textColourOn(fill: string): typeof DARK_TEXT | typeof LIGHT_TEXT {
  const l = luminance(fill);
  const onWhite = 1.05 / (l + 0.05);
  const onBlack = (l + 0.05) / (luminance(DARK_TEXT) + 0.05);
  return onBlack > onWhite ? DARK_TEXT : LIGHT_TEXT;
}

// ---------------------------------------------------------------- legend

export interface LegendEntry {
  kind: 'class' | 'no-data';
  colour: string | null;
  /** "1.000 – 2.000" (vi-VN), or "Chưa có số liệu". */
  label: string;
  /** How many provinces fall in it. */
  count: number;
}

export interface LegendModel {
  /** The unit as reports write it, shown as the legend's title. */
  unit: string | null;
  entries: LegendEntry[];
}

/**
 * The legend: one entry per class, highest first (the way a reader scans down from the
 * top), then "Chưa có số liệu" with its count when any province lacks a figure.
 */
export function legendModel(scale: ColourScale | null, data: readonly ProvinceDatum[], unit: string | null, decimals?: number): LegendModel {
  const entries: LegendEntry[] = [];
  const noData = data.filter((d) => d.value === null).length;
  if (scale) {
    const counts = scale.classes.map(() => 0);
    for (const d of data) if (d.value !== null) counts[scale.classOf(d.value)]! += 1;
    const dec = decimals ?? scale.decimals;
    const fmt = (v: number) => formatNumber(v, 'vi', dec);
    scale.classes.forEach((c, i) => {
      const label = scale.classes.length === 1 ? fmt(c.lower) : `${fmt(c.lower)} – ${fmt(c.upper)}`;
      entries.push({ kind: 'class', colour: c.colour, label, count: counts[i]! });
    });
    entries.reverse();
  }
  if (noData > 0 || !scale) entries.push({ kind: 'no-data', colour: null, label: messages.noData.vi, count: noData });
  return { unit, entries };
}

// ---------------------------------------------------------------- the whole view

export interface ChoroplethOptions {
  scheme: MapScheme;
  classes: number;
  domain?: { min: number; max: number };
  decimals?: number;
  highlight?: string;
  /** The unit the tile expects (see unitMatches). */
  expectUnit?: string;
}

export interface ProvinceView extends ProvinceDatum {
  /** The class colour, or null for "no data" (hatched). */
  fill: string | null;
  /** The text colour on the fill. */
  ink: string;
  /** "12,3" (vi-VN, the unit's decimals), or "—". */
  valueText: string;
}

export interface MapHeaderView {
  name: Bilingual;
  unit: string | null;
  period: Bilingual | null;
  /** The newest vintage among the figures shown (ms), for "cập nhật … trước". */
  newestVintage: number | null;
  estimate: boolean;
  demo: boolean;
  /** The indicator's unit is not the one the tile expects: every province shows "no data". */
  wrongUnit: { expected: string; actual: string | null } | null;
  /** Who publishes a ranking («VCCI», «Bộ Nội vụ»: shared/format/source.ts); null for other indicators or when the catalogue names no one. */
  source: string | null;
  /**
   * The highlighted province, its figure and its rank among the provinces with a figure
   * («hạng 3/34», shared/rankings.ts: the indicator's direction, ties share), or null rank
   * when it has no figure.
   */
  highlight: { code: string; name: string; valueText: string; rank: string | null; rankEn: string | null } | null;
}

export interface Choropleth {
  provinces: ProvinceView[];
  byCode: ReadonlyMap<string, ProvinceView>;
  scale: ColourScale | null;
  legend: LegendModel;
  header: MapHeaderView;
  /** How many provinces have a usable figure. */
  withData: number;
  /** The provinces ranked by their figures and the indicator's direction (derived, never stored). */
  ranking: Ranking;
  /** The indicator is a published ranking (PCI, PAPI…: `ranking` in the catalogue): maps list it by rank. */
  isRanking: boolean;
}

export function formatProvinceValue(value: number, unit: string, decimals?: number): string {
  return formatValue(value, unit, 'vi', decimals ?? defaultDecimals(value, unit));
}

/** Everything a province map draws, from the slice and the tile's options. */
export function choropleth(slice: ProvinceSlice, options: ChoroplethOptions, title?: { vi: string; en?: string }): Choropleth {
  const data = provinceData(slice, options.expectUnit);
  const unit = slice.meta?.unit ?? null;
  const scale = colourScale(
    data.flatMap((d) => (d.value === null ? [] : [d.value])),
    { scheme: options.scheme, classes: options.classes, domain: options.domain },
  );
  // One number of decimals for the whole map, as the comparison does for its ranking: a
  // reader compares neighbours, and "8" beside "8,2" reads as a different precision.
  const sharedDecimals =
    options.decimals ?? Math.max(0, ...data.flatMap((d) => (d.value === null ? [] : [defaultDecimals(d.value, unit ?? '')])));
  const provinces: ProvinceView[] = data.map((d) => {
    const fill = d.value !== null && scale ? scale.colourOf(d.value) : null;
    return {
      ...d,
      fill,
      ink: fill ? textColourOn(fill) : LIGHT_TEXT,
      valueText: d.value !== null ? formatProvinceValue(d.value, unit ?? '', sharedDecimals) : '—',
    };
  });
  const byCode = new Map(provinces.map((p) => [p.code, p]));
  const shown = provinces.flatMap((p) => (p.observation ? [p.observation] : []));
  const vintages = shown.map((o) => Date.parse(o.vintage)).filter(Number.isFinite);
  const highlighted = options.highlight ? byCode.get(options.highlight) : undefined;
  const ranking = rankScores(
    provinces.flatMap((p) => (p.value === null ? [] : [{ code: p.code, value: p.value }])),
    slice.meta?.direction ?? 'up',
  );
  const highlightRank = highlighted ? ranking.rankOf(highlighted.code) : undefined;
  const name: Bilingual = title
    ? { vi: title.vi, en: title.en ?? slice.meta?.name.en ?? '' }
    : slice.meta
      ? { vi: slice.meta.name.vi, en: slice.meta.name.en }
      : { vi: slice.indicator ?? '—', en: '' };
  return {
    provinces,
    byCode,
    scale,
    legend: legendModel(scale, data, unit, options.decimals),
    header: {
      name,
      unit,
      period: slice.period ? { vi: formatPeriod(slice.period, 'vi'), en: formatPeriod(slice.period, 'en') } : null,
      newestVintage: vintages.length ? Math.max(...vintages) : null,
      estimate: shown.some((o) => o.status === 'estimate'),
      demo: shown.some((o) => o.demo),
      wrongUnit: unitMatches(slice.meta?.unit, options.expectUnit) ? null : { expected: options.expectUnit!, actual: unit },
      // As the comparison: a published ranking names its publisher.
      source: slice.meta?.ranking ? shortSource(slice.meta.source) : null,
      highlight: highlighted
        ? {
            code: highlighted.code,
            name: highlighted.name,
            valueText: highlighted.valueText,
            rank: highlightRank ? rankText(highlightRank, ranking.total) : null,
            rankEn: highlightRank ? rankText(highlightRank, ranking.total, 'en') : null,
          }
        : null,
    },
    withData: provinces.filter((p) => p.value !== null).length,
    ranking,
    isRanking: slice.meta?.ranking === true,
  };
}

/** A key that changes exactly when the legend or header would read differently. */
export function viewKey(view: Choropleth): string {
  const h = view.header;
  return JSON.stringify([
    view.legend,
    h.name,
    h.unit,
    h.period,
    h.newestVintage,
    h.estimate,
    h.demo,
    h.wrongUnit,
    h.source,
    h.highlight,
  ]);
}

/** The n provinces with the highest figures (no-data ones never), ties by code. */
export function topProvinces<T extends { code: string; value: number | null }>(provinces: readonly T[], n: number): T[] {
  if (n <= 0) return [];
  return provinces
    .filter((p) => p.value !== null)
    .sort((a, b) => b.value! - a.value! || a.code.localeCompare(b.code))
    .slice(0, n);
}

/**
 * "Hồ Chí Minh" → ["Hồ Chí", "Minh"]: a name on two lines, split where the longer line is
 * shortest. One word stays one line.
 */
export function splitName(name: string): string[] {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2) return [name];
  let best: string[] = [name];
  let bestLength = Infinity;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const longest = Math.max(...lines.map((l) => l.length));
    if (longest < bestLength) [best, bestLength] = [lines, longest];
  }
  return best;
}
