import { describe, expect, it } from 'vitest';
import { wallProfileSchema, type WallProfile, type WallProfileInput } from '../../shared/wall/profile';
import {
  gridLines,
  previewTransform,
  screenParts,
  screenTransform,
  tileRect,
  tilesForScreen,
  wallCanvas,
  type WallCanvas,
} from '../../shared/geometry';

type ScreenInput = WallProfileInput['screens'][number];

const profile = (screens: ScreenInput[]): WallProfile =>
  wallProfileSchema.parse({ schemaVersion: 1, id: 'test-wall', name: 'Test wall', viewingDistanceMm: 4000, screens });

// A 55" 1080p panel: 1209.6 / 1920 = 680.4 / 1080 = 0.63 mm per pixel (square pixels).
const fhd = { resolution: { width: 1920, height: 1080 }, activeAreaMm: { width: 1209.6, height: 680.4 } };
const bezel8 = { top: 8, right: 8, bottom: 8, left: 8 };

const byId = (canvas: WallCanvas, id: string) => {
  const screen = canvas.screens.find((s) => s.screenId === id);
  if (!screen) throw new Error(`no screen ${id}`);
  return screen;
};

/** 2×2 of 55" 1080p panels with 8 mm bezels, ids r{row}c{column}. */
const wall2x2 = profile(
  [0, 1].flatMap((row) =>
    [0, 1].map((column) => ({ id: `r${row}c${column}`, ...fhd, bezelMm: bezel8, placement: { kind: 'grid' as const, row, column } })),
  ),
);

