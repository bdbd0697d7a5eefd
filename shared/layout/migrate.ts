import { widgetSpecFor } from '../widgets/catalog';
import type { WidgetSpec } from '../widgets/define';
import type { ValidationError } from '../validation/errors';
import { jsonPath, quote } from '../validation/errors';

/**
 * Brings each tile's options to its widget's current version before the layout schema
 * sees them. A tile says which version its options were written for (`optionsVersion`;
 * none means the current one): older options go through the widget's migrations one
 * version at a time; a version newer than this wall knows is refused by name, since its
 * options cannot be read. The migrated document records the current version of every
 * tile, so loading it again migrates nothing.
 */

export interface MigratedTile {
  index: number;
  from: number;
  to: number;
}

export interface MigrationResult {
  /** The document with every migratable tile migrated (a copy; the input is not touched). */
  document: unknown;
  errors: ValidationError[];
  migrated: MigratedTile[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const tileName = (tile: Record<string, unknown>, index: number) =>
  typeof tile.id === 'string' ? `tile ${quote(tile.id)} (tiles[${index}])` : `tiles[${index}]`;

/** Options of `from` run through each migration up to the spec's current version. */
export function migrateOptions(spec: Pick<WidgetSpec, 'optionsVersion' | 'migrations'>, from: number, options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  let current: Record<string, unknown> = { ...options };
  for (let version = from; version < spec.optionsVersion; version += 1) {
    const step = spec.migrations[version];
    if (!step) throw new Error(`no migration from version ${version}`);
    current = step(current);
  }
  return current;
}

function migrateTile(raw: unknown, index: number, errors: ValidationError[], migrated: MigratedTile[]): unknown {
  if (!isPlainObject(raw)) return raw;
  const spec = widgetSpecFor(raw.widget);
  if (!spec || raw.optionsVersion === undefined) return raw;
  const at = (...keys: string[]) => jsonPath(['tiles', index, ...keys]);
  const version = raw.optionsVersion;
  const current = spec.optionsVersion;
  const { optionsVersion: _stored, ...tile } = raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    errors.push({ path: at('optionsVersion'), message: `optionsVersion must be a whole number from 1 (widget "${spec.id}" is at version ${current}), not ${quote(JSON.stringify(version))}` });
    return tile;
  }
  if (version > current) {
    // Options of a newer version cannot be read: checking them against ours would only add noise.
    errors.push({
      path: at('optionsVersion'),
      message: `${tileName(raw, index)}: widget "${spec.id}" options version ${version} is newer than this wall knows (version ${current}); update the wall software, or write version-${current} options`,
    });
    const { options: _newer, ...withoutOptions } = tile;
    return withoutOptions;
  }
  if (version === current) return { ...tile, optionsVersion: current };
  const options = tile.options === undefined ? {} : tile.options;
  // Not an object: nothing to migrate, and the schema says what is wrong with it.
  if (!isPlainObject(options)) return { ...tile, optionsVersion: current };
  try {
    const next = migrateOptions(spec, version, options);
    migrated.push({ index, from: version, to: current });
    return { ...tile, optionsVersion: current, options: next };
  } catch (error) {
    errors.push({ path: at('options'), message: `widget "${spec.id}" options could not be migrated from version ${version} to ${current}: ${(error as Error).message}` });
    return { ...tile, optionsVersion: current };
  }
}

/** Migrates every tile of a (not yet validated) layout document. */
export function migrateLayout(document: unknown): MigrationResult {
  const errors: ValidationError[] = [];
  const migrated: MigratedTile[] = [];
  if (!isPlainObject(document) || !Array.isArray(document.tiles)) return { document, errors, migrated };
  const tiles = document.tiles.map((tile, index) => migrateTile(tile, index, errors, migrated));
  return { document: { ...document, tiles }, errors, migrated };
}

/**
 * For a tile that gave no version and whose options fail the current schema: the oldest
 * earlier version whose migration would make them valid, if any. A file written before a
 * widget's options changed (and so without `optionsVersion`) gets told what to add,
 * rather than only that its options are wrong.
 */
export function olderVersionThatFits(spec: Pick<WidgetSpec, 'optionsVersion' | 'migrations' | 'optionsSchema'>, options: unknown): number | null {
  if (!isPlainObject(options)) return null;
  for (let version = 1; version < spec.optionsVersion; version += 1) {
    try {
      if (spec.optionsSchema.safeParse(migrateOptions(spec, version, options)).success) return version;
    } catch {
      // This version's migration does not apply to these options; try the next.
    }
  }
  return null;
}
