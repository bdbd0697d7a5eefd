import { describe, expect, it } from 'vitest';
import { timeOrderedIds } from '../../server/db/time-ordered-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('time-ordered ids (UUID version 7)', () => {
  it('are UUIDs of version 7 whose first 48 bits are the milliseconds', () => {
    const at = Date.parse('2026-12-03T10:00:00.000Z');
    const id = timeOrderedIds(() => at)();
    expect(id).toMatch(UUID_V7);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it('sort in the order they were made, within one millisecond and past 4,096 of them', () => {
    const next = timeOrderedIds(() => 1_800_000_000_000);
    const ids = Array.from({ length: 10_000 }, next);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });

  it('never decrease when the clock goes back', () => {
    const times = [2_000, 3_000, 1_000, 1_000, 2_500, 4_000];
    const next = timeOrderedIds(() => times.shift()!);
    const ids = Array.from({ length: 6 }, next);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(6);
  });

  it('carry 62 random bits: two sources in the same millisecond do not collide', () => {
    const a = timeOrderedIds(() => 5_000);
    const b = timeOrderedIds(() => 5_000);
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      seen.add(a());
      seen.add(b());
    }
    expect(seen.size).toBe(4_000);
  });
});
