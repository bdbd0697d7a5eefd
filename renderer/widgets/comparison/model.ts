import { defaultDecimals, formatNumber } from '../../../shared/format/number';
import { formatPeriod } from '../../../shared/format/date';
import { shortSource, sourceLine } from '../../../shared/format/source';
import { freshness, type Freshness } from '../../../shared/freshness';
import type { Bilingual } from '../../../shared/i18n';
import { comparePeriods, previousPeriod } from '../../../shared/period';
import type { IndicatorMeta, Observation } from '../../../shared/protocol/model';
import { rankScores } from '../../../shared/rankings';
import { PROVINCES } from '../../../shared/regions';
import type { ComparisonOptions } from '../../../shared/widgets/comparison/definition';
import type { Tone } from '../common/colours';
import {
  cadenceKey,
  changeOf,
  dominantCadence,
  isFiniteNumber,
  meetsTarget,
  packLines,
  targetFor,
  targetText,
  unusable,
  withMinus,
  type Change,
  type Unusable,
} from '../common/chart-series';

/**
 * The ranking of provinces for one province-level indicator, as data: which period, the
 * order, which rows are shown (top / bottom N, as many as fit legibly), each bar's extent
 * as fractions of the bar area, the plan line. Pure; the tile renders it as HTML.
 */

export interface CmpRow {
  rank: number;
  code: string;
  name: string;
  nameEn: string;
  value: number;
  text: string;
  estimate: boolean;
  demo: boolean;
  /** The bar from `from` to `to` (0 … 1 of the bar area; the zero line is at `zero`). */
  from: number;
  to: number;
  /** Which end of the ranking the row belongs to (both: the top or the bottom part). */
  group: 'top' | 'bottom';
  tone: Tone;
  /** Against the previous period (table view). */
  change: Change | null;
}

export type CmpProblem = Unusable | 'not-provincial';

export interface ComparisonModel {
  state: 'ok' | 'no-data';
  problem: CmpProblem | null;
  period: string | null;
  unit: string | null;
  /** Who publishes a ranking («VCCI»: shared/format/source.ts), beside the period in the header; null for other indicators. */
  source: string | null;
  rows: CmpRow[];
  /** A gap between the top and the bottom part (select "both", when they do not meet). */
  gapAfter: number | null;
  /** Provinces with a figure for the period, and of how many. */
  reported: number;
  total: number;
  /** Rows the selection asked for, and how many fit at the smallest legible size. */
  requested: number;
  capacity: number;
  /** Height left for the rows (cqh), after the header. */
  avail: number;
  /** Table view: whether the change column fits. */
  showChange: boolean;
  zero: number;
  target: { value: number; f: number; label: string } | null;
  estimates: number;
  demo: boolean;
  freshness: Freshness | null;
  stale: boolean;
}

export interface CmpInput {
  code: string | null;
  meta: IndicatorMeta | undefined;
  /** Every period held per province (region code → periods). */
  periodsByRegion: ReadonlyMap<string, readonly string[]>;
  lookup: (region: string, period: string) => Observation | undefined;
  options: ComparisonOptions;
  now: number;
  /** The tile's width in cqh (its width / its height × 100): how many rows or columns fit is worked out from it. */
  widthCqh: number;
}

const collator = new Intl.Collator('vi');

const EMPTY = {
  period: null,
  unit: null,
  source: null,
  rows: [],
  gapAfter: null,
  reported: 0,
  total: PROVINCES.length,
  requested: 0,
  capacity: 0,
  avail: 0,
  showChange: false,
  zero: 0,
  target: null,
  estimates: 0,
  demo: false,
  freshness: null,
  stale: false,
} satisfies Omit<ComparisonModel, 'state' | 'problem'>;

