import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wallProfileSchema, type WallProfile, type WallProfileInput } from '../../shared/wall/profile';
import { gridLines, screenParts, tileRect, tilesForScreen, wallCanvas, type Rect, type WallCanvas } from '../../shared/geometry';

type ScreenInput = WallProfileInput['screens'][number];
type Rotation = 0 | 90 | 180 | 270;
type Bezel = { top: number; right: number; bottom: number; left: number };
interface Panel {
  resolution: { width: number; height: number };
  activeAreaMm: { width: number; height: number };
  /** Every active dimension is a whole number of micrometres per pixel, the same on both axes. */
  square: boolean;
  pitchMicrons: number;
}

// ---- generators ---------------------------------------------------------------------

/** Real panels (square pixels) and random ones, some with non-square pixels. */
const panelArb: fc.Arbitrary<Panel> = fc.oneof(
  fc.constantFrom(
    { w: 1920, h: 1080, pitch: 630 },
    { w: 3840, h: 2160, pitch: 315 },
    { w: 1920, h: 1080, pitch: 744 },
    { w: 1366, h: 768, pitch: 511 },
  ).map(({ w, h, pitch }) => ({
    resolution: { width: w, height: h },
    activeAreaMm: { width: (w * pitch) / 1000, height: (h * pitch) / 1000 },
    square: true,
    pitchMicrons: pitch,
  })),
  fc
    .record({
      width: fc.integer({ min: 64, max: 4096 }),
      height: fc.integer({ min: 64, max: 4096 }),
      pitchX: fc.integer({ min: 100, max: 1500 }),
      pitchY: fc.option(fc.integer({ min: 100, max: 1500 }), { nil: undefined }),
    })
    // Sizes are given as the panel is built, before rotation (a portrait screen is a rotated
    // one), in one orientation for pixels and millimetres: the profile refuses anything else.
    .map(({ width, height, pitchX, pitchY }) => ({ width: Math.max(width, height), height: Math.min(width, height), pitchX, pitchY }))
    .map(({ width, height, pitchX, pitchY }) => ({
      resolution: { width, height },
      activeAreaMm: { width: (width * pitchX) / 1000, height: (height * (pitchY ?? pitchX)) / 1000 },
      square: pitchY === undefined || pitchY === pitchX,
      pitchMicrons: pitchX,
    }))
    .filter((p) => p.resolution.width === p.resolution.height || p.activeAreaMm.width >= p.activeAreaMm.height),
);

/** Millimetres up to maxTenths / 10: often 0, else in tenths or hundredths. */
const mmArb = (maxTenths: number) =>
  fc.oneof(
    fc.constant(0),
    fc.integer({ min: 0, max: maxTenths }).map((t) => t / 10),
    fc.integer({ min: 0, max: maxTenths * 10 }).map((h) => h / 100),
  );
const bezelArb: fc.Arbitrary<Bezel> = fc.record({ top: mmArb(400), right: mmArb(400), bottom: mmArb(400), left: mmArb(400) });
const rotationArb = fc.constantFrom<Rotation>(0, 90, 180, 270);

interface ScreenSpec {
  panel: Panel;
  bezel: Bezel;
  rotation: Rotation;
}
const specArb = fc.record({ panel: panelArb, bezel: bezelArb, rotation: rotationArb });

const toScreen = (id: string, s: ScreenSpec, placement: ScreenInput['placement']): ScreenInput => ({
  id,
  resolution: s.panel.resolution,
  activeAreaMm: s.panel.activeAreaMm,
  bezelMm: s.bezel,
  rotation: s.rotation,
  placement,
});

const parse = (screens: ScreenInput[]): WallProfile =>
  wallProfileSchema.parse({ schemaVersion: 1, id: 'random', name: 'Random wall', viewingDistanceMm: 5000, screens });

