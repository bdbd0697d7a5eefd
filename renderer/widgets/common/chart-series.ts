import { formatNumber, formatSigned } from '../../../shared/format/number';
import { messages } from '../../../shared/i18n';
import { comparePeriods, parsePeriod, previousPeriod } from '../../../shared/period';
import type { IndicatorMeta, Observation } from '../../../shared/protocol/model';
import { arrowOf, toneOf, type Tone } from './colours';

/**
 * Pure helpers the chart widgets share (KPI sparkline, time series, comparison): which
 * periods belong on one axis, which plan target applies, whether a figure is usable, how
 * a plan is written. No DOM, no React: the widgets' models are tested on these directly.
 */

/** A finite number (not null, NaN or ±Infinity). */
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Units compare after Unicode normalisation and whitespace folding (as the server compares them). */
export function sameUnit(a: string, b: string): boolean {
  const norm = (u: string) => u.normalize('NFC').trim().replace(/\s+/g, ' ');
  return norm(a) === norm(b);
}

/** A rate written in % (%, % so với cùng kỳ, % kế hoạch …): changes are in percentage points. */
export const isPercentUnit = (unit: string): boolean => unit.trim().startsWith('%');

/**
 * The cadence of a period, as a key: periods with the same key belong on one axis. The
 * standard kinds are their own key ("month", "quarter", …); an explicit window is keyed by
 * its calendar shape, so year-to-date windows of different years line up
 * ("window:01-01..11-30") but a 15th-to-14th window does not join them.
 */
export function cadenceKey(period: string): string | null {
  const p = parsePeriod(period);
  if (!p) return null;
  return p.kind === 'window' ? `window:${p.start.slice(5)}..${p.end.slice(5)}` : p.kind;
}

/** Whether `cadence` is a standard kind whose periods follow each other (previousPeriod works). */
export const isRegularCadence = (cadence: string | null): boolean => cadence !== null && !cadence.startsWith('window:');

/**
 * The `count` periods of `cadence` ending with `last`, oldest first. For a regular cadence
 * these are consecutive (a missing period is a gap on the axis, not skipped); windows are
 * whatever windows of that shape `available` holds.
 */
export function periodAxis(last: string, cadence: string, count: number, available: readonly string[] = []): string[] {
  const n = Math.max(1, Math.floor(count));
  if (isRegularCadence(cadence)) {
    const out = [last];
    while (out.length < n) {
      const prev = previousPeriod(out[0]!);
      if (prev === null) break;
      out.unshift(prev);
    }
    return out;
  }
  const same = [...new Set(available.filter((p) => cadenceKey(p) === cadence && comparePeriods(p, last) <= 0))].sort(comparePeriods);
  return same.slice(-n);
}

/**
 * The cadence a chart should use for the periods it holds: the one with the most periods
 * (a quarterly series with its year totals is drawn by quarter); on a tie, the one whose
 * newest period is the newest.
 */
export function dominantCadence(periods: Iterable<string>): string | null {
  const count = new Map<string, { n: number; newest: string }>();
  for (const period of periods) {
    const key = cadenceKey(period);
    if (key === null) continue;
    const c = count.get(key);
    if (!c) count.set(key, { n: 1, newest: period });
    else {
      c.n++;
      if (comparePeriods(period, c.newest) > 0) c.newest = period;
    }
  }
  let best: { key: string; n: number; newest: string } | null = null;
  for (const [key, c] of count) {
    if (!best || c.n > best.n || (c.n === best.n && comparePeriods(c.newest, best.newest) > 0)) best = { key, ...c };
  }
  return best?.key ?? null;
}

export type TargetKind = 'at-least' | 'at-most' | 'about';
export type PlanTarget = NonNullable<IndicatorMeta['targets']>[number];

/**
 * The plan target that applies to a figure for `period`: one set for that very period, or
 * else the one for the period's year (a yearly plan judges each quarter and month of it).
 */
export function targetFor(meta: IndicatorMeta | undefined, period: string): PlanTarget | null {
  const targets = meta?.targets ?? [];
  if (targets.length === 0) return null;
  const exact = targets.find((t) => t.period === period);
  if (exact) return exact;
  const p = parsePeriod(period);
  if (!p) return null;
  const year = p.end.slice(0, 4);
  return targets.find((t) => t.period === year) ?? null;
}

export const TARGET_SYMBOL: Readonly<Record<TargetKind, string>> = { 'at-least': '≥', 'at-most': '≤', about: '≈' };

