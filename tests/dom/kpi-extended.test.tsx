import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { acceptSnapshot, acceptWallState } from '../../renderer/feed/ingest';
import { createWallStore, type WallStore } from '../../renderer/store/wallStore';
import { KPI_SIZES, kpiLayout, kpiProgress, kpiSparkline, kpiView, thresholdStatus, type KpiView } from '../../renderer/widgets/kpi/model';
import type { Snapshot } from '../../shared/protocol/feed';
import type { IndicatorMeta, Observation } from '../../shared/protocol/model';
import { GDP_GROWTH_META as GDP_GROWTH, observation, wallStateWith } from './fixtures';
import { atFixedTime, cleanup, field, showWall, text, tileEl, wallStore } from './render';

/**
 * The KPI tile's plan, sparkline, status, staleness, demo mark and "no data" cases, on a
 * wall built for the purpose (the real 2×2 55" profile, or one Full-HD screen read at 2 m).
 */

const DAY = 86_400_000;
const NOW = Date.parse('2025-11-20T10:00:00+07:00');

const CPI_AVG: IndicatorMeta = {
  code: 'CPI_AVG',
  name: { vi: 'Chỉ số giá tiêu dùng bình quân', en: 'Average CPI increase' },
  unit: '% so với cùng kỳ',
  periodicity: 'month',
  direction: 'down',
  targets: [{ period: '2025', value: 4.5, kind: 'about' }],
};
const BUDGET: IndicatorMeta = {
  code: 'BUDGET_REVENUE',
  name: { vi: 'Thu ngân sách nhà nước', en: 'State budget revenue' },
  unit: 'nghìn tỷ đồng',
  periodicity: 'month',
  direction: 'up',
  targets: [{ period: '2025', value: 1966.8, kind: 'at-least' }],
};
const GDP_VND: IndicatorMeta = {
  code: 'GDP_VND',
  name: { vi: 'Quy mô GDP', en: 'GDP (current prices)' },
  unit: 'nghìn tỷ đồng',
  periodicity: 'year',
  direction: 'up',
};
const DEATHS: IndicatorMeta = {
  code: 'TRAFFIC_DEATHS',
  name: { vi: 'Số người chết do TNGT', en: 'Traffic deaths' },
  unit: 'người',
  periodicity: 'month',
  direction: 'down',
};

const vintage = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString();

function snapshot(observations: Observation[], indicators: IndicatorMeta[] = [GDP_GROWTH, CPI_AVG, BUDGET, GDP_VND, DEATHS]): Snapshot {
  return { seq: 10, serverTime: vintage(0), indicators, observations };
}

const GROWTH_SERIES: Observation[] = [
  ['2024-Q1', 5.98],
  ['2024-Q2', 7.25],
  ['2024-Q3', 7.43],
  ['2024-Q4', 7.55],
  ['2025-Q1', 7.05],
  ['2025-Q2', 8.16],
].map(([period, value]) => observation('GDP_GROWTH', period as string, value as number, { vintage: vintage(40) }));

interface TileSpec {
  id: string;
  indicator: string;
  x?: number;
  y?: number;
  w?: number;
  h?: number;
  region?: string;
  options?: Record<string, unknown>;
  title?: { vi: string; en?: string };
}

function wallState(tiles: TileSpec[], profile = 'wall-2x2-55in') {
  const kpis = tiles.map((t, i) => ({
    id: t.id,
    widget: 'kpi',
    x: t.x ?? (i % 6) * 4,
    y: t.y ?? Math.floor(i / 6) * 3,
    w: t.w ?? 4,
    h: t.h ?? 3,
    ...(t.title ? { title: t.title } : {}),
    binding: { indicators: [t.indicator], region: t.region ?? 'VN' },
    options: t.options ?? {},
  }));
  return wallStateWith(kpis, { id: 'kpi-test', title: { vi: 'Thử KPI' }, profile });
}

function show(observations: Observation[], tiles: TileSpec[], profile?: string): { container: HTMLElement; store: WallStore } {
  const store = wallStore(snapshot(observations), wallState(tiles, profile));
  return { container: showWall(store).container, store };
}

const kpiRoot = (tile: HTMLElement) => tile.querySelector<HTMLElement>('.kpi')!;