/** Grid walls up to 4×4: identical or mixed panels, one rotation for all or each its own, optional holes. */
const gridWallArb: fc.Arbitrary<WallProfile> = fc
  .record({ rows: fc.integer({ min: 1, max: 4 }), columns: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, columns }) => {
    const n = rows * columns;
    return fc
      .record({
        identical: fc.boolean(),
        sameRotation: fc.boolean(),
        specs: fc.array(specArb, { minLength: n, maxLength: n }),
        holes: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        // A quarter of the walls have holes (cells without a screen).
        withHoles: fc.integer({ min: 0, max: 3 }).map((k) => k === 0),
      })
      .map(({ identical, sameRotation, specs, holes, withHoles }) => {
        const screens: ScreenInput[] = [];
        specs.forEach((spec, i) => {
          if (withHoles && holes[i] && i > 0) return;
          const panel = identical ? specs[0]!.panel : spec.panel;
          const bezel = identical ? specs[0]!.bezel : spec.bezel;
          const rotation = sameRotation ? specs[0]!.rotation : spec.rotation;
          const row = Math.floor(i / columns);
          const column = i % columns;
          screens.push(toScreen(`s-${row}-${column}`, { panel, bezel, rotation }, { kind: 'grid', row, column }));
        });
        return parse(screens);
      });
  });

/** Hung frame size in mm, worked out independently of the code under test. */
function hungBezel(bezel: Bezel, rotation: Rotation): Bezel {
  switch (rotation) {
    case 0:
      return bezel;
    case 90:
      return { top: bezel.left, right: bezel.top, bottom: bezel.right, left: bezel.bottom };
    case 180:
      return { top: bezel.bottom, right: bezel.left, bottom: bezel.top, left: bezel.right };
    case 270:
      return { top: bezel.right, right: bezel.bottom, bottom: bezel.left, left: bezel.top };
  }
}
function hungMm(screen: WallProfile['screens'][number]) {
  const sideways = screen.rotation === 90 || screen.rotation === 270;
  const bezel = hungBezel(screen.bezelMm, screen.rotation);
  const activeWidth = sideways ? screen.activeAreaMm.height : screen.activeAreaMm.width;
  const activeHeight = sideways ? screen.activeAreaMm.width : screen.activeAreaMm.height;
  return {
    bezel,
    activeWidth,
    activeHeight,
    pixelWidth: sideways ? screen.resolution.height : screen.resolution.width,
    pixelHeight: sideways ? screen.resolution.width : screen.resolution.height,
    frameWidth: bezel.left + activeWidth + bezel.right,
    frameHeight: bezel.top + activeHeight + bezel.bottom,
  };
}

/**
 * Free walls without overlap: shelves of screens stacked downwards, each shelf a row of
 * screens left to right with random (possibly zero) gaps and vertical offsets.
 */
