import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type WallStore } from '../../renderer/store/wallStore';
import { revisionBook, setRevisionSource, type RevisionSource } from '../../renderer/widgets/common/chart-history';
import { SERIES_COLOURS } from '../../renderer/widgets/common/chart-palette';
import { cadenceKey, dominantCadence, periodAxis, shortPeriod, targetFor } from '../../renderer/widgets/common/chart-series';
import { comparisonModel, rankingPeriod, type CmpInput } from '../../renderer/widgets/comparison/model';
import { plotX, plotY, timeSeriesModel, type TsInput } from '../../renderer/widgets/timeseries/model';
import type { Snapshot } from '../../shared/protocol/feed';
import type { IndicatorMeta, Observation } from '../../shared/protocol/model';
import { PROVINCES, provinceByCode } from '../../shared/regions';
import { comparisonOptionsSchema } from '../../shared/widgets/comparison/definition';
import { timeseriesOptionsSchema } from '../../shared/widgets/timeseries/definition';
import { GDP_GROWTH_META as GDP_GROWTH, observation, wallStateWith } from './fixtures';
import { atFixedTime, showWall, text, tileEl, wallStore } from './render';

/**
 * The time-series chart and the comparison of provinces: their models (scales, points,
 * bars — jsdom has no canvas, so the drawing is not what is tested) and what the tiles
 * show, on the real 2×2 55" wall profile.
 */

const NOW = Date.parse('2025-11-20T10:00:00+07:00');
const DAY = 86_400_000;
const vintage = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString();

const IIP: IndicatorMeta = { code: 'IIP_GROWTH', name: { vi: 'Chỉ số sản xuất công nghiệp', en: 'IIP growth' }, unit: '% so với cùng kỳ', periodicity: 'quarter', direction: 'up' };
const CREDIT: IndicatorMeta = { code: 'CREDIT_GROWTH', name: { vi: 'Tăng trưởng tín dụng', en: 'Credit growth' }, unit: '% so với cùng kỳ', periodicity: 'quarter', direction: 'neutral' };
const EXPORTS: IndicatorMeta = { code: 'EXPORTS', name: { vi: 'Kim ngạch xuất khẩu', en: 'Exports' }, unit: 'tỷ USD', periodicity: 'quarter', direction: 'up' };
const PROV_GRDP: IndicatorMeta = {
  code: 'PROV_GRDP_GROWTH',
  name: { vi: 'Tốc độ tăng GRDP', en: 'GRDP growth' },
  unit: '% so với cùng kỳ',
  periodicity: 'quarter',
  direction: 'up',
  scope: 'province',
};
const PROV_DEATHS: IndicatorMeta = {
  code: 'PROV_TRAFFIC_DEATHS',
  name: { vi: 'Số người chết do TNGT', en: 'Traffic deaths' },
  unit: 'người',
  periodicity: 'month',
  direction: 'down',
  scope: 'province',
};
const METAS = [GDP_GROWTH, IIP, CREDIT, EXPORTS, PROV_GRDP, PROV_DEATHS];

const QUARTERS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3'];
const GROWTH = [5.98, 7.25, 7.43, 7.55, 7.05, 8.16, 8.23];

function growthSeries(): Observation[] {
  return [
    ...QUARTERS.map((period, i) => observation('GDP_GROWTH', period, GROWTH[i]!, { vintage: vintage(40), status: period === '2025-Q3' ? 'estimate' : 'official' })),
    observation('GDP_GROWTH', '2024', 7.09, { vintage: vintage(300) }),
    ...QUARTERS.slice(2).map((period, i) => observation('IIP_GROWTH', period, 8 + i * 0.5, { vintage: vintage(40) })),
    ...QUARTERS.slice(4).map((period, i) => observation('CREDIT_GROWTH', period, 3 + i, { vintage: vintage(40) })),
    ...QUARTERS.map((period, i) => observation('EXPORTS', period, 90 + i * 3, { vintage: vintage(40) })),
  ];
}

/** Province figures for PROV_GRDP_GROWTH, Q3 2025: 10 + code/10, rounded, for 30 of the 34. */
function provinceSeries(): Observation[] {
  const out: Observation[] = [];
  PROVINCES.slice(0, 30).forEach((p, i) => {
    out.push(observation('PROV_GRDP_GROWTH', '2025-Q3', Math.round((4 + ((i * 37) % 70) / 10) * 100) / 100, { region: p.code, vintage: vintage(20) }));
    out.push(observation('PROV_GRDP_GROWTH', '2025-Q2', 6, { region: p.code, vintage: vintage(100) }));
  });
  PROVINCES.forEach((p, i) => {
    out.push(observation('PROV_TRAFFIC_DEATHS', '2025-10', 10 + ((i * 13) % 50), { region: p.code, vintage: vintage(10) }));
    out.push(observation('PROV_TRAFFIC_DEATHS', '2025-09', 20, { region: p.code, vintage: vintage(40) }));
  });
  return out;
}

