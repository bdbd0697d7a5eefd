import type { WallProfile } from '../wall/profile';
import { wallCanvas } from './canvas';
import { gridLines, tileRect } from './grid';
import { screenParts } from './parts';
import type { GridPlacement, GridSize } from './types';

export interface BezelCrossing {
  tileId: string;
  /** The screens the tile is drawn on, in the canvas's order (two or more). */
  screens: string[];
}

/**
 * The tiles of a layout that a bezel cuts: drawn on more than one screen, so some of their
 * text or figures sit behind the frames (bezel compensation hides that strip, it does not
 * move it). A briefing layout keeps every tile on one screen; a tile that meets no screen
 * at all (a hole in a free-placed wall) is reported with no screens.
 */
export function tilesAcrossBezels(
  profile: WallProfile,
  layout: { grid: GridSize; tiles: ReadonlyArray<GridPlacement & { id: string }> },
): BezelCrossing[] {
  const canvas = wallCanvas(profile);
  const lines = gridLines(canvas, profile, layout.grid);
  return layout.tiles.flatMap((tile) => {
    const screens = screenParts(canvas, tileRect(lines, tile)).map((part) => part.screenId);
    return screens.length === 1 ? [] : [{ tileId: tile.id, screens }];
  });
}
