import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptSnapshot, acceptWallState } from '../../renderer/feed/ingest';
import { WallStoreProvider } from '../../renderer/store/context';
import { createWallStore, type WallStore } from '../../renderer/store/wallStore';
import { WallView } from '../../renderer/wall/WallView';
import { observation, readJson, seededSnapshot } from './fixtures';
import { cleanup, render } from './render';

/**
 * A commit costs what changed, not what the store holds (issue 12): the observation and
 * period maps are updated in place between snapshots (bench/store-commit.ts measures it).
 * What must still hold: each changed figure and period list is a new object, the others keep
 * theirs, a snapshot replaces the maps, and whatever watches the whole map (the ticker)
 * still repaints when a figure arrives.
 */
afterEach(() => cleanup());

function loaded(): WallStore {
  const store = createWallStore({ schedule: () => () => undefined });
  store.ingestSnapshot(seededSnapshot(100));
  store.flush();
  return store;
}

const revision = (seq: number, indicator: string, period: string, value: number) => ({
  seq,
  changes: [{ seq, kind: 'observation' as const, observation: observation(indicator, period, value, { vintage: new Date(Date.UTC(2026, 1, 1) + seq * 1000).toISOString() }) }],
});

describe('store: commits in place', () => {
  it('replaces the changed figure and its period list, keeps every other object and the maps', () => {
    const store = loaded();
    const before = store.api.getState();
    const untouched = Object.entries(before.observations).find(([key]) => !key.startsWith('GDP_GROWTH|'))!;
    const series = before.periods['GDP_GROWTH|VN']!;
    store.ingestChanges(revision(101, 'GDP_GROWTH', '2026', 7.9));
    store.flush();
    const after = store.api.getState();
    expect(after.commits).toBe(before.commits + 1);
    expect(after.observations).toBe(before.observations);
    expect(after.observations['GDP_GROWTH|VN|2026']).toMatchObject({ value: 7.9 });
    expect(after.observations[untouched[0]]).toBe(untouched[1]);
    expect(after.periods['GDP_GROWTH|VN']).not.toBe(series);
    expect(after.periods['GDP_GROWTH|VN']).toContain('2026');
    expect(series).not.toContain('2026');
  });

  it('a snapshot replaces the maps whole', () => {
    const store = loaded();
    const before = store.api.getState().observations;
    store.ingestSnapshot(seededSnapshot(200));
    store.flush();
    expect(store.api.getState().observations).not.toBe(before);
    expect(Object.keys(store.api.getState().observations).sort()).toEqual(Object.keys(before).sort());
  });

  it('the ticker, which reads the whole map, repaints when a figure crosses its threshold', () => {
    const store = loaded();
    const tiles = [{ id: 't', widget: 'ticker', x: 0, y: 11, w: 24, h: 1, options: { thresholds: [{ indicator: 'GDP_GROWTH', when: 'below', value: 5 }], reports: false } }];
    expect(acceptSnapshot(store, seededSnapshot(100))).toBe(true);
    expect(
      acceptWallState(store, {
        revision: 1,
        profile: readJson('assets/profiles/wall-2x2-55in.json'),
        layout: { schemaVersion: 1, id: 'bang-tin', title: { vi: 'Bảng tin' }, grid: { columns: 24, rows: 12 }, tiles },
      }),
    ).toBe(true);
    store.flush();
    const { container } = render(
      <WallStoreProvider store={store}>
        <WallView screenId="all" />
      </WallStoreProvider>,
    );
    const items = () => [...container.querySelectorAll('[data-tile-id="t"] [data-item-kind]')].map((e) => e.textContent);
    expect(items()).toEqual([]);
    act(() => {
      store.ingestChanges(revision(101, 'GDP_GROWTH', '2026', 4.2));
      store.flush();
    });
    expect(items()).toHaveLength(1);
    expect(items()[0]).toContain('4,2%');
  });
});
