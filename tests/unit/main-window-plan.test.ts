import { describe, expect, it } from 'vitest';
import { deriveWallProfile, type Display } from '../../main/displays';
import { diffPlans, isEmptyDiff, planWindows, PREVIEW_SCREEN_ID, type WindowPlan } from '../../main/window-plan';
import { wallProfileSchema, type WallProfile, type WallProfileInput } from '../../shared/wall/profile';

function display(id: number, x: number, y: number, width = 1920, height = 1080, extra: Partial<Display> = {}): Display {
  return { id, bounds: { x, y, width, height }, size: { width, height }, scaleFactor: 1, rotation: 0, internal: false, ...extra };
}

type ScreenInput = WallProfileInput['screens'][number];
function screen(id: string, row: number, column: number, pin?: ScreenInput['display']): ScreenInput {
  return {
    id,
    resolution: { width: 1920, height: 1080 },
    activeAreaMm: { width: 1209.6, height: 680.4 },
    bezelMm: { top: 3.5, right: 3.5, bottom: 3.5, left: 3.5 },
    placement: { kind: 'grid', row, column },
    ...(pin ? { display: pin } : {}),
  };
}
function profileOf(screens: ScreenInput[]): WallProfile {
  return wallProfileSchema.parse({ schemaVersion: 1, id: 'phong-hop', name: 'Phòng họp', viewingDistanceMm: 4000, screens });
}

/** Screen id → display id, from a plan. */
function placement(windows: WindowPlan[]): Record<string, number> {
  return Object.fromEntries(windows.map((w) => [w.screenId, w.displayId]));
}

// Top-left (0,0), top-right (1920,0), bottom-left (0,1080), bottom-right (1920,1080).
const TL = display(10, 0, 0);
const TR = display(20, 1920, 0);
const BL = display(30, 0, 1080);
const BR = display(40, 1920, 1080);

const byIndex2x2 = profileOf([
  screen('tl', 0, 0, { index: 0 }),
  screen('tr', 0, 1, { index: 1 }),
  screen('bl', 1, 0, { index: 2 }),
  screen('br', 1, 1, { index: 3 }),
]);

