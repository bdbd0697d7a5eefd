import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWallStore, type Scheduler } from '../../renderer/store/wallStore';
import { selectComparison, selectLatest, selectPeriods, selectPreviousPeriod, selectSamePeriodLastYear } from '../../renderer/store/selectors';
import type { Change } from '../../shared/protocol/feed';
import { csvValue, observation, seededSnapshot } from './fixtures';

/** A scheduler we trigger by hand: "the next animation frame" is `frames.run()`. */
function manualFrames() {
  const queue: (() => void)[] = [];
  const schedule: Scheduler = (flush) => {
    queue.push(flush);
    return () => {
      const i = queue.indexOf(flush);
      if (i >= 0) queue.splice(i, 1);
    };
  };
  return {
    schedule,
    get scheduled() {
      return queue.length;
    },
    run() {
      for (const flush of queue.splice(0)) flush();
    },
  };
}

const obsChange = (seq: number, value: number, period = '2025-Q4', indicator = 'GDP_GROWTH'): Change => ({
  seq,
  kind: 'observation',
  observation: observation(indicator, period, value, { vintage: new Date(Date.UTC(2026, 0, 6, 2) + seq * 1000).toISOString() }),
});

afterEach(() => {
  vi.useRealTimers();
});

describe('wall store: one commit per animation frame', () => {
  it('coalesces a burst of changes into one commit; the last value per key wins', () => {
    const frames = manualFrames();
    const store = createWallStore({ schedule: frames.schedule });
    store.ingestSnapshot(seededSnapshot(100));
    frames.run();
    const commits = vi.fn();
    store.api.subscribe(commits);

    for (let i = 1; i <= 500; i++) store.ingestChanges({ seq: 100 + i, changes: [obsChange(100 + i, i / 10)] });
    expect(frames.scheduled).toBe(1); // one frame requested for the whole burst
    expect(commits).not.toHaveBeenCalled(); // nothing visible before the frame
    expect(store.lastAppliedSeq()).toBe(600); // but a reconnect would resume from the buffer

    frames.run();
    expect(commits).toHaveBeenCalledTimes(1);
    const state = store.api.getState();
    expect(state.lastSeq).toBe(600);
    expect(selectLatest(state, 'GDP_GROWTH', 'VN')?.period).toBe('2025');
    expect(state.observations['GDP_GROWTH|VN|2025-Q4']?.value).toBe(50);
  });

  it('uses requestAnimationFrame by default', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'] });
    const store = createWallStore();
    const commits = vi.fn();
    store.api.subscribe(commits);
    store.ingestSnapshot(seededSnapshot(10));
    store.ingestChanges({ seq: 12, changes: [obsChange(11, 1), obsChange(12, 2)] });
    expect(commits).not.toHaveBeenCalled();
    vi.advanceTimersToNextFrame();
    expect(commits).toHaveBeenCalledTimes(1);
    expect(store.api.getState().lastSeq).toBe(12);
    expect(store.api.getState().observations['GDP_GROWTH|VN|2025-Q4']?.value).toBe(2);
    vi.advanceTimersByTime(2000); // the backstop timer was cancelled: no second commit
    expect(commits).toHaveBeenCalledTimes(1);
  });

  it('ignores changes with seq ≤ the last applied one, and the seq never goes back', () => {
    const frames = manualFrames();
    const store = createWallStore({ schedule: frames.schedule });
    store.ingestSnapshot(seededSnapshot(100));
    frames.run();
    const before = store.api.getState();
    const gdp2025 = before.observations['GDP_GROWTH|VN|2025'];

    // A replayed batch the client already has: nothing changes, no commit.
    store.ingestChanges({ seq: 100, changes: [obsChange(99, 1, '2025'), obsChange(100, 2, '2025')] });
    expect(frames.scheduled).toBe(0);
    frames.run();
    expect(store.api.getState()).toBe(before);

    // A mixed batch: only the change after 100 applies.
    store.ingestChanges({ seq: 101, changes: [obsChange(100, 3, '2025'), obsChange(101, 4, '2024-Q4')] });
    frames.run();
    let state = store.api.getState();
    expect(state.observations['GDP_GROWTH|VN|2025']).toBe(gdp2025);
    expect(state.observations['GDP_GROWTH|VN|2024-Q4']?.value).toBe(4);
    expect(state.lastSeq).toBe(101);

    // A stale batch head never moves the seq backwards.
    store.ingestChanges({ seq: 90, changes: [] });
    frames.run();
    state = store.api.getState();
    expect(state.lastSeq).toBe(101);
  });

  it('a snapshot replaces everything, including changes still buffered', () => {
    const frames = manualFrames();
    const store = createWallStore({ schedule: frames.schedule });
    store.ingestSnapshot(seededSnapshot(100));
    frames.run();
    store.ingestChanges({ seq: 101, changes: [obsChange(101, 42, '2026-Q1')] });
    const fresh = seededSnapshot(7); // e.g. the server's log was reset
    fresh.observations = fresh.observations.filter((o) => o.indicator !== 'EXPORTS');
    store.ingestSnapshot(fresh);
    store.ingestChanges({ seq: 8, changes: [obsChange(8, 9, '2025-Q3')] });
    frames.run();
    const state = store.api.getState();
    expect(state.lastSeq).toBe(8);
    expect(state.observations['GDP_GROWTH|VN|2026-Q1']).toBeUndefined();
    expect(state.observations['GDP_GROWTH|VN|2025-Q3']?.value).toBe(9);
    expect(selectLatest(state, 'EXPORTS', 'VN')).toBeUndefined();
    expect(state.commits).toBe(2);
  });

  it('keeps the newest vintage of a figure', () => {
    const frames = manualFrames();
    const store = createWallStore({ schedule: frames.schedule });
    store.ingestSnapshot(seededSnapshot(1));
    frames.run();
    const newer = observation('GDP_GROWTH', '2025-Q1', 7.05, { vintage: '2025-07-06T09:00:00+07:00' });
    const older = observation('GDP_GROWTH', '2025-Q1', 6.93, { vintage: '2025-04-06T09:00:00+07:00' });
    store.ingestChanges({ seq: 2, changes: [{ seq: 2, kind: 'observation', observation: newer }] });
    frames.run();
    store.ingestChanges({ seq: 3, changes: [{ seq: 3, kind: 'observation', observation: older }] });
    frames.run();
    expect(store.api.getState().observations['GDP_GROWTH|VN|2025-Q1']?.value).toBe(7.05);
    expect(store.api.getState().lastSeq).toBe(3);
  });
});

