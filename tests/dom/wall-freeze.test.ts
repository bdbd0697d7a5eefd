import { describe, expect, it } from 'vitest';
import { createWallStore, type Scheduler } from '../../renderer/store/wallStore';
import { selectLatest } from '../../renderer/store/selectors';
import type { Change } from '../../shared/protocol/feed';
import type { WallViewEvent } from '../../shared/wall/view';
import { acceptWallState } from '../../renderer/feed/ingest';
import { observation, seededSnapshot, wallStateWith } from './fixtures';

/** "The next animation frame" is `run()`. */
function manualFrames() {
  const queue: (() => void)[] = [];
  const schedule: Scheduler = (flush) => {
    queue.push(flush);
    return () => {
      const i = queue.indexOf(flush);
      if (i >= 0) queue.splice(i, 1);
    };
  };
  return { schedule, run: () => queue.splice(0).forEach((f) => f()) };
}

const change = (seq: number, value: number, period = '2025-Q4', indicator = 'GDP_GROWTH'): Change => ({
  seq,
  kind: 'observation',
  observation: observation(indicator, period, value, { vintage: new Date(Date.UTC(2026, 0, 6, 2) + seq * 1000).toISOString() }),
});

const view = (revision: number, freeze: WallViewEvent['freeze']): WallViewEvent => ({ freeze, province: null, enlargedTileId: null, revision, by: 'Trần Thị B', changedAt: null });
const FREEZE = { at: '2026-12-02T07:05:00.000Z', seq: 100 };

function frozenStore() {
  const frames = manualFrames();
  const store = createWallStore({ schedule: frames.schedule });
  store.ingestSnapshot(seededSnapshot(100));
  frames.run();
  store.setView(view(1, FREEZE));
  return { store, frames };
}

