import type { IndicatorMeta, Observation } from '../../../shared/protocol/model';
import { formatNumber, formatValue } from '../../../shared/format/number';
import { formatAge, formatPeriod } from '../../../shared/format/date';
import { freshness, type Freshness } from '../../../shared/freshness';
import { messages, updatedAgo, versusPeriod, type Bilingual } from '../../../shared/i18n';
import { parsePeriod } from '../../../shared/period';
import type { KpiThresholds } from '../../../shared/widgets/kpi/definition';
import type { Tone } from '../common/colours';
import {
  changeOf,
  isFiniteNumber,
  isPercentUnit,
  meetsTarget,
  packLines,
  targetFor,
  targetText,
  unusable,
  withMinus,
  type PlanTarget,
  type Unusable,
} from '../common/chart-series';

export { isPercentUnit } from '../common/chart-series';

/**
 * What a KPI tile shows, computed from the store's figures without React, so the rules
 * (rates compare in percentage points, other figures in relative %, a missing or
 * non-finite figure is "no data", the plan, the status, the sparkline, staleness) are
 * plain functions.
 */
export interface KpiChange {
  /** "+0,93 điểm %" or "+11,6%". */
  text: string;
  arrow: '▲' | '▼' | '=';
  tone: Tone;
  /** "so với năm 2024". */
  basis: Bilingual;
}

/** good / watch / bad from the thresholds (or the plan); none when neither says anything. */
export type KpiStatus = 'good' | 'watch' | 'bad' | 'none';

export interface KpiProgress {
  target: PlanTarget;
  /** "KH ≥ 8%" (a rate, or a whole year) or "đạt 82,5% KH" (a level part-way through the year). */
  label: string;
  /** value / target, or null when the target is not a positive number. */
  ratio: number | null;
  /** Bar fill in [0, 1]. The bar spans 0 … 1.25 × the target (the target's mark at 80 %), or 0 … the target for partial progress. */
  fill: number;
  /** Where the target's mark sits on the bar, in [0, 1]; null when the bar ends at the target. */
  markerAt: number | null;
  met: boolean;
  /** A level part-way through the plan's year: not yet judged (neutral until it is met). */
  partial: boolean;
  tone: Tone;
}

export interface SparkPoint {
  period: string;
  /** 0..100 across, 0..100 down (SVG viewBox units). */
  x: number;
  y: number;
  estimate: boolean;
}

export interface KpiSparkline {
  points: SparkPoint[];
  /** SVG path through the points, broken at missing periods. */
  path: string;
  /** The plan target's height in the same units, when it lies within the drawn range. */
  targetY: number | null;
}

export interface KpiView {
  name: Bilingual;
  /** The formatted latest value, or null for "Chưa có số liệu". */
  value: string | null;
  /** Why there is no value, when there is none and it is not simply a missing figure. */
  problem: Unusable | null;
  unit: string | null;
  period: Bilingual | null;
  change: KpiChange | null;
  estimate: boolean;
  demo: boolean;
  /** "cập nhật 3 ngày trước"; `prefix` + `rest` is the Vietnamese, split so a narrow tile can drop the prefix. */
  age: (Bilingual & { prefix: string; rest: string }) | null;
  freshness: Freshness | null;
  stale: boolean;
  status: KpiStatus;
  progress: KpiProgress | null;
  sparkline: KpiSparkline | null;
}

export interface KpiInput {
  code: string | null;
  meta: IndicatorMeta | undefined;
  latest: Observation | undefined;
  comparison: Observation | undefined;
  decimals?: number;
  title?: { vi: string; en?: string };
  now: number;
  /** Recent observations of the latest period's cadence, oldest first (undefined where missing), the latest last. */
  recent?: readonly (Observation | undefined)[];
  showTarget?: boolean;
  thresholds?: KpiThresholds;
  reportingDelayDays?: number;
  expectUnit?: string;
}


export function kpiChange(meta: IndicatorMeta | undefined, latest: Observation, comparison: Observation | undefined): KpiChange | null {
  if (!comparison) return null;
  const change = changeOf(meta?.unit ?? '', meta?.direction, latest.value, comparison.value);
  if (!change) return null;
  return {
    text: change.text,
    arrow: change.arrow,
    tone: change.tone,
    basis: versusPeriod({ vi: formatPeriod(comparison.period, 'vi'), en: formatPeriod(comparison.period, 'en') }),
  };
}

/** The plan bar runs to this multiple of the target, so a figure above plan shows as such. */
export const PLAN_BAR_SPAN = 1.25;

