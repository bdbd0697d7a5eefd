import { z } from 'zod';
import { jsonPath, parseJsonText, validateWith, type LoadResult } from '../layout/load';
import { refuse } from '../validation/errors';
import { provinceCodeSchema } from './provinces';

/**
 * A tile-grid map: every province one equal square, placed roughly where it lies (north
 * at the top), so that small provinces weigh as much as large ones — for choropleths
 * where the area of Gia Lai should not drown out Hưng Yên. The 34 provinces' map is
 * assets/tile-map/vn-34.json. Format, version-free and plain:
 *
 *     { "columns": 8, "rows": 15, "tiles": [{ "code": "01", "column": 3, "row": 2 }, …] }
 *
 * Columns and rows count from 0 at the top left.
 */

const cellIndex = z.number().int().min(0).max(63);

export const tileMapSchema = z
  .object({
    columns: z.number().int().min(1).max(64),
    rows: z.number().int().min(1).max(64),
    tiles: z.array(z.object({ code: provinceCodeSchema, column: cellIndex, row: cellIndex }).strict()).min(1).max(64 * 64),
  })
  .strict()
  .superRefine((map, ctx) => {
    const codes = new Map<string, number>();
    const cells = new Map<string, number>();
    map.tiles.forEach((tile, index) => {
      const seenCode = codes.get(tile.code);
      if (seenCode !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiles', index, 'code'],
          message: `province "${tile.code}" placed twice (also tiles[${seenCode}])`,
        });
      } else {
        codes.set(tile.code, index);
      }
      const cell = `${tile.column},${tile.row}`;
      const seenCell = cells.get(cell);
      if (seenCell !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiles', index],
          message: `column ${tile.column}, row ${tile.row} already holds "${map.tiles[seenCell]!.code}" (tiles[${seenCell}])`,
        });
      } else {
        cells.set(cell, index);
      }
      if (tile.column >= map.columns) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiles', index, 'column'],
          message: `column ${tile.column} is past the map's ${map.columns} columns`,
        });
      }
      if (tile.row >= map.rows) {
        ctx.addIssue({ code: 'custom', path: ['tiles', index, 'row'], message: `row ${tile.row} is past the map's ${map.rows} rows` });
      }
    });
  });

export type TileMap = z.infer<typeof tileMapSchema>;
export type TileMapTile = TileMap['tiles'][number];

export interface TileMapOptions {
  /**
   * The province codes the map must place, exactly (say, those of the boundary file or of
   * the agency list): a missing or an unknown code is an error.
   */
  codes?: Iterable<string>;
}

/** Validates a parsed tile map; every fault at once, each with its JSON path. */
export function validateTileMap(value: unknown, options: TileMapOptions = {}): LoadResult<TileMap> {
  const result = validateWith(tileMapSchema, value);
  if (!result.ok || options.codes === undefined) return result;
  const expected = new Set(options.codes);
  const placed = new Set(result.value.tiles.map((t) => t.code));
  const errors = [
    ...result.value.tiles.flatMap((tile, index) =>
      expected.has(tile.code) ? [] : [{ path: jsonPath(['tiles', index, 'code']), message: `unknown province code "${tile.code}"` }],
    ),
    ...[...expected]
      .filter((code) => !placed.has(code))
      .map((code) => ({ path: jsonPath(['tiles']), message: `province "${code}" has no tile` })),
  ];
  return errors.length === 0 ? result : refuse(errors);
}

/** Parses and validates a tile map's JSON text. */
export function loadTileMap(text: string, options: TileMapOptions = {}): LoadResult<TileMap> {
  const json = parseJsonText(text);
  return json.ok ? validateTileMap(json.value, options) : json;
}

export interface PlacedTile extends TileMapTile {
  /** The square's top-left corner and side, in the box's units. */
  x: number;
  y: number;
  size: number;
}

/**
 * The tiles as squares in a `width` × `height` box: the largest square cell that fits the
 * whole grid, the grid centred, `gap` (a fraction of the cell, default 0.08) left between
 * neighbouring squares.
 */
export function placeTiles(map: TileMap, width: number, height: number, options: { gap?: number } = {}): PlacedTile[] {
  const gap = options.gap ?? 0.08;
  if (!(gap >= 0 && gap < 1)) throw new RangeError(`tile map: gap must be a fraction of a cell in [0, 1), got ${gap}`);
  const cell = Math.max(0, Math.min(width / map.columns, height / map.rows));
  const left = (width - cell * map.columns) / 2;
  const top = (height - cell * map.rows) / 2;
  const size = cell * (1 - gap);
  const inset = (cell - size) / 2;
  return map.tiles.map((tile) => ({ ...tile, x: left + tile.column * cell + inset, y: top + tile.row * cell + inset, size }));
}
