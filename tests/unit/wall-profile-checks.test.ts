import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../shared/errors';
import type { WallProfileInput } from '../../shared/wall/profile';
import { validateWallProfile } from '../../shared/wall/validate';

type ScreenInput = WallProfileInput['screens'][number];
const landscape = { resolution: { width: 1920, height: 1080 }, activeAreaMm: { width: 1209.6, height: 680.4 }, bezelMm: { top: 2, right: 2, bottom: 2, left: 2 } };
const wall = (screens: ScreenInput[]) => ({ schemaVersion: 1, id: 'w', name: 'W', viewingDistanceMm: 4000, screens });
const free = (id: string, xMm: number, yMm: number, extra: Partial<ScreenInput> = {}): ScreenInput => ({ id, ...landscape, placement: { kind: 'free', xMm, yMm }, ...extra });
const grid = (id: string, row: number, column: number, extra: Partial<ScreenInput> = {}): ScreenInput => ({ id, ...landscape, placement: { kind: 'grid', row, column }, ...extra });

function refused(value: unknown) {
  const result = validateWallProfile(value);
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('wall profile checks', () => {
  it('accepts frames that touch edge to edge (1213.6 mm frames side by side)', () => {
    expect(validateWallProfile(wall([free('a', 0, 0), free('b', 1213.6, 0), free('c', 0, 684.4)])).ok).toBe(true);
  });

  it('refuses overlapping free-placed screens, naming both, at the second one’s placement, in both languages', () => {
    const result = refused(wall([free('a', 0, 0), free('b', 1200, 100)]));
    expect(result.errors).toEqual([
      {
        path: '$.screens[1].placement.xMm',
        code: 'profile.screens_overlap',
        message: expect.stringContaining('screen "b" overlaps screen "a" by 13.6 × 584.4 mm'),
        message_vi: expect.stringContaining('Màn hình "b" chồng lên màn hình "a" 13.6 × 584.4 mm'),
      },
    ]);
  });

  it('measures a rotated screen’s frame as it hangs: a portrait panel 684.4 mm wide overlaps at 684 mm', () => {
    const result = refused(wall([free('p', 0, 0, { rotation: 90 }), free('q', 684, 0)]));
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([['$.screens[1].placement.xMm', 'profile.screens_overlap']]);
    expect(validateWallProfile(wall([free('p', 0, 0, { rotation: 90 }), free('q', 684.4, 0)])).ok).toBe(true);
  });

  it('refuses a portrait panel given as the OS reports it together with rotation 90, saying sizes are before rotation', () => {
    const osPortrait = { resolution: { width: 1080, height: 1920 }, activeAreaMm: { width: 680.4, height: 1209.6 }, rotation: 90 as const };
    const result = refused(wall([grid('s1', 0, 0), grid('s2', 0, 1, osPortrait)]));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: '$.screens[1].rotation', code: 'profile.rotated_portrait' });
    expect(result.errors[0]!.message).toContain('as the panel is built, before rotation');
    expect(result.errors[0]!.message).toContain('1920 × 1080 px, 1209.6 × 680.4 mm with rotation 90');
    expect(result.errors[0]!.message_vi).toContain('trước khi xoay');
    // The same panel given as built is fine.
    expect(validateWallProfile(wall([grid('s1', 0, 0), grid('s2', 0, 1, { rotation: 90 })])).ok).toBe(true);
  });

  it('refuses resolution and active area in different orientations', () => {
    const result = refused(wall([grid('s1', 0, 0, { activeAreaMm: { width: 680.4, height: 1209.6 } })]));
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([['$.screens[0].activeAreaMm', 'profile.orientation_mismatch']]);
  });

  it('lists the allowed rotations for rotation 45, not "Invalid input"', () => {
    const result = refused(wall([grid('s1', 0, 0, { rotation: 45 as never })]));
    expect(result.errors).toEqual([
      {
        path: '$.screens[0].rotation',
        code: 'profile.rotation',
        message: 'rotation must be one of 0, 90, 180, 270 (degrees clockwise); got 45',
        message_vi: 'Góc xoay phải là một trong 0, 90, 180, 270 (độ, theo chiều kim đồng hồ); nhận được 45',
      },
    ]);
  });

  it('refuses zero and negative sizes at their fields', () => {
    const result = refused(
      wall([
        grid('s1', 0, 0, { resolution: { width: 0, height: 1080 } }),
        grid('s2', 0, 1, { activeAreaMm: { width: 1209.6, height: -1 } }),
        grid('s3', 0, 2, { bezelMm: { top: -1, right: 0, bottom: 0, left: 0 } }),
      ]),
    );
    expect(result.errors.map((e) => [e.path, e.code ?? 'zod'])).toEqual([
      ['$.screens[0].resolution.width', 'profile.size_positive'],
      ['$.screens[1].activeAreaMm.height', 'profile.size_positive'],
      ['$.screens[2].bezelMm.top', 'zod'],
    ]);
    expect(result.errors[2]!.message).toBe('must be 0 mm or more');
  });

  it('refuses duplicate screen ids and a display assigned to two screens', () => {
    const result = refused(
      wall([
        grid('s1', 0, 0, { display: { host: 'pc-1', index: 0 } }),
        grid('s1', 0, 1, { display: { host: 'pc-1', index: 0 } }),
        grid('s3', 0, 2, { display: { host: 'pc-2', index: 0, displayId: 7 } }),
        grid('s4', 0, 3, { display: { host: 'pc-2', displayId: 7 } }),
        grid('s5', 0, 4, { display: { host: 'pc-3', index: 0 } }),
      ]),
    );
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ['$.screens[1].id', 'profile.duplicate_id'],
      ['$.screens[1].display.index', 'profile.display_taken'],
      ['$.screens[3].display.displayId', 'profile.display_taken'],
    ]);
    expect(result.errors[2]!.message).toBe('screens "s3" and "s4" are both assigned to display id 7 on pc-2');
  });

  it('is bounded: 64 screens all on one spot give at most 100 errors and the total', () => {
    const pile = Array.from({ length: 64 }, (_, i) => free(`s${i}`, 0, 0));
    const result = refused(wall(pile));
    expect(result.errors).toHaveLength(100);
    expect(result.total).toBe((64 * 63) / 2);
    expect(refused(wall(Array.from({ length: 65 }, (_, i) => free(`s${i}`, i * 2000, 0)))).total).toBeLessThanOrEqual(100);
  });

  it('has every code it uses in the catalogue', () => {
    for (const code of ['profile.screens_overlap', 'profile.rotated_portrait', 'profile.rotation', 'profile.display_taken', 'profile.size_positive']) {
      expect(Object.hasOwn(errorCatalogue, code), code).toBe(true);
    }
  });
});
