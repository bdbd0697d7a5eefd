import { precisionFixed, scaleLinear } from 'd3';
import { formatNumber, formatValue } from '../../../shared/format/number';
import { formatPeriod } from '../../../shared/format/date';
import { freshness, type Freshness } from '../../../shared/freshness';
import { messages, type Bilingual } from '../../../shared/i18n';
import { comparePeriods } from '../../../shared/period';
import type { IndicatorMeta, Observation } from '../../../shared/protocol/model';
import { TIMESERIES_MAX_SERIES, type TimeseriesOptions } from '../../../shared/widgets/timeseries/definition';
import { seriesColour, seriesDash } from '../common/chart-palette';
import {
  cadenceKey,
  dominantCadence,
  isFiniteNumber,
  periodAxis,
  sameUnit,
  shortPeriod,
  targetFor,
  targetText,
  unusable,
  withMinus,
  type TargetKind,
  type Unusable,
} from '../common/chart-series';

/**
 * The time-series chart as data: which periods form the x axis, each series' points with
 * their positions as fractions of the plot (x 0 → 1 left to right, y 0 → 1 bottom to
 * top), the value axis, the plan line, earlier vintages. Pure: the canvas drawing
 * (draw.ts) and the HTML labels (TimeSeriesTile) both read positions from here, and the
 * tests check them without a canvas.
 */

/** Inner margin of the plot, as fractions of its box, so dots at the edges are not cut. */
export const PLOT_PAD_X = 0.025;
export const PLOT_PAD_Y = 0.06;

/** Position on the plot box, as a fraction of its width, of x fraction f. */
export const plotX = (f: number) => PLOT_PAD_X + f * (1 - 2 * PLOT_PAD_X);
/** Position from the plot box's TOP, as a fraction of its height, of y fraction f. */
export const plotY = (f: number) => 1 - (PLOT_PAD_Y + f * (1 - 2 * PLOT_PAD_Y));

export interface TsPoint {
  period: string;
  index: number;
  value: number;
  /** 0 … 1 across the axis. */
  x: number;
  /** 0 … 1 up the value axis. */
  y: number;
  estimate: boolean;
  demo: boolean;
}

export interface TsRevision {
  period: string;
  index: number;
  value: number;
  x: number;
  y: number;
  vintage: string;
  /** y of the current figure it was replaced by, if that is drawn. */
  currentY: number | null;
}

export interface TsSeries {
  code: string;
  name: Bilingual;
  colour: string;
  dash: readonly number[];
  /** drawn; or why not. */
  status: 'ok' | Unusable | 'other-unit';
  unit: string | null;
  points: TsPoint[];
  revisions: TsRevision[];
  /** The newest drawn figure, formatted, with its period. */
  latest: { text: string; period: string; estimate: boolean } | null;
}

export interface TsTarget {
  /** A plan target (per year) or the tile's fixed reference line. */
  source: 'plan' | 'reference';
  value: number;
  kind: TargetKind | null;
  /** x range it applies to (0 … 1), and its height. */
  x0: number;
  x1: number;
  y: number;
  label: string;
}

export interface TsTick {
  value: number;
  label: string;
  /** 0 … 1 up (y ticks) or across (x ticks). */
  f: number;
}

export interface TimeSeriesModel {
  state: 'ok' | 'no-data';
  /** When state is no-data and something specific is wrong. */
  problem: Unusable | null;
  unit: string | null;
  cadence: string | null;
  axis: string[];
  series: TsSeries[];
  /** Series bound beyond TIMESERIES_MAX_SERIES, not drawn. */
  omitted: string[];
  yTicks: TsTick[];
  xTicks: (TsTick & { period: string })[];
  /** The value axis' domain. */
  domain: [number, number];
  /** y of the zero line, when 0 is inside the domain. */
  zeroY: number | null;
  targets: TsTarget[];
  kind: 'line' | 'area';
  estimates: number;
  officials: number;
  demo: boolean;
  latestPeriod: string | null;
  freshness: Freshness | null;
  stale: boolean;
}

export interface TsInput {
  codes: readonly string[];
  region: string;
  metas: readonly (IndicatorMeta | undefined)[];
  /** The store's periods per code (oldest first). */
  periods: readonly (readonly string[] | undefined)[];
  lookup: (code: string, period: string) => Observation | undefined;
  /** Earlier vintages of a figure, oldest first (only with showRevisions). */
  revisions?: (code: string, period: string) => readonly Observation[];
  options: TimeseriesOptions;
  now: number;
  /** The plot's width in units of the tile's height (cqh), for thinning x labels. */
  plotWidthCqh: number;
  /** The plot's height (cqh), for how many value ticks fit. */
  plotHeightCqh?: number;
  /** Font size of axis labels, cqh. */
  labelCqh: number;
}

