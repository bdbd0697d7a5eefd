import type { z } from 'zod';
import { widgetSpecFor } from '../widgets/catalog';
import { ErrorList, issuesToErrors, jsonPath, parseJsonText, type LoadResult, type ValidationError } from '../validation/errors';
import { checkStructure, type StructureLimits } from '../validation/structure';
import { migrateLayout, olderVersionThatFits, type MigratedTile } from './migrate';
import { crossTileIssues, layoutFieldsSchema, MAX_TILES, type Layout } from './schema';

export { formatErrors, issuesToErrors, jsonPath, parseJsonText, MAX_LISTED_ERRORS } from '../validation/errors';
export type { LoadResult, ValidationError } from '../validation/errors';

/**
 * The bare shape a layout can have at most (see checkStructure): the longest list is the
 * tiles (200), the deepest value a ticker threshold's label (7 levels), the longest text a
 * note (4,000 characters), and a layout of 200 tiles with every option set has about
 * 50,000 values. tests/unit/layout-bounds.test.ts checks these against the schema.
 */
export const LAYOUT_LIMITS: StructureLimits = {
  maxDepth: 16,
  maxItems: MAX_TILES,
  maxKeys: 64,
  maxKeyLength: 100,
  maxStringLength: 10_000,
  maxValues: 100_000,
};

/** Validates any document with a zod schema: bounded first (when limits are given), errors capped. */
export function validateWith<T>(schema: z.ZodType<T, unknown>, value: unknown, limits?: StructureLimits): LoadResult<T> {
  const errors = new ErrorList();
  if (limits && !checkStructure(value, limits, errors)) return errors.refusal();
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  errors.addAll(issuesToErrors(parsed.error.issues));
  return errors.refusal();
}

const tileIndexOf = (path: ReadonlyArray<PropertyKey>): number | null => (path[0] === 'tiles' && typeof path[1] === 'number' ? path[1] : null);

/**
 * Parses and validates a layout document; the file is accepted whole or refused whole.
 * In order, each step bounded by the one before: the tile count (before anything
 * pairwise), the document's bare shape, option migrations, the schema, the checks across
 * tiles. A refusal lists the first MAX_LISTED_ERRORS errors and the total.
 */
export function validateLayout(value: unknown): LoadResult<Layout> {
  const errors = new ErrorList();
  const tiles = typeof value === 'object' && value !== null ? (value as { tiles?: unknown }).tiles : undefined;
  if (Array.isArray(tiles) && tiles.length > MAX_TILES) {
    errors.add('$.tiles', `${tiles.length.toLocaleString('en-US')} tiles; a layout holds at most ${MAX_TILES}`);
    return errors.refusal();
  }
  if (!checkStructure(value, LAYOUT_LIMITS, errors)) return errors.refusal();

  const migration = migrateLayout(value);
  const document = migration.document;
  const parsed = layoutFieldsSchema.safeParse(document);
  const cross = typeof document === 'object' && document !== null ? crossTileIssues(document) : [];
  if (parsed.success && migration.errors.length === 0 && cross.length === 0) return { ok: true, value: parsed.data };

  // Versions first: a refused version explains the other errors of its tile.
  errors.addAll(migration.errors);
  const crossErrors = cross.map((i) => ({ path: jsonPath(i.path), message: i.message }));
  // An unknown widget is reported by name, not as zod's generic mismatch of the tile union.
  const unknownWidgetPaths = new Set(crossErrors.filter((e) => e.message.startsWith('unknown widget')).map((e) => e.path));
  const issues = parsed.success ? [] : parsed.error.issues;
  const migratedAt = new Map<number, MigratedTile>(migration.migrated.map((m) => [m.index, m]));
  for (const issue of issues) {
    const path = jsonPath(issue.path);
    if (unknownWidgetPaths.has(path)) continue;
    const index = tileIndexOf(issue.path);
    const from = index === null || issue.path[2] !== 'options' ? undefined : migratedAt.get(index);
    errors.add(path, from ? `${issue.message} (options migrated from version ${from.from} to ${from.to})` : issue.message);
  }
  errors.addAll(crossErrors);
  for (const hint of unversionedHints(value, issues)) errors.add(hint.path, hint.message);
  return errors.refusal();
}

/** Tiles without `optionsVersion` whose options fail now but are valid options of an older version. */
function unversionedHints(value: unknown, issues: ReadonlyArray<z.core.$ZodIssue>): ValidationError[] {
  const tiles = (value as { tiles?: unknown }).tiles;
  if (!Array.isArray(tiles)) return [];
  const failing = new Set<number>();
  for (const issue of issues) {
    const index = tileIndexOf(issue.path);
    if (index !== null && issue.path[2] === 'options') failing.add(index);
  }
  const hints: ValidationError[] = [];
  for (const index of failing) {
    const tile = tiles[index] as { widget?: unknown; optionsVersion?: unknown; options?: unknown; id?: unknown } | undefined;
    const spec = widgetSpecFor(tile?.widget);
    if (!tile || !spec || tile.optionsVersion !== undefined || spec.optionsVersion === 1) continue;
    const fits = olderVersionThatFits(spec, tile.options);
    if (fits === null) continue;
    hints.push({
      path: jsonPath(['tiles', index, 'optionsVersion']),
      message:
        `no optionsVersion, so these options were read as widget "${spec.id}" version ${spec.optionsVersion}; ` +
        `they are valid version-${fits} options: add "optionsVersion": ${fits} to have them migrated`,
    });
  }
  return hints;
}

export function loadLayout(text: string): LoadResult<Layout> {
  const json = parseJsonText(text);
  return json.ok ? validateLayout(json.value) : json;
}
