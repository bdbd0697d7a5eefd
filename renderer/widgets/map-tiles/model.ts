import { loadTileMap, placeTiles, type TileMap } from '../../../shared/geo';
import type { LoadResult } from '../../../shared/layout/load';
import { PROVINCE_CODES } from '../../../shared/regions';
import { splitName, type Choropleth } from '../common/map-data';
import tileMapText from '../../../assets/tile-map/vn-34.json?raw';

/**
 * The tile map's cells: every province an equal square where assets/tile-map/vn-34.json
 * puts it (bundled with the renderer, validated against shared/geo's schema and the 34
 * codes when the module loads), each with its short name, its figure and its colour.
 * Positions are fractions of the grid's box, so CSS sizes the grid and the cells scale
 * with the tile.
 */

/** The bundled grid, validated: ok, or every fault with its JSON path. */
export const bundledTileMap: LoadResult<TileMap> = loadTileMap(tileMapText, { codes: PROVINCE_CODES });

export interface TileCell {
  code: string;
  /** Fractions of the grid box: left, top, width, height (0–1). */
  left: number;
  top: number;
  width: number;
  height: number;
  /** The short name, split in at most two balanced lines. */
  nameLines: string[];
  valueText: string;
  fill: string | null;
  ink: string;
  noData: boolean;
  highlighted: boolean;
  /** The figure's length in characters, for the CSS that fits it to the square. */
  valueChars: number;
}

/** The cells of `map` for a choropleth (positions from placeTiles in grid units). */
export function tileCells(map: TileMap, view: Choropleth | null, gap: number, highlight?: string): TileCell[] {
  const placed = placeTiles(map, map.columns, map.rows, { gap });
  return placed.map((tile) => {
    const province = view?.byCode.get(tile.code);
    const name = province?.name ?? tile.code;
    const valueText = province?.valueText ?? '—';
    return {
      code: tile.code,
      left: tile.x / map.columns,
      top: tile.y / map.rows,
      width: tile.size / map.columns,
      height: tile.size / map.rows,
      nameLines: splitName(name),
      valueText,
      fill: province?.fill ?? null,
      ink: province?.ink ?? '#ffffff',
      noData: !province || province.value === null,
      highlighted: tile.code === highlight,
      valueChars: Math.max(3, valueText.length),
    };
  });
}

export interface GridBlock {
  column: number;
  row: number;
  columns: number;
  rows: number;
}

/**
 * The grid's best empty block for the header and legend: a rectangle of empty cells,
 * scored by min(width, 3) × min(height, 8) (text needs some width; beyond that, height),
 * then by area, then the leftmost and topmost. Null when the grid has no 2 × 3 hole.
 */
export function emptyBlock(map: TileMap): GridBlock | null {
  const taken = new Set(map.tiles.map((t) => `${t.column},${t.row}`));
  const free = (c: number, r: number) => !taken.has(`${c},${r}`);
  let best: GridBlock | null = null;
  let bestScore = -1;
  let bestArea = -1;
  for (let row = 0; row < map.rows; row++) {
    for (let column = 0; column < map.columns; column++) {
      if (!free(column, row)) continue;
      // Widest run of free cells from (column, row) on this row.
      let maxWidth = 0;
      while (column + maxWidth < map.columns && free(column + maxWidth, row)) maxWidth++;
      for (let columns = 1; columns <= maxWidth; columns++) {
        let rows = 1;
        while (row + rows < map.rows && Array.from({ length: columns }, (_, i) => free(column + i, row + rows)).every(Boolean)) rows++;
        const score = Math.min(columns, 3) * Math.min(rows, 8);
        const area = columns * rows;
        if (score > bestScore || (score === bestScore && area > bestArea)) {
          best = { column, row, columns, rows };
          bestScore = score;
          bestArea = area;
        }
      }
    }
  }
  return best && best.columns >= 2 && best.rows >= 3 ? best : null;
}

/** Side column for tiles at least 0.8 as wide as tall; else the header and legend go inside the grid. */
export function tileMapArrangement(width: number, height: number, block: GridBlock | null): 'side' | 'overlay' {
  return block && height > 0 && width / height < 0.8 ? 'overlay' : 'side';
}
