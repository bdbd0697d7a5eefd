import { describe, expect, it } from 'vitest';
import { wallCanvas } from '../../shared/geometry';
import { bezelFromSeams, freeFromGrid, gridProfile, hungFrameMm, PANEL_CATALOGUE, panelById, seamsOf } from '../../shared/wall/catalogue';
import { validateWallProfile } from '../../shared/wall/validate';

/**
 * The panel catalogue and the grid → profile conversion the console's profile editor
 * uses. Expected positions are worked out by hand from the millimetres, not from our own
 * geometry functions.
 */
const vl5f = panelById('lg-55vl5f')!;

describe('panel catalogue', () => {
  it.each(PANEL_CATALOGUE.map((p) => [p.id, p] as const))('%s: a valid one-screen wall, sizes as built, a named source', (_id, panel) => {
    const profile = gridProfile({ id: 'mot', name: 'Một', viewingDistanceMm: 4000, rows: 1, columns: 1, panel });
    const checked = validateWallProfile(profile);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    // As built: landscape pixels and millimetres agree (a portrait model says so by its rotation).
    expect(panel.resolution.width > panel.resolution.height).toBe(panel.activeAreaMm.width > panel.activeAreaMm.height);
    expect(panel.source.length).toBeGreaterThan(10);
    expect(seamsOf(panel.bezelMm)).toEqual(panel.bezelToBezelMm);
  });

  it('has the kinds the technician asked for: narrow-bezel 1080p, 4K 55" and 65", a portrait', () => {
    const has = (test: (p: (typeof PANEL_CATALOGUE)[number]) => boolean) => PANEL_CATALOGUE.some(test);
    expect(has((p) => p.diagonalInch === 55 && p.resolution.height === 1080 && p.bezelToBezelMm.horizontal < 4)).toBe(true);
    expect(has((p) => p.diagonalInch === 55 && p.resolution.width === 3840)).toBe(true);
    expect(has((p) => p.diagonalInch === 65 && p.resolution.width === 3840)).toBe(true);
    expect(has((p) => p.rotation === 90 && p.resolution.width === 1920 && p.resolution.height === 1080)).toBe(true);
    expect(new Set(PANEL_CATALOGUE.map((p) => p.id)).size).toBe(PANEL_CATALOGUE.length);
  });

  it('says which models were checked against their document (figures entered without the sheet are marked, not passed off as checked)', () => {
    for (const panel of PANEL_CATALOGUE) expect(typeof panel.checked, panel.id).toBe('boolean');
    expect(PANEL_CATALOGUE.filter((p) => !p.checked).map((p) => p.id)).toEqual(['lg-55vsm5j', 'lg-55vl5f', 'samsung-qm55r', 'samsung-qm65r', 'lg-55vl5f-portrait']);
  });

  it('a datasheet seam is the sum of two sides: 3.5 mm bezel to bezel is 1.75 mm a side', () => {
    expect(bezelFromSeams({ horizontal: 3.5, vertical: 3.5 })).toEqual({ top: 1.75, right: 1.75, bottom: 1.75, left: 1.75 });
    expect(bezelFromSeams({ horizontal: 0.44, vertical: 1 })).toEqual({ top: 0.5, right: 0.22, bottom: 0.5, left: 0.22 });
    expect(seamsOf({ top: 2.25, right: 1.25, bottom: 1.25, left: 2.25 })).toEqual({ horizontal: 3.5, vertical: 3.5 });
  });
});

describe('grid → profile', () => {
  const grid = gridProfile({ id: 'tuong-2x2', name: 'Tường 2×2', viewingDistanceMm: 5000, rows: 2, columns: 2, panel: vl5f });

  it('numbers screens row by row with their display index, every screen the panel', () => {
    expect(grid.screens.map((s) => [s.id, s.placement, s.display])).toEqual([
      ['s1', { kind: 'grid', row: 0, column: 0 }, { index: 0 }],
      ['s2', { kind: 'grid', row: 0, column: 1 }, { index: 1 }],
      ['s3', { kind: 'grid', row: 1, column: 0 }, { index: 2 }],
      ['s4', { kind: 'grid', row: 1, column: 1 }, { index: 3 }],
    ]);
    expect(grid.screens.filter((s) => s.bezelMm.left !== 2.25 || s.bezelMm.right !== 1.25 || s.resolution.width !== 1920)).toEqual([]);
    expect(validateWallProfile(grid).ok).toBe(true);
  });

  it('the wall is 2 × (2.25 + 1209.6 + 1.25) mm wide and 2 × (2.25 + 680.4 + 1.25) mm tall', () => {
    const checked = validateWallProfile(grid);
    if (!checked.ok) throw new Error('the 2×2 grid is refused');
    const canvas = wallCanvas(checked.value);
    expect(canvas.extent.width * canvas.mmPerPixel).toBeCloseTo(2 * 1213.1, 6);
    expect(canvas.extent.height * canvas.mmPerPixel).toBeCloseTo(2 * 683.9, 6);
    // The second column's picture starts after one frame and a left bezel (grid viewports are whole pixels: within one, 0.63 mm).
    const s2 = canvas.screens.find((s) => s.screenId === 's2')!;
    expect(Math.abs(s2.viewport.x * canvas.mmPerPixel - (1213.1 + 2.25))).toBeLessThan(canvas.mmPerPixel);
  });

  it('free placement from a grid puts each frame where the grid did, bezel to bezel', () => {
    const free = freeFromGrid(grid);
    expect(free.screens.map((s) => s.placement)).toEqual([
      { kind: 'free', xMm: 0, yMm: 0 },
      { kind: 'free', xMm: 1213.1, yMm: 0 },
      { kind: 'free', xMm: 0, yMm: 683.9 },
      { kind: 'free', xMm: 1213.1, yMm: 683.9 },
    ]);
    expect(validateWallProfile(free).ok).toBe(true);
  });

  it('a portrait model turns its frame: 1080 px wide on the wall, frames 683.9 mm apart', () => {
    const portrait = panelById('lg-55vl5f-portrait')!;
    expect(hungFrameMm(portrait)).toEqual({ width: 683.9, height: 1213.1 });
    const wall = freeFromGrid(gridProfile({ id: 'doc', name: 'Dọc', viewingDistanceMm: 3000, rows: 1, columns: 3, panel: portrait }));
    expect(wall.screens.map((s) => (s.placement.kind === 'free' ? s.placement.xMm : null))).toEqual([0, 683.9, 1367.8]);
    const checked = validateWallProfile(wall);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(wallCanvas(checked.value).screens[0]!.pixelSize).toEqual({ width: 1080, height: 1920 });
  });

  it('moving a freed screen onto its neighbour is refused naming both', () => {
    const free = freeFromGrid(grid);
    const moved = { ...free, screens: free.screens.map((s) => (s.id === 's2' ? { ...s, placement: { kind: 'free' as const, xMm: 1000, yMm: 0 } } : s)) };
    const checked = validateWallProfile(moved);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      const overlap = checked.errors.find((e) => e.code === 'profile.screens_overlap')!;
      expect(overlap.path).toBe('$.screens[1].placement.xMm');
      expect(overlap.message).toContain('"s2"');
      expect(overlap.message).toContain('"s1"');
    }
  });
});