atFixedTime(NOW);

describe('KPI: progress against the plan', () => {
  it('GDP growth 8,25 % in Q3 2025 against the year’s plan of ≥ 8 %: met, good, a bar past the target mark', () => {
    const obs = [...GROWTH_SERIES, observation('GDP_GROWTH', '2025-Q3', 8.25, { vintage: vintage(30) })];
    const { container } = show(obs, [{ id: 'g', indicator: 'GDP_GROWTH' }]);
    const tile = tileEl(container, 'g');
    const progress = field(tile, 'progress')!;
    expect(progress).not.toBeNull();
    expect(progress.dataset.met).toBe('true');
    expect(progress.dataset.tone).toBe('good');
    expect(Number(progress.dataset.ratio)).toBeCloseTo(8.25 / 8, 3);
    expect(text(tile, 'plan')).toBe('✓ KH ≥ 8%');
    // The bar spans 0 … 1,25 × the target: 8,25 / 10 = 82,5 %, the target's mark at 80 %.
    expect(field(tile, 'progress-fill')!.style.width).toBe('82.5%');
    expect(kpiRoot(tile).dataset.status).toBe('good');
    expect(field(tile, 'status')!.dataset.status).toBe('good');
  });

  it('the plan of the latest period’s year: 2024 is judged against 2024’s 6,5 %', () => {
    const view = kpiView({ code: 'GDP_GROWTH', meta: GDP_GROWTH, latest: GROWTH_SERIES[3], comparison: undefined, now: NOW });
    expect(view.progress).toMatchObject({ label: 'KH ≥ 6,5%', met: true, partial: false });
  });

  it('an unmet plan is bad news (orange, no tick); CPI "about 4,5 %" is met below it, not well above', () => {
    const above = kpiProgress(CPI_AVG, observation('CPI_AVG', '2025-10', 5.2))!;
    expect(above).toMatchObject({ met: false, tone: 'bad', label: 'KH ≈ 4,5%' });
    expect(kpiProgress(CPI_AVG, observation('CPI_AVG', '2025-10', 3.3))!.met).toBe(true);
    expect(kpiProgress(CPI_AVG, observation('CPI_AVG', '2025-10', 4.8))!.met).toBe(true); // within ±10 %
    const { container } = show([observation('CPI_AVG', '2025-10', 5.2, { vintage: vintage(10) })], [{ id: 'c', indicator: 'CPI_AVG', title: { vi: 'CPI bình quân' } }]);
    const tile = tileEl(container, 'c');
    expect(field(tile, 'progress')!.dataset.met).toBe('false');
    expect(text(tile, 'plan')).toBe('KH ≈ 4,5%');
    expect(kpiRoot(tile).dataset.status).toBe('bad');
  });

  it('a level part-way through the year is progress: "đạt 83,9% KH", neutral until met', () => {
    const p = kpiProgress(BUDGET, observation('BUDGET_REVENUE', '2025-01..2025-10', 1650))!;
    expect(p).toMatchObject({ partial: true, met: false, tone: 'neutral', label: 'đạt 83,9% KH', markerAt: null });
    expect(p.fill).toBeCloseTo(1650 / 1966.8, 6);
    expect(kpiView({ code: 'BUDGET_REVENUE', meta: BUDGET, latest: observation('BUDGET_REVENUE', '2025-01..2025-10', 1650), comparison: undefined, now: NOW }).status).toBe('none');
  });

  it('no target, or showTarget off: no plan row', () => {
    const { container } = show(
      [...GROWTH_SERIES, observation('GDP_VND', '2024', 11511.9, { vintage: vintage(3) })],
      [
        { id: 'v', indicator: 'GDP_VND' },
        { id: 'g', indicator: 'GDP_GROWTH', options: { showTarget: false } },
      ],
    );
    expect(field(tileEl(container, 'v'), 'progress')).toBeNull();
    expect(field(tileEl(container, 'g'), 'progress')).toBeNull();
  });
});

