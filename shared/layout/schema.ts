import { z } from 'zod';
import { widgetSpecFor, widgetSpecs, widgetTypes, type AnyWidgetSpec, type WidgetOptions, type WidgetType } from '../widgets/catalog';
import { indicatorCodeSchema, regionCodeSchema } from '../protocol/codes';
import type { OptionsSchema } from '../widgets/define';
import { quote } from '../validation/errors';

/**
 * Layout (content): what an operator sets. Tiles sit on a wall-level grid, never on
 * pixels, so the same layout renders on any wall profile. Version 1.
 *
 * This schema describes the CURRENT format: each tile's options as its widget's current
 * version writes them. Older options are migrated by the loader (shared/layout/load.ts)
 * before this schema sees them.
 */
export const LAYOUT_SCHEMA_VERSION = 1;

/** The most tiles a layout holds; the loader refuses more before any pairwise check. */
export const MAX_TILES = 200;
export const MAX_GRID_CELLS = 96;

const textSchema = z.object({ vi: z.string().min(1).max(200), en: z.string().min(1).max(200).optional() }).strict();
export type LocalizedText = z.infer<typeof textSchema>;

export const bindingSchema = z
  .object({
    indicators: z.array(indicatorCodeSchema).min(1).max(16),
    /** "VN" for the national figure, or a province's official two-digit code. */
    region: regionCodeSchema.default('VN'),
  })
  .strict();
export type Binding = z.infer<typeof bindingSchema>;

const tileBaseShape = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'tile id: lower-case letters, digits and dashes'),
  x: z.number().int().min(0).max(MAX_GRID_CELLS - 1),
  y: z.number().int().min(0).max(MAX_GRID_CELLS - 1),
  w: z.number().int().min(1).max(MAX_GRID_CELLS),
  h: z.number().int().min(1).max(MAX_GRID_CELLS),
  title: textSchema.optional(),
  binding: bindingSchema.optional(),
};

function tileSchemaFor(spec: AnyWidgetSpec) {
  const type = spec.id;
  return z
    .object({
      ...tileBaseShape,
      widget: z.literal(type),
      /** The version `options` is written for; the loader migrates older ones and records the current one. */
      optionsVersion: z.literal(spec.optionsVersion).default(spec.optionsVersion),
      options: (spec.optionsSchema as OptionsSchema).prefault({}),
    })
    .strict()
    .superRefine((tile, ctx) => {
      if (spec.binding !== 'none' && !tile.binding) {
        ctx.addIssue({ code: 'custom', path: ['binding'], message: `widget "${type}" needs a binding to an indicator` });
      }
      if (spec.binding === 'one' && tile.binding && tile.binding.indicators.length !== 1) {
        ctx.addIssue({ code: 'custom', path: ['binding', 'indicators'], message: `widget "${type}" shows exactly one indicator` });
      }
    });
}

type TileOf<K extends WidgetType> = z.infer<z.ZodObject<typeof tileBaseShape>> & {
  widget: K;
  optionsVersion: number;
  options: WidgetOptions<K>;
};
export type Tile = { [K in WidgetType]: TileOf<K> }[WidgetType];

const tileVariants = widgetSpecs.map(tileSchemaFor);
export const tileSchema = (
  tileVariants.length === 1
    ? tileVariants[0]!
    : z.discriminatedUnion('widget', tileVariants as unknown as [ReturnType<typeof tileSchemaFor>, ...ReturnType<typeof tileSchemaFor>[]])
) as unknown as z.ZodType<Tile, unknown>;

/** The layout without the checks across tiles; the loader runs those itself, bounded. */
export const layoutFieldsSchema = z
  .object({
    $schema: z.string().max(2000).optional(),
    schemaVersion: z.literal(LAYOUT_SCHEMA_VERSION),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'layout id: lower-case letters, digits and dashes'),
    title: textSchema,
    grid: z.object({ columns: z.number().int().min(1).max(MAX_GRID_CELLS), rows: z.number().int().min(1).max(MAX_GRID_CELLS) }).strict(),
    tiles: z.array(tileSchema).max(MAX_TILES),
  })
  .strict();

export const layoutSchema = layoutFieldsSchema.superRefine((layout, ctx) => {
  for (const issue of crossTileIssues(layout)) ctx.addIssue({ code: 'custom', ...issue });
});
export type Layout = z.infer<typeof layoutSchema>;

interface LooseTile {
  id?: unknown;
  widget?: unknown;
  x?: unknown;
  y?: unknown;
  w?: unknown;
  h?: unknown;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export interface TileIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Checks across tiles: unique ids, inside the grid, no overlaps, known widget types.
 * Written over loosely-typed input so that the loader can run it even when other parts
 * of the file are wrong, and report every fault at once. Pairwise, so it refuses to look
 * at more than MAX_TILES tiles: at most 200² / 2 = 19,900 pairs, and one error per tile.
 */
export function crossTileIssues(layout: { grid?: unknown; tiles?: unknown }): TileIssue[] {
  const issues: TileIssue[] = [];
  const tiles = Array.isArray(layout.tiles) ? (layout.tiles as LooseTile[]) : [];
  if (tiles.length > MAX_TILES) return [{ path: ['tiles'], message: `${tiles.length} tiles; a layout holds at most ${MAX_TILES}` }];
  const grid = (layout.grid ?? {}) as { columns?: unknown; rows?: unknown };
  const ids = new Map<unknown, number>();
  const placed: { index: number; id: unknown; x: number; y: number; w: number; h: number }[] = [];
  tiles.forEach((tile, index) => {
    if (typeof tile !== 'object' || tile === null) return;
    if (typeof tile.widget === 'string' && !widgetSpecFor(tile.widget)) {
      issues.push({ path: ['tiles', index, 'widget'], message: `unknown widget ${quote(tile.widget)}; known: ${widgetTypes.join(', ')}` });
    }
    const seen = ids.get(tile.id);
    if (typeof tile.id === 'string' && seen !== undefined) {
      issues.push({ path: ['tiles', index, 'id'], message: `duplicate tile id ${quote(tile.id)} (also tiles[${seen}])` });
    } else {
      ids.set(tile.id, index);
    }
    const { x, y, w, h } = tile;
    if (!isInt(x) || !isInt(y) || !isInt(w) || !isInt(h)) return;
    if (isInt(grid.columns) && x + w > grid.columns) {
      issues.push({ path: ['tiles', index, 'w'], message: `tile reaches column ${x + w}, past the grid's ${grid.columns} columns` });
    }
    if (isInt(grid.rows) && y + h > grid.rows) {
      issues.push({ path: ['tiles', index, 'h'], message: `tile reaches row ${y + h}, past the grid's ${grid.rows} rows` });
    }
    // One error per tile, naming the first tile it overlaps and counting the others: a
    // pile of 200 tiles is 199 errors, not 19,900.
    const overlapped = placed.filter((o) => x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h);
    if (overlapped.length > 0) {
      const first = overlapped[0]!;
      const others = overlapped.length - 1;
      issues.push({
        path: ['tiles', index],
        message: `tile ${quote(String(tile.id))} overlaps tile ${quote(String(first.id))} (tiles[${first.index}])${others > 0 ? ` and ${others} more tile(s) before it` : ''}`,
      });
    }
    placed.push({ index, id: tile.id, x, y, w, h });
  });
  return issues;
}