const freeWallArb: fc.Arbitrary<WallProfile> = fc
  .record({
    originX: mmArb(5000),
    originY: mmArb(5000),
    shelves: fc.array(
      fc.record({
        gapY: mmArb(2000),
        items: fc.array(fc.record({ spec: specArb, gapX: mmArb(2000), offsetY: mmArb(3000) }), { minLength: 1, maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ originX, originY, shelves }) => {
    const screens: ScreenInput[] = [];
    let y = originY;
    shelves.forEach((shelf, s) => {
      y += s === 0 ? 0 : shelf.gapY;
      let x = originX;
      let shelfBottom = y;
      shelf.items.forEach((item, i) => {
        x += i === 0 ? 0 : item.gapX;
        const screen = toScreen(`f-${s}-${i}`, item.spec, { kind: 'free', xMm: x, yMm: y + item.offsetY });
        const hung = hungMm(wallProfileSchema.parse({ schemaVersion: 1, id: 'one', name: 'one', viewingDistanceMm: 1, screens: [screen] }).screens[0]!);
        screens.push(screen);
        x += hung.frameWidth;
        shelfBottom = Math.max(shelfBottom, y + item.offsetY + hung.frameHeight);
      });
      y = shelfBottom;
    });
    return parse(screens);
  });

const wallArb = fc.oneof(gridWallArb, freeWallArb);

// ---- rectangle arithmetic -----------------------------------------------------------

const area = (r: Rect) => r.width * r.height;
function intersect(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const w = Math.min(a.x + a.width, b.x + b.width) - x;
  const h = Math.min(a.y + a.height, b.y + b.height) - y;
  return w > 0 && h > 0 ? { x, y, width: w, height: h } : null;
}
const inside = (inner: Rect, outer: Rect, eps = 0) =>
  inner.x >= outer.x - eps &&
  inner.y >= outer.y - eps &&
  inner.x + inner.width <= outer.x + outer.width + eps &&
  inner.y + inner.height <= outer.y + outer.height + eps;

/**
 * Area of `within` covered by at least one of `rects`, and not covered, by coordinate
 * compression: counts every covered cell once however many rects cover it, so comparing
 * it with the plain sum of areas detects overlaps.
 */
function coverage(within: Rect, rects: Rect[]): { covered: number; uncovered: number } {
  const xs = [...new Set([within.x, within.x + within.width, ...rects.flatMap((r) => [r.x, r.x + r.width])])]
    .filter((v) => v >= within.x && v <= within.x + within.width)
    .sort((a, b) => a - b);
  const ys = [...new Set([within.y, within.y + within.height, ...rects.flatMap((r) => [r.y, r.y + r.height])])]
    .filter((v) => v >= within.y && v <= within.y + within.height)
    .sort((a, b) => a - b);
  let covered = 0;
  let uncovered = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    for (let j = 0; j + 1 < ys.length; j++) {
      const cell = (xs[i + 1]! - xs[i]!) * (ys[j + 1]! - ys[j]!);
      const cx = (xs[i]! + xs[i + 1]!) / 2;
      const cy = (ys[j]! + ys[j + 1]!) / 2;
      const hit = rects.some((r) => cx > r.x && cx < r.x + r.width && cy > r.y && cy < r.y + r.height);
      if (hit) covered += cell;
      else uncovered += cell;
    }
  }
  return { covered, uncovered };
}

/** The active area in fractional canvas px, from the frame and the hung bezels (independent of the viewport code). */
function expectedActive(canvas: WallCanvas, profile: WallProfile, id: string): Rect {
  const screen = profile.screens.find((s) => s.id === id)!;
  const frame = canvas.screens.find((s) => s.screenId === id)!.frame;
  const h = hungMm(screen);
  const px = (mm: number) => mm / canvas.mmPerPixel;
  return { x: frame.x + px(h.bezel.left), y: frame.y + px(h.bezel.top), width: px(h.activeWidth), height: px(h.activeHeight) };
}

// ---- properties ---------------------------------------------------------------------

/** A position across the canvas, 0 ≤ f < 1, for sampling pixels. */
const fractionArb = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('wallCanvas properties', () => {
  it('viewports are integer (grid walls) or exact (free), inside the canvas, never overlap, and the rest is exactly the bezel/gap area', () => {
    fc.assert(
      fc.property(wallArb, fc.array(fc.tuple(fractionArb, fractionArb), { minLength: 50, maxLength: 50 }), (profile, samples) => {
        const canvas = wallCanvas(profile);
        const grid = profile.screens.every((s) => s.placement.kind === 'grid');
        const whole = { x: 0, y: 0, width: canvas.width, height: canvas.height };
        expect([canvas.width, canvas.height].filter((n) => !Number.isInteger(n))).toEqual([]);
        const viewports = canvas.screens.map((s) => s.viewport);
        for (const v of viewports) {
          // Free placement keeps exact positions (rounding them added a second rounding to every tile edge).
          if (grid) expect([v.x, v.y, v.width, v.height].filter((n) => !Number.isInteger(n))).toEqual([]);
          expect(v.width).toBeGreaterThanOrEqual(grid ? 1 : 0);
          expect(v.height).toBeGreaterThanOrEqual(grid ? 1 : 0);
          expect(inside(v, whole, 1e-6)).toBe(true);
        }
        const tolerance = grid ? 0 : 1e-6;
        viewports.forEach((a, i) =>
          viewports.slice(i + 1).forEach((b) => {
            const both = intersect(a, b);
            if (both) expect(Math.min(both.width, both.height)).toBeLessThanOrEqual(tolerance);
          }),
        );
        // Sum of viewport areas + gap area = canvas area, the gap area counted cell by cell.
        const { covered, uncovered } = coverage(whole, viewports);
        expect(covered + uncovered).toBeCloseTo(area(whole), 3);
        expect(viewports.reduce((sum, v) => sum + area(v), 0) + uncovered).toBeCloseTo(area(whole), 3);

        // Each viewport edge is its active-area edge rounded: within half a pixel.
        const active = canvas.screens.map((s) => expectedActive(canvas, profile, s.screenId));
        canvas.screens.forEach((s, i) => {
          const a = active[i]!;
          const v = s.viewport;
          for (const [got, want] of [
            [v.x, a.x],
            [v.y, a.y],
            [v.x + v.width, a.x + a.width],
            [v.y + v.height, a.y + a.height],
          ] as const) {
            expect(Math.abs(got - want)).toBeLessThanOrEqual(0.5 + 1e-6);
          }
        });
        // Sampled pixels: a pixel clearly inside an active area (centre over half a pixel
        // from its edges) is in that viewport; one clearly outside all is in no viewport.
        for (const [fx, fy] of samples) {
          const px = Math.floor(fx * canvas.width) + 0.5;
          const py = Math.floor(fy * canvas.height) + 0.5;
          const inViewport = viewports.filter((v) => px > v.x && px < v.x + v.width && py > v.y && py < v.y + v.height).length;
          const margin = 0.5 + 1e-6;
          const clearlyIn = active.some((a) => px > a.x + margin && px < a.x + a.width - margin && py > a.y + margin && py < a.y + a.height - margin);
          const clearlyOut = active.every((a) => px < a.x - margin || px > a.x + a.width + margin || py < a.y - margin || py > a.y + a.height + margin);
          if (clearlyIn) expect(inViewport).toBe(1);
          if (clearlyOut) expect(inViewport).toBe(0);
          expect(inViewport).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('frames follow the placement: grid cells edge to edge with screens centred, free positions kept', () => {
    fc.assert(
      fc.property(wallArb, (profile) => {
        const canvas = wallCanvas(profile);
        const mmpp = canvas.mmPerPixel;
        const frames = profile.screens.map((screen) => ({ screen, frame: canvas.screens.find((s) => s.screenId === screen.id)!.frame, hung: hungMm(screen) }));
        for (const { frame, hung } of frames) {
          expect(frame.width * mmpp).toBeCloseTo(hung.frameWidth, 2);
          expect(frame.height * mmpp).toBeCloseTo(hung.frameHeight, 2);
        }
        const minX = Math.min(...frames.map((f) => f.frame.x));
        const minY = Math.min(...frames.map((f) => f.frame.y));
        expect(minX).toBeCloseTo(0, 6);
        expect(minY).toBeCloseTo(0, 6);
        const maxRight = Math.max(...frames.map((f) => f.frame.x + f.frame.width));
        const maxBottom = Math.max(...frames.map((f) => f.frame.y + f.frame.height));
        expect(canvas.width).toBeGreaterThanOrEqual(maxRight - 1e-6);
        expect(canvas.width).toBeLessThan(maxRight + 1);
        expect(canvas.height).toBeGreaterThanOrEqual(maxBottom - 1e-6);
        expect(canvas.height).toBeLessThan(maxBottom + 1);

        if (profile.screens[0]!.placement.kind === 'free') {
          const originX = Math.min(...profile.screens.map((s) => (s.placement.kind === 'free' ? s.placement.xMm : 0)));
          const originY = Math.min(...profile.screens.map((s) => (s.placement.kind === 'free' ? s.placement.yMm : 0)));
          for (const { screen, frame } of frames) {
            if (screen.placement.kind !== 'free') throw new Error('mixed');
            expect(frame.x * mmpp + originX).toBeCloseTo(screen.placement.xMm, 2);
            expect(frame.y * mmpp + originY).toBeCloseTo(screen.placement.yMm, 2);
          }
          return;
        }
        for (const key of ['column', 'row'] as const) {
          const pos = (f: Rect) => (key === 'column' ? { from: f.x, size: f.width } : { from: f.y, size: f.height });
          const groups = new Map<number, Rect[]>();
          for (const { screen, frame } of frames) {
            if (screen.placement.kind !== 'grid') throw new Error('mixed');
            groups.set(screen.placement[key], [...(groups.get(screen.placement[key]) ?? []), frame]);
          }
          const ordered = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
          let previousEnd = 0;
          for (const group of ordered) {
            // Centred in the cell: all frames of a column share a centre line.
            const centres = group.map((f) => pos(f).from + pos(f).size / 2);
            for (const c of centres) expect(c).toBeCloseTo(centres[0]!, 6);
            // The cell is the widest frame, and starts where the previous one ends.
            const start = Math.min(...group.map((f) => pos(f).from));
            const end = Math.max(...group.map((f) => pos(f).from + pos(f).size));
            expect(start).toBeCloseTo(previousEnd, 6);
            previousEnd = end;
          }
        }
      }),
    );
  });

  it('pitch is the finest on the wall: scales are positive and at most 1; square identical walls are native', () => {
    fc.assert(
      fc.property(wallArb, (profile) => {
        const canvas = wallCanvas(profile);
        const pitches = profile.screens.flatMap((s) => {
          const h = hungMm(s);
          return [h.activeWidth / h.pixelWidth, h.activeHeight / h.pixelHeight];
        });
        expect(canvas.mmPerPixel).toBeCloseTo(Math.min(...pitches), 9);
        for (const s of canvas.screens) {
          expect(s.scale).toBeGreaterThan(0);
          expect(s.scale).toBeLessThanOrEqual(1 + 1e-9);
          expect(s.scale).toBe(Math.min(s.pixelSize.width / s.viewport.width, s.pixelSize.height / s.viewport.height));
        }
        // Square pixels of one pitch everywhere (rotations and sizes may differ): every
        // screen gets exactly its resolution, at scale 1.
        const squarePitch = pitches.every((p) => Math.abs(p - pitches[0]!) < 1e-12);
        if (squarePitch) {
          for (const s of canvas.screens) {
            expect(s.scale).toBe(1);
            expect({ width: s.viewport.width, height: s.viewport.height }).toEqual(s.pixelSize);
          }
        }
      }),
    );
  });

  it('a free screen placed at a fractional position still gets its exact resolution at scale 1 (found by fast-check in CI)', () => {
    const screen = (id: string, xMm: number): WallProfileInput['screens'][number] => ({
      id,
      resolution: { width: 1920, height: 1080 },
      activeAreaMm: { width: 1209.6, height: 680.4 },
      bezelMm: { top: 0, right: 0, bottom: 0, left: 0 },
      rotation: 0,
      placement: { kind: 'free', xMm, yMm: 0 },
    });
    const profile = wallProfileSchema.parse({
      schemaVersion: 1,
      id: 'random',
      name: 'Random wall',
      viewingDistanceMm: 5000,
      screens: [screen('f-0-0', 0), screen('f-0-1', 1210.34)],
    });
    for (const s of wallCanvas(profile).screens) {
      expect(s.scale).toBe(1);
      expect({ width: s.viewport.width, height: s.viewport.height }).toEqual({ width: 1920, height: 1080 });
    }
  });

  it('identical square-pixel panels always get native pixels, even at awkward bezels', () => {
    // Bezels that are whole multiples of half a pixel put active edges exactly on x.5 px,
    // where floating-point division would round some edges up and others down.
    const halfPixelBezelArb = (panel: Panel): fc.Arbitrary<Bezel> => {
      const side = fc.integer({ min: 0, max: 80 }).map((k) => (k * panel.pitchMicrons) / 2000);
      return fc.record({ top: side, right: side, bottom: side, left: side });
    };
    const identicalArb = panelArb
      .filter((p) => p.square)
      .chain((panel) =>
        fc.record({
          panel: fc.constant(panel),
          bezel: fc.oneof(bezelArb, halfPixelBezelArb(panel)),
          rotation: rotationArb,
          rows: fc.integer({ min: 1, max: 4 }),
          columns: fc.integer({ min: 1, max: 4 }),
        }),
      )
      .map(({ panel, bezel, rotation, rows, columns }) =>
        parse(
          Array.from({ length: rows * columns }, (_, i) =>
            toScreen(`s${i}`, { panel, bezel, rotation }, { kind: 'grid', row: Math.floor(i / columns), column: i % columns }),
          ),
        ),
      );
    fc.assert(
      fc.property(identicalArb, (profile) => {
        for (const s of wallCanvas(profile).screens) {
          expect(s.scale).toBe(1);
          expect({ width: s.viewport.width, height: s.viewport.height }).toEqual(s.pixelSize);
        }
      }),
    );
  });
});

describe('grid and tile properties', () => {
  /** A wall, a grid on it (often a multiple of the screen columns/rows), and a tile in the grid. */
  const scenarioArb = wallArb.chain((profile) => {
    const distinct = (key: 'row' | 'column') =>
      new Set(profile.screens.map((s) => (s.placement.kind === 'grid' ? s.placement[key] : -1))).size;
    const countArb = (screens: number) =>
      fc.oneof(fc.integer({ min: 1, max: 96 }), fc.integer({ min: 1, max: Math.floor(96 / screens) }).map((k) => k * screens));
    return fc
      .record({ columns: countArb(distinct('column')), rows: countArb(distinct('row')) })
      .chain((grid) =>
        fc
          .record({
            x: fc.integer({ min: 0, max: grid.columns - 1 }),
            y: fc.integer({ min: 0, max: grid.rows - 1 }),
            w: fc.nat(),
            h: fc.nat(),
          })
          .map(({ x, y, w, h }) => ({
            profile,
            grid,
            tile: { x, y, w: 1 + (w % (grid.columns - x)), h: 1 + (h % (grid.rows - y)) },
          })),
      );
  });

  it('a tile’s parts on screens plus its parts in gaps add up to the tile', () => {
    fc.assert(
      fc.property(scenarioArb, ({ profile, grid, tile }) => {
        const canvas = wallCanvas(profile);
        const lines = gridLines(canvas, profile, grid);
        const rect = tileRect(lines, tile);
        expect(rect.width).toBeGreaterThanOrEqual(0);
        expect(rect.height).toBeGreaterThanOrEqual(0);
        expect(inside(rect, { x: 0, y: 0, width: canvas.width, height: canvas.height })).toBe(true);

        const parts = screenParts(canvas, rect);
        const { covered, uncovered } = coverage(rect, canvas.screens.map((s) => s.viewport));
        const onScreens = parts.reduce((sum, p) => sum + area(p.part), 0);
        expect(onScreens).toBeCloseTo(covered, 3);
        expect(onScreens + uncovered).toBeCloseTo(area(rect), 3);

        for (const screen of canvas.screens) {
          const part = parts.find((p) => p.screenId === screen.screenId);
          if (!part) {
            expect(intersect(rect, screen.viewport)).toBeNull();
            continue;
          }
          expect(area(part.part)).toBeGreaterThan(0);
          expect(inside(part.part, rect, 1e-6)).toBe(true);
          expect(inside(part.part, screen.viewport, 1e-6)).toBe(true);
          // The part, taken into the screen's pixels, lies on the screen.
          const s = screen.scale;
          const onScreen = {
            x: part.inScreen.x + (part.part.x - rect.x) * s,
            y: part.inScreen.y + (part.part.y - rect.y) * s,
            width: part.part.width * s,
            height: part.part.height * s,
          };
          expect(inside(onScreen, { x: 0, y: 0, ...screen.pixelSize }, 1e-6)).toBe(true);
          expect(part.inScreen.width).toBeCloseTo(rect.width * s, 9);
          // tilesForScreen agrees with screenParts.
          const drawn = tilesForScreen(canvas, screen.screenId, [{ rect }]);
          expect(drawn).toEqual([{ tile: { rect }, part: part.part, inScreen: part.inScreen }]);
        }
      }),
    );
  });

  it('lines are ordered, and on an aligned axis never fall inside a bezel gap', () => {
    fc.assert(
      fc.property(scenarioArb, ({ profile, grid }) => {
        const canvas = wallCanvas(profile);
        const lines = gridLines(canvas, profile, grid);
        for (const [key, count, size] of [
          ['column', grid.columns, Math.round(canvas.extent.width)],
          ['row', grid.rows, Math.round(canvas.extent.height)],
        ] as const) {
          const axis = key === 'column' ? lines.columns : lines.rows;
          expect(axis.starts).toHaveLength(count + 1);
          expect(axis.ends).toHaveLength(count + 1);
          for (let i = 0; i <= count; i++) {
            expect([axis.starts[i], axis.ends[i]].filter((n) => !Number.isInteger(n))).toEqual([]);
            expect(axis.ends[i]!).toBeLessThanOrEqual(axis.starts[i]!);
            if (i < count) expect(axis.starts[i]!).toBeLessThanOrEqual(axis.ends[i + 1]!);
          }
          // The active extents of the screen columns (rows), worked out here from the viewports.
          const extents = new Map<number, { from: number; to: number }>();
          for (const screen of profile.screens) {
            if (screen.placement.kind !== 'grid') continue;
            const v = canvas.screens.find((s) => s.screenId === screen.id)!.viewport;
            const [from, to] = key === 'column' ? [v.x, v.x + v.width] : [v.y, v.y + v.height];
            const e = extents.get(screen.placement[key]);
            extents.set(screen.placement[key], { from: Math.min(e?.from ?? from, from), to: Math.max(e?.to ?? to, to) });
          }
          const gridPlaced = profile.screens.every((s) => s.placement.kind === 'grid');
          if (gridPlaced && count % extents.size === 0) {
            const ordered = [...extents.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
            const onScreen = (v: number) => ordered.some((e) => v >= e.from && v <= e.to);
            expect(axis.starts.filter((n) => !onScreen(n))).toEqual([]);
            expect(axis.ends.filter((n) => !onScreen(n))).toEqual([]);
            expect(axis.starts[0]).toBe(ordered[0]!.from);
            expect(axis.ends[count]).toBe(ordered[ordered.length - 1]!.to);
            // Each screen column's own lines run exactly from its left to its right active edge.
            const per = count / ordered.length;
            ordered.forEach((e, j) => {
              expect(axis.starts[j * per]).toBe(e.from);
              expect(axis.ends[(j + 1) * per]).toBe(e.to);
            });
          } else {
            expect(axis.starts).toEqual(axis.ends);
            expect(axis.starts[0]).toBe(0);
            expect(axis.starts[count]).toBe(size);
          }
        }
      }),
    );
  });
});
