import { gridLines, tileRect } from '../../../shared/geometry';
import type { Layout } from '../../../shared/layout/schema';
import type { WallProfile } from '../../../shared/wall/profile';
import type { PlacedTile, WallPlan } from '../../surface/plan';

/** The plan as the view shows it: with one tile enlarged, that tile over the whole grid. */
export interface ViewPlan extends WallPlan {
  /** The id of the enlarged tile when it is in the layout; null otherwise (a stale id: the layout as laid out). */
  enlarged: string | null;
}

/**
 * The enlarged tile takes the whole grid, from the first column's start to the last's end,
 * so its edges fall where any tile's do (never inside a bezel: bezel compensation as for
 * every tile). The others keep their places, hidden beneath it.
 */
export function viewPlan(plan: WallPlan, profile: WallProfile, layout: Layout, enlargedTileId: string | null): ViewPlan {
  if (enlargedTileId === null || !plan.tiles.some((p) => p.tile.id === enlargedTileId)) return { ...plan, enlarged: null };
  const lines = gridLines(plan.canvas, profile, layout.grid);
  const whole = tileRect(lines, { x: 0, y: 0, w: layout.grid.columns, h: layout.grid.rows });
  const tiles: PlacedTile[] = plan.tiles.map((p) => (p.tile.id === enlargedTileId ? { tile: p.tile, rect: whole } : p));
  return { canvas: plan.canvas, tiles, enlarged: enlargedTileId };
}