describe('wall store selectors', () => {
  const frames = manualFrames();
  const store = createWallStore({ schedule: frames.schedule });
  store.ingestSnapshot(seededSnapshot());
  frames.run();
  const state = store.api.getState();

  it('sorts each indicator × region’s periods with comparePeriods', () => {
    expect(selectPeriods(state, 'GDP_GROWTH', 'VN')).toEqual([
      '2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2023',
      '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2024',
      '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2025',
    ]);
  });

  it('finds the latest observation, the previous period and the same period last year', () => {
    expect(selectLatest(state, 'GDP_VND', 'VN')?.value).toBe(csvValue('GDP_VND', '2025'));
    expect(selectPreviousPeriod(state, 'GDP_VND', 'VN', '2025')?.value).toBe(csvValue('GDP_VND', '2024'));
    expect(selectPreviousPeriod(state, 'GDP_GROWTH', 'VN', '2025-Q1')?.value).toBe(csvValue('GDP_GROWTH', '2024-Q4'));
    expect(selectSamePeriodLastYear(state, 'GDP_GROWTH', 'VN', '2025-Q3')?.value).toBe(csvValue('GDP_GROWTH', '2024-Q3'));
    expect(selectComparison(state, 'GDP_GROWTH', 'VN', '2023-Q1', 'previous')).toBeUndefined();
    expect(selectLatest(state, 'GDP_VND', '01')).toBeUndefined();
  });
});

describe('wall store: the last good state from disk', () => {
  it('takes a restored snapshot as if received, resumes from its seq, and becomes live when the server answers', () => {
    const frames = manualFrames();
    const store = createWallStore({ schedule: frames.schedule });
    const syncedAt = Date.UTC(2026, 2, 10, 7, 5);
    store.restore({ wall: null, snapshot: seededSnapshot(120), syncedAt });
    expect(store.lastAppliedSeq()).toBe(120); // the subscribe sends the kept seq
    frames.run();
    let state = store.api.getState();
    expect(state).toMatchObject({ source: 'disk', syncedAt, lastSeq: 120 });
    expect(state.observations['GDP_GROWTH|VN|2025']?.value).toBe(csvValue('GDP_GROWTH', '2025'));

    // The replay of the gap lands on top of it; the server's answer makes it live.
    store.ingestChanges({ seq: 122, changes: [obsChange(122, 9.1, '2025')] });
    frames.run();
    state = store.api.getState();
    expect(state.source).toBe('server');
    expect(state.lastSeq).toBe(122);
    expect(state.observations['GDP_GROWTH|VN|2025']?.value).toBe(9.1);
    expect(state.syncedAt).toBeGreaterThan(syncedAt);
  });

  it('never lets a late restore overwrite what the server sent', () => {
    const frames = manualFrames();
    const store = createWallStore({ schedule: frames.schedule });
    store.ingestSnapshot(seededSnapshot(300));
    frames.run();
    store.restore({ wall: null, snapshot: seededSnapshot(120), syncedAt: 1 });
    frames.run();
    expect(store.api.getState()).toMatchObject({ source: 'server', lastSeq: 300 });
  });

  it('confirmLive marks a restored state current when the server has nothing newer', () => {
    const frames = manualFrames();
    const store = createWallStore({ schedule: frames.schedule });
    store.restore({ wall: null, snapshot: seededSnapshot(120), syncedAt: 1 });
    store.confirmLive();
    expect(store.api.getState()).toMatchObject({ source: 'server', lastSeq: 120 });
    expect(store.api.getState().syncedAt).toBeGreaterThan(1);
  });

  it('notes when the link was lost: the figures were current until then', () => {
    const store = createWallStore({ schedule: manualFrames().schedule });
    store.confirmLive();
    store.setConnection({ feed: 'connected', control: 'connected' });
    const before = Date.now();
    store.setConnection({ feed: 'disconnected' });
    expect(store.api.getState().syncedAt).toBeGreaterThanOrEqual(before);
  });
});