describe('wall store: freeze', () => {
  it('keeps the figures shown as of the freeze and counts distinct changed keys, not changes', () => {
    const { store, frames } = frozenStore();
    const before = store.api.getState().observations['GDP_GROWTH|VN|2025-Q4'];
    const commitsBefore = store.api.getState().commits;
    // Three changes of one figure, one of another, and a new period of a third.
    store.ingestChanges({ seq: 103, changes: [change(101, 9.1), change(102, 9.2), change(103, 9.3)] });
    store.ingestChanges({ seq: 105, changes: [change(104, 3.3, '2025-11', 'CPI_AVG'), change(105, 7.7, '2026-Q1')] });
    frames.run();
    const state = store.api.getState();
    expect(state.observations['GDP_GROWTH|VN|2025-Q4']).toBe(before);
    expect(state.periods['GDP_GROWTH|VN']).not.toContain('2026-Q1');
    expect(state.frozen).toEqual({ at: FREEZE.at, seq: 100, changed: 3 });
    expect(state.commits).toBe(commitsBefore); // nothing shown changed: no data commit, only the count
    expect(state.lastSeq).toBe(100); // what is shown is still the data as of seq 100
    expect(store.lastAppliedSeq()).toBe(105); // a reconnect resumes after what is held
  });

  it('does not count a change that repeats the figure shown', () => {
    const { store, frames } = frozenStore();
    const shown = store.api.getState().observations['GDP_GROWTH|VN|2025-Q4']!;
    store.ingestChanges({ seq: 101, changes: [{ seq: 101, kind: 'observation', observation: { ...shown } }] });
    frames.run();
    expect(store.api.getState().frozen?.changed).toBe(0);
  });

  it('shows every held change on one command back to live, in one commit', () => {
    const { store, frames } = frozenStore();
    store.ingestChanges({ seq: 102, changes: [change(101, 9.1), change(102, 7.7, '2026-Q1')] });
    frames.run();
    const commits = store.api.getState().commits;
    store.setView(view(2, null));
    const state = store.api.getState();
    expect(state.frozen).toBeNull();
    expect(state.observations['GDP_GROWTH|VN|2025-Q4']?.value).toBe(9.1);
    expect(selectLatest(state, 'GDP_GROWTH', 'VN')?.period).toBe('2026-Q1');
    expect(state.lastSeq).toBe(102);
    expect(state.commits).toBeGreaterThan(commits);
    // Live again: the next change shows at the next frame.
    store.ingestChanges({ seq: 103, changes: [change(103, 9.9)] });
    frames.run();
    expect(store.api.getState().observations['GDP_GROWTH|VN|2025-Q4']?.value).toBe(9.9);
  });

  it('shows a change up to the freeze sequence that arrives late, and holds a snapshot that arrives frozen', () => {
    const frames = manualFrames();
    const store = createWallStore({ schedule: frames.schedule });
    store.ingestSnapshot(seededSnapshot(90));
    frames.run();
    store.setView(view(1, FREEZE)); // frozen at 100; the page had only reached 90
    store.ingestChanges({ seq: 101, changes: [change(95, 5.5), change(101, 9.1, '2025-Q3')] });
    frames.run();
    let state = store.api.getState();
    expect(state.observations['GDP_GROWTH|VN|2025-Q4']?.value).toBe(5.5); // seq 95 ≤ 100: shown
    expect(state.observations['GDP_GROWTH|VN|2025-Q3']?.value).not.toBe(9.1); // seq 101: held
    expect(state.frozen?.changed).toBe(1);
    // A reconnect's snapshot: held too; it counts the figures it changes.
    const snap = seededSnapshot(120);
    snap.observations = snap.observations.map((o) => (o.indicator === 'CPI_AVG' ? { ...o, value: (o.value ?? 0) + 1 } : o));
    store.ingestSnapshot(snap);
    frames.run();
    state = store.api.getState();
    const cpiKeys = snap.observations.filter((o) => o.indicator === 'CPI_AVG').length;
    expect(state.frozen?.changed).toBeGreaterThanOrEqual(cpiKeys);
    expect(state.lastSeq).toBe(100); // shown up to the freeze, not past it
    store.setView(view(2, null));
    expect(store.api.getState().lastSeq).toBe(120);
  });

  it('counts only the figures of indicators the layout shows', () => {
    const { store, frames } = frozenStore();
    expect(acceptWallState(store, wallStateWith([{ id: 'gdp', widget: 'kpi', x: 0, y: 0, w: 6, h: 3, binding: { indicators: ['GDP_GROWTH'], region: 'VN' } }]))).toBe(true);
    store.ingestChanges({ seq: 102, changes: [change(101, 3.3, '2025-11', 'CPI_AVG'), change(102, 9.1)] });
    frames.run();
    expect(store.api.getState().frozen?.changed).toBe(1);
  });

  it('a page that opens (or wakes) during a freeze shows its first snapshot and counts only what follows', () => {
    const frames = manualFrames();
    const store = createWallStore({ schedule: frames.schedule });
    // The view comes first (its /control socket), then the feed's snapshot at the head.
    store.setView(view(1, FREEZE));
    store.ingestSnapshot(seededSnapshot(100));
    frames.run();
    let state = store.api.getState();
    expect(state.frozen).toMatchObject({ seq: 100, changed: 0 });
    expect(state.lastSeq).toBe(100);
    expect(Object.keys(state.observations).length).toBeGreaterThan(0);
    store.ingestChanges({ seq: 101, changes: [change(101, 9.1)] });
    frames.run();
    state = store.api.getState();
    expect(state.frozen?.changed).toBe(1);
    expect(state.lastSeq).toBe(100);
  });

  it('a wall page woken during a freeze, whose first snapshot was the empty one asked before its layout, shows its layout’s snapshot', () => {
    const frames = manualFrames();
    const store = createWallStore({ schedule: frames.schedule, beforeLayout: 'nothing' });
    store.setView(view(1, FREEZE));
    store.ingestSnapshot({ ...seededSnapshot(100), indicators: [], observations: [] });
    frames.run();
    acceptWallState(store, wallStateWith([]));
    store.ingestSnapshot(seededSnapshot(100));
    frames.run();
    const state = store.api.getState();
    expect(state.frozen).toMatchObject({ seq: 100, changed: 0 });
    expect(Object.keys(state.observations).length).toBeGreaterThan(0);
  });
});
