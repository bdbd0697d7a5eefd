import { describe, expect, it } from 'vitest';
import { acceptWallState } from '../../renderer/feed/ingest';
import { createWallStore, type Scheduler } from '../../renderer/store/wallStore';
import { selectHistoryYears } from '../../renderer/store/selectors';
import { wallStateSchema } from '../../shared/protocol/control';
import type { Snapshot } from '../../shared/protocol/feed';
import { observation, wallStateWith } from './fixtures';

/**
 * The wall's store holds the years its tiles draw (shared/widgets/history.ts), counted back
 * from each series' own newest year, and drops what falls out as newer years arrive.
 */
function manualFrames() {
  const queue: (() => void)[] = [];
  const schedule: Scheduler = (flush) => {
    queue.push(flush);
    return () => queue.splice(queue.indexOf(flush) >>> 0, 1);
  };
  return { schedule, run: () => queue.splice(0).forEach((f) => f()) };
}

const months = (from: number, to: number) =>
  Array.from({ length: (to - from + 1) * 12 }, (_, i) => `${from + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/** Monthly CPI of 2011–2025 nationally; Đà Nẵng's stopped in 2019. */
function tenYearsSnapshot(): Snapshot {
  const national = months(2011, 2025).map((p, i) => observation('CPI_AVG', p, 100 + i));
  const danang = months(2011, 2019).map((p, i) => observation('CPI_AVG', p, 50 + i, { region: '48' }));
  return { seq: 10, serverTime: '2026-01-06T02:00:00.000Z', indicators: [], observations: [...national, ...danang] };
}

/** One KPI tile (sparkline of 8 periods: 9 years) and a monthly chart of 24 periods (3 years). */
const tiles = (sparklinePeriods: number) => [
  { id: 'cpi', widget: 'kpi', x: 0, y: 0, w: 6, h: 4, binding: { indicators: ['CPI_AVG'], region: 'VN' }, options: { sparklinePeriods } },
  { id: 'chart', widget: 'timeseries', x: 6, y: 0, w: 12, h: 6, binding: { indicators: ['CPI_AVG'], region: 'VN' }, options: { periods: 24, periodKind: 'month' } },
];

function storeWith(sparklinePeriods: number) {
  const frames = manualFrames();
  const store = createWallStore({ schedule: frames.schedule });
  acceptWallState(store, wallStateWith(tiles(sparklinePeriods)));
  return { store, frames };
}

describe('wall store: the history window', () => {
  it('is what the tiles draw: the widest of a sparkline counted in years and a monthly chart', () => {
    expect(selectHistoryYears(storeWith(8).store.api.getState())).toBe(9);
    expect(selectHistoryYears(storeWith(0).store.api.getState())).toBe(3);
    expect(selectHistoryYears(createWallStore().api.getState())).toBeUndefined();
  });

  it('keeps from a snapshot only the window of each series, counted from its own newest year', () => {
    const { store, frames } = storeWith(0);
    store.ingestSnapshot(tenYearsSnapshot());
    frames.run();
    const state = store.api.getState();
    expect(state.periods['CPI_AVG|VN']).toEqual(months(2023, 2025));
    // A series that stopped keeps its own last three years.
    expect(state.periods['CPI_AVG|48']).toEqual(months(2017, 2019));
    expect(state.observations['CPI_AVG|VN|2022-12']).toBeUndefined();
    expect(state.observations['CPI_AVG|VN|2023-01']?.value).toBe(100 + 12 * 12);
    expect(Object.keys(state.observations)).toHaveLength(72);
  });

  it('drops the oldest year when a new year arrives, touching only that series', () => {
    const { store, frames } = storeWith(0);
    store.ingestSnapshot(tenYearsSnapshot());
    frames.run();
    const danang = store.api.getState().periods['CPI_AVG|48'];
    store.ingestChanges({ seq: 11, changes: [{ seq: 11, kind: 'observation', observation: observation('CPI_AVG', '2026-01', 7, { vintage: '2026-02-06T02:00:00.000Z' }) }] });
    frames.run();
    const state = store.api.getState();
    expect(state.periods['CPI_AVG|VN']).toEqual([...months(2024, 2025), '2026-01']);
    expect(state.observations['CPI_AVG|VN|2023-06']).toBeUndefined();
    expect(state.periods['CPI_AVG|48']).toBe(danang);
  });

  it('a late figure older than the window is not kept', () => {
    const { store, frames } = storeWith(0);
    store.ingestSnapshot(tenYearsSnapshot());
    frames.run();
    store.ingestChanges({ seq: 11, changes: [{ seq: 11, kind: 'observation', observation: observation('CPI_AVG', '2015-03', 1, { vintage: '2026-02-06T02:00:00.000Z' }) }] });
    frames.run();
    expect(store.api.getState().observations['CPI_AVG|VN|2015-03']).toBeUndefined();
    expect(store.api.getState().lastSeq).toBe(11);
  });

  it('a layout that draws fewer years trims what is held at the next commit', () => {
    const { store, frames } = storeWith(8);
    store.ingestSnapshot(tenYearsSnapshot());
    frames.run();
    expect(store.api.getState().periods['CPI_AVG|VN']).toEqual(months(2017, 2025));
    acceptWallState(store, wallStateWith(tiles(0), { revision: 2 }));
    store.ingestChanges({ seq: 11, changes: [{ seq: 11, kind: 'observation', observation: observation('CPI_AVG', '2025-12', 9, { vintage: '2026-02-06T02:00:00.000Z' }) }] });
    frames.run();
    expect(store.api.getState().periods['CPI_AVG|VN']).toEqual(months(2023, 2025));
    expect(store.api.getState().periods['CPI_AVG|48']).toEqual(months(2017, 2019));
  });

  it('holds the years a prepared briefing scene draws as well as the scene on screen', () => {
    const { store, frames } = storeWith(0);
    const next = wallStateSchema.parse(wallStateWith(tiles(8), { id: 'canh-sau' })).layout;
    store.prepare({ switchId: 1, layout: next, view: { enlargedTileId: null, province: null } });
    store.ingestSnapshot(tenYearsSnapshot());
    frames.run();
    expect(selectHistoryYears(store.api.getState())).toBe(9);
    expect(store.api.getState().periods['CPI_AVG|VN']).toEqual(months(2017, 2025));
  });

  it('holds the years an editor’s draft draws beside the wall’s, and trims back when the draft goes', () => {
    const { store, frames } = storeWith(0);
    store.setDraftTiles(wallStateSchema.parse(wallStateWith(tiles(8), { id: 'ban-nhap' })).layout.tiles);
    expect(selectHistoryYears(store.api.getState())).toBe(9);
    store.ingestSnapshot(tenYearsSnapshot());
    frames.run();
    expect(store.api.getState().periods['CPI_AVG|VN']).toEqual(months(2017, 2025));
    store.setDraftTiles([]);
    store.ingestChanges({ seq: 11, changes: [{ seq: 11, kind: 'observation', observation: observation('CPI_AVG', '2025-12', 9, { vintage: '2026-02-06T02:00:00.000Z' }) }] });
    frames.run();
    expect(store.api.getState().periods['CPI_AVG|VN']).toEqual(months(2023, 2025));
  });

  it('before a layout is known, nothing is dropped', () => {
    const frames = manualFrames();
    const store = createWallStore({ schedule: frames.schedule });
    store.ingestSnapshot(tenYearsSnapshot());
    frames.run();
    expect(store.api.getState().periods['CPI_AVG|VN']).toHaveLength(15 * 12);
  });
});