describe('wallCanvas', () => {
  it('(a) 2×2 identical panels: native pixels, bezels as gaps', () => {
    const canvas = wallCanvas(wall2x2);
    expect(canvas.mmPerPixel).toBeCloseTo(0.63, 12);
    // Frame: 1209.6 + 8 + 8 = 1225.6 mm wide, 680.4 + 16 = 696.4 mm tall.
    // Canvas: 2 × 1225.6 = 2451.2 mm / 0.63 = 3890.79 → 3891 px (outer bezels included);
    //         2 × 696.4 = 1392.8 mm / 0.63 = 2210.79 → 2211 px.
    // (The brief's 3865 = 2 × 1920 + round(16 / 0.63 = 25.4) = 3840 + 25 is the span of the
    // active areas alone, 13 … 3878 below; the canvas also holds the outer bezels.)
    expect(canvas.width).toBe(3891);
    expect(canvas.height).toBe(2211);
    // Column 0 active: 8 mm → 12.70 → 13;   8 + 1209.6 = 1217.6 mm → 1932.70 → 1933.
    // Column 1 active: 1225.6 + 8 = 1233.6 mm → 1958.10 → 1958;  1233.6 + 1209.6 = 2443.2 → 3878.10 → 3878.
    // Row 0 active:    8 → 13;   688.4 → 1092.70 → 1093.
    // Row 1 active:    696.4 + 8 = 704.4 → 1118.10 → 1118;   1384.8 → 2198.10 → 2198.
    expect(byId(canvas, 'r0c0').viewport).toEqual({ x: 13, y: 13, width: 1920, height: 1080 });
    expect(byId(canvas, 'r0c1').viewport).toEqual({ x: 1958, y: 13, width: 1920, height: 1080 });
    expect(byId(canvas, 'r1c0').viewport).toEqual({ x: 13, y: 1118, width: 1920, height: 1080 });
    expect(byId(canvas, 'r1c1').viewport).toEqual({ x: 1958, y: 1118, width: 1920, height: 1080 });
    // The 16 mm gap between active areas: 1958 - 1933 = 25 px (16 / 0.63 = 25.4).
    expect(byId(canvas, 'r0c1').viewport.x - (13 + 1920)).toBe(25);
    expect(byId(canvas, 'r0c1').viewport.x + 1920 - byId(canvas, 'r0c0').viewport.x).toBe(3865);
    for (const s of canvas.screens) {
      expect(s.scale).toBe(1);
      expect(s.pixelSize).toEqual({ width: 1920, height: 1080 });
      expect(s.rotation).toBe(0);
    }
    // Frames are fractional: column 1 starts at 1225.6 / 0.63 = 1945.40 px, 1225.6 / 0.63 wide.
    const frame = byId(canvas, 'r1c1').frame;
    expect(frame.x).toBeCloseTo(1945.396825, 5);
    expect(frame.y).toBeCloseTo(696.4 / 0.63, 9);
    expect(frame.width).toBeCloseTo(1225.6 / 0.63, 9);
    expect(frame.height).toBeCloseTo(696.4 / 0.63, 9);
  });

  it('keeps exact cases exact where mm / pitch lands on .5 (floating point would wobble)', () => {
    // Bezels of 0.315 mm = half a pixel: every active edge sits exactly on x.5 px. A naive
    // Math.round(mm / 0.63) rounds some of those up and some down; the exact arithmetic
    // rounds them all the same way, so every viewport is still exactly 1920 × 1080.
    const half = { top: 0.315, right: 0.315, bottom: 0.315, left: 0.315 };
    const screens = Array.from({ length: 12 }, (_, column) => ({
      id: `s${column}`,
      ...fhd,
      bezelMm: half,
      placement: { kind: 'grid' as const, row: 0, column },
    }));
    const canvas = wallCanvas(profile(screens));
    canvas.screens.forEach((s, column) => {
      // Active left = column × (1209.6 + 0.63) + 0.315 mm = column × 1921 + 0.5 px → rounds up.
      expect(s.viewport).toEqual({ x: column * 1921 + 1, y: 1, width: 1920, height: 1080 });
      expect(s.scale).toBe(1);
    });
    expect(canvas.width).toBe(12 * 1921);
    expect(canvas.height).toBe(1081);
  });

  it('(b) 3×1 with a portrait middle screen: cell widths, centring, bezel rotation', () => {
    // Asymmetric bezels in the panel's own orientation.
    const bezel = { top: 10, right: 6, bottom: 14, left: 4 };
    const canvas = wallCanvas(
      profile([
        { id: 'left', ...fhd, bezelMm: bezel, placement: { kind: 'grid', row: 0, column: 0 } },
        { id: 'middle', ...fhd, bezelMm: bezel, rotation: 90, placement: { kind: 'grid', row: 0, column: 1 } },
        { id: 'right', ...fhd, bezelMm: bezel, placement: { kind: 'grid', row: 0, column: 2 } },
      ]),
    );
    expect(canvas.mmPerPixel).toBeCloseTo(0.63, 12);
    // Landscape frame: 4 + 1209.6 + 6 = 1219.6 wide, 10 + 680.4 + 14 = 704.4 tall.
    // Portrait (90° clockwise): wall top = panel left 4, wall right = panel top 10,
    //   wall bottom = panel right 6, wall left = panel bottom 14.
    //   Frame 14 + 680.4 + 10 = 704.4 wide, 4 + 1209.6 + 6 = 1219.6 tall.
    // Columns 1219.6 | 704.4 | 1219.6 mm, starting at 0, 1219.6, 1924.0; total 3143.6 mm
    //   → 3143.6 / 0.63 = 4989.84 → 4990 px. Row: tallest frame 1219.6 → 1935.87 → 1936 px.
    expect(canvas.width).toBe(4990);
    expect(canvas.height).toBe(1936);
    // Landscape screens are centred vertically: (1219.6 - 704.4) / 2 = 257.6 mm down.
    const left = byId(canvas, 'left');
    // x: 4 → 6.35 → 6; 4 + 1209.6 = 1213.6 → 1926.35 → 1926.
    // y: 257.6 + 10 = 267.6 → 424.76 → 425; 267.6 + 680.4 = 948 → 1504.76 → 1505.
    expect(left.viewport).toEqual({ x: 6, y: 425, width: 1920, height: 1080 });
    expect(left.frame.y).toBeCloseTo(257.6 / 0.63, 9);
    const middle = byId(canvas, 'middle');
    // x: 1219.6 + 14 = 1233.6 → 1958.10 → 1958; 1233.6 + 680.4 = 1914 → 3038.10 → 3038.
    // y: 4 → 6.35 → 6; 4 + 1209.6 = 1213.6 → 1926.35 → 1926.
    // (With the 270° mapping the left bezel would be 10 and x would be 1229.6 → 1952.)
    expect(middle.viewport).toEqual({ x: 1958, y: 6, width: 1080, height: 1920 });
    expect(middle.pixelSize).toEqual({ width: 1080, height: 1920 });
    expect(middle.scale).toBe(1);
    expect(middle.rotation).toBe(90);
    expect(middle.frame.x).toBeCloseTo(1219.6 / 0.63, 9);
    expect(middle.frame.y).toBe(0);
    expect(middle.frame.width).toBeCloseTo(704.4 / 0.63, 9);
    const right = byId(canvas, 'right');
    // x: 1924 + 4 = 1928 → 3060.32 → 3060; 1928 + 1209.6 = 3137.6 → 4980.32 → 4980.
    expect(right.viewport).toEqual({ x: 3060, y: 425, width: 1920, height: 1080 });
    expect(canvas.screens.map((s) => s.scale)).toEqual([1, 1, 1]);
  });

  it('maps bezels for every rotation', () => {
    // Bezels that are whole pixels at 0.63 mm: top 6.3 = 10 px, right 12.6 = 20 px,
    // bottom 18.9 = 30 px, left 25.2 = 40 px (panel orientation).
    const bezel = { top: 6.3, right: 12.6, bottom: 18.9, left: 25.2 };
    const single = (rotation: 0 | 90 | 180 | 270) =>
      wallCanvas(profile([{ id: 'one', ...fhd, bezelMm: bezel, rotation, placement: { kind: 'free', xMm: 0, yMm: 0 } }]));
    // 0°: left 40, top 10; canvas 40 + 1920 + 20 by 10 + 1080 + 30.
    expect(single(0)).toMatchObject({ width: 1980, height: 1120, screens: [{ viewport: { x: 40, y: 10, width: 1920, height: 1080 } }] });
    // 90°: wall left = panel bottom 30, wall top = panel left 40, right = top 10, bottom = right 20.
    expect(single(90)).toMatchObject({ width: 1120, height: 1980, screens: [{ viewport: { x: 30, y: 40, width: 1080, height: 1920 } }] });
    // 180°: wall left = panel right 20, wall top = panel bottom 30.
    expect(single(180)).toMatchObject({ width: 1980, height: 1120, screens: [{ viewport: { x: 20, y: 30, width: 1920, height: 1080 } }] });
    // 270°: wall left = panel top 10, wall top = panel right 20, right = bottom 30, bottom = left 40.
    expect(single(270)).toMatchObject({ width: 1120, height: 1980, screens: [{ viewport: { x: 10, y: 20, width: 1080, height: 1920 } }] });
  });

  it('(c) mixed resolution: the 4K panel sets the pitch, the 1080p one scales by 0.5', () => {
    const canvas = wallCanvas(
      profile([
        { id: 'uhd', resolution: { width: 3840, height: 2160 }, activeAreaMm: fhd.activeAreaMm, bezelMm: bezel8, placement: { kind: 'grid', row: 0, column: 0 } },
        { id: 'fhd', ...fhd, bezelMm: bezel8, placement: { kind: 'grid', row: 0, column: 1 } },
      ]),
    );
    // 1209.6 / 3840 = 0.315 mm per pixel.
    expect(canvas.mmPerPixel).toBeCloseTo(0.315, 12);
    // 2451.2 / 0.315 = 7781.59 → 7782; 696.4 / 0.315 = 2210.79 → 2211.
    expect(canvas.width).toBe(7782);
    expect(canvas.height).toBe(2211);
    // 4K: 8 → 25.40 → 25; 1217.6 → 3865.40 → 3865. Rows: 8 → 25; 688.4 → 2185.40 → 2185.
    expect(byId(canvas, 'uhd')).toMatchObject({ viewport: { x: 25, y: 25, width: 3840, height: 2160 }, scale: 1 });
    // 1080p: 1233.6 → 3916.19 → 3916; 2443.2 → 7756.19 → 7756: 3840 canvas px for 1920 screen px.
    expect(byId(canvas, 'fhd')).toMatchObject({
      viewport: { x: 3916, y: 25, width: 3840, height: 2160 },
      scale: 0.5,
      pixelSize: { width: 1920, height: 1080 },
    });
  });

  it('(d) free placement with a gap, translated to start at 0,0', () => {
    // Bezels 6.3 mm = 10 px: frame 1209.6 + 12.6 = 1222.2 mm = 1940 px wide, 693 mm = 1100 px tall.
    const bezel = { top: 6.3, right: 6.3, bottom: 6.3, left: 6.3 };
    const canvas = wallCanvas(
      profile([
        { id: 'a', ...fhd, bezelMm: bezel, placement: { kind: 'free', xMm: 100, yMm: 50 } },
        // 63 mm (100 px) right of a's frame, 126 mm (200 px) lower.
        { id: 'b', ...fhd, bezelMm: bezel, placement: { kind: 'free', xMm: 100 + 1222.2 + 63, yMm: 50 + 126 } },
      ]),
    );
    // Bounding box starts at (100, 50) mm. b's frame: 1285.2 mm = 2040 px, 126 mm = 200 px.
    // Canvas 2040 + 1940 = 3980 by 200 + 1100 = 1300.
    expect(canvas.width).toBe(3980);
    expect(canvas.height).toBe(1300);
    expect(byId(canvas, 'a').frame).toEqual({ x: 0, y: 0, width: expect.closeTo(1940, 9), height: expect.closeTo(1100, 9) });
    expect(byId(canvas, 'a').viewport).toEqual({ x: 10, y: 10, width: 1920, height: 1080 });
    expect(byId(canvas, 'b').frame.x).toBeCloseTo(2040, 9);
    expect(byId(canvas, 'b').viewport).toEqual({ x: 2050, y: 210, width: 1920, height: 1080 });
  });
});