/** "≥ 8%" or "≈ 4,5%" for a rate; "≥ 1.966,5" for a level (its unit is written elsewhere). */
export function targetText(target: Pick<PlanTarget, 'value' | 'kind'>, unit: string, decimals?: number): string {
  const digits = decimals ?? (Number.isInteger(target.value) ? 0 : Math.abs(target.value * 10) % 1 === 0 ? 1 : 2);
  return `${TARGET_SYMBOL[target.kind]} ${formatNumber(target.value, 'vi', digits)}${isPercentUnit(unit) ? '%' : ''}`;
}

/**
 * Whether `value` meets a plan target. at-least / at-most are what they say. "about" (CPI
 * "khoảng 4,5%") is met within ±10 % of the target, or on its good side when the
 * indicator's direction says which side is good (CPI of 3,3 % meets "about 4,5 %").
 */
export function meetsTarget(value: number, target: Pick<PlanTarget, 'value' | 'kind'>, direction?: IndicatorMeta['direction']): boolean {
  const t = target.value;
  switch (target.kind) {
    case 'at-least':
      return value >= t;
    case 'at-most':
      return value <= t;
    case 'about':
      if (Math.abs(value - t) <= Math.abs(t) * 0.1) return true;
      return direction === 'up' ? value > t : direction === 'down' ? value < t : false;
  }
}

/** The observations of one indicator × region for `periods` (undefined where there is none). */
export function observationsAt(
  observations: Readonly<Record<string, Observation>>,
  indicator: string,
  region: string,
  periods: readonly string[],
): (Observation | undefined)[] {
  return periods.map((period) => observations[`${indicator}|${region}|${period}`]);
}

/**
 * Why a figure cannot be drawn, or null when it can: no indicator metadata, a unit other
 * than the one the tile expects ("wrong unit"), or no finite value.
 */
export type Unusable = 'unknown-indicator' | 'wrong-unit' | 'no-value';

export function unusable(meta: IndicatorMeta | undefined, expectUnit: string | undefined): Unusable | null {
  if (!meta) return 'unknown-indicator';
  if (expectUnit !== undefined && !sameUnit(meta.unit, expectUnit)) return 'wrong-unit';
  return null;
}

/** Shallow equality of two arrays by element identity. */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Short period labels for an axis: 2024, Q3/2024, T10/2025, 6T/2025, 9T/2025, or the window's last day. */
export function shortPeriod(period: string): string {
  const p = parsePeriod(period);
  if (!p) return period;
  const y = p.end.slice(0, 4);
  switch (p.kind) {
    case 'year':
      return y;
    case 'quarter':
      return `Q${period.slice(6)}/${y}`;
    case 'month':
      return `T${period.slice(5, 7)}/${y}`;
    case 'half-year':
      return period.endsWith('H1') ? `6T/${y}` : `6T cuối/${y}`;
    case 'nine-months':
      return `9T/${y}`;
    case 'window':
      return `${p.end.slice(8, 10)}/${p.end.slice(5, 7)}/${y}`;
  }
}

export interface Change {
  /** The change as shown: rounded to the precision written. */
  shown: number;
  /** "+0,93 điểm %" or "+11,6%". */
  text: string;
  arrow: '▲' | '▼' | '=';
  tone: Tone;
}

/**
 * The change from `base` to `value`: a rate (unit in %) in percentage points, any other
 * figure in relative %; unchanged at the precision shown is "=" and neutral. Null when
 * either is not a number, or a relative change from zero.
 */
export function changeOf(unit: string, direction: IndicatorMeta['direction'] | undefined, value: unknown, base: unknown): Change | null {
  if (!isFiniteNumber(value) || !isFiniteNumber(base)) return null;
  let shown: number;
  let text: string;
  if (isPercentUnit(unit)) {
    const delta = value - base;
    shown = Math.round(delta * 100) / 100;
    text = `${formatSigned(delta, 'vi', 2)} ${messages.percentagePoints.vi}`;
  } else {
    if (base === 0) return null;
    const relative = ((value - base) / Math.abs(base)) * 100;
    shown = Math.round(relative * 10) / 10;
    text = `${formatSigned(relative, 'vi', 1)}%`;
  }
  if (shown === 0 || Object.is(shown, -0)) shown = 0;
  return { shown, text, arrow: arrowOf(shown), tone: toneOf(direction, shown) };
}

/** Greedy packing of items of the given widths into lines of `width` (with `gap` between items): how many lines. */
export function packLines(items: readonly number[], width: number, gap: number): number {
  let lines = 0;
  let used = Infinity;
  for (const w of items) {
    if (used + gap + w <= width) used += gap + w;
    else {
      lines++;
      used = w;
    }
  }
  return lines;
}

/** A real minus sign (−) for a leading hyphen: it reads better at distance, and matches the changes. */
export const withMinus = (text: string): string => text.replace(/^-/, '\u2212');