describe('window plan', () => {
  it('opens one preview window on the only display', () => {
    const only = display(5, 0, 0, 2560, 1440);
    for (const profile of [null, byIndex2x2]) {
      const plan = planWindows({ displays: [only], profile, preview: false });
      expect(plan.mode).toBe('preview');
      expect(plan.windows).toEqual([
        { key: 'all', screenId: PREVIEW_SCREEN_ID, bounds: { x: 0, y: 0, width: 2560, height: 1440 }, fullscreen: true, frameless: true, displayId: 5 },
      ]);
      expect(plan.dark).toEqual([]);
    }
  });

  it('opens one preview window on the primary display when --preview is forced, leaving the others dark', () => {
    const plan = planWindows({ displays: [TL, TR, BL, BR], primaryDisplayId: 30, profile: byIndex2x2, preview: true });
    expect(plan.windows.map((w) => [w.screenId, w.displayId])).toEqual([['all', 30]]);
    expect(plan.dark).toEqual([10, 20, 40]);
  });

  it('puts a 2×2 profile pinned by index on the right monitors, whatever order the OS lists them in', () => {
    const plan = planWindows({ displays: [BR, TL, BL, TR], profile: byIndex2x2, preview: false });
    expect(plan.mode).toBe('wall');
    expect(placement(plan.windows)).toEqual({ tl: 10, tr: 20, bl: 30, br: 40 });
    expect(plan.windows.find((w) => w.screenId === 'br')!.bounds).toEqual({ x: 1920, y: 1080, width: 1920, height: 1080 });
    expect(plan.windows.filter((w) => !(w.fullscreen && w.frameless && w.key === w.screenId))).toEqual([]);
    expect(plan.unassigned).toEqual([]);
    expect(plan.dark).toEqual([]);
  });

  it('keeps screens pinned by index where they are when the OS renumbers its displays', () => {
    const before = planWindows({ displays: [TL, TR, BL, BR], profile: byIndex2x2, preview: false });
    const renumbered = [display(3, 1920, 1080), display(1, 0, 1080), display(4, 0, 0), display(2, 1920, 0)];
    const after = planWindows({ displays: renumbered, profile: byIndex2x2, preview: false });
    expect(placement(after.windows)).toEqual({ tl: 4, tr: 2, bl: 1, br: 3 });
    // Same monitors, same bounds: only the display ids differ, and each window moves to its "new" id in place.
    expect(diffPlans(before.windows, after.windows).move.map((w) => [w.key, w.bounds])).toEqual(before.windows.map((w) => [w.key, w.bounds]));
  });

  it('prefers a display id pin over an index pin, and falls back to the index when that id is gone', () => {
    const profile = profileOf([screen('a', 0, 0, { displayId: 40, index: 0 }), screen('b', 0, 1, { displayId: 77, index: 1 })]);
    const plan = planWindows({ displays: [TL, TR, BL, BR], profile, preview: false });
    expect(placement(plan.windows)).toEqual({ a: 40, b: 20 });
    expect(plan.dark).toEqual([10, 30]);
  });

  it('closes exactly the window of a removed display, and reopens only it when it returns', () => {
    const displays = [TL, TR, BL, BR];
    const profile = deriveWallProfile(displays)!;
    const full = planWindows({ displays, profile, preview: false });
    expect(placement(full.windows)).toEqual({ s1: 10, s2: 20, s3: 30, s4: 40 });

    const withoutTR = planWindows({ displays: [TL, BL, BR], profile, preview: false });
    expect(withoutTR.unassigned).toEqual(['s2']);
    const removed = diffPlans(full.windows, withoutTR.windows);
    expect(removed).toEqual({ open: [], close: [full.windows[1]], move: [] });

    const back = planWindows({ displays, profile, preview: false });
    expect(diffPlans(withoutTR.windows, back.windows)).toEqual({ open: [full.windows[1]], close: [], move: [] });
  });

  it('follows reading order for index-only pins, so a missing display shifts the later ones (pin ids too to avoid it)', () => {
    // With TR gone, index 1 is now BL and index 2 is BR; "br" (index 3) finds nothing.
    const plan = planWindows({ displays: [TL, BL, BR], profile: byIndex2x2, preview: false });
    expect(placement(plan.windows)).toEqual({ tl: 10, tr: 30, bl: 40 });
    expect(plan.unassigned).toEqual(['br']);
  });

  it('matches unpinned screens by placement order, and reports extra screens and extra displays', () => {
    const unpinned = profileOf([screen('right', 0, 1), screen('left', 0, 0), screen('third', 0, 2)]);
    const two = planWindows({ displays: [TR, TL], profile: unpinned, preview: false });
    expect(placement(two.windows)).toEqual({ left: 10, right: 20 });
    expect(two.unassigned).toEqual(['third']);

    const five = planWindows({ displays: [TL, TR, BL, BR, display(50, 3840, 1080)], profile: byIndex2x2, preview: false });
    expect(five.dark).toEqual([50]);
  });

  it('uses a portrait display’s bounds as they are', () => {
    const portrait = display(2, 1920, 0, 1080, 1920, { rotation: 90 });
    const profile = deriveWallProfile([TL, portrait])!;
    const plan = planWindows({ displays: [TL, portrait], profile, preview: false });
    expect(plan.windows[1]).toMatchObject({ screenId: 's2', displayId: 2, bounds: { x: 1920, y: 0, width: 1080, height: 1920 } });
  });

  it('draws only this host’s screens of a multi-host wall, even on a single display', () => {
    const profile = profileOf([screen('a', 0, 0, { host: 'wall-pc-1' }), screen('b', 0, 1, { host: 'wall-pc-2' })]);
    const plan = planWindows({ displays: [TL], profile, preview: false, host: 'wall-pc-2' });
    expect(plan.mode).toBe('wall');
    expect(placement(plan.windows)).toEqual({ b: 10 });
    expect(plan.elsewhere).toEqual(['a']);
  });

  it('plans nothing without displays (the caller keeps what it has)', () => {
    expect(planWindows({ displays: [], profile: byIndex2x2, preview: false }).windows).toEqual([]);
  });
});

describe('plan diff', () => {
  it('replaces the preview by the wall windows when monitors appear', () => {
    const profile = deriveWallProfile([TL, TR])!;
    const preview = planWindows({ displays: [TL], profile: null, preview: false });
    const wall = planWindows({ displays: [TL, TR], profile, preview: false });
    const diff = diffPlans(preview.windows, wall.windows);
    expect(diff.close.map((w) => w.key)).toEqual(['all']);
    expect(diff.open.map((w) => w.key)).toEqual(['s1', 's2']);
    expect(diff.move).toEqual([]);
  });

  it('moves a window whose display changed resolution, and does nothing when nothing changed', () => {
    const profile = deriveWallProfile([TL, TR])!;
    const before = planWindows({ displays: [TL, TR], profile, preview: false }).windows;
    const same = planWindows({ displays: [display(10, 0, 0), display(20, 1920, 0)], profile, preview: false }).windows;
    expect(isEmptyDiff(diffPlans(before, same))).toBe(true);
    const resized = planWindows({ displays: [TL, display(20, 1920, 0, 2560, 1440)], profile, preview: false }).windows;
    const diff = diffPlans(before, resized);
    expect(diff.move.map((w) => [w.key, w.bounds.width])).toEqual([['s2', 2560]]);
    expect(diff.open).toEqual([]);
    expect(diff.close).toEqual([]);
  });
});
