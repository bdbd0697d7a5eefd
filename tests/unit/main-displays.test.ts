import { describe, expect, it } from 'vitest';
import { deriveWallProfile, orderDisplays, shouldReplaceDerivedProfile, toRotation, type Display } from '../../main/displays';
import { wallProfileSchema } from '../../shared/wall/profile';

function display(id: number, x: number, y: number, width = 1920, height = 1080, extra: Partial<Display> = {}): Display {
  return { id, bounds: { x, y, width, height }, size: { width, height }, scaleFactor: 1, rotation: 0, internal: false, ...extra };
}

/** A 2×2 wall of 1080p panels, listed by the OS in no useful order with arbitrary ids. */
const twoByTwo = [display(41, 1920, 1080), display(7, 0, 0), display(12, 0, 1080), display(99, 1920, 0)];

describe('display order', () => {
  it('reads displays left-to-right, then top-to-bottom, whatever order the OS lists them in', () => {
    expect(orderDisplays(twoByTwo).map((c) => [c.display.id, c.row, c.column])).toEqual([
      [7, 0, 0],
      [99, 0, 1],
      [12, 1, 0],
      [41, 1, 1],
    ]);
  });

  it('keeps a portrait panel in the row of the landscape panels it stands beside', () => {
    const row = [display(1, 0, 0), display(2, 1920, 0, 1080, 1920, { rotation: 90 }), display(3, 3000, 0)];
    expect(orderDisplays(row).map((c) => [c.display.id, c.row, c.column])).toEqual([
      [1, 0, 0],
      [2, 0, 1],
      [3, 0, 2],
    ]);
  });

  it('handles monitors left of and above the primary (negative coordinates)', () => {
    const displays = [display(1, 0, 0), display(2, -1920, 0), display(3, -1920, -1080), display(4, 0, -1080)];
    expect(orderDisplays(displays).map((c) => c.display.id)).toEqual([3, 4, 2, 1]);
  });

  it('normalises rotations', () => {
    expect([0, 90, 180, 270, 360, -90].map(toRotation)).toEqual([0, 90, 180, 270, 0, 270]);
  });
});

describe('derived wall profile', () => {
  it('is null for one display: the caller shows the preview of the default wall', () => {
    expect(deriveWallProfile([display(1, 0, 0)])).toBeNull();
    expect(deriveWallProfile([])).toBeNull();
  });

  it('makes a 2×2 grid of 55" 1080p panels with 3.5 mm bezels, pinned by display id and index', () => {
    const profile = deriveWallProfile(twoByTwo)!;
    expect(() => wallProfileSchema.parse(profile)).not.toThrow();
    expect(profile.id).toBe('auto-2x2');
    expect(profile.screens.map((s) => [s.id, s.placement, s.display])).toEqual([
      ['s1', { kind: 'grid', row: 0, column: 0 }, { displayId: 7, index: 0 }],
      ['s2', { kind: 'grid', row: 0, column: 1 }, { displayId: 99, index: 1 }],
      ['s3', { kind: 'grid', row: 1, column: 0 }, { displayId: 12, index: 2 }],
      ['s4', { kind: 'grid', row: 1, column: 1 }, { displayId: 41, index: 3 }],
    ]);
    for (const screen of profile.screens) {
      expect(screen.resolution).toEqual({ width: 1920, height: 1080 });
      // 55" 16:9: 1209.6 × 680.4 mm of picture.
      expect(screen.activeAreaMm).toEqual({ width: 1209.6, height: 680.4 });
      expect(screen.bezelMm).toEqual({ top: 3.5, right: 3.5, bottom: 3.5, left: 3.5 });
      expect(screen.rotation).toBe(0);
    }
  });

  it('counts physical pixels: a 4K panel at 200 % is 3840×2160 and still 55"', () => {
    const profile = deriveWallProfile([display(1, 0, 0, 1920, 1080, { scaleFactor: 2 }), display(2, 1920, 0, 1920, 1080, { scaleFactor: 2 })])!;
    expect(profile.screens[0]!.resolution).toEqual({ width: 3840, height: 2160 });
    expect(profile.screens[0]!.activeAreaMm).toEqual({ width: 1209.6, height: 680.4 });
  });

  it('gives a portrait panel its unrotated resolution and size, and its rotation', () => {
    // The OS reports the turned panel as 1080 wide, 1920 tall.
    const profile = deriveWallProfile([display(1, 0, 0), display(2, 1920, 0, 1080, 1920, { rotation: 90 })])!;
    const portrait = profile.screens[1]!;
    expect(portrait.rotation).toBe(90);
    expect(portrait.resolution).toEqual({ width: 1920, height: 1080 });
    expect(portrait.activeAreaMm).toEqual({ width: 1209.6, height: 680.4 });
    expect(portrait.placement).toEqual({ kind: 'grid', row: 0, column: 1 });
  });

  it('keeps other aspect ratios (16:10 is taller than 16:9)', () => {
    const profile = deriveWallProfile([display(1, 0, 0, 1920, 1200), display(2, 1920, 0, 1920, 1200)])!;
    expect(profile.screens[0]!.activeAreaMm).toEqual({ width: 1209.6, height: 756 });
  });

  it('leaves out a mirrored display that shares a cell, and is null when only mirrors remain', () => {
    const profile = deriveWallProfile([display(1, 0, 0), display(2, 0, 0), display(3, 1920, 0)])!;
    expect(profile.screens.map((s) => s.display)).toEqual([
      { displayId: 1, index: 0 },
      { displayId: 3, index: 2 },
    ]);
    expect(deriveWallProfile([display(1, 0, 0), display(2, 0, 0)])).toBeNull();
  });
});

describe('replacing the derived profile', () => {
  const two = deriveWallProfile([display(1, 0, 0), display(2, 1920, 0)]);
  const four = deriveWallProfile(twoByTwo);

  it('grows (panels switched on after boot) but never shrinks (a panel blinking off)', () => {
    expect(shouldReplaceDerivedProfile(null, two)).toBe(true);
    expect(shouldReplaceDerivedProfile(two, four)).toBe(true);
    expect(shouldReplaceDerivedProfile(four, two)).toBe(false);
    expect(shouldReplaceDerivedProfile(four, four)).toBe(false);
    expect(shouldReplaceDerivedProfile(four, null)).toBe(false);
  });
});