/**
 * Progress against the plan target that applies to the latest period (its own, or its
 * year's). A rate, or a figure for the whole year, is judged against the target directly
 * (met: good, not met: bad). A level for part of the year (budget revenue to October
 * against the year's plan) is progress: "đạt 82,5% KH", neutral until the plan is met.
 */
export function kpiProgress(meta: IndicatorMeta | undefined, latest: Observation, decimals?: number): KpiProgress | null {
  if (!meta || !isFiniteNumber(latest.value)) return null;
  const target = targetFor(meta, latest.period);
  if (!target) return null;
  const value = latest.value;
  const ratio = target.value > 0 && value >= 0 ? value / target.value : null;
  const met = meetsTarget(value, target, meta.direction);
  const wholeYear = parsePeriod(latest.period)?.kind === 'year' || target.period === latest.period;
  const partial = !isPercentUnit(meta.unit) && !wholeYear && target.kind === 'at-least';
  const label =
    partial && ratio !== null
      ? `đạt ${formatNumber(ratio * 100, 'vi', ratio >= 10 ? 0 : 1)}% ${messages.planShort.vi}`
      : `${messages.planShort.vi} ${targetText(target, meta.unit, decimals)}`;
  return {
    target,
    label,
    ratio,
    fill: ratio === null ? (met ? 1 : 0) : Math.min(1, Math.max(0, partial ? ratio : ratio / PLAN_BAR_SPAN)),
    markerAt: ratio === null || partial ? null : 1 / PLAN_BAR_SPAN,
    met,
    partial,
    tone: met ? 'good' : partial ? 'neutral' : 'bad',
  };
}

/** The status of `value` against thresholds (see shared/widgets/kpi.ts), or null when they say nothing. */
export function thresholdStatus(value: number, direction: IndicatorMeta['direction'] | undefined, thresholds: KpiThresholds | undefined): KpiStatus | null {
  if (!thresholds || !isFiniteNumber(value)) return null;
  const { good, bad } = thresholds;
  if (good === undefined && bad === undefined) return null;
  let up: boolean;
  if (direction === 'up') up = true;
  else if (direction === 'down') up = false;
  else if (good !== undefined && bad !== undefined && good !== bad) up = good > bad;
  else return null;
  const atLeast = (a: number, b: number) => (up ? a >= b : a <= b);
  if (good !== undefined && atLeast(value, good)) return 'good';
  if (bad !== undefined && atLeast(bad, value)) return 'bad';
  return 'watch';
}

/** The sparkline of the recent figures; null with fewer than two finite ones. */
export function kpiSparkline(recent: readonly (Observation | undefined)[], target: number | null): KpiSparkline | null {
  const finite = recent.filter((o): o is Observation & { value: number } => !!o && isFiniteNumber(o.value));
  if (finite.length < 2 || recent.length < 2) return null;
  let min = Math.min(...finite.map((o) => o.value));
  let max = Math.max(...finite.map((o) => o.value));
  const withTarget = target !== null && isFiniteNumber(target) && target >= min - (max - min) * 0.5 && target <= max + (max - min) * 0.5;
  if (withTarget) {
    min = Math.min(min, target);
    max = Math.max(max, target);
  }
  if (max === min) {
    max += 1;
    min -= 1;
  }
  const pad = 8; // keep the dots inside the box
  const y = (v: number) => pad + (1 - (v - min) / (max - min)) * (100 - 2 * pad);
  const n = recent.length;
  const x = (i: number) => pad / 2 + (i / (n - 1)) * (100 - pad);
  const points: SparkPoint[] = [];
  let path = '';
  let pen = false;
  recent.forEach((o, i) => {
    if (!o || !isFiniteNumber(o.value)) {
      pen = false;
      return;
    }
    const p = { period: o.period, x: round(x(i)), y: round(y(o.value)), estimate: o.status === 'estimate' };
    points.push(p);
    path += `${pen ? 'L' : 'M'}${p.x} ${p.y}`;
    pen = true;
  });
  return { points, path, targetY: withTarget ? round(y(target)) : null };
}

const round = (v: number) => Math.round(v * 100) / 100;

function ageOf(ageMs: number): KpiView['age'] {
  const text = updatedAgo(ageMs);
  const rest = formatAge(ageMs, 'vi');
  return { ...text, prefix: text.vi.slice(0, text.vi.length - rest.length), rest };
}

