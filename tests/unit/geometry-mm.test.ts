import { describe, expect, it } from 'vitest';
import { gridLines, tileRect, tilesForScreen, wallCanvas } from '../../shared/geometry';
import { readLayout, readProfile } from '../e2e/support/wall';
import { predictTilesOnScreens } from '../support/mm-prediction';

/**
 * The geometry against a prediction made from millimetres alone (tests/support/mm-prediction.ts,
 * which does not use shared/geometry): where each tile lands in each screen's own pixels.
 * Free placement rounds once (the grid line), so it is within half a pixel; a grid wall
 * also rounds its viewport edges to whole canvas pixels, so it is within one.
 */
const walls = [
  { file: 'assets/profiles/wall-2x2-55in.json', tolerance: 1 },
  { file: 'assets/profiles/wall-3x1-portrait.json', tolerance: 1 },
  { file: 'tests/e2e/fixtures/wall-2x2-4k.profile.json', tolerance: 1 },
  { file: 'tests/e2e/fixtures/wall-free-1080p.profile.json', tolerance: 0.5 },
  { file: 'tests/e2e/fixtures/wall-free-mixed.profile.json', tolerance: 0.5 },
];
const layouts = ['tests/e2e/fixtures/across-bezels.layout.json', 'layouts/tong-quan-kinh-te-xa-hoi.json'];

describe.each(walls)('$file against millimetres', ({ file, tolerance }) => {
  it.each(layouts)(`puts every tile within ${tolerance} px on every screen it crosses (%s)`, (layoutFile) => {
    const profile = readProfile(file);
    const layout = readLayout(layoutFile);
    const canvas = wallCanvas(profile);
    const lines = gridLines(canvas, profile, layout.grid);
    const placed = layout.tiles.map((tile) => ({ id: tile.id, rect: tileRect(lines, tile) }));
    const predicted = predictTilesOnScreens(profile, layout.grid, layout.tiles);
    for (const screen of canvas.screens) {
      const drawn = tilesForScreen(canvas, screen.screenId, placed);
      const expected = predicted.filter((p) => p.screenId === screen.screenId);
      // Tiles that only graze a screen by under a pixel may differ; compare the ones both agree on.
      const sliver = (id: string) => {
        const p = expected.find((e) => e.tileId === id)?.box;
        if (!p) return true;
        const overlapX = Math.min(p.x + p.width, screen.pixelSize.width) - Math.max(p.x, 0);
        const overlapY = Math.min(p.y + p.height, screen.pixelSize.height) - Math.max(p.y, 0);
        return overlapX < 1 || overlapY < 1;
      };
      expect(drawn.map((d) => d.tile.id).filter((id) => !sliver(id)).sort(), screen.screenId).toEqual(
        expected.map((e) => e.tileId).filter((id) => !sliver(id)).sort(),
      );
      for (const d of drawn) {
        const want = expected.find((e) => e.tileId === d.tile.id)?.box;
        if (!want) continue;
        for (const [got, exact] of [
          [d.inScreen.x, want.x],
          [d.inScreen.y, want.y],
          [d.inScreen.x + d.inScreen.width, want.x + want.width],
          [d.inScreen.y + d.inScreen.height, want.y + want.height],
        ] as const) {
          expect(Math.abs(got - exact), `${screen.screenId} ${d.tile.id}: ${got} vs ${exact}`).toBeLessThanOrEqual(tolerance);
        }
      }
    }
  });
});
