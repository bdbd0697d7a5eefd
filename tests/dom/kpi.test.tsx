import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { NOW_TICK_MS } from '../../renderer/widgets/common/useNow';
import { kpiView } from '../../renderer/widgets/kpi/model';
import type { Snapshot } from '../../shared/protocol/feed';
import { kpiWallState, observation, seededSnapshot, SEED_VINTAGE } from './fixtures';
import { atFixedTime, showWall, text, tileEl, wallStore } from './render';

const DAY = 86_400_000;

/** The seed as it stood at the start of 2025: every published figure up to 2024. */
function seedUpTo2024(): Snapshot {
  const snapshot = seededSnapshot(50);
  snapshot.observations = snapshot.observations.filter((o) => Number(o.period.slice(0, 4)) <= 2024);
  return snapshot;
}

const wallWith = (snapshot: Snapshot, wallState: unknown = kpiWallState()) => wallStore(snapshot, wallState);

atFixedTime(Date.parse(SEED_VINTAGE) + 3 * DAY + 5 * 60_000);

describe('KPI tile with the published national figures', () => {
  it('shows GDP 2024 as reports write it: 11.511,9 nghìn tỷ đồng, Năm 2024, +12,6% against 2023', () => {
    const { container } = showWall(wallWith(seedUpTo2024()));
    const tile = tileEl(container, 'gdp-vnd');
    expect(tile.dataset.widget).toBe('kpi');
    expect(text(tile, 'name')).toBe('Quy mô GDP');
    // The English name (7.2cqh) is not legible on a 4×3-cell tile of this wall at 5 m: left out.
    expect(text(tile, 'name-en')).toBeNull();
    expect(text(tile, 'value')).toBe('11.511,9');
    expect(text(tile, 'unit')).toBe('nghìn tỷ đồng');
    expect(text(tile, 'period')).toBe('Năm 2024');
    const change = tile.querySelector<HTMLElement>('[data-field="change"]')!;
    expect(change.textContent).toBe('▲ +12,6%'); // (11511,9 − 10221,8) / 10221,8
    expect(change.dataset.tone).toBe('good');
    expect(change.classList.contains('tone-good')).toBe(true);
    // Nor is the basis line; it stays in the change's tooltip.
    expect(text(tile, 'change-basis')).toBeNull();
    expect(change.title).toBe('so với năm 2023 / vs Year 2023');
    // "cập nhật 3 ngày trước" does not fit beside the period at 10.6cqh: the short form.
    expect(text(tile, 'age')).toBe('3 ngày trước');
    expect(tile.querySelector('[data-field="demo"]')).toBeNull();
    expect(tile.querySelector('[data-field="estimate"]')).toBeNull();
  });

  it('compares rates in percentage points and colours by the indicator’s direction', () => {
    const { container } = showWall(wallWith(seedUpTo2024()));
    // GDP growth 7,09 % in 2024 after 5,05 %: up is good.
    const growth = tileEl(container, 'gdp-growth');
    expect(text(growth, 'value')).toBe('7,09');
    expect(text(growth, 'unit')).toBe('% so với cùng kỳ');
    expect(text(growth, 'change')).toBe('▲ +2,04 điểm %');
    expect(growth.querySelector<HTMLElement>('[data-field="change"]')!.dataset.tone).toBe('good');
    // Average CPI 3,63 % after 3,25 %: a rise is bad news (orange, not red).
    const cpi = tileEl(container, 'cpi-avg');
    expect(text(cpi, 'change')).toBe('▲ +0,38 điểm %');
    expect(cpi.querySelector('[data-field="change"]')!.classList.contains('tone-bad')).toBe(true);
    // Trade surplus 24,77 after 28,3 billion USD: a fall of a good thing is bad.
    const trade = tileEl(container, 'trade-balance');
    expect(text(trade, 'value')).toBe('24,77');
    expect(text(trade, 'unit')).toBe('tỷ USD');
    expect(text(trade, 'change')).toBe('▼ −12,5%');
    expect(trade.querySelector<HTMLElement>('[data-field="change"]')!.dataset.tone).toBe('bad');
    // Imports: neutral direction, grey.
    const imports = tileEl(container, 'imports');
    expect(text(imports, 'value')).toBe('380,76');
    expect(imports.querySelector<HTMLElement>('[data-field="change"]')).toBeNull(); // no 2023 figure published
  });

  it('shows "Chưa có số liệu" for an indicator with no figure, a null figure, and a non-finite one', () => {
    const snapshot = seedUpTo2024();
    snapshot.observations = snapshot.observations.filter((o) => o.indicator !== 'FDI_DISBURSED');
    snapshot.observations.push(observation('IIP_GROWTH', '2025', null));
    const store = wallWith(snapshot);
    // NaN cannot pass the feed's validation; put it in the store directly to prove the tile copes anyway.
    store.ingestChanges({ seq: 51, changes: [{ seq: 51, kind: 'observation', observation: observation('EXPORTS', '2025', Number.NaN) }] });
    store.flush();
    const { container } = showWall(store);

    const fdi = tileEl(container, 'fdi-disbursed');
    expect(fdi.querySelector('[data-field="no-data"]')?.textContent).toContain('Chưa có số liệu');
    expect(fdi.querySelector('[data-field="no-data"]')?.textContent).toContain('No data');
    expect(text(fdi, 'name')).toBe('Vốn FDI thực hiện');
    expect(fdi.querySelector('[data-field="value"]')).toBeNull();

    const iip = tileEl(container, 'iip-growth');
    expect(text(iip, 'no-data')).toContain('Chưa có số liệu');
    expect(text(iip, 'period')).toBe('Năm 2025'); // the period reported "no data" is still named
    expect(iip.querySelector('[data-field="change"]')).toBeNull();

    const exports = tileEl(container, 'exports');
    expect(text(exports, 'no-data')).toContain('Chưa có số liệu');
    expect(exports.textContent).not.toContain('NaN');
    expect(container.querySelector('[role="alert"]')).toBeNull(); // no tile fell into its error boundary
  });

  it('marks demo data and estimates', () => {
    const snapshot = seedUpTo2024();
    snapshot.observations.push(
      observation('GDP_USD', '2025', 514, { demo: true, provenance: { submissionId: 'demo-1', agency: null, regime: null, source: 'simulated' } }),
      observation('BUDGET_REVENUE', '2025', 2388.8, { status: 'estimate' }),
    );
    const { container } = showWall(wallWith(snapshot));
    const usd = tileEl(container, 'gdp-usd');
    expect(text(usd, 'value')).toBe('514');
    expect(text(usd, 'demo')).toBe('DEMO');
    expect(text(usd, 'change')).toBe('▲ +7,9%');
    const budget = tileEl(container, 'budget-revenue');
    expect(text(budget, 'value')).toBe('2.388,8');
    expect(text(budget, 'estimate')).toBe('Ước tính');
    expect(budget.querySelector('[data-field="demo"]')).toBeNull();
  });

  it('compares with the same period last year when options.compare is "yoy"', () => {
    const snapshot = seededSnapshot(60);
    snapshot.observations = snapshot.observations.filter((o) => !(o.indicator === 'GDP_GROWTH' && (o.period >= '2025-Q4' || /^\d{4}$/.test(o.period))));
    const wall = kpiWallState() as { layout: { tiles: { id: string; options: { compare: string } }[] } };
    wall.layout.tiles.find((t) => t.id === 'gdp-growth')!.options.compare = 'yoy';
    const { container } = showWall(wallWith(snapshot, wall));
    const growth = tileEl(container, 'gdp-growth');
    expect(text(growth, 'period')).toBe('Quý 3/2025');
    expect(text(growth, 'value')).toBe('8,25');
    expect(text(growth, 'change')).toBe('▲ +0,82 điểm %'); // 8,25 against 7,43 in Q3 2024
    expect(growth.querySelector<HTMLElement>('[data-field="change"]')!.title).toContain('so với quý 3/2024');
  });

  it('updates live, and the age every 30 s', () => {
    const store = wallWith(seedUpTo2024());
    const { container } = showWall(store);
    const tile = tileEl(container, 'gdp-vnd');
    act(() => {
      store.ingestChanges({ seq: 51, changes: [{ seq: 51, kind: 'observation', observation: observation('GDP_VND', '2025', 12850, { vintage: new Date(Date.now()).toISOString() }) }] });
      store.flush();
    });
    expect(text(tile, 'value')).toBe('12.850');
    expect(text(tile, 'period')).toBe('Năm 2025');
    expect(text(tile, 'age')).toBe('vừa xong');
    act(() => vi.advanceTimersByTime(5 * NOW_TICK_MS));
    expect(text(tile, 'age')).toBe('2 phút trước');
  });
});

describe('KPI view model', () => {
  const meta = { code: 'CPI_AVG', name: { vi: 'CPI', en: 'CPI' }, unit: '%', periodicity: 'year' as const, direction: 'down' as const };
  it('treats unchanged-at-the-precision-shown as neutral', () => {
    const view = kpiView({
      code: 'CPI_AVG',
      meta,
      latest: observation('CPI_AVG', '2025', 3.251),
      comparison: observation('CPI_AVG', '2024', 3.2499),
      now: Date.now(),
    });
    expect(view.change).toMatchObject({ arrow: '=', tone: 'neutral', text: '0,00 điểm %' });
  });
  it('never crashes on a missing comparison, a zero base or an unknown indicator', () => {
    const latest = observation('X_Y', '2025', 10);
    expect(kpiView({ code: 'X_Y', meta: undefined, latest, comparison: undefined, now: Date.now() }).value).toBe('10');
    expect(kpiView({ code: 'X_Y', meta: { ...meta, unit: 'vụ' }, latest, comparison: observation('X_Y', '2024', 0), now: Date.now() }).change).toBeNull();
    expect(kpiView({ code: null, meta: undefined, latest: undefined, comparison: undefined, now: Date.now() })).toMatchObject({ value: null, age: null });
  });
});