export function kpiView(input: KpiInput): KpiView {
  const { meta, comparison, now } = input;
  // The operator's tile title (often a shorter label) wins over the indicator's full name.
  const name: Bilingual = input.title
    ? { vi: input.title.vi, en: input.title.en ?? meta?.name.en ?? '' }
    : meta
      ? { vi: meta.name.vi, en: meta.name.en }
      : { vi: input.code ?? '—', en: '' };
  // An indicator in a unit the tile does not expect shows nothing rather than a wrong figure.
  const problem = input.expectUnit !== undefined ? unusable(meta, input.expectUnit) : null;
  const latest = problem ? undefined : input.latest;
  const unit = meta?.unit ?? null;
  const hasValue = !!latest && isFiniteNumber(latest.value);
  const vintage = latest ? Date.parse(latest.vintage) : NaN;
  const fresh = latest && meta ? freshness({ periodicity: meta.periodicity, period: latest.period, now, delayDays: input.reportingDelayDays }) : null;
  const progress = hasValue && input.showTarget !== false ? kpiProgress(meta, latest, input.decimals) : null;
  const status: KpiStatus = hasValue
    ? (thresholdStatus(latest.value!, meta?.direction, input.thresholds) ?? (progress && !progress.partial ? (progress.met ? 'good' : 'bad') : progress?.met ? 'good' : 'none'))
    : 'none';
  return {
    name,
    value: hasValue ? withMinus(formatValue(latest.value!, unit ?? '', 'vi', input.decimals)) : null,
    problem,
    unit: hasValue ? unit : null,
    period: latest ? { vi: formatPeriod(latest.period, 'vi'), en: formatPeriod(latest.period, 'en') } : null,
    change: hasValue ? kpiChange(meta, latest, comparison) : null,
    estimate: latest?.status === 'estimate',
    demo: latest?.demo === true,
    age: Number.isFinite(vintage) ? ageOf(now - vintage) : null,
    freshness: fresh,
    stale: fresh?.state === 'stale',
    status,
    progress,
    sparkline: hasValue && input.recent ? kpiSparkline(input.recent, progress && !progress.partial ? progress.target.value : null) : null,
  };
}

/**
 * Which parts of the tile to show, from the tile's shape and the wall's legibility. Every
 * size is in cqh (1 % of the tile's height) and mirrors kpi.css; the budget is the tile's
 * height; widths are estimated from the characters (calibrated against Chromium). The
 * figure, its unit, its name, its period and the demo/estimate marks always show; the rest
 * joins in order of importance while there is room: "Số liệu cũ" (when it is), the plan,
 * the change, the age, the sparkline, and — only where they are legible at the wall's
 * viewing distance — the English name and the comparison's basis in smaller type.
 */
export const KPI_SIZES = {
  /** The smallest always-shown text (unit, period, age, marks, plan): the catalogue's 0.105 + the border. */
  small: 10.6,
  name: 11.5,
  change: 11,
  /** Secondary lines, shown only where legible. */
  detail: 7.2,
  valueMin: 22,
  /** Padding top + bottom. */
  padding: 6.6,
  gap: 1.2,
  /** The change row's height. */
  changeRow: 12.8,
  lineHeight: 1.18,
  /** Average advance of Be Vietnam Pro per em, generous (diacritics, capitals), for width estimates. */
  advance: 0.58,
  /** Sparkline beside the figure needs this much width. */
  sparkBeside: 30,
  sparkRow: 13,
} as const;

export interface KpiLayout {
  nameLines: 1 | 2;
  showNameEn: boolean;
  unit: 'inline' | 'row' | 'none';
  showChange: boolean;
  showBasis: boolean;
  showProgress: boolean;
  sparkline: 'beside' | 'row' | 'none';
  /** Lines of the footer (marks, period, and the age when shown). */
  metaLines: number;
  /** The age: not shown, its short form ("3 ngày trước", "Số liệu cũ") or the full one. */
  age: 'none' | 'short' | 'full';
  /** The height left for the figure, in cqh. */
  valueHeight: number;
}

export interface KpiBox {
  /** The tile's width in cqh (its width / its height × 100). */
  widthCqh: number;
  /** The smallest legible font-size fraction on this wall (chart-legibility), or null when unknown. */
  legible: number | null;
}

const textWidth = (text: string, size: number) => text.length * KPI_SIZES.advance * size;

