import type { Layout, Tile } from '../../../shared/layout/schema';
import type { GridPlacement, GridSize } from '../../../shared/geometry';

/**
 * Edits of a layout as pure functions: each returns a new layout (the untouched tiles are
 * the same objects, so the canvas re-renders only what changed), or the same layout when
 * the edit changes nothing. Grid cells throughout, never pixels.
 */

/** A tile's place on the layout grid, in cells (the geometry's own type). */
export type Place = GridPlacement;

export const placeOf = (tile: Place): Place => ({ x: tile.x, y: tile.y, w: tile.w, h: tile.h });

export const samePlace = (a: Place, b: Place): boolean => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

export const overlaps = (a: Place, b: Place): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export const insideGrid = (grid: GridSize, p: Place): boolean =>
  p.x >= 0 && p.y >= 0 && p.w >= 1 && p.h >= 1 && p.x + p.w <= grid.columns && p.y + p.h <= grid.rows;

/** The tiles (other than `exceptId`) that `place` would overlap. */
export function tilesUnder(layout: Layout, place: Place, exceptId: string | null): Tile[] {
  return layout.tiles.filter((tile) => tile.id !== exceptId && overlaps(tile, place));
}

function withPlace<T extends Tile>(tile: T, place: Place): T {
  return { ...tile, x: place.x, y: place.y, w: place.w, h: place.h };
}

/** Replaces one tile by what `change` makes of it. */
export function updateTile(layout: Layout, id: string, change: (tile: Tile) => Tile): Layout {
  let changed = false;
  const tiles = layout.tiles.map((tile) => {
    if (tile.id !== id) return tile;
    const next = change(tile);
    if (next !== tile) changed = true;
    return next;
  });
  return changed ? { ...layout, tiles } : layout;
}

export type PlaceOutcome = { kind: 'placed' | 'swapped' | 'unchanged'; layout: Layout } | { kind: 'blocked'; layout: Layout; by: string } | { kind: 'outside'; layout: Layout };

/**
 * Puts tile `id` at `place`. Inside the grid only; onto free cells, or exactly onto a tile
 * of the same size, which then takes the moved tile's old place (a swap, so that a full
 * layout can still be rearranged). Anything else is refused: the layout schema refuses
 * overlapping tiles, and an edit the editor accepts should stay publishable.
 */
export function placeTile(layout: Layout, id: string, place: Place): PlaceOutcome {
  const tile = layout.tiles.find((t) => t.id === id);
  if (!tile) return { kind: 'unchanged', layout };
  if (samePlace(tile, place)) return { kind: 'unchanged', layout };
  if (!insideGrid(layout.grid, place)) return { kind: 'outside', layout };
  const under = tilesUnder(layout, place, id);
  if (under.length === 0) return { kind: 'placed', layout: updateTile(layout, id, (t) => withPlace(t, place)) };
  const [other] = under;
  if (under.length === 1 && other && samePlace(other, place) && tile.w === place.w && tile.h === place.h) {
    const from = placeOf(tile);
    return {
      kind: 'swapped',
      layout: { ...layout, tiles: layout.tiles.map((t) => (t.id === id ? withPlace(t, place) : t.id === other.id ? withPlace(t, from) : t)) },
    };
  }
  return { kind: 'blocked', layout, by: under[0]!.id };
}

export function removeTile(layout: Layout, id: string): Layout {
  const tiles = layout.tiles.filter((tile) => tile.id !== id);
  return tiles.length === layout.tiles.length ? layout : { ...layout, tiles };
}

export function addTile(layout: Layout, tile: Tile): Layout {
  return { ...layout, tiles: [...layout.tiles, tile] };
}

/** The first free place of `w`×`h` cells, row by row from the top left; null when none fits. */
export function firstFreeSpot(layout: Pick<Layout, 'grid' | 'tiles'>, w: number, h: number): Place | null {
  const { columns, rows } = layout.grid;
  if (w > columns || h > rows) return null;
  for (let y = 0; y + h <= rows; y++) {
    for (let x = 0; x + w <= columns; x++) {
      const place = { x, y, w, h };
      const blocker = layout.tiles.find((tile) => overlaps(tile, place));
      if (!blocker) return place;
      x = blocker.x + blocker.w - 1; // jump past the tile in the way
    }
  }
  return null;
}

/** A tile id not yet used in the layout: `<widget>-<n>`. */
export function newTileId(layout: Pick<Layout, 'tiles'>, widget: string): string {
  const used = new Set(layout.tiles.map((tile) => tile.id));
  for (let n = 1; ; n++) {
    const id = `${widget}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** Tiles in reading order (top to bottom, then left to right): the order Tab follows. */
export function readingOrder<T extends Place & { id: string }>(tiles: ReadonlyArray<T>): T[] {
  return [...tiles].sort((a, b) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id));
}
