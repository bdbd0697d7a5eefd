import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACUITY_LIMIT_ANGLE_DEG,
  BE_VIETNAM_PRO_CAP_HEIGHT_EM,
  checkLegibility,
  COMFORTABLE_READING_ANGLE_DEG,
  formatLegibilityReport,
  minimumLegibleTextMm,
  minimumLegibleTileHeightMm,
  STANDARD_MINIMUM_ANGLE_DEG,
  type LegibilityLayout,
} from '../../shared/legibility';
import { wallProfileSchema, type WallProfile } from '../../shared/wall/profile';
import { widgetCatalog, widgetLegibility } from '../../shared/widgets/catalog';
import { projectRoot } from '../support/paths';

const profileFile = (name: string): WallProfile =>
  wallProfileSchema.parse(JSON.parse(readFileSync(resolve(projectRoot, 'assets/profiles', `${name}.json`), 'utf8')));

/** 2×2 of 55" 1080p panels (0.63 mm per pixel), 8 mm bezels, read at 5 m. */
const wall2x2 = profileFile('wall-2x2-55in');
/** One 55" 1080p panel, read at 2 m. */
const single = profileFile('single-1080p');

/**
 * The hand-checked numbers use a KPI whose smallest text is 7cqh (0.07 of the tile's
 * height), fixed here so that they do not move when the catalogue's figure is tuned.
 */
const catalog = { kpi: { smallestTextFraction: 0.07 } };

const kpi = (id: string, x: number, y: number, w: number, h: number) => ({ id, widget: 'kpi', x, y, w, h });
const layout = (...tiles: LegibilityLayout['tiles']): LegibilityLayout => ({ grid: { columns: 24, rows: 12 }, tiles });

