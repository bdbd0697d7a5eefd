import { z } from 'zod';
import { widgetCatalog, widgetTypes, type WidgetSpec, type WidgetType } from '../widgets/catalog';
import { indicatorCodeSchema, regionCodeSchema } from '../protocol/codes';

/**
 * Layout (content): what an operator sets. Tiles sit on a wall-level grid, never on
 * pixels, so the same layout renders on any wall profile. Version 1.
 */
export const LAYOUT_SCHEMA_VERSION = 1;

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
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  w: z.number().int().min(1),
  h: z.number().int().min(1),
  title: textSchema.optional(),
  binding: bindingSchema.optional(),
  /** Version of `options`; missing means the widget's current version. */
  optionsVersion: z.number().int().min(1).optional(),
};

function tileSchemaFor(type: WidgetType) {
  const spec: WidgetSpec = widgetCatalog[type];
  return z
    .object({ ...tileBaseShape, widget: z.literal(type), options: spec.optionsSchema.prefault({}) })
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
  options: z.infer<(typeof widgetCatalog)[K]['optionsSchema']>;
};
export type Tile = { [K in WidgetType]: TileOf<K> }[WidgetType];

const tileVariants = widgetTypes.map(tileSchemaFor);
export const tileSchema = (
  tileVariants.length === 1
    ? tileVariants[0]!
    : z.discriminatedUnion('widget', tileVariants as unknown as [ReturnType<typeof tileSchemaFor>, ...ReturnType<typeof tileSchemaFor>[]])
) as unknown as z.ZodType<Tile, unknown>;

export const layoutSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(LAYOUT_SCHEMA_VERSION),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'layout id: lower-case letters, digits and dashes'),
    title: textSchema,
    grid: z.object({ columns: z.number().int().min(1).max(96), rows: z.number().int().min(1).max(96) }).strict(),
    tiles: z.array(tileSchema).max(200),
  })
  .strict()
  .superRefine((layout, ctx) => {
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

/**
 * Checks across tiles: unique ids, inside the grid, no overlaps, known widget types.
 * Written over loosely-typed input so that the loader can run it even when other parts
 * of the file are wrong, and report every fault at once.
 */
export function crossTileIssues(layout: { grid?: unknown; tiles?: unknown }): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const tiles = Array.isArray(layout.tiles) ? (layout.tiles as LooseTile[]) : [];
  const grid = (layout.grid ?? {}) as { columns?: unknown; rows?: unknown };
  const ids = new Map<unknown, number>();
  const placed: { index: number; id: unknown; x: number; y: number; w: number; h: number }[] = [];
  tiles.forEach((tile, index) => {
    if (typeof tile !== 'object' || tile === null) return;
    if (typeof tile.widget === 'string' && !(widgetTypes as string[]).includes(tile.widget)) {
      issues.push({ path: ['tiles', index, 'widget'], message: `unknown widget "${tile.widget}"; known: ${widgetTypes.join(', ')}` });
    }
    const seen = ids.get(tile.id);
    if (typeof tile.id === 'string' && seen !== undefined) {
      issues.push({ path: ['tiles', index, 'id'], message: `duplicate tile id "${tile.id}" (also tiles[${seen}])` });
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
    for (const other of placed) {
      if (x < other.x + other.w && other.x < x + w && y < other.y + other.h && other.y < y + h) {
        issues.push({ path: ['tiles', index], message: `tile "${String(tile.id)}" overlaps tile "${String(other.id)}" (tiles[${other.index}])` });
      }
    }
    placed.push({ index, id: tile.id, x, y, w, h });
  });
  return issues;
}
