import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findProjectRoot } from '../paths';
import { formatCatalogErrors, validateCatalog, type Catalog, type CatalogError, type CatalogSources } from '../../shared/regimes/catalog';

export type { Catalog, CatalogError } from '../../shared/regimes/catalog';

/**
 * The reporting catalogue as data files:
 *
 *   <dir>/indicators.json          { schemaVersion: 1, indicators: [...] }
 *   <dir>/regimes/<CODE>.json      one regime each (shared/regimes/schema.ts)
 *
 * `loadCatalog(dir?)` reads and checks them all (shared/regimes/catalog.ts) and returns
 * { regimes, indicators, agencies }, or throws a CatalogLoadError that lists every error
 * with its file and JSON path: a catalogue is taken whole or not at all.
 *
 * The folder: `dir` when given; otherwise $TOANCANH_CATALOG_DIR; otherwise the data/
 * folder beside this module in the source tree (server/catalog/data), which is also found
 * from the bundled server (out/main/server.js) run inside a checkout.
 */
export class CatalogLoadError extends Error {
  readonly errors: readonly CatalogError[];
  constructor(dir: string, errors: readonly CatalogError[]) {
    super(`${dir}: ${formatCatalogErrors(errors)}`);
    this.name = 'CatalogLoadError';
    this.errors = errors;
  }
}

export function defaultCatalogDir(): string {
  const fromEnv = process.env.TOANCANH_CATALOG_DIR;
  if (fromEnv) return resolve(fromEnv);
  const candidates = [resolve(import.meta.dirname, 'data'), resolve(import.meta.dirname, '../../server/catalog/data')];
  try {
    candidates.push(join(findProjectRoot(import.meta.url), 'server', 'catalog', 'data'));
  } catch {
    // Not inside a checkout: the candidates above are all there is.
  }
  return candidates.find((dir) => existsSync(join(dir, 'indicators.json'))) ?? candidates[0]!;
}

export function loadCatalog(dir: string = defaultCatalogDir()): Catalog {
  const errors: CatalogError[] = [];
  const read = (file: string): unknown => {
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch (error) {
      errors.push({ file, path: '$', message: `cannot read: ${(error as Error).message}` });
      return undefined;
    }
    try {
      return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown;
    } catch (error) {
      errors.push({ file, path: '$', message: `not valid JSON: ${(error as Error).message}` });
      return undefined;
    }
  };

  const indicators = read('indicators.json');
  let regimeFiles: string[] = [];
  try {
    regimeFiles = readdirSync(join(dir, 'regimes'))
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    errors.push({ file: 'regimes/', path: '$', message: `cannot list: ${(error as Error).message}` });
  }
  if (regimeFiles.length === 0 && errors.length === 0) errors.push({ file: 'regimes/', path: '$', message: 'no regime files (regimes/*.json)' });
  const regimes = regimeFiles.map((name) => ({ file: `regimes/${name}`, document: read(`regimes/${name}`) }));

  const unreadable = new Set(errors.map((e) => e.file));
  const sources: CatalogSources = {
    indicators: { file: 'indicators.json', document: indicators },
    regimes: regimes.filter((r) => !unreadable.has(r.file)),
  };
  // Validate what could be read, so that one pass reports every fault of every file.
  const result = unreadable.has('indicators.json') ? null : validateCatalog(sources);
  if (result && !result.ok) errors.push(...result.errors);
  if (unreadable.has('indicators.json') && sources.regimes.length > 0) {
    // Without the indicator catalogue, still check each regime file on its own.
    const alone = validateCatalog({ indicators: { file: 'indicators.json', document: { schemaVersion: 1, indicators: [] } }, regimes: sources.regimes });
    if (!alone.ok) errors.push(...alone.errors.filter((e) => e.file !== 'indicators.json'));
  }
  if (errors.length > 0 || !result?.ok) throw new CatalogLoadError(dir, errors);
  return result.catalog;
}
