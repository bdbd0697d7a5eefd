import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createWallStore, type WallStore } from '../../renderer/store/wallStore';
import { acceptChanges, acceptSnapshot, acceptWallState } from '../../renderer/feed/ingest';
import { observation, presetWallState, seededSnapshot } from './fixtures';

let errors: MockInstance<typeof console.error>;
let store: WallStore;

beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  store = createWallStore({ schedule: () => () => {} }); // commits only on flush()
  expect(acceptSnapshot(store, seededSnapshot(100))).toBe(true);
  expect(acceptWallState(store, presetWallState(3))).toBe(true);
  store.flush();
  errors.mockClear();
});

afterEach(() => {
  errors.mockRestore();
});

const logged = () => errors.mock.calls.map((call) => call.map(String).join(' ')).join('\n');

describe('incoming payloads are validated and refused whole', () => {
  it('refuses a snapshot with one bad observation and keeps the previous data', () => {
    const before = store.api.getState();
    const bad = seededSnapshot(200);
    (bad.observations[3] as { value: unknown }).value = 'mười một';
    expect(acceptSnapshot(store, bad)).toBe(false);
    store.flush();
    expect(store.api.getState()).toBe(before);
    expect(store.api.getState().lastSeq).toBe(100);
    expect(logged()).toMatch(/refused an invalid snapshot/);
    expect(logged()).toContain('$.observations[3].value');
  });

  it('refuses a snapshot that is not one at all', () => {
    const before = store.api.getState();
    for (const junk of [null, 'snapshot', 42, { seq: -1 }, { ...seededSnapshot(5), serverTime: 'yesterday' }]) {
      expect(acceptSnapshot(store, junk)).toBe(false);
    }
    store.flush();
    expect(store.api.getState()).toBe(before);
    expect(errors).toHaveBeenCalledTimes(5);
  });

  it('refuses a change batch containing one invalid change, applying none of it', () => {
    const before = store.api.getState();
    const good = { seq: 101, kind: 'observation', observation: observation('GDP_GROWTH', '2026-Q1', 6.5) };
    const bad = { seq: 102, kind: 'observation', observation: { ...observation('GDP_GROWTH', '2026-Q2', 7), period: '2026-Q5' } };
    expect(acceptChanges(store, { seq: 102, changes: [good, bad] })).toBe(false);
    expect(store.hasPending()).toBe(false);
    store.flush();
    expect(store.api.getState()).toBe(before);
    expect(store.lastAppliedSeq()).toBe(100);
    expect(logged()).toContain('$.changes[1].observation.period');

    // NaN and Infinity are not figures either.
    const nan = { seq: 103, kind: 'observation', observation: observation('GDP_GROWTH', '2026-Q1', Number.NaN) };
    expect(acceptChanges(store, { seq: 103, changes: [nan] })).toBe(false);
    expect(acceptChanges(store, { seq: 104, changes: [{ seq: 104, kind: 'weather', data: {} }] })).toBe(false);
    store.flush();
    expect(store.api.getState()).toBe(before);
  });

  it('accepts a valid batch after refusing an invalid one', () => {
    expect(acceptChanges(store, { seq: 101, changes: [{ seq: 101, kind: 'nope' }] })).toBe(false);
    expect(acceptChanges(store, { seq: 101, changes: [{ seq: 101, kind: 'observation', observation: observation('GDP_GROWTH', '2026-Q1', 6.5) }] })).toBe(true);
    store.flush();
    expect(store.api.getState().observations['GDP_GROWTH|VN|2026-Q1']?.value).toBe(6.5);
    expect(store.api.getState().lastSeq).toBe(101);
  });

  it('refuses an invalid wall state and keeps the layout on the wall', () => {
    const before = store.api.getState().wall;
    expect(before?.layout.id).toBe('tong-quan-kinh-te-xa-hoi');

    const overlapping = presetWallState(4) as { layout: { tiles: { x: number }[] } };
    overlapping.layout.tiles[1]!.x = 1; // now overlaps the first tile
    expect(acceptWallState(store, overlapping)).toBe(false);
    expect(logged()).toMatch(/refused an invalid wall state/);
    expect(logged()).toMatch(/overlaps/);

    const unknownWidget = presetWallState(5) as { layout: { tiles: { widget: string }[] } };
    unknownWidget.layout.tiles[0]!.widget = 'pie-chart-3d';
    expect(acceptWallState(store, unknownWidget)).toBe(false);

    const noProfile = presetWallState(6) as Record<string, unknown>;
    delete noProfile.profile;
    expect(acceptWallState(store, noProfile)).toBe(false);

    expect(store.api.getState().wall).toBe(before);
    expect(store.api.getState().wall?.revision).toBe(3);
  });
});
