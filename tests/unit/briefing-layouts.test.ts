import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tilesAcrossBezels } from '../../shared/geometry';
import { loadLayout } from '../../shared/layout/load';
import type { Layout } from '../../shared/layout/schema';
import { checkLegibility, formatLegibilityReport } from '../../shared/legibility';
import { wallProfileSchema, type WallProfile } from '../../shared/wall/profile';
import { widgetLegibility } from '../../shared/widgets/catalog';
import { projectRoot } from '../support/paths';

/**
 * The layout check of the two morning-briefing presets on the walls they are made for:
 * every tile readable at the profile's own viewing distance (with the tile's options:
 * a screen-tall compliance board of 6 rows a page, a 3D map in large text) and no tile
 * cut by a bezel. Then what a briefing must show, read from the files.
 */
const read = (relative: string) => readFileSync(resolve(projectRoot, relative), 'utf8');
const profile = (name: string): WallProfile => wallProfileSchema.parse(JSON.parse(read(`assets/profiles/${name}.json`)));
function layout(id: string): Layout {
  const loaded = loadLayout(read(`layouts/${id}.json`));
  if (!loaded.ok) throw new Error(`${id} refused: ${JSON.stringify(loaded.errors)}`);
  return loaded.value;
}

const presets = [
  { layoutId: 'tong-quan-kinh-te-xa-hoi', profileId: 'wall-2x2-55in' },
  { layoutId: 'ban-tin-sang-3x2', profileId: 'wall-3x2-55in' },
] as const;

describe.each(presets)('$layoutId on $profileId', ({ layoutId, profileId }) => {
  const wall = profile(profileId);
  const briefing = layout(layoutId);

  it('every tile is readable at the profile’s viewing distance', () => {
    const results = checkLegibility(wall, briefing, widgetLegibility);
    expect(results).toHaveLength(briefing.tiles.length);
    expect(results.filter((r) => !r.ok), formatLegibilityReport(results, { source: layoutId })).toEqual([]);
  });

  it('no tile is cut by a bezel', () => {
    expect(tilesAcrossBezels(wall, briefing)).toEqual([]);
  });

  it('shows the briefing: date and time, growth and prices against the plan, a province map with its ranking, compliance, alerts', () => {
    const widgets = (id: string) => briefing.tiles.filter((t) => t.widget === id);
    expect(widgets('clock')).toHaveLength(1);
    const series = widgets('timeseries');
    const againstPlan = series.filter((t) => t.widget === 'timeseries' && t.options.showTarget && t.binding?.indicators.includes('GDP_GROWTH') && t.binding.indicators.includes('CPI_AVG'));
    expect(againstPlan.map((t) => t.id)).toHaveLength(1);
    const maps = briefing.tiles.filter((t) => t.widget === 'map-3d' || t.widget === 'map-geo');
    expect(maps).toHaveLength(1);
    const map = maps[0]!;
    const headline = map.binding?.indicators[0];
    // Its ranking: a ranked comparison of the same indicator, or the 3D map's own list of the leaders.
    const ranked = widgets('comparison').some((t) => t.binding?.indicators[0] === headline) || (map.widget === 'map-3d' && map.options.topLabels >= 3);
    expect(ranked).toBe(true);
    expect(widgets('compliance')).toHaveLength(1);
    expect(widgets('ticker')).toHaveLength(1);
  });

  it('the legibility of the board and the map comes from their options, not the widgets’ worst case', () => {
    const worstCase = checkLegibility(wall, { grid: briefing.grid, tiles: briefing.tiles.map(({ options: _o, ...t }) => t) }, widgetLegibility);
    const refused = worstCase.filter((r) => !r.ok).map((r) => r.widget);
    expect(new Set(refused)).toEqual(new Set(['compliance', 'map-3d']));
  });
});

describe('tilesAcrossBezels', () => {
  const wall = profile('wall-2x2-55in');
  it('names a tile across the vertical bezel, and one across all four screens', () => {
    const crossing = tilesAcrossBezels(wall, {
      grid: { columns: 24, rows: 12 },
      tiles: [
        { id: 'inside', x: 0, y: 0, w: 12, h: 6 },
        { id: 'across', x: 10, y: 0, w: 4, h: 3 },
        { id: 'middle', x: 10, y: 5, w: 4, h: 2 },
      ],
    });
    expect(crossing).toEqual([
      { tileId: 'across', screens: ['s1', 's2'] },
      { tileId: 'middle', screens: ['s1', 's2', 's3', 's4'] },
    ]);
  });
});
