import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLayout } from '../../shared/layout/load';
import { checkLegibility, formatLegibilityReport, type LegibilityLayout } from '../../shared/legibility';
import { wallProfileSchema, type WallProfile } from '../../shared/wall/profile';
import { widgetCatalog, widgetLegibility } from '../../shared/widgets/catalog';
import { projectRoot } from '../support/paths';

/**
 * Legibility of the chart widgets (KPI, time series, comparison) as the catalogue declares
 * it, and whether the declaration is honest: every font size in their stylesheets is at
 * least the declared fraction of the tile's height.
 */

const read = (relative: string) => readFileSync(resolve(projectRoot, relative), 'utf8');
const profile = (name: string): WallProfile => wallProfileSchema.parse(JSON.parse(read(`assets/profiles/${name}.json`)));
const wall2x2 = profile('wall-2x2-55in');

function presetLayout(): LegibilityLayout {
  const loaded = loadLayout(read('layouts/tong-quan-kinh-te-xa-hoi.json'));
  if (!loaded.ok) throw new Error(`preset layout refused: ${JSON.stringify(loaded.errors)}`);
  return loaded.value;
}

describe('legibility of the preset layout on the 2×2 55" wall', () => {
  it('every KPI tile of tong-quan-kinh-te-xa-hoi is readable at the profile’s own viewing distance', () => {
    const results = checkLegibility(wall2x2, presetLayout(), widgetLegibility);
    expect(wall2x2.viewingDistanceMm).toBeGreaterThanOrEqual(4000);
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => !r.ok), formatLegibilityReport(results)).toEqual([]);
    // The 4×3-cell tiles: 340.2 mm tall; 0.74 × 0.105 × 340.2 = 26.43 mm of capital letter ≥ 26.18 mm at 5 m.
    const first = presetLayout().tiles.find((t) => t.widget === 'kpi' && t.h === 3 && t.y % 6 === 0)!;
    const kpi = results.find((r) => r.tileId === first.id)!;
    expect(kpi.tileHeightMm).toBeCloseTo(340.2, 6);
    expect(kpi.smallestTextMm).toBeCloseTo(26.434, 3);
  });

  it('and at 4 m, the distance proposed for that profile', () => {
    expect(checkLegibility(wall2x2, presetLayout(), widgetLegibility, { viewingDistanceMm: 4000 }).filter((r) => !r.ok)).toEqual([]);
  });

  it('the old 7cqh KPI would not have been, on the 3-row tiles (the reason for 10.6cqh)', () => {
    const layout = presetLayout();
    const kpis = { grid: layout.grid, tiles: layout.tiles.filter((t) => t.widget === 'kpi' && t.h === 3) };
    expect(kpis.tiles.length).toBeGreaterThan(0);
    const results = checkLegibility(wall2x2, kpis, { kpi: { smallestTextFraction: 0.07 } });
    expect(results.filter((r) => r.ok)).toEqual([]);
  });

  it('a chart needs a screen-tall tile at 5 m; 4 rows are too few', () => {
    const layout: LegibilityLayout = {
      grid: { columns: 24, rows: 12 },
      tiles: [
        { id: 'ts', widget: 'timeseries', x: 12, y: 0, w: 12, h: 6 },
        { id: 'cmp', widget: 'comparison', x: 0, y: 6, w: 12, h: 6 },
        { id: 'small', widget: 'comparison', x: 0, y: 0, w: 6, h: 4 },
      ],
    };
    const [ts, cmp, small] = checkLegibility(wall2x2, layout, widgetLegibility);
    // 6 rows = 680.4 mm; 0.74 × 0.055 × 680.4 = 27.69 mm ≥ 26.18 mm.
    expect(ts!.ok).toBe(true);
    expect(cmp!.ok).toBe(true);
    expect(ts!.smallestTextMm).toBeCloseTo(27.692, 3);
    expect(small!.ok).toBe(false);
  });
});

/** Font sizes in cqh a stylesheet can reach: plain `font-size: Ncqh`, and the lower bound of clamp()/max(). */
function fontSizes(css: string): { selector: string; cqh: number }[] {
  const out: { selector: string; cqh: number }[] = [];
  const rule = /([^{}]+)\{([^{}]*)\}/g;
  let m: RegExpExecArray | null;
  while ((m = rule.exec(css.replace(/\/\*[\s\S]*?\*\//g, '')))) {
    const selector = m[1]!.trim();
    for (const decl of m[2]!.matchAll(/font-size:\s*([^;]+);/g)) {
      const value = decl[1]!.trim();
      const plain = /^([\d.]+)cqh$/.exec(value);
      const lower = /^(?:clamp|max)\(\s*([\d.]+)cqh/.exec(value);
      const hit = plain ?? lower;
      if (hit) out.push({ selector, cqh: Number(hit[1]) });
    }
  }
  return out;
}

describe('the declared smallestTextFraction is honest', () => {
  // A 1-px border on each side makes the container 2 px shorter than the tile; 0.1cqh of slack covers tiles over 200 px.
  const allowance = 0.1;

  it('KPI: nothing below 10.6cqh except the lines shown only where legible', () => {
    const declared = widgetCatalog.kpi.legibility.smallestTextFraction * 100;
    const detailOnly = new Set(['.kpi__name-en', '.kpi__basis']);
    const sizes = fontSizes(read('renderer/widgets/kpi/kpi.css'));
    expect(sizes.length).toBeGreaterThan(8);
    for (const { selector, cqh } of sizes) {
      if (detailOnly.has(selector)) continue;
      expect(cqh, selector).toBeGreaterThanOrEqual(declared + allowance);
    }
  });

  it('time series and comparison: nothing below 5.6cqh', () => {
    for (const [widget, files] of [
      ['timeseries', ['renderer/widgets/common/chart-base.css', 'renderer/widgets/timeseries/timeseries.css']],
      ['comparison', ['renderer/widgets/common/chart-base.css', 'renderer/widgets/comparison/comparison.css']],
    ] as const) {
      const declared = widgetCatalog[widget].legibility.smallestTextFraction * 100;
      for (const file of files) {
        for (const { selector, cqh } of fontSizes(read(file))) expect(cqh, `${file} ${selector}`).toBeGreaterThanOrEqual(declared + allowance);
      }
    }
  });
});