interface TileSpec {
  id: string;
  widget: 'timeseries' | 'comparison';
  indicators: string[];
  x: number;
  y: number;
  w: number;
  h: number;
  options?: Record<string, unknown>;
  title?: { vi: string; en?: string };
}

function show(observations: Observation[], tiles: TileSpec[], metas: IndicatorMeta[] = METAS): { container: HTMLElement; store: WallStore } {
  const snapshot: Snapshot = { seq: 10, serverTime: vintage(0), indicators: metas, observations };
  const charts = tiles.map((t) => ({
    id: t.id,
    widget: t.widget,
    x: t.x,
    y: t.y,
    w: t.w,
    h: t.h,
    ...(t.title ? { title: t.title } : {}),
    binding: { indicators: t.indicators, region: 'VN' },
    options: t.options ?? {},
  }));
  const store = wallStore(snapshot, wallStateWith(charts, { id: 'charts-test', title: { vi: 'Thử biểu đồ' } }));
  return { container: showWall(store).container, store };
}

const chartRoot = (tile: HTMLElement) => tile.querySelector<HTMLElement>('.chart')!;
const all = (tile: HTMLElement, name: string) => [...tile.querySelectorAll<HTMLElement>(`[data-field="${name}"]`)];

const tsInput = (observations: Observation[], codes: string[], options: Record<string, unknown> = {}, metas = METAS): TsInput => {
  const byKey = new Map(observations.map((o) => [`${o.indicator}|${o.period}`, o]));
  return {
    codes,
    region: 'VN',
    metas: codes.map((c) => metas.find((m) => m.code === c)),
    periods: codes.map((c) => observations.filter((o) => o.indicator === c).map((o) => o.period)),
    lookup: (code, period) => byKey.get(`${code}|${period}`),
    options: timeseriesOptionsSchema.parse(options),
    now: NOW,
    plotWidthCqh: 160,
    labelCqh: 5.6,
  };
};

atFixedTime(NOW);
beforeEach(() => setRevisionSource(null));

describe('chart helpers', () => {
  it('put periods of one cadence on one axis; windows by their calendar shape', () => {
    expect(cadenceKey('2025-Q3')).toBe('quarter');
    expect(cadenceKey('2025-01..2025-10')).toBe('window:01-01..10-31');
    expect(cadenceKey('2024-01..2024-10')).toBe(cadenceKey('2025-01..2025-10'));
    expect(cadenceKey('2023-12-15..2024-11-14')).not.toBe(cadenceKey('2025-01..2025-10'));
    expect(dominantCadence(['2024', '2024-Q1', '2024-Q2', '2024-Q3'])).toBe('quarter');
    expect(dominantCadence(['2024', '2024-Q1', '2025', '2025-Q1'])).toBe('year'); // a tie: the one reaching furthest
    expect(periodAxis('2025-Q2', 'quarter', 4)).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
    expect(periodAxis('2025-01', 'month', 3)).toEqual(['2024-11', '2024-12', '2025-01']);
    expect(periodAxis('2025-01..2025-10', 'window:01-01..10-31', 5, ['2024-01..2024-10', '2025-01..2025-10', '2025-01..2025-09'])).toEqual(['2024-01..2024-10', '2025-01..2025-10']);
    expect(shortPeriod('2025-Q3')).toBe('Q3/2025');
    expect(shortPeriod('2025-10')).toBe('T10/2025');
    expect(shortPeriod('2023-12-15..2024-11-14')).toBe('14/11/2024');
  });

  it('take the plan target of the period, else of its year', () => {
    expect(targetFor(GDP_GROWTH, '2025-Q3')?.value).toBe(8);
    expect(targetFor(GDP_GROWTH, '2024')?.value).toBe(6.5);
    expect(targetFor(GDP_GROWTH, '2023-Q4')).toBeNull();
    expect(targetFor(IIP, '2025')).toBeNull();
  });
});