/** The period a ranking shows: the fixed one, or the newest of the cadence most figures have. */
export function rankingPeriod(periodsByRegion: ReadonlyMap<string, readonly string[]>, option: string | undefined): string | null {
  if (option && option !== 'latest') return option;
  const all = [...periodsByRegion.values()].flat();
  const cadence = dominantCadence(all);
  const same = all.filter((p) => cadenceKey(p) === cadence);
  return same.length ? same.reduce((a, b) => (comparePeriods(a, b) >= 0 ? a : b)) : null;
}

export function comparisonModel(input: CmpInput): ComparisonModel {
  const { meta, options } = input;
  const problem = input.code ? unusable(meta, options.expectUnit) : 'unknown-indicator';
  if (problem) return { ...EMPTY, state: 'no-data', problem };
  const provincial = PROVINCES.filter((p) => input.periodsByRegion.has(p.code));
  if (meta!.scope === 'national') return { ...EMPTY, unit: meta!.unit, state: 'no-data', problem: 'not-provincial' };
  if (provincial.length === 0) {
    // Figures only for the whole country: this is not a province-level indicator.
    return { ...EMPTY, unit: meta!.unit, state: 'no-data', problem: input.periodsByRegion.size > 0 ? 'not-provincial' : null };
  }
  const period = rankingPeriod(input.periodsByRegion, options.period);
  if (!period) return { ...EMPTY, unit: meta!.unit, state: 'no-data', problem: null };
  const unit = meta!.unit;
  // A published ranking names its publisher (VCCI's PCI, UNDP's PAPI): whose index it is matters
  // as much as the year. Reported figures come through a regime; their line stays for the rows.
  const source = meta!.ranking ? shortSource(meta!.source) : null;

  const ranked = PROVINCES.flatMap((p) => {
    const o = input.lookup(p.code, period);
    return o && isFiniteNumber(o.value) ? [{ p, o, value: o.value }] : [];
  });
  if (ranked.length === 0) return { ...EMPTY, period, unit, state: 'no-data', problem: null };
  const desc = options.order === 'desc';
  ranked.sort((a, b) => (a.value !== b.value ? (desc ? b.value - a.value : a.value - b.value) : collator.compare(a.p.name, b.p.name)));
  // The publishers' rule (shared/rankings.ts): equal figures share a rank, the next one skips.
  const ranks = rankScores(ranked.map((r) => ({ code: r.p.code, value: r.value })), desc ? 'up' : 'down');

  // How much fits: the header's meta line may wrap (period, unit, coverage, plan).
  const target = options.showTarget ? targetFor(meta, period) : null;
  const targetLabel = target ? `KH ${targetText(target, unit, options.decimals)}` : null;
  const { view } = options;
  const n = ranked.length;
  const metaItems = [formatPeriod(period, 'vi'), unit, `${n}/${PROVINCES.length} tỉnh, thành`, ...(source ? [sourceLine(source)] : []), ...(targetLabel ? [targetLabel] : []), ...(ranked.some((r) => r.o.demo) ? ['DEMO'] : [])];
  const inner = input.widthCqh * 0.94 - 1;
  const metaLines = Math.max(1, packLines(metaItems.map((t) => t.length * 0.56 * CMP_SIZES.small), inner, 2.5 * (input.widthCqh / 100)));
  // One number of decimals for the whole ranking: the most any figure needs.
  const decimals = options.decimals ?? Math.max(...ranked.map((r) => defaultDecimals(r.value, unit)));
  // The table's change column ("▲ +12,3%") only where rank, name, value and change all fit (em of the row text).
  const longestName = Math.max(...ranked.map((r) => r.p.name.length));
  const longestValue = Math.max(...ranked.map((r) => formatNumber(r.value, 'vi', decimals).length));
  const showChange = view === 'table' && (1.6 + longestName * 0.58 + longestValue * 0.6 + 6 + 2.4) * CMP_SIZES.small <= inner;
  const avail = 100 - CMP_SIZES.chrome - (metaLines - 1) * CMP_SIZES.metaLine - (view === 'table' && showChange ? CMP_SIZES.tableHeader : 0);
  const capacity = view === 'columns' ? Math.max(1, Math.floor((input.widthCqh - 6) / CMP_SIZES.columnMin)) : Math.max(1, Math.floor(avail / CMP_SIZES.rowMin));

  // Which rows: the selection, then as many as fit.
  const count = Math.min(options.count, n);
  const { select } = options;
  const requested = select === 'all' ? n : select === 'both' ? Math.min(n, count) : count;
  const shown = Math.max(1, Math.min(requested, capacity));
  let indices: number[];
  let gapAfter: number | null = null;
  /** Rows of the top part (the rest are the bottom part). */
  let head = shown;
  const twoEnds = select === 'both' || (select === 'all' && shown < n);
  if (select === 'bottom') {
    indices = range(n - shown, n);
    head = 0;
  } else if (twoEnds) {
    head = Math.ceil(shown / 2);
    const tail = shown - head;
    indices = [...range(0, head), ...range(n - tail, n)];
    if (head + tail < n && tail > 0) gapAfter = head - 1;
  } else indices = range(0, shown);

  // Bars: one scale for the whole ranking (and the plan), from zero.
  const values = ranked.map((r) => r.value);
  const lo = Math.min(0, ...values, ...(target ? [target.value] : []));
  const hi = Math.max(0, ...values, ...(target ? [target.value] : []));
  const span = hi - lo || 1;
  const f = (v: number) => (v - lo) / span;
  const zero = f(0);
  const previous = showChange ? previousPeriod(period) : null;

  const rows: CmpRow[] = indices.map((i, k) => {
    const { p, o, value } = ranked[i]!;
    const group: CmpRow['group'] = k < head ? 'top' : 'bottom';
    let tone: Tone = 'neutral';
    if (target) tone = meetsTarget(value, target, meta!.direction) ? 'good' : 'bad';
    else if (twoEnds && meta!.direction !== 'neutral') {
      // The top of a "higher is better" ranking is good news; the top of "lower is better" is bad.
      const high = desc ? group === 'top' : group === 'bottom';
      tone = high === (meta!.direction === 'up') ? 'good' : 'bad';
    }
    const before = previous ? input.lookup(p.code, previous) : undefined;
    return {
      rank: ranks.rankOf(p.code)!.rank,
      code: p.code,
      name: p.name,
      nameEn: p.nameEn,
      value,
      text: withMinus(formatNumber(value, 'vi', decimals)),
      estimate: o.status === 'estimate',
      demo: o.demo,
      from: Math.min(zero, f(value)),
      to: Math.max(zero, f(value)),
      group,
      tone,
      change: before ? changeOf(unit, meta!.direction, value, before.value) : null,
    };
  });

  const fresh = freshness({ periodicity: meta!.periodicity, period, now: input.now, delayDays: options.reportingDelayDays });
  return {
    state: 'ok',
    problem: null,
    period,
    unit,
    source,
    rows,
    gapAfter,
    reported: n,
    total: PROVINCES.length,
    requested,
    capacity,
    avail,
    showChange,
    zero,
    target: target && targetLabel ? { value: target.value, f: f(target.value), label: targetLabel } : null,
    estimates: rows.filter((r) => r.estimate).length,
    demo: ranked.some((r) => r.o.demo),
    freshness: fresh,
    stale: fresh.state === 'stale',
  };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, from); i < to; i++) out.push(i);
  return out;
}

/** Sizes in cqh, mirrored in comparison.css and chart-base.css. */
export const CMP_SIZES = {
  /** The smallest text (catalogue 0.055 + the border). */
  small: 5.6,
  /** A row is at least this tall (the text and a little air). */
  rowMin: 7.4,
  /** Padding, the title line, one meta line, the gaps, and a little slack. */
  chrome: 25,
  /** Each further line of the meta. */
  metaLine: 6.8,
  tableHeader: 7.5,
  /** A column needs this much width (a two-line province name). */
  columnMin: 19,
} as const;

export const provinceLabel = (row: Pick<CmpRow, 'name' | 'nameEn'>): Bilingual => ({ vi: row.name, en: row.nameEn });