describe('minimumLegibleTextMm', () => {
  it('is the height of a letter subtending the angle: 2·d·tan(θ/2)', () => {
    // 0.3° at 5 m: 2 · 5000 · tan(0.15°) = 10000 · 0.00261800 = 26.180 mm.
    expect(minimumLegibleTextMm(5000)).toBeCloseTo(26.18, 3);
    expect(minimumLegibleTextMm(5000, COMFORTABLE_READING_ANGLE_DEG)).toBe(minimumLegibleTextMm(5000));
    // 0.3° at 2 m: 10.472 mm.
    expect(minimumLegibleTextMm(2000)).toBeCloseTo(10.472, 3);
    // 1° at 1 m: 2 · 1000 · tan(0.5°) = 17.4537 mm.
    expect(minimumLegibleTextMm(1000, 1)).toBeCloseTo(17.4537, 4);
    // The acuity limit (5′) at 5 m: 7.27 mm, less than a third of the comfortable figure.
    expect(minimumLegibleTextMm(5000, ACUITY_LIMIT_ANGLE_DEG)).toBeCloseTo(7.2722, 4);
    // The standards' hard minimum (16′) at 5 m: 23.27 mm.
    expect(minimumLegibleTextMm(5000, STANDARD_MINIMUM_ANGLE_DEG)).toBeCloseTo(23.2711, 4);
  });

  it('refuses distances and angles that mean nothing', () => {
    for (const d of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => minimumLegibleTextMm(d)).toThrow(RangeError);
    for (const a of [0, -0.3, 180, Number.NaN]) expect(() => minimumLegibleTextMm(5000, a)).toThrow(RangeError);
  });

  it('grows in proportion to the distance, and matches d·θ for small angles', () => {
    fc.assert(
      fc.property(fc.double({ min: 100, max: 50_000, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (d, angle) => {
        const h = minimumLegibleTextMm(d, angle);
        expect(minimumLegibleTextMm(2 * d, angle)).toBeCloseTo(2 * h, 9);
        // tan x ≈ x(1 + x²/3): at 1° (x = 0.5°) the small-angle figure is 2.5e-5 low.
        expect(Math.abs(h - (d * angle * Math.PI) / 180) / h).toBeLessThan(3e-5);
      }),
    );
  });
});

describe('checkLegibility (hand-checked)', () => {
  it('a 4×3-cell KPI tile on the 2×2 55" wall at 5 m is too small', () => {
    // 24×12 grid on 2×2 screens: 12 columns and 6 rows per screen, 1920 / 12 = 160 px and
    // 1080 / 6 = 180 px per cell. The tile is 3 × 180 = 540 px tall = 540 × 0.63 = 340.2 mm.
    // Smallest text (KPI: 7cqh): 0.07 × 340.2 = 23.814 mm font size; capitals 0.74 × that
    // = 17.622 mm. A reader at 5 m needs 26.180 mm: 67 %. For 0.07 of its height to reach
    // that, the tile must be 26.180 / (0.74 × 0.07) = 505.4 mm tall (≥ 803 px, 4.5 rows).
    const [r] = checkLegibility(wall2x2, layout(kpi('gdp', 0, 0, 4, 3)), catalog);
    expect(r).toBeDefined();
    expect(r!.tileId).toBe('gdp');
    expect(r!.widget).toBe('kpi');
    expect(r!.tileHeightMm).toBeCloseTo(340.2, 9);
    expect(r!.smallestFontMm).toBeCloseTo(23.814, 9);
    expect(r!.smallestTextMm).toBeCloseTo(17.62236, 9);
    expect(r!.requiredMm).toBeCloseTo(26.18, 3);
    expect(r!.requiredTileHeightMm).toBeCloseTo(505.405, 3);
    expect(r!.ok).toBe(false);
  });

  it('counts the bezel gap inside a tile that spans two screen rows', () => {
    // Rows 4–8 start at 13 + 4 × 180 = 733 px (top screen) and end at 1118 + 2 × 180 =
    // 1478 px (bottom screen): 745 px = 469.35 mm, with the 25-px gap. Capitals
    // 0.74 × 0.07 × 469.35 = 24.312 mm < 26.180.
    const [r] = checkLegibility(wall2x2, layout(kpi('spans', 4, 4, 4, 4)), catalog);
    expect(r!.tileHeightMm).toBeCloseTo(469.35, 9);
    expect(r!.smallestTextMm).toBeCloseTo(24.31233, 9);
    expect(r!.ok).toBe(false);
  });

  it('a screen-tall tile on the same wall is readable', () => {
    // 6 rows = 1080 px = 680.4 mm; capitals 0.74 × 0.07 × 680.4 = 35.245 mm ≥ 26.180.
    const [r] = checkLegibility(wall2x2, layout(kpi('tall', 8, 0, 4, 6)), catalog);
    expect(r!.smallestTextMm).toBeCloseTo(35.24472, 9);
    expect(r!.ok).toBe(true);
  });

  it('a 4×4 KPI tile on one Full-HD screen read at 2 m is readable', () => {
    // 1080 / 12 = 90 px per row: 360 px = 226.8 mm; capitals 0.74 × 0.07 × 226.8 =
    // 11.748 mm ≥ 2 · 2000 · tan(0.15°) = 10.472 mm.
    const [r] = checkLegibility(single, layout(kpi('a', 0, 0, 4, 4)), catalog);
    expect(r!.tileHeightMm).toBeCloseTo(226.8, 9);
    expect(r!.smallestTextMm).toBeCloseTo(11.74824, 9);
    expect(r!.requiredMm).toBeCloseTo(10.472, 3);
    expect(r!.ok).toBe(true);
  });

  it('the figure decides: a 4-row KPI tile at 5 m passes at 16′ but not at 18′', () => {
    // 4 rows = 720 px = 453.6 mm; capitals 0.74 × 0.07 × 453.6 = 23.496 mm:
    // above 16′ (23.271 mm), below 18′ (26.180 mm).
    const tiles = layout(kpi('a', 0, 0, 4, 4));
    const [at18] = checkLegibility(wall2x2, tiles, catalog);
    const [at16] = checkLegibility(wall2x2, tiles, catalog, { visualAngleDeg: STANDARD_MINIMUM_ANGLE_DEG });
    expect(at18!.smallestTextMm).toBeCloseTo(23.49648, 9);
    expect(at18!.ok).toBe(false);
    expect(at16!.requiredMm).toBeCloseTo(23.2711, 4);
    expect(at16!.ok).toBe(true);
  });

  it('takes the viewing distance, the cap height and the catalogue from the caller', () => {
    const tiles = layout(kpi('a', 0, 0, 4, 3), { id: 'b', widget: 'big', x: 4, y: 0, w: 4, h: 3 });
    const catalog = { kpi: { smallestTextFraction: 0.07 }, big: { smallestTextFraction: 0.2 } };
    const [a, b] = checkLegibility(wall2x2, tiles, catalog, { viewingDistanceMm: 3000, capHeightEm: 0.7 });
    // At 3 m: 2 · 3000 · tan(0.15°) = 15.708 mm. a: 0.7 × 0.07 × 340.2 = 16.670 mm → ok.
    expect(a!.requiredMm).toBeCloseTo(15.708, 3);
    expect(a!.smallestTextMm).toBeCloseTo(16.6698, 9);
    expect(a!.ok).toBe(true);
    // b: 0.7 × 0.2 × 340.2 = 47.628 mm.
    expect(b!.smallestTextMm).toBeCloseTo(47.628, 9);
    expect(b!.widget).toBe('big');
  });

  it('uses Be Vietnam Pro’s cap height (740/1000) by default', () => {
    expect(BE_VIETNAM_PRO_CAP_HEIGHT_EM).toBe(0.74);
  });

  it('takes the widget catalogue as it is', () => {
    const [r] = checkLegibility(wall2x2, layout(kpi('a', 0, 0, 4, 3)), widgetLegibility);
    const fraction = widgetCatalog.kpi.legibility.smallestTextFraction;
    expect(r!.smallestTextMm).toBeCloseTo(BE_VIETNAM_PRO_CAP_HEIGHT_EM * fraction * 340.2, 9);
  });

  it("gives a widget's minimum legible tile height at a distance: the height at which its check just passes", () => {
    const fraction = widgetCatalog.kpi.legibility.smallestTextFraction;
    const minimum = minimumLegibleTileHeightMm(fraction, wall2x2.viewingDistanceMm);
    // 26.2 mm capitals at 5 m, over 0.74 × 0.105 of the tile: the 337 mm of docs/widgets.md
    expect(minimum).toBeCloseTo(minimumLegibleTextMm(5000) / (0.74 * 0.105), 9);
    expect(Math.round(minimum)).toBe(337);
    const [r] = checkLegibility(wall2x2, layout(kpi('a', 0, 0, 4, 3)), widgetLegibility);
    expect(r!.requiredTileHeightMm).toBeCloseTo(minimum, 9);
  });

  it('returns one result per tile, in layout order, and none for an empty layout', () => {
    const results = checkLegibility(wall2x2, layout(kpi('x', 0, 0, 2, 2), kpi('y', 2, 0, 2, 2), kpi('z', 0, 6, 24, 6)), catalog);
    expect(results.map((r) => r.tileId)).toEqual(['x', 'y', 'z']);
    expect(checkLegibility(wall2x2, layout(), catalog)).toEqual([]);
  });

  it('refuses a widget the catalogue does not know, and a fraction that is not one', () => {
    expect(() => checkLegibility(wall2x2, layout({ id: 'm', widget: 'map', x: 0, y: 0, w: 2, h: 2 }), catalog)).toThrow(
      /tile "m" uses widget "map"/,
    );
    expect(() => checkLegibility(wall2x2, layout({ id: 'p', widget: 'toString', x: 0, y: 0, w: 2, h: 2 }), catalog)).toThrow(
      /does not know/,
    );
    expect(() => checkLegibility(wall2x2, layout(kpi('a', 0, 0, 2, 2)), { kpi: { smallestTextFraction: 7 } })).toThrow(RangeError);
    expect(() => checkLegibility(wall2x2, layout(kpi('a', 0, 0, 2, 2)), catalog, { capHeightEm: 0 })).toThrow(RangeError);
  });
});

describe('checkLegibility (properties)', () => {
  const tileArb = fc
    .record({ columns: fc.integer({ min: 1, max: 48 }), rows: fc.integer({ min: 1, max: 24 }) })
    .chain((grid) =>
      fc.record({
        grid: fc.constant(grid),
        x: fc.integer({ min: 0, max: grid.columns - 1 }),
        y: fc.integer({ min: 0, max: grid.rows - 1 }),
        fraction: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        distance: fc.integer({ min: 500, max: 20_000 }),
      }),
    )
    .chain((t) =>
      fc.record({
        t: fc.constant(t),
        w: fc.integer({ min: 1, max: t.grid.columns - t.x }),
        h: fc.integer({ min: 1, max: t.grid.rows - t.y }),
      }),
    );

  it('ok exactly when the capitals reach the required height, i.e. when the tile is tall enough', () => {
    fc.assert(
      fc.property(tileArb, ({ t, w, h }) => {
        const [r] = checkLegibility(
          wall2x2,
          { grid: t.grid, tiles: [{ id: 'a', widget: 'w', x: t.x, y: t.y, w, h }] },
          { w: { smallestTextFraction: t.fraction } },
          { viewingDistanceMm: t.distance },
        );
        expect(r!.smallestTextMm).toBeCloseTo(BE_VIETNAM_PRO_CAP_HEIGHT_EM * t.fraction * r!.tileHeightMm, 9);
        expect(r!.requiredMm).toBeCloseTo(minimumLegibleTextMm(t.distance), 12);
        expect(r!.ok).toBe(r!.smallestTextMm >= r!.requiredMm - 1e-9);
        expect(r!.ok).toBe(r!.tileHeightMm >= r!.requiredTileHeightMm - 1e-6);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatLegibilityReport', () => {
  it('lists the tiles that are too small, with what they need', () => {
    const results = checkLegibility(wall2x2, layout(kpi('gdp', 0, 0, 4, 3), kpi('tall', 8, 0, 4, 6)), catalog);
    expect(formatLegibilityReport(results, { source: 'tong-quan on wall-2x2-55in' })).toBe(
      [
        'tong-quan on wall-2x2-55in: legibility: 1 of 2 tile(s) have text too small to read (capital letters must be at least 26.2 mm tall)',
        '  too small  gdp (kpi): smallest text 17.6 mm, needs 26.2 mm (67%); make the tile at least 505.4 mm tall (now 340.2 mm)',
      ].join('\n'),
    );
    expect(formatLegibilityReport(results, { all: true }).split('\n')).toEqual([
      'legibility: 1 of 2 tile(s) have text too small to read (capital letters must be at least 26.2 mm tall)',
      '  too small  gdp (kpi): smallest text 17.6 mm, needs 26.2 mm (67%); make the tile at least 505.4 mm tall (now 340.2 mm)',
      '  ok  tall (kpi): smallest text 35.2 mm, needs 26.2 mm',
    ]);
  });

  it('says so when every tile is readable, or when there is nothing to check', () => {
    const results = checkLegibility(single, layout(kpi('a', 0, 0, 4, 4)), catalog);
    expect(formatLegibilityReport(results)).toBe('legibility: all 1 tile(s) readable (capital letters at least 10.5 mm tall)');
    expect(formatLegibilityReport([])).toBe('legibility: no tiles to check');
  });
});