describe('gridLines and tileRect', () => {
  const canvas = wallCanvas(wall2x2);

  it('(e) aligns a 24×12 grid to the 2×2 screens, splitting the line on the bezel', () => {
    const lines = gridLines(canvas, wall2x2, { columns: 24, rows: 12 });
    // 12 grid columns per screen column; column 0 spans 13 … 1933, 1920 / 12 = 160 px each.
    expect(lines.columns.starts.slice(0, 3)).toEqual([13, 173, 333]);
    // Line 12 sits on the bezel: a tile ending there ends at 1933, one starting there starts at 1958.
    expect(lines.columns.ends[12]).toBe(1933);
    expect(lines.columns.starts[12]).toBe(1958);
    expect(lines.columns.starts[24]).toBe(3878);
    expect(lines.columns.ends[24]).toBe(3878);
    // Elsewhere starts and ends agree.
    lines.columns.starts.forEach((s, i) => i !== 12 && expect(lines.columns.ends[i]).toBe(s));
    // 6 rows per screen row, 1080 / 6 = 180 px: 13, 193, … 1093 | 1118, … 2198.
    expect(lines.rows.ends[6]).toBe(1093);
    expect(lines.rows.starts[6]).toBe(1118);
    expect(lines.rows.starts[0]).toBe(13);
    expect(lines.rows.ends[12]).toBe(2198);

    // x = 10, w = 4 spans the bezel: from 13 + 10 × 160 = 1613 to 1958 + 2 × 160 = 2278,
    // i.e. 2 × 160 px on each screen plus the 25 px gap.
    expect(tileRect(lines, { x: 10, y: 0, w: 4, h: 12 })).toEqual({ x: 1613, y: 13, width: 665, height: 2185 });
    // A tile that ends on the line stops at the active edge; one that starts there begins on the next screen.
    expect(tileRect(lines, { x: 0, y: 0, w: 12, h: 6 })).toEqual({ x: 13, y: 13, width: 1920, height: 1080 });
    expect(tileRect(lines, { x: 12, y: 6, w: 12, h: 6 })).toEqual({ x: 1958, y: 1118, width: 1920, height: 1080 });
  });

  it('spreads an axis uniformly when the grid does not divide among the screens', () => {
    const lines = gridLines(canvas, wall2x2, { columns: 25, rows: 12 });
    // 3891 / 25 = 155.64 per column: line 1 → 156, line 12 → 1867.68 → 1868, line 25 → 3891.
    expect(lines.columns.starts).toEqual(lines.columns.ends);
    expect(lines.columns.starts[0]).toBe(0);
    expect(lines.columns.starts[1]).toBe(156);
    expect(lines.columns.starts[12]).toBe(1868);
    expect(lines.columns.starts[25]).toBe(3891);
    // The rows still divide, so they stay aligned.
    expect(lines.rows.starts[6]).toBe(1118);
    expect(lines.rows.ends[6]).toBe(1093);
  });

  it("spreads free-placed walls uniformly over the wall's exact extent", () => {
    const free = profile([{ id: 'a', ...fhd, bezelMm: bezel8, placement: { kind: 'free', xMm: 0, yMm: 0 } }]);
    const freeCanvas = wallCanvas(free);
    const lines = gridLines(freeCanvas, free, { columns: 2, rows: 1 });
    // 1225.6 / 0.63 = 1945.40 (the canvas is 1946 wide, but the wall ends at 1945.40); half 972.70 → 973.
    expect(lines.columns).toEqual({ starts: [0, 973, 1945], ends: [0, 973, 1945] });
    // 696.4 / 0.63 = 1105.40 → 1105.
    expect(lines.rows).toEqual({ starts: [0, 1105], ends: [0, 1105] });
  });

  it('rounds interior lines and refuses tiles outside the grid', () => {
    // 1920 / 7 = 274.29: lines 13, 287.29 → 287, 561.57 → 562, … ; outer lines exact.
    const lines = gridLines(canvas, wall2x2, { columns: 14, rows: 2 });
    expect(lines.columns.starts.slice(0, 3)).toEqual([13, 287, 562]);
    expect(lines.columns.ends[7]).toBe(1933);
    expect(lines.rows).toEqual({ starts: [13, 1118, 2198], ends: [13, 1093, 2198] });
    expect(() => tileRect(lines, { x: 10, y: 0, w: 5, h: 1 })).toThrow(RangeError);
  });
});