describe('time series: model', () => {
  it('draws the quarters (not the year totals) of several indicators, each in its own colour and dash', () => {
    const m = timeSeriesModel(tsInput(growthSeries(), ['GDP_GROWTH', 'IIP_GROWTH', 'CREDIT_GROWTH']));
    expect(m.state).toBe('ok');
    expect(m.cadence).toBe('quarter');
    expect(m.axis).toEqual(QUARTERS);
    expect(m.series.map((s) => s.points.length)).toEqual([7, 5, 3]);
    expect(new Set(m.series.map((s) => s.colour)).size).toBe(3);
    expect(m.series.map((s) => s.colour)).toEqual(SERIES_COLOURS.slice(0, 3));
    expect(new Set(m.series.map((s) => s.dash.join(','))).size).toBe(3);
    // x: evenly across; y: up the value axis, inside [0, 1].
    const gdp = m.series[0]!;
    expect(gdp.points[0]!.x).toBe(0);
    expect(gdp.points.at(-1)!.x).toBe(1);
    for (const p of m.series.flatMap((s) => s.points)) {
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(1);
    }
    const [d0, d1] = m.domain;
    expect(gdp.points[0]!.y).toBeCloseTo((5.98 - d0) / (d1 - d0), 9);
    // Nice round ticks in vi-VN.
    expect(m.yTicks.length).toBeGreaterThanOrEqual(3);
    const values = m.yTicks.map((t) => t.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(new Set(values).size).toBe(values.length);
    expect(m.yTicks.map((t) => t.label)).toContain('4');
  });

  it('marks estimates and official figures', () => {
    const m = timeSeriesModel(tsInput(growthSeries(), ['GDP_GROWTH']));
    const gdp = m.series[0]!;
    expect(gdp.points.filter((p) => p.estimate).map((p) => p.period)).toEqual(['2025-Q3']);
    expect(m.estimates).toBe(1);
    expect(m.officials).toBe(6);
    expect(gdp.latest).toEqual({ text: '8,23', period: '2025-Q3', estimate: true });
  });

  it('draws the plan per year: 6,5 % across 2024, 8 % across 2025', () => {
    const m = timeSeriesModel(tsInput(growthSeries(), ['GDP_GROWTH']));
    expect(m.targets.map((t) => [t.value, t.label])).toEqual([
      [6.5, 'KH 2024: ≥ 6,5%'],
      [8, 'KH 2025: ≥ 8%'],
    ]);
    expect(m.targets[0]!.x0).toBe(0);
    expect(m.targets[0]!.x1).toBeCloseTo(3 / 6, 9);
    expect(m.targets[1]!.x0).toBeCloseTo(4 / 6, 9);
    expect(m.targets[1]!.x1).toBe(1);
    expect(timeSeriesModel(tsInput(growthSeries(), ['GDP_GROWTH'], { showTarget: false })).targets).toEqual([]);
    const ref = timeSeriesModel(tsInput(growthSeries(), ['IIP_GROWTH'], { referenceValue: 9 }));
    expect(ref.targets).toMatchObject([{ source: 'reference', value: 9, x0: 0, x1: 1 }]);
  });

  it('leaves out a series in another unit, and says so', () => {
    const m = timeSeriesModel(tsInput(growthSeries(), ['GDP_GROWTH', 'EXPORTS']));
    expect(m.unit).toBe('% so với cùng kỳ');
    expect(m.series.map((s) => s.status)).toEqual(['ok', 'other-unit']);
    expect(m.series[1]!.points).toEqual([]);
  });

  it('thins the period labels so that neighbours never overlap', () => {
    const months = Array.from({ length: 36 }, (_, i) => observation('X', `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, i));
    const meta: IndicatorMeta = { code: 'X', name: { vi: 'X', en: 'X' }, unit: 'tỷ USD', periodicity: 'month', direction: 'up' };
    for (const plotWidthCqh of [60, 100, 160, 300]) {
      const m = timeSeriesModel({ ...tsInput(months, ['X'], { periods: 36 }, [meta]), plotWidthCqh });
      expect(m.xTicks.at(-1)!.period).toBe('2025-12');
      const width = Math.max(...m.xTicks.map((t) => t.label.length)) * 0.6 * 5.6;
      const gaps = m.xTicks.slice(1).map((t, i) => (t.f - m.xTicks[i]!.f) * plotWidthCqh);
      for (const gap of gaps) expect(gap).toBeGreaterThan(width);
    }
  });

  it('puts no more value ticks on the axis than fit with air between their labels', () => {
    for (const plotHeightCqh of [25, 40, 70]) {
      const m = timeSeriesModel({ ...tsInput(growthSeries(), ['GDP_GROWTH', 'IIP_GROWTH']), plotHeightCqh });
      expect(m.yTicks.length).toBeGreaterThanOrEqual(2);
      const gaps = m.yTicks.slice(1).map((t, i) => (t.f - m.yTicks[i]!.f) * plotHeightCqh * (plotY(0) - plotY(1)));
      for (const gap of gaps) expect(gap, String(plotHeightCqh)).toBeGreaterThanOrEqual(5.6 * 1.2);
    }
    // A negative axis is written with a real minus.
    const down = timeSeriesModel(tsInput([observation('EXPORTS', '2025-Q1', -12), observation('EXPORTS', '2025-Q2', 8)], ['EXPORTS']));
    expect(down.yTicks[0]!.label).toMatch(/^−\d/);
    expect(down.series[0]!.latest!.text).toBe('8');
  });

  it('is "no data" with nothing to draw: no figures, only NaN or null, an unknown indicator, a wrong unit', () => {
    expect(timeSeriesModel(tsInput([], ['GDP_GROWTH'])).state).toBe('no-data');
    const bad = [observation('GDP_GROWTH', '2025-Q1', Number.NaN), observation('GDP_GROWTH', '2025-Q2', null), observation('GDP_GROWTH', '2025-Q3', Number.POSITIVE_INFINITY)];
    expect(timeSeriesModel(tsInput(bad, ['GDP_GROWTH'])).state).toBe('no-data');
    expect(timeSeriesModel(tsInput(growthSeries(), ['NOPE'])).problem).toBe('unknown-indicator');
    const wrong = timeSeriesModel(tsInput(growthSeries(), ['GDP_GROWTH'], { expectUnit: 'tỷ USD' }));
    expect(wrong).toMatchObject({ state: 'no-data', problem: 'wrong-unit' });
  });

  it('plot positions: the canvas and the labels use the same fractions', () => {
    expect(plotX(0)).toBeGreaterThan(0);
    expect(plotX(1)).toBeLessThan(1);
    expect(plotY(0)).toBeGreaterThan(plotY(1));
  });
});

describe('time series: tile', () => {
  const tiles: TileSpec[] = [
    { id: 'ts', widget: 'timeseries', indicators: ['GDP_GROWTH', 'IIP_GROWTH', 'CREDIT_GROWTH'], x: 12, y: 0, w: 12, h: 6, title: { vi: 'Tăng trưởng' } },
    { id: 'one', widget: 'timeseries', indicators: ['GDP_GROWTH'], x: 0, y: 0, w: 12, h: 6, options: { kind: 'area' } },
  ];

  it('shows the series count, legend entries, the plan line and the estimate/official legend', () => {
    const { container } = show(growthSeries(), tiles);
    const ts = tileEl(container, 'ts');
    const root = chartRoot(ts);
    expect(root.dataset.series).toBe('3');
    expect(root.dataset.points).toBe('15');
    expect(root.dataset.estimates).toBe('1');
    expect(root.dataset.officials).toBe('14');
    expect(root.dataset.targets).toBe('2');
    expect(root.dataset.cadence).toBe('quarter');
    const entries = all(ts, 'legend-entry');
    expect(entries.map((e) => e.dataset.code)).toEqual(['GDP_GROWTH', 'IIP_GROWTH', 'CREDIT_GROWTH']);
    expect(entries.map((e) => e.dataset.colour)).toEqual(SERIES_COLOURS.slice(0, 3));
    expect(all(ts, 'legend-value').map((e) => e.textContent)).toEqual(['8,23', '10', '5']);
    expect(all(ts, 'target').map((e) => e.textContent)).toEqual(['KH 2024: ≥ 6,5%', 'KH 2025: ≥ 8%']);
    expect(text(ts, 'legend-status')).toContain('Chính thức');
    expect(text(ts, 'legend-status')).toContain('Ước tính');
    expect(all(ts, 'y-tick').length).toBeGreaterThanOrEqual(3);
    expect(all(ts, 'x-tick').at(-1)!.textContent).toBe('Q3/2025');
    expect(text(ts, 'title')).toBe('Tăng trưởng');
    expect(text(ts, 'unit')).toBe('% so với cùng kỳ');
    expect(ts.querySelector('canvas')).not.toBeNull();
  });

  it('one series: its name is the title and its latest figure the headline, marked as an estimate', () => {
    const { container } = show(growthSeries(), tiles);
    const one = tileEl(container, 'one');
    expect(chartRoot(one).dataset.kind).toBe('area');
    expect(text(one, 'title')).toBe('Tốc độ tăng GDP');
    expect(text(one, 'value')).toBe('8,23');
    expect(text(one, 'estimate')).toBe('Ước tính');
    expect(text(one, 'period')).toBe('Quý 3/2025');
    expect(all(one, 'legend-entry')).toHaveLength(0);
  });

  it('follows the feed, and says "Số liệu cũ" when the next quarter is overdue', () => {
    const { container, store } = show(growthSeries(), tiles);
    const ts = tileEl(container, 'ts');
    expect(chartRoot(ts).dataset.stale).toBe('false');
    act(() => {
      store.ingestChanges({ seq: 11, changes: [{ seq: 11, kind: 'observation', observation: observation('GDP_GROWTH', '2025-Q4', 8.46, { vintage: vintage(0) }) }] });
      store.flush();
    });
    expect(chartRoot(ts).dataset.points).toBe('16');
    expect(all(ts, 'x-tick').at(-1)!.textContent).toBe('Q4/2025');
    // Q4 2025: Q1 2026 is due 20/04/2026, stale from 28/04/2026.
    act(() => {
      vi.setSystemTime(Date.parse('2026-04-28T00:00:00+07:00'));
      vi.advanceTimersByTime(30_000);
    });
    expect(chartRoot(ts).dataset.stale).toBe('true');
    expect(text(ts, 'period')).toContain('Số liệu cũ');
  });

  it('"Chưa có số liệu / No data" for NaN, missing figures and a wrong unit, never a crash', () => {
    const { container, store } = show([observation('IIP_GROWTH', '2025-Q1', null)], [
      { id: 'missing', widget: 'timeseries', indicators: ['GDP_GROWTH'], x: 0, y: 0, w: 12, h: 6 },
      { id: 'null', widget: 'timeseries', indicators: ['IIP_GROWTH'], x: 12, y: 0, w: 12, h: 6 },
      { id: 'unit', widget: 'timeseries', indicators: ['EXPORTS'], x: 0, y: 6, w: 12, h: 6, options: { expectUnit: '%' } },
      { id: 'nan', widget: 'timeseries', indicators: ['CREDIT_GROWTH'], x: 12, y: 6, w: 12, h: 6 },
    ]);
    act(() => {
      store.ingestChanges({
        seq: 11,
        changes: [
          { seq: 11, kind: 'observation', observation: observation('CREDIT_GROWTH', '2025-Q1', Number.NaN) },
          { seq: 12, kind: 'observation', observation: observation('EXPORTS', '2025-Q1', 100) },
        ],
      });
      store.flush();
    });
    for (const id of ['missing', 'null', 'unit', 'nan']) {
      const tile = tileEl(container, id);
      expect(text(tile, 'no-data'), id).toContain('Chưa có số liệu');
      expect(tile.textContent, id).not.toContain('NaN');
    }
    expect(tileEl(container, 'unit').querySelector<HTMLElement>('[data-field="no-data"]')!.dataset.problem).toBe('wrong-unit');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('shows earlier vintages on demand: replaced live, and from the history source', async () => {
    const history: Observation[] = [observation('GDP_GROWTH', '2025-Q1', 6.93, { vintage: vintage(200) }), observation('GDP_GROWTH', '2025-Q1', 7.05, { vintage: vintage(40) })];
    const source = vi.fn<RevisionSource>(async () => history);
    setRevisionSource(source);
    const { container, store } = show(growthSeries(), [{ id: 'rev', widget: 'timeseries', indicators: ['GDP_GROWTH'], x: 0, y: 0, w: 12, h: 6, options: { showRevisions: true } }]);
    const tile = tileEl(container, 'rev');
    await act(async () => {
      await Promise.resolve();
    });
    expect(source).toHaveBeenCalledTimes(1);
    expect(source.mock.calls[0]!.slice(0, 2)).toEqual(['GDP_GROWTH', 'VN']);
    expect(chartRoot(tile).dataset.revisions).toBe('1'); // 6,93 of 2025-Q1; 7,05 is the current figure
    // A revision arrives on the feed: the figure it replaces joins the earlier ones.
    act(() => {
      store.ingestChanges({ seq: 11, changes: [{ seq: 11, kind: 'observation', observation: observation('GDP_GROWTH', '2025-Q2', 7.96, { vintage: vintage(0) }) }] });
      store.flush();
    });
    expect(chartRoot(tile).dataset.revisions).toBe('2');
    expect(revisionBook(store).revisionsOf('GDP_GROWTH', 'VN', '2025-Q2').map((o) => o.value)).toEqual([8.16]);
    expect(text(tile, 'legend-revisions')).toContain('Số liệu trước điều chỉnh');
    // Not asked again within a minute, however many figures arrive.
    expect(source).toHaveBeenCalledTimes(1);
  });

  it('draws no revisions unless asked', () => {
    const { container, store } = show(growthSeries(), [{ id: 'plain', widget: 'timeseries', indicators: ['GDP_GROWTH'], x: 0, y: 0, w: 12, h: 6 }]);
    act(() => {
      store.ingestChanges({ seq: 11, changes: [{ seq: 11, kind: 'observation', observation: observation('GDP_GROWTH', '2025-Q2', 7.96, { vintage: vintage(0) }) }] });
      store.flush();
    });
    expect(chartRoot(tileEl(container, 'plain')).dataset.revisions).toBe('0');
  });
});

const cmpInput = (observations: Observation[], code: string, options: Record<string, unknown> = {}, widthCqh = 178): CmpInput => {
  const byKey = new Map(observations.map((o) => [`${o.indicator}|${o.region}|${o.period}`, o]));
  const periodsByRegion = new Map<string, string[]>();
  for (const o of observations) if (o.indicator === code) periodsByRegion.set(o.region, [...(periodsByRegion.get(o.region) ?? []), o.period]);
  return {
    code,
    meta: METAS.find((m) => m.code === code),
    periodsByRegion,
    lookup: (region, period) => byKey.get(`${code}|${region}|${period}`),
    options: comparisonOptionsSchema.parse(options),
    now: NOW,
    widthCqh,
  };
};

describe('comparison: model', () => {
  it('ranks the provinces that reported the latest period, highest first, with their names', () => {
    const m = comparisonModel(cmpInput(provinceSeries(), 'PROV_GRDP_GROWTH', { select: 'all', count: 34 }));
    expect(m.period).toBe('2025-Q3');
    expect(m.reported).toBe(30);
    expect(m.total).toBe(34);
    const values = m.rows.map((r) => r.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(m.rows.map((r) => r.rank)).toEqual(m.rows.map((r) => r.rank).sort((a, b) => a - b));
    for (const r of m.rows) expect(r.name).toBe(provinceByCode(r.code)!.name);
    // Bars from zero, the longest the highest.
    expect(m.zero).toBe(0);
    expect(m.rows[0]!.to).toBe(1);
    expect(m.rows.filter((r) => !(r.from === 0 && r.to > 0 && r.to <= 1))).toEqual([]);
  });

  it('gives equal figures one rank and skips the next, as the publishers print rankings (1, 1, 3)', () => {
    const data = provinceSeries();
    const q3 = data.filter((o) => o.indicator === 'PROV_GRDP_GROWTH' && o.period === '2025-Q3').sort((a, b) => b.value! - a.value!);
    const second = data.indexOf(q3[1]!);
    data[second] = { ...q3[1]!, value: q3[0]!.value };
    const top = comparisonModel(cmpInput(data, 'PROV_GRDP_GROWTH', { select: 'top', count: 4 }));
    expect(top.rows.map((r) => r.rank)).toEqual([1, 1, 3, 4]);
    const allEqual = comparisonModel(cmpInput(data, 'PROV_GRDP_GROWTH', { select: 'top', count: 3, period: '2025-Q2' }));
    expect(allEqual.rows.map((r) => r.rank)).toEqual([1, 1, 1]);
  });

  it('top N, bottom N, both ends with a gap, ascending order', () => {
    const data = provinceSeries();
    const top = comparisonModel(cmpInput(data, 'PROV_GRDP_GROWTH', { select: 'top', count: 5 }));
    expect(top.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    const bottom = comparisonModel(cmpInput(data, 'PROV_GRDP_GROWTH', { select: 'bottom', count: 3 }));
    expect(bottom.rows.map((r) => r.rank)).toEqual([28, 29, 30]);
    expect(new Set(bottom.rows.map((r) => r.group))).toEqual(new Set(['bottom']));
    const both = comparisonModel(cmpInput(data, 'PROV_GRDP_GROWTH', { select: 'both', count: 6 }));
    expect(both.rows.map((r) => r.rank)).toEqual([1, 2, 3, 28, 29, 30]);
    expect(both.gapAfter).toBe(2);
    // Up is good: the top is good news, the bottom bad.
    expect(both.rows.map((r) => r.tone)).toEqual(['good', 'good', 'good', 'bad', 'bad', 'bad']);
    const asc = comparisonModel(cmpInput(data, 'PROV_GRDP_GROWTH', { order: 'asc', count: 3 }));
    expect(asc.rows.map((r) => r.value)).toEqual(bottom.rows.map((r) => r.value).reverse());
  });

  it('shows only as many rows as fit at the legible size, and says how many were asked for', () => {
    const m = comparisonModel(cmpInput(provinceSeries(), 'PROV_TRAFFIC_DEATHS', { select: 'all' }));
    expect(m.requested).toBe(34);
    expect(m.rows.length).toBe(m.capacity);
    expect(m.capacity).toBeGreaterThanOrEqual(8);
    expect(m.capacity).toBeLessThan(34);
    expect(m.gapAfter).not.toBeNull(); // both ends of the ranking, with the middle left out
  });

  it('writes every figure with the same decimals, and the change against the previous period in the table', () => {
    const data = [observation('PROV_GRDP_GROWTH', '2025-Q3', 4.4, { region: '01' }), observation('PROV_GRDP_GROWTH', '2025-Q3', 10.92, { region: '79' }), observation('PROV_GRDP_GROWTH', '2025-Q2', 4, { region: '01' })];
    const m = comparisonModel(cmpInput(data, 'PROV_GRDP_GROWTH', { view: 'table' }));
    expect(m.rows.map((r) => r.text)).toEqual(['10,92', '4,40']);
    expect(m.showChange).toBe(true);
    expect(m.rows[1]!.change).toMatchObject({ text: '+0,40 điểm %', tone: 'good' });
    expect(m.rows[0]!.change).toBeNull();
    // A narrow tile has no room for the change column.
    expect(comparisonModel(cmpInput(data, 'PROV_GRDP_GROWTH', { view: 'table' }, 89)).showChange).toBe(false);
  });

  it('takes a fixed period, or the newest of the cadence most figures have', () => {
    const byRegion = new Map([
      ['01', ['2025-Q2', '2025-Q3', '2025']],
      ['79', ['2025-Q3']],
    ]);
    expect(rankingPeriod(byRegion, 'latest')).toBe('2025-Q3');
    expect(rankingPeriod(byRegion, '2025-Q2')).toBe('2025-Q2');
    expect(comparisonModel(cmpInput(provinceSeries(), 'PROV_GRDP_GROWTH', { period: '2025-Q2' })).rows[0]!.value).toBe(6);
  });

  it('is "no data" for a national indicator, a wrong unit, and figures that are not numbers', () => {
    const national = comparisonModel({ ...cmpInput(growthSeries(), 'GDP_GROWTH'), meta: GDP_GROWTH });
    expect(national).toMatchObject({ state: 'no-data', problem: 'not-provincial' });
    expect(comparisonModel(cmpInput(provinceSeries(), 'PROV_GRDP_GROWTH', { expectUnit: 'người' }))).toMatchObject({ state: 'no-data', problem: 'wrong-unit' });
    const nan = [observation('PROV_GRDP_GROWTH', '2025-Q3', Number.NaN, { region: '01' }), observation('PROV_GRDP_GROWTH', '2025-Q3', null, { region: '79' })];
    expect(comparisonModel(cmpInput(nan, 'PROV_GRDP_GROWTH')).state).toBe('no-data');
    expect(comparisonModel(cmpInput([], 'PROV_GRDP_GROWTH')).state).toBe('no-data');
  });

  it('draws the plan target across the bars, and judges each province by it', () => {
    const meta = { ...PROV_GRDP, targets: [{ period: '2025', value: 8, kind: 'at-least' as const }] };
    const m = comparisonModel({ ...cmpInput(provinceSeries(), 'PROV_GRDP_GROWTH', { select: 'all', count: 34 }), meta });
    expect(m.target).toMatchObject({ value: 8, label: 'KH ≥ 8%' });
    expect(m.target!.f).toBeCloseTo(8 / Math.max(...m.rows.map((r) => r.value)), 9);
    for (const r of m.rows) expect(r.tone).toBe(r.value >= 8 ? 'good' : 'bad');
  });
});

describe('comparison: tile', () => {
  const tiles: TileSpec[] = [
    { id: 'bars', widget: 'comparison', indicators: ['PROV_GRDP_GROWTH'], x: 0, y: 0, w: 12, h: 6, options: { count: 5 } },
    { id: 'both', widget: 'comparison', indicators: ['PROV_TRAFFIC_DEATHS'], x: 12, y: 0, w: 12, h: 6, options: { select: 'both', count: 6 } },
    { id: 'table', widget: 'comparison', indicators: ['PROV_TRAFFIC_DEATHS'], x: 0, y: 6, w: 12, h: 6, options: { view: 'table', count: 4 } },
    { id: 'cols', widget: 'comparison', indicators: ['PROV_GRDP_GROWTH'], x: 12, y: 6, w: 12, h: 6, options: { view: 'columns', count: 34 } },
  ];

  it('bars: the ranking order, province names, values in vi-VN, the bar count', () => {
    const { container } = show(provinceSeries(), tiles);
    const bars = tileEl(container, 'bars');
    const root = chartRoot(bars);
    expect(root.dataset.rows).toBe('5');
    expect(root.dataset.reported).toBe('30');
    expect(root.dataset.period).toBe('2025-Q3');
    expect(all(bars, 'bar')).toHaveLength(5);
    const rows = all(bars, 'row');
    expect(rows.map((r) => r.dataset.rank)).toEqual(['1', '2', '3', '4', '5']);
    const values = rows.map((r) => Number(r.dataset.value));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(all(bars, 'name').map((n) => n.textContent)).toEqual(rows.map((r) => provinceByCode(r.dataset.region!)!.name));
    expect(all(bars, 'value')[0]!.textContent).toMatch(/^\d+(,\d{1,2})?$/);
    expect(text(bars, 'coverage')).toBe('30/34 tỉnh, thành');
    expect(text(bars, 'title')).toBe('Tốc độ tăng GRDP');
    // The longest bar is the first.
    expect(parseFloat(all(bars, 'bar')[0]!.style.width)).toBe(100);
  });

  it('both ends: the top and the bottom with a gap, coloured by direction (fewer deaths is good)', () => {
    const { container } = show(provinceSeries(), tiles);
    const both = tileEl(container, 'both');
    const rows = all(both, 'row');
    expect(rows.map((r) => r.dataset.rank)).toEqual(['1', '2', '3', '32', '33', '34']);
    expect(all(both, 'gap')).toHaveLength(1);
    expect(rows.map((r) => r.dataset.tone)).toEqual(['bad', 'bad', 'bad', 'good', 'good', 'good']);
  });

  it('table: rank, province, value, change against the previous month', () => {
    const { container } = show(provinceSeries(), tiles);
    const table = tileEl(container, 'table');
    expect(all(table, 'row')).toHaveLength(4);
    const first = all(table, 'row')[0]!;
    expect(first.querySelector('[data-field="change"]')!.textContent).toMatch(/^[▲▼=] [+−]?\d/);
    expect(first.querySelector<HTMLElement>('[data-field="change"]')!.dataset.tone).toBe('bad'); // more deaths than in September
  });

  it('columns: as many as fit the tile', () => {
    const { container } = show(provinceSeries(), tiles);
    const cols = chartRoot(tileEl(container, 'cols'));
    expect(Number(cols.dataset.rows)).toBeGreaterThan(3);
    expect(Number(cols.dataset.rows)).toBeLessThan(30);
    expect(cols.dataset.requested).toBe('30');
  });

  it('"Chưa có số liệu" for a national indicator bound by mistake, and for NaN figures', () => {
    const { container, store } = show([...growthSeries(), ...provinceSeries()], [
      { id: 'national', widget: 'comparison', indicators: ['GDP_GROWTH'], x: 0, y: 0, w: 12, h: 6 },
      { id: 'nan', widget: 'comparison', indicators: ['PROV_GRDP_GROWTH'], x: 12, y: 0, w: 12, h: 6, options: { period: '2025-Q4' } },
    ]);
    act(() => {
      store.ingestChanges({ seq: 11, changes: [{ seq: 11, kind: 'observation', observation: observation('PROV_GRDP_GROWTH', '2025-Q4', Number.NaN, { region: '01' }) }] });
      store.flush();
    });
    const national = tileEl(container, 'national');
    expect(text(national, 'no-data')).toContain('Chưa có số liệu');
    expect(text(national, 'no-data')).toContain('Cần chỉ tiêu cấp tỉnh');
    expect(text(tileEl(container, 'nan'), 'no-data')).toContain('Chưa có số liệu');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });
});