describe('KPI: sparkline', () => {
  it('draws the recent periods of the latest one’s cadence, estimates hollow', () => {
    const obs = [...GROWTH_SERIES, observation('GDP_GROWTH', '2025-Q3', 8.23, { status: 'estimate', vintage: vintage(20) }), observation('GDP_GROWTH', '2024', 7.09)];
    const { container } = show(obs, [{ id: 'g', indicator: 'GDP_GROWTH' }]);
    const spark = field(tileEl(container, 'g'), 'sparkline')!;
    expect(spark).not.toBeNull();
    // The latest is 2025-Q3: the last 8 quarters are 2023-Q4 … 2025-Q3, of which 7 are held (the year 2024 is not a quarter).
    expect(spark.dataset.points).toBe('7');
    const dots = [...spark.querySelectorAll<HTMLElement>('[data-period]')];
    expect(dots.map((d) => d.dataset.period)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3']);
    expect(dots.at(-1)!.dataset.status).toBe('estimate');
    expect(dots[0]!.dataset.status).toBe('official');
  });

  it('honours sparklinePeriods, and 0 turns it off', () => {
    const obs = [...GROWTH_SERIES, observation('GDP_GROWTH', '2025-Q3', 8.25)];
    const { container } = show(obs, [
      { id: 'a', indicator: 'GDP_GROWTH', options: { sparklinePeriods: 4 } },
      { id: 'b', indicator: 'GDP_GROWTH', options: { sparklinePeriods: 0 } },
    ]);
    expect(field(tileEl(container, 'a'), 'sparkline')!.dataset.points).toBe('4');
    expect(field(tileEl(container, 'b'), 'sparkline')).toBeNull();
  });

  it('breaks at a missing period and needs two figures', () => {
    const s = kpiSparkline([observation('X', '2025-01', 1), undefined, observation('X', '2025-03', 3), observation('X', '2025-04', Number.NaN), observation('X', '2025-05', 2)], null)!;
    expect(s.points.map((p) => p.period)).toEqual(['2025-01', '2025-03', '2025-05']);
    expect(s.path.match(/M/g)).toHaveLength(3);
    expect(s.points.filter((p) => !(p.x >= 0 && p.x <= 100 && p.y >= 0 && p.y <= 100))).toEqual([]);
    // Higher values are higher up (smaller y).
    expect(s.points[1]!.y).toBeLessThan(s.points[0]!.y);
    expect(kpiSparkline([observation('X', '2025-01', 1)], null)).toBeNull();
    expect(kpiSparkline([undefined, observation('X', '2025-02', 1)], null)).toBeNull();
  });
});

describe('KPI: status colour from the direction and the thresholds', () => {
  it('rising is good: ≥ good is good, ≤ bad is bad, between is "watch"', () => {
    const t = { good: 8, bad: 6 };
    expect(thresholdStatus(8.25, 'up', t)).toBe('good');
    expect(thresholdStatus(7, 'up', t)).toBe('watch');
    expect(thresholdStatus(6, 'up', t)).toBe('bad');
  });

  it('falling is good: the other way round; neutral takes the order of the two numbers', () => {
    const t = { good: 500, bad: 800 };
    expect(thresholdStatus(450, 'down', t)).toBe('good');
    expect(thresholdStatus(650, 'down', t)).toBe('watch');
    expect(thresholdStatus(900, 'down', t)).toBe('bad');
    expect(thresholdStatus(900, 'neutral', t)).toBe('bad');
    expect(thresholdStatus(900, 'neutral', { good: 500 })).toBeNull();
    expect(thresholdStatus(900, 'up', undefined)).toBeNull();
    expect(thresholdStatus(Number.NaN, 'up', t)).toBeNull();
  });

  it('colours the tile’s stripe, and thresholds win over the plan', () => {
    const obs = [observation('TRAFFIC_DEATHS', '2025-10', 900, { vintage: vintage(5) }), ...GROWTH_SERIES, observation('GDP_GROWTH', '2025-Q3', 8.25)];
    const { container } = show(obs, [
      { id: 'd', indicator: 'TRAFFIC_DEATHS', options: { thresholds: { good: 500, bad: 800 } } },
      { id: 'g', indicator: 'GDP_GROWTH', options: { thresholds: { good: 9, bad: 6 } } },
      { id: 'n', indicator: 'TRAFFIC_DEATHS' },
    ]);
    const d = tileEl(container, 'd');
    expect(kpiRoot(d).dataset.status).toBe('bad');
    expect(field(d, 'status')!.className).toContain('kpi__stripe--bad');
    expect(kpiRoot(tileEl(container, 'g')).dataset.status).toBe('watch'); // met the plan, but below the tile's "good"
    expect(field(tileEl(container, 'n'), 'status')).toBeNull(); // nothing to judge by
  });
});

describe('KPI: age and staleness', () => {
  it('a yearly figure for 2024 is fresh in November 2025, stale from 8 April 2026', () => {
    const obs = [observation('GDP_VND', '2024', 11511.9, { vintage: '2025-01-06T09:00:00+07:00' })];
    const { container } = show(obs, [{ id: 'v', indicator: 'GDP_VND' }]);
    const tile = tileEl(container, 'v');
    expect(kpiRoot(tile).dataset.stale).toBe('false');
    expect(text(tile, 'age')).toMatch(/tháng trước$/);

    cleanup();
    vi.setSystemTime(Date.parse('2026-04-08T00:00:00+07:00'));
    const later = show(obs, [{ id: 'v', indicator: 'GDP_VND' }]);
    const stale = tileEl(later.container, 'v');
    expect(kpiRoot(stale).dataset.stale).toBe('true');
    expect(kpiRoot(stale).classList.contains('kpi--stale')).toBe(true);
    expect(field(stale, 'period')!.className).toContain('kpi__period--stale');
    expect(text(stale, 'age')).toMatch(/^Số liệu cũ/);
    expect(text(stale, 'value')).toBe('11.511,9'); // still shown, greyed
  });

  it('a monthly figure ages with the clock: stale once the next month’s report is overdue', () => {
    const { container, store } = show([observation('TRAFFIC_DEATHS', '2025-09', 812, { vintage: vintage(25) })], [{ id: 'd', indicator: 'TRAFFIC_DEATHS' }]);
    const tile = tileEl(container, 'd');
    // September: October due 20/11, + 7 days → fresh on 20/11/2025.
    expect(kpiRoot(tile).dataset.stale).toBe('false');
    act(() => {
      vi.setSystemTime(Date.parse('2025-11-28T00:00:00+07:00'));
      vi.advanceTimersByTime(30_000);
    });
    expect(kpiRoot(tile).dataset.stale).toBe('true');
    // October arrives: fresh again.
    act(() => {
      store.ingestChanges({ seq: 11, changes: [{ seq: 11, kind: 'observation', observation: observation('TRAFFIC_DEATHS', '2025-10', 790, { vintage: new Date().toISOString() }) }] });
      store.flush();
    });
    expect(kpiRoot(tile).dataset.stale).toBe('false');
    expect(text(tile, 'value')).toBe('790');
  });

  it('an operator may set the reporting delay', () => {
    const obs = [observation('TRAFFIC_DEATHS', '2025-09', 812, { vintage: vintage(25) })];
    // With a 6-day delay October was due 06/11, stale from 14/11: stale on 20/11.
    const { container } = show(obs, [{ id: 'd', indicator: 'TRAFFIC_DEATHS', options: { reportingDelayDays: 6 } }]);
    expect(kpiRoot(tileEl(container, 'd')).dataset.stale).toBe('true');
  });
});

describe('KPI: demo data and bad data', () => {
  it('marks simulated figures "DEMO" on the tile', () => {
    const { container } = show([observation('GDP_VND', '2025', 12850, { demo: true, vintage: vintage(1) })], [{ id: 'v', indicator: 'GDP_VND' }]);
    const tile = tileEl(container, 'v');
    expect(text(tile, 'demo')).toBe('DEMO');
    expect(kpiRoot(tile).dataset.demo).toBe('true');
  });

  it('"Chưa có số liệu / No data" for a missing, null, NaN or infinite figure, never a crash', () => {
    const store = createWallStore({ schedule: () => () => {} });
    acceptSnapshot(store, snapshot([observation('CPI_AVG', '2025-10', null, { vintage: vintage(1) })]));
    acceptWallState(
      store,
      wallState([
        { id: 'missing', indicator: 'GDP_VND' },
        { id: 'null', indicator: 'CPI_AVG' },
        { id: 'nan', indicator: 'TRAFFIC_DEATHS' },
        { id: 'inf', indicator: 'BUDGET_REVENUE' },
        { id: 'unknown', indicator: 'NOT_AN_INDICATOR' },
      ]),
    );
    // The feed refuses NaN and Infinity; put them in the store directly to prove the tile copes anyway.
    store.ingestChanges({
      seq: 11,
      changes: [
        { seq: 11, kind: 'observation', observation: observation('TRAFFIC_DEATHS', '2025-10', Number.NaN) },
        { seq: 12, kind: 'observation', observation: observation('BUDGET_REVENUE', '2025-10', Number.POSITIVE_INFINITY) },
      ],
    });
    store.flush();
    const { container } = showWall(store);
    for (const id of ['missing', 'null', 'nan', 'inf', 'unknown']) {
      const tile = tileEl(container, id);
      expect(text(tile, 'no-data'), id).toContain('Chưa có số liệu');
      expect(text(tile, 'no-data'), id).toContain('No data');
      expect(tile.textContent, id).not.toMatch(/NaN|Infinity|∞/);
      expect(field(tile, 'sparkline'), id).toBeNull();
      expect(field(tile, 'progress'), id).toBeNull();
    }
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('a figure in a unit the tile does not expect is "no data", saying why', () => {
    const { container } = show([observation('GDP_VND', '2024', 11511.9, { vintage: vintage(3) })], [{ id: 'v', indicator: 'GDP_VND', options: { expectUnit: 'tỷ USD' } }]);
    const noData = field(tileEl(container, 'v'), 'no-data')!;
    expect(noData.dataset.problem).toBe('wrong-unit');
    expect(noData.textContent).toContain('Chưa có số liệu');
    expect(noData.textContent).toContain('Đơn vị không khớp');
    expect(field(tileEl(container, 'v'), 'value')).toBeNull();
    // The same unit written with other spacing is the same unit.
    expect(kpiView({ code: 'GDP_VND', meta: GDP_VND, latest: observation('GDP_VND', '2024', 1), comparison: undefined, now: NOW, expectUnit: ' nghìn  tỷ đồng ' }).value).toBe('1');
  });
});

describe('KPI: legible on the wall it is on', () => {
  const obs = [observation('GDP_VND', '2024', 11511.9, { vintage: vintage(3) }), observation('GDP_VND', '2023', 10221.8, { vintage: vintage(300) })];

  it('drops the English name and the basis on a 4×3 tile of the 2×2 wall at 5 m', () => {
    const { container } = show(obs, [{ id: 'v', indicator: 'GDP_VND' }]);
    const tile = tileEl(container, 'v');
    expect(field(tile, 'name-en')).toBeNull();
    expect(field(tile, 'change-basis')).toBeNull();
    expect(text(tile, 'change')).toBe('▲ +12,6%');
  });

  it('keeps them where they are legible and there is room: a wide tile on one Full-HD screen read at 2 m', () => {
    const { container } = show(obs, [{ id: 'v', indicator: 'GDP_VND', w: 12, h: 4 }], 'single-1080p');
    const tile = tileEl(container, 'v');
    expect(text(tile, 'name-en')).toBe('GDP (current prices)');
    expect(text(tile, 'change-basis')).toBe('so với năm 2023');
  });

  it('always shows the figure, its unit and its period, whatever else has to go', () => {
    const view: KpiView = kpiView({
      code: 'X',
      meta: { ...DEATHS, name: { vi: 'Số người chết do tai nạn giao thông đường bộ, đường sắt và đường thủy', en: 'x' } },
      latest: observation('X', '2023-12-15..2024-11-14', 10026, { status: 'estimate', demo: true }),
      comparison: observation('X', '2022-12-15..2023-11-14', 11000),
      recent: [observation('X', '2022-12-15..2023-11-14', 11000), observation('X', '2023-12-15..2024-11-14', 10026)],
      now: NOW,
    });
    for (const widthCqh of [60, 90, 118, 178, 300]) {
      const layout = kpiLayout(view, { widthCqh, legible: 0.1 });
      expect(layout.unit, String(widthCqh)).not.toBe('none');
      expect(layout.metaLines).toBeGreaterThanOrEqual(1);
      expect(layout.valueHeight).toBeGreaterThanOrEqual(KPI_SIZES.valueMin);
    }
  });
});