const EMPTY: Omit<TimeSeriesModel, 'state' | 'problem' | 'series' | 'omitted' | 'kind'> = {
  unit: null,
  cadence: null,
  axis: [],
  yTicks: [],
  xTicks: [],
  domain: [0, 1],
  zeroY: null,
  targets: [],
  estimates: 0,
  officials: 0,
  demo: false,
  latestPeriod: null,
  freshness: null,
  stale: false,
};

/** Label width estimate: Be Vietnam Pro's average advance, generous. */
const labelWidth = (text: string, size: number) => text.length * 0.62 * size;

export function timeSeriesModel(input: TsInput): TimeSeriesModel {
  const { options } = input;
  const { kind } = options;
  const codes = input.codes.slice(0, TIMESERIES_MAX_SERIES);
  const omitted = input.codes.slice(TIMESERIES_MAX_SERIES);

  // Which series can share the axis: known indicators in the expected unit (or the first one's).
  let unit: string | null = options.expectUnit ?? null;
  const series: TsSeries[] = codes.map((code, i) => {
    const meta = input.metas[i];
    let status: TsSeries['status'] = unusable(meta, options.expectUnit) ?? 'ok';
    if (status === 'ok' && meta) {
      if (unit === null) unit = meta.unit;
      else if (!sameUnit(unit, meta.unit)) status = 'other-unit';
    }
    return {
      code,
      name: meta ? { vi: meta.name.vi, en: meta.name.en } : { vi: code, en: '' },
      colour: seriesColour(i),
      dash: seriesDash(i),
      status,
      unit: meta?.unit ?? null,
      points: [],
      revisions: [],
      latest: null,
    };
  });
  const usable = series.map((s, i) => ({ s, i })).filter(({ s }) => s.status === 'ok');
  const problemOf = (): Unusable | null => (series.find((s) => s.status !== 'ok' && s.status !== 'other-unit')?.status as Unusable | undefined) ?? null;
  if (usable.length === 0) return { ...EMPTY, state: 'no-data', problem: problemOf(), series, omitted, kind };

  // The axis: the chosen cadence, ending with the newest period of it any series holds.
  const held = usable.flatMap(({ i }) => input.periods[i] ?? []);
  const cadence = options.periodKind && options.periodKind !== 'auto' ? options.periodKind : dominantCadence(held);
  const ofCadence = held.filter((p) => cadenceKey(p) === cadence);
  if (cadence === null || ofCadence.length === 0) return { ...EMPTY, state: 'no-data', problem: null, series, omitted, kind };
  const last = ofCadence.reduce((a, b) => (comparePeriods(a, b) >= 0 ? a : b));
  // The axis starts at the first period any series has a figure for (no empty years on the left).
  const full = periodAxis(last, cadence, options.periods, ofCadence);
  const firstHeld = full.findIndex((p) => usable.some(({ s }) => isFiniteNumber(input.lookup(s.code, p)?.value)));
  const axis = firstHeld > 0 ? full.slice(Math.min(firstHeld, full.length - 2)) : full;
  const n = axis.length;
  const xOf = (index: number) => (n <= 1 ? 0.5 : index / (n - 1));

  // Raw points and revisions (y comes once the domain is known).
  const values: number[] = [];
  let estimates = 0;
  let officials = 0;
  let demo = false;
  const raw = usable.map(({ s }) => {
    const points: Omit<TsPoint, 'y'>[] = [];
    const revisions: Omit<TsRevision, 'y' | 'currentY'>[] = [];
    axis.forEach((period, index) => {
      const o = input.lookup(s.code, period);
      if (o && isFiniteNumber(o.value)) {
        points.push({ period, index, value: o.value, x: xOf(index), estimate: o.status === 'estimate', demo: o.demo });
        values.push(o.value);
        if (o.status === 'estimate') estimates++;
        else officials++;
        demo ||= o.demo;
      }
      if (options.showRevisions && input.revisions) {
        for (const r of input.revisions(s.code, period)) {
          if (!isFiniteNumber(r.value)) continue;
          revisions.push({ period, index, value: r.value, x: xOf(index), vintage: r.vintage });
          values.push(r.value);
        }
      }
    });
    return { s, points, revisions };
  });
  if (values.length === 0 || raw.every((r) => r.points.length === 0)) {
    return { ...EMPTY, state: 'no-data', problem: null, unit, cadence, axis, series, omitted, kind };
  }

  // Plan targets of the first usable series with any, per run of periods sharing a target; and the fixed reference.
  const targetsRaw: Omit<TsTarget, 'y'>[] = [];
  if (options.showTarget) {
    const withTargets = usable.find(({ i }) => (input.metas[i]?.targets?.length ?? 0) > 0);
    const meta = withTargets ? input.metas[withTargets.i] : undefined;
    if (meta) {
      let run: { target: NonNullable<ReturnType<typeof targetFor>>; from: number; to: number } | null = null;
      const close = () => {
        if (!run) return;
        const half = n <= 1 ? 0.5 : 0.5 / (n - 1);
        targetsRaw.push({
          source: 'plan',
          value: run.target.value,
          kind: run.target.kind,
          x0: Math.max(0, xOf(run.from) - (run.from === run.to ? half : 0)),
          x1: Math.min(1, xOf(run.to) + (run.from === run.to ? half : 0)),
          label: `${messages.planShort.vi} ${formatPeriod(run.target.period, 'vi').replace(/^Năm /, '')}: ${targetText(run.target, meta.unit, options.decimals)}`,
        });
        run = null;
      };
      axis.forEach((period, index) => {
        const target = targetFor(meta, period);
        if (run && target === run.target) run.to = index;
        else {
          close();
          if (target) run = { target, from: index, to: index };
        }
      });
      close();
    }
  }
  if (isFiniteNumber(options.referenceValue)) {
    targetsRaw.push({
      source: 'reference',
      value: options.referenceValue,
      kind: null,
      x0: 0,
      x1: 1,
      label: formatNumber(options.referenceValue, 'vi', options.decimals ?? (Number.isInteger(options.referenceValue) ? 0 : 2)),
    });
  }
  for (const t of targetsRaw) values.push(t.value);

  // The value axis: nice round ticks around every drawn value (and 0 for an area, or when asked).
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (kind === 'area' || options.yAxis === 'zero') {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (lo === hi) {
    const d = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    lo -= d;
    hi += d;
  }
  // As many value ticks as fit with a label's height of air between them (at most 6).
  const tickCount = Math.max(2, Math.min(6, Math.floor((input.plotHeightCqh ?? 60) / (input.labelCqh * 2))));
  // The domain is rounded finely (it frames the data); the ticks are as many as fit.
  const scale = scaleLinear().domain([lo, hi]).nice(Math.max(5, tickCount));
  const [d0, d1] = scale.domain() as [number, number];
  const yOf = (v: number) => (v - d0) / (d1 - d0);
  const tickValues = scale.ticks(tickCount);
  const step = tickValues.length > 1 ? tickValues[1]! - tickValues[0]! : Math.abs(d1 - d0);
  const decimals = options.decimals ?? Math.min(4, precisionFixed(step || 1));
  // A real minus sign reads better at distance than a hyphen.
  const yTicks = tickValues.map((value) => ({ value, label: withMinus(formatNumber(value, 'vi', decimals)), f: yOf(value) }));

  // x labels, thinned to what fits (the newest always labelled). Labels are centred on
  // their period, the outermost ones anchored at the plot's edge: two neighbours need
  // 1.5 label widths + a gap between their positions for the edge ones not to collide.
  const labels = axis.map(shortPeriod);
  const widest = Math.max(...labels.map((l) => labelWidth(l, input.labelCqh)));
  const room = n <= 1 ? Infinity : (input.plotWidthCqh * (1 - 2 * PLOT_PAD_X)) / (n - 1);
  const every = Math.max(1, Math.ceil((1.5 * widest + input.labelCqh) / room));
  const xTicks = axis
    .map((period, index) => ({ period, index, value: index, label: labels[index]!, f: xOf(index) }))
    .filter(({ index }) => (n - 1 - index) % every === 0);

  const built = raw.map(({ s, points, revisions }) => {
    const drawn = points.map((p) => ({ ...p, y: yOf(p.value) }));
    const byIndex = new Map(drawn.map((p) => [p.index, p]));
    const latestPoint = drawn[drawn.length - 1];
    const meta = input.metas[series.indexOf(s)];
    return {
      ...s,
      points: drawn,
      revisions: revisions.map((r) => ({ ...r, y: yOf(r.value), currentY: byIndex.get(r.index)?.y ?? null })),
      latest: latestPoint
        ? { text: withMinus(formatValue(latestPoint.value, meta?.unit ?? '', 'vi', options.decimals)), period: latestPoint.period, estimate: latestPoint.estimate }
        : null,
    };
  });
  const finalSeries = series.map((s) => built.find((b) => b.code === s.code && s.status === 'ok') ?? s);

  const latestPeriod = built.flatMap((s) => s.points.map((p) => p.period)).reduce<string | null>((a, b) => (a === null || comparePeriods(b, a) > 0 ? b : a), null);
  const firstMeta = input.metas[usable[0]!.i];
  const fresh =
    latestPeriod && firstMeta ? freshness({ periodicity: firstMeta.periodicity, period: latestPeriod, now: input.now, delayDays: options.reportingDelayDays }) : null;

  return {
    state: 'ok',
    problem: null,
    unit,
    cadence,
    axis,
    series: finalSeries,
    omitted,
    yTicks,
    xTicks,
    domain: [d0, d1],
    zeroY: d0 < 0 && d1 > 0 ? yOf(0) : null,
    targets: targetsRaw.map((t) => ({ ...t, y: yOf(t.value) })),
    kind,
    estimates,
    officials,
    demo,
    latestPeriod,
    freshness: fresh,
    stale: fresh?.state === 'stale',
  };
}
