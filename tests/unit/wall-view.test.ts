import { describe, expect, it } from 'vitest';
import {
  applyViewPatch,
  frozenAtText,
  LIVE_NATIONAL_VIEW,
  newFiguresText,
  sameView,
  viewProvinceName,
  wallViewPatchSchema,
  type WallView,
} from '../../shared/wall/view';

const NOW = { at: '2026-12-02T07:05:30.000Z', seq: 41 };

describe('wall view: transitions', () => {
  it('freezes at the server time and sequence; a second freeze keeps the first snapshot', () => {
    const frozen = applyViewPatch(LIVE_NATIONAL_VIEW, { freeze: true }, NOW);
    expect(frozen).toEqual({ freeze: { at: NOW.at, seq: 41 }, province: null, enlargedTileId: null });
    const again = applyViewPatch(frozen, { freeze: true }, { at: '2026-12-02T07:09:00.000Z', seq: 60 });
    expect(again.freeze).toEqual({ at: NOW.at, seq: 41 });
    expect(sameView(again, frozen)).toBe(true);
  });

  it('returns to live, drills and returns to national, enlarges and returns to the layout; absent keys stay', () => {
    let view: WallView = applyViewPatch(LIVE_NATIONAL_VIEW, { freeze: true, province: '48' }, NOW);
    view = applyViewPatch(view, { enlargedTileId: 'ban-do' }, NOW);
    expect(view).toEqual({ freeze: { at: NOW.at, seq: 41 }, province: '48', enlargedTileId: 'ban-do' });
    view = applyViewPatch(view, { freeze: false }, NOW);
    expect(view).toEqual({ freeze: null, province: '48', enlargedTileId: 'ban-do' });
    view = applyViewPatch(view, { province: null, enlargedTileId: null }, NOW);
    expect(sameView(view, LIVE_NATIONAL_VIEW)).toBe(true);
  });

  it('takes a given freeze (a briefing scene replayed) as it is', () => {
    const given = { at: '2026-12-01T01:00:00.000Z', seq: 7 };
    expect(applyViewPatch(LIVE_NATIONAL_VIEW, { freeze: given }, NOW).freeze).toEqual(given);
  });
});

describe('wall view: validation', () => {
  const faults = (input: unknown) => {
    const r = wallViewPatchSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts each command alone', () => {
    for (const ok of [{ freeze: true }, { freeze: false }, { province: '48' }, { province: null }, { enlargedTileId: 'kpi-1' }, { enlargedTileId: null }]) {
      expect(faults(ok)).toEqual([]);
    }
  });

  it('refuses an unknown province, "VN" (national is null), a bad tile id, an unknown key and an empty patch, naming the field', () => {
    expect(faults({ province: '99' })[0]).toMatch(/^province: .*34 provinces/);
    expect(faults({ province: 'VN' })[0]).toMatch(/^province:/);
    expect(faults({ enlargedTileId: 'Ô LỚN' })[0]).toMatch(/^enlargedTileId: a tile id/);
    expect(faults({ freeze: 'yes' })[0]).toMatch(/^freeze:/);
    expect(faults({ zoom: 2 }).join()).toMatch(/zoom/);
    expect(faults({})[0]).toMatch(/at least one of freeze, province, enlargedTileId/);
  });
});

describe('wall view: texts', () => {
  it('marks the freeze in Vietnam time (UTC+7) and counts in vi-VN digits', () => {
    expect(frozenAtText('2026-12-02T07:05:30.000Z')).toEqual({ vi: 'Đã dừng lúc 14:05', en: 'Frozen at 14:05' });
    expect(frozenAtText('2026-12-02T17:30:00.000Z').vi).toBe('Đã dừng lúc 00:30');
    expect(newFiguresText(12).vi).toBe('12 số liệu mới');
    expect(newFiguresText(1234).vi).toBe('1.234 số liệu mới');
    expect(newFiguresText(1).en).toBe('1 new figure');
  });

  it('names the province shown, or null when national', () => {
    expect(viewProvinceName({ province: '48' })).toBe('Đà Nẵng');
    expect(viewProvinceName({ province: '48' }, 'en')).toBe('Da Nang');
    expect(viewProvinceName({ province: null })).toBeNull();
  });
});