describe('screenParts and tilesForScreen', () => {
  const canvas = wallCanvas(wall2x2);
  const lines = gridLines(canvas, wall2x2, { columns: 24, rows: 12 });

  it('(f) splits a tile across the four screens and places it in each screen’s pixels', () => {
    // x 10..14 → 1613 … 2278 (665 px); y 4..8 → 13 + 4 × 180 = 733 … 1118 + 2 × 180 = 1478 (745 px).
    const rect = tileRect(lines, { x: 10, y: 4, w: 4, h: 4 });
    expect(rect).toEqual({ x: 1613, y: 733, width: 665, height: 745 });
    const tiles = [{ id: 'big', rect }, { id: 'corner', rect: tileRect(lines, { x: 0, y: 0, w: 2, h: 2 }) }];

    expect(tilesForScreen(canvas, 'r0c0', tiles)).toEqual([
      // Part: 1613 … 1933, 733 … 1093. In screen: (1613 - 13, 733 - 13) = (1600, 720).
      { tile: tiles[0], part: { x: 1613, y: 733, width: 320, height: 360 }, inScreen: { x: 1600, y: 720, width: 665, height: 745 } },
      { tile: tiles[1], part: { x: 13, y: 13, width: 320, height: 360 }, inScreen: { x: 0, y: 0, width: 320, height: 360 } },
    ]);
    // Right screen: starts at 1958, so the tile begins 1613 - 1958 = -345 px left of its edge.
    expect(tilesForScreen(canvas, 'r0c1', tiles)).toEqual([
      { tile: tiles[0], part: { x: 1958, y: 733, width: 320, height: 360 }, inScreen: { x: -345, y: 720, width: 665, height: 745 } },
    ]);
    // Lower screens: 733 - 1118 = -385.
    expect(tilesForScreen(canvas, 'r1c0', tiles)).toEqual([
      { tile: tiles[0], part: { x: 1613, y: 1118, width: 320, height: 360 }, inScreen: { x: 1600, y: -385, width: 665, height: 745 } },
    ]);
    expect(tilesForScreen(canvas, 'r1c1', tiles)).toEqual([
      { tile: tiles[0], part: { x: 1958, y: 1118, width: 320, height: 360 }, inScreen: { x: -345, y: -385, width: 665, height: 745 } },
    ]);
    expect(screenParts(canvas, rect).map((p) => p.screenId)).toEqual(['r0c0', 'r0c1', 'r1c0', 'r1c1']);
    expect(() => tilesForScreen(canvas, 'nope', tiles)).toThrow(/nope/);
  });

  it('leaves out screens the tile only touches, and scales for a coarser screen', () => {
    expect(screenParts(canvas, { x: 1933, y: 13, width: 25, height: 100 })).toEqual([]);
    expect(screenParts(canvas, { x: 1900, y: 13, width: 58, height: 100 }).map((p) => p.screenId)).toEqual(['r0c0']);

    const mixed = wallCanvas(
      profile([
        { id: 'uhd', resolution: { width: 3840, height: 2160 }, activeAreaMm: fhd.activeAreaMm, bezelMm: bezel8, placement: { kind: 'grid', row: 0, column: 0 } },
        { id: 'fhd', ...fhd, bezelMm: bezel8, placement: { kind: 'grid', row: 0, column: 1 } },
      ]),
    );
    // The 4K viewport ends at 3865; the 1080p one starts at (3916, 25) with scale 0.5. A rect
    // from 3866 (in the gap) is shown on the 1080p screen only, from (3866 - 3916) × 0.5 = -25.
    expect(screenParts(mixed, { x: 3866, y: 125, width: 350, height: 200 })).toEqual([
      { screenId: 'fhd', part: { x: 3916, y: 125, width: 300, height: 200 }, inScreen: { x: -25, y: 50, width: 175, height: 100 } },
    ]);
  });
});

