import { describe, expect, it } from 'vitest';
import { checkDraft, draftFromPanel, draftFromProfile, fieldOf, parseNumber, toFree, withSeams } from '../../renderer/console/pages/profile/draft';
import { validateWallProfile } from '../../shared/wall/validate';

/** The profile editor's form model: what it turns into, and where each fault is shown. */
const base = { id: 'tuong', name: 'Tường', distance: '4000', rows: '2', columns: '3' };

describe('profile editor form', () => {
  it('reads numbers as typed in Vietnamese or English, and nothing else', () => {
    expect([parseNumber('1,75'), parseNumber('1.75'), parseNumber(' 42 ')]).toEqual([1.75, 1.75, 42]);
    expect(Number.isNaN(parseNumber('1,7,5'))).toBe(true);
    expect(Number.isNaN(parseNumber(''))).toBe(true);
  });

  it('bezel-to-bezel seams become each side', () => {
    const d = withSeams(draftFromPanel('lg-55vsm5j', base), { horizontal: '3,5', vertical: '5' });
    expect(d.bezel).toEqual({ top: '2.5', right: '1.75', bottom: '2.5', left: '1.75' });
    expect(d.panelId).toBe('custom');
  });

  it('a grid from the form is the profile the catalogue gives, and free placement keeps every frame', () => {
    const grid = checkDraft(draftFromPanel('lg-55vl5f', base), 'vi');
    expect(grid.errors).toEqual({});
    expect(grid.valid?.screens.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    const free = toFree(draftFromPanel('lg-55vl5f', base));
    expect(free.screens.map((s) => [s.id, s.x, s.y])).toEqual([
      ['s1', '0', '0'],
      ['s2', '1213.1', '0'],
      ['s3', '2426.2', '0'],
      ['s4', '0', '683.9'],
      ['s5', '1213.1', '683.9'],
      ['s6', '2426.2', '683.9'],
    ]);
    expect(checkDraft(free, 'vi').errors).toEqual({});
  });

  it('shows each fault at its field: a word where a number goes, an overlap at the moved screen naming both', () => {
    const typo = { ...draftFromPanel('lg-55vl5f', base), areaW: 'rộng' };
    expect(Object.keys(checkDraft(typo, 'vi').errors)).toEqual(['areaW']);
    const free = toFree(draftFromPanel('lg-55vl5f', base));
    free.screens[4] = { ...free.screens[4]!, y: '600' };
    const checked = checkDraft(free, 'vi');
    // The validator names an overlap at the later screen's position (its x field).
    expect(Object.keys(checked.errors)).toEqual(['screen.4.x']);
    expect(checked.errors['screen.4.x']![0]).toMatch(/"s5" chồng lên màn hình "s2"/);
    expect([...checked.overlapping].sort()).toEqual(['s2', 's5']);
  });

  it('maps validator paths to fields, once per field for a grid', () => {
    expect(fieldOf('$.screens[3].placement.yMm', 'free')).toBe('screen.3.y');
    expect(fieldOf('$.screens[3].rotation', 'grid')).toBe('rotation');
    expect(fieldOf('$.screens[0].bezelMm.left', 'grid')).toBe('bezel');
    expect(fieldOf('$.viewingDistanceMm', 'grid')).toBe('distance');
    expect(fieldOf('$.screens', 'free')).toBe('general');
    const portraitTyped = { ...draftFromPanel('lg-55vl5f-portrait', base), resW: '1080', resH: '1920', areaW: '680.4', areaH: '1209.6' };
    const rotation = checkDraft(portraitTyped, 'en').errors.rotation!;
    expect(rotation).toHaveLength(1);
    expect(rotation[0]).toMatch(/^screen "s1": 1080 × 1920 px with rotation 90 hangs landscape.*\(and 5 more screens\)$/);
  });

  it('a stored grid opens as a grid, a free wall as free placement', () => {
    const grid = checkDraft(draftFromPanel('samsung-qm65r', base), 'vi').valid!;
    expect(draftFromProfile(grid)).toMatchObject({ mode: 'grid', rows: '2', columns: '3', panelId: 'samsung-qm65r' });
    const free = validateWallProfile(checkDraft(toFree(draftFromPanel('lg-55vl5f', base)), 'vi').profile);
    if (!free.ok) throw new Error('free wall refused');
    expect(draftFromProfile(free.value)).toMatchObject({ mode: 'free', screens: expect.arrayContaining([expect.objectContaining({ id: 's6', x: '2426.2' })]) });
  });
});

describe('opening a stored profile keeps what the form does not edit', () => {
  it('a mixed wall keeps each screen its own panel, name and pinned display when saved again', () => {
    const wall = validateWallProfile({
      schemaVersion: 1,
      id: 'hon-hop',
      name: 'Hỗn hợp',
      viewingDistanceMm: 4000,
      screens: [
        { id: 'trai', name: 'Bên trái', resolution: { width: 1920, height: 1080 }, activeAreaMm: { width: 1209.6, height: 680.4 }, bezelMm: { top: 1, right: 1, bottom: 1, left: 1 }, rotation: 0, placement: { kind: 'free', xMm: 0, yMm: 0 }, display: { host: 'may-a', index: 1 } },
        { id: 'doc', resolution: { width: 1920, height: 1080 }, activeAreaMm: { width: 941.2, height: 529.4 }, bezelMm: { top: 5, right: 5, bottom: 5, left: 5 }, rotation: 90, placement: { kind: 'free', xMm: 1300, yMm: 0 } },
      ],
    });
    if (!wall.ok) throw new Error('fixture refused');
    const draft = draftFromProfile(wall.value);
    expect(draft.mode).toBe('free');
    const again = checkDraft(draft, 'vi');
    expect(again.errors).toEqual({});
    expect(again.valid).toEqual(wall.value);
  });
});