/** The age as the tile writes it: short ("3 ngày trước" / "Số liệu cũ") or full ("cập nhật 3 ngày trước" / "Số liệu cũ · 3 tháng trước"). */
export function ageText(view: KpiView, form: 'short' | 'full'): string {
  if (!view.age) return '';
  if (view.stale) return form === 'full' ? `${messages.stale.vi} · ${view.age.rest}` : messages.stale.vi;
  return form === 'full' ? view.age.vi : view.age.rest;
}

export function kpiLayout(view: KpiView, box: KpiBox): KpiLayout {
  const S = KPI_SIZES;
  // The content box: the tile less 4.5cqw of padding each side (measured in Chromium: 0.91 of the width).
  const inner = Math.max(10, box.widthCqh * 0.91);
  const line = (size: number) => size * S.lineHeight;
  const gapW = box.widthCqh * 0.03; // column-gap: 3cqw
  const detailLegible = box.legible !== null && S.detail / 100 >= box.legible;

  // Always: the name (one or two lines), the figure, its unit, the footer's marks and period.
  let nameLines: 1 | 2 = textWidth(view.name.vi, S.name) <= inner ? 1 : 2;
  const items: number[] = [];
  // Widths of the marks as Chromium draws them (uppercase, bold, padded): 3.7 and 5.65 em.
  if (view.demo) items.push(3.7 * S.small);
  if (view.estimate) items.push(5.65 * S.small);
  if (view.period) {
    const w = view.period.vi.length * 0.61 * S.small + (view.stale ? 1.4 * S.small : 0);
    // A window (15/12/2023–14/11/2024) breaks after its dash.
    if (w > inner && view.period.vi.includes('–')) items.push(w * 0.55, w * 0.5);
    else items.push(w);
  }
  let metaLines = Math.max(1, packLines(items, inner, gapW));

  let unit: KpiLayout['unit'] = 'none';
  if (view.unit && view.value !== null) {
    const valueWidth = textWidth(view.value, S.valueMin + 4);
    unit = view.unit.length <= 8 && valueWidth + textWidth(` ${view.unit}`, S.small) <= inner ? 'inline' : 'row';
  }
  const mandatory = () => S.padding + nameLines * S.name * 1.12 + S.gap + S.valueMin + (unit === 'row' ? line(S.small) + S.gap : 0) + metaLines * line(S.small) + 1.2 + S.gap;
  // A long name gives up its second line (it is cut with an ellipsis) before the figure shrinks.
  if (nameLines === 2 && mandatory() > 100) nameLines = 1;
  let budget = 100 - mandatory();

  const fits = (h: number) => {
    if (budget >= h + S.gap) {
      budget -= h + S.gap;
      return true;
    }
    return false;
  };

  // "Số liệu cũ" says more than the change of an old figure: it comes first.
  let age: KpiLayout['age'] = 'none';
  const placeAge = () => {
    if (!view.age || age !== 'none') return;
    const tryForm = (form: 'full' | 'short'): boolean => {
      const w = textWidth(ageText(view, form), S.small);
      if (packLines([...items, w], inner, gapW) === metaLines) {
        age = form;
        return true;
      }
      return false;
    };
    if (tryForm('full') || tryForm('short')) return;
    if (textWidth(ageText(view, 'full'), S.small) <= inner && fits(line(S.small))) {
      age = 'full';
      metaLines++;
    } else if (fits(line(S.small))) {
      age = 'short';
      metaLines++;
    }
  };
  if (view.stale) placeAge();

  // Against the plan before against the last period: where there is a plan, it is what is asked.
  const showProgress = !!view.progress && fits(line(S.small));
  const showChange = !!view.change && fits(S.changeRow);

  // The age of a figure that is not stale: on the footer's last line, or its own if there is room.
  placeAge();

  // The sparkline beside the figure when the tile is wide enough (it costs no height), else on a row of its own.
  let sparkline: KpiLayout['sparkline'] = 'none';
  if (view.sparkline) {
    const valueWidth = textWidth(view.value ?? '', S.valueMin + 4) + (unit === 'inline' ? textWidth(` ${view.unit ?? ''}`, S.small) : 0);
    if (inner - valueWidth >= S.sparkBeside) sparkline = 'beside';
    else if (fits(S.sparkRow)) sparkline = 'row';
  }

  const showNameEn = detailLegible && !!view.name.en && fits(line(S.detail));
  const showBasis = detailLegible && showChange && !!view.change && textWidth(view.change.text, S.change) + gapW + textWidth(view.change.basis.vi, S.detail) <= inner;

  return { nameLines, showNameEn, unit, showChange, showBasis, showProgress, sparkline, metaLines, age, valueHeight: S.valueMin + Math.max(0, budget) };
}