describe('transforms', () => {
  const canvas = wallCanvas(wall2x2);

  it('letterboxes the whole canvas in a preview window', () => {
    // 3891 × 2211 into 1280 × 720: 1280 / 3891 = 0.32896 < 720 / 2211 = 0.32564, so height limits.
    const t = previewTransform(canvas, 1280, 720);
    expect(t.scale).toBeCloseTo(720 / 2211, 12);
    expect(t.y).toBeCloseTo(0, 9);
    expect(t.x).toBeCloseTo((1280 - 3891 * (720 / 2211)) / 2, 9);
    // A tall window: bars above and below.
    const tall = previewTransform(canvas, 800, 2000);
    expect(tall).toMatchObject({ scale: 800 / 3891, x: 0 });
    expect(tall.y).toBeCloseTo((2000 - 2211 * (800 / 3891)) / 2, 9);
  });

  it('moves a screen’s viewport to the window origin, then scales', () => {
    expect(screenTransform({ x: 1958, y: 13, width: 1920, height: 1080 }, 1)).toEqual({ scale: 1, x: -1958, y: -13 });
    expect(screenTransform({ x: 3916, y: 25, width: 3840, height: 2160 }, 0.5)).toEqual({ scale: 0.5, x: -1958, y: -12.5 });
    expect(screenTransform({ x: 0, y: 0, width: 10, height: 10 }, 1)).toEqual({ scale: 1, x: 0, y: 0 });
  });
});
