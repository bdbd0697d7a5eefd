import type { z } from 'zod';
import { AGENCIES, agencyByCode, type Agency } from '../agencies';
import { jsonPath } from '../layout/load';
import { indicatorCatalogSchema, type CatalogIndicator } from './indicators';
import { regimeSchema, reportersSchema, templateFieldSchema, type Regime, type TemplateField } from './schema';

/**
 * The catalogue: reporting regimes, the indicators their templates refer to, and the
 * agencies. Documents come from JSON files (server/catalog/data/): this module checks
 * them, each against its schema and all of them against each other, and lists every
 * error with its file and JSON path.
 *
 * Rules across documents:
 * - indicator codes and regime codes are unique; a regime's file is named after its code;
 * - every template field refers to a catalogued indicator, in the indicator's unit;
 * - a field broken down by province refers to a province-level indicator (PROV_…); a
 *   field not broken down refers to an indicator of the reporters' own level: national
 *   for central agencies, province-level for provinces.
 */
export interface Catalog {
  regimes: Regime[];
  indicators: CatalogIndicator[];
  agencies: readonly Agency[];
}

export interface CatalogError {
  /** The file, relative to the catalogue folder, e.g. regimes/BCA-TNGT-THANG.json. */
  file: string;
  /** JSON path inside it, e.g. $.fields[2].unit. */
  path: string;
  message: string;
}

export interface CatalogSources {
  indicators: { file: string; document: unknown };
  regimes: readonly { file: string; document: unknown }[];
}

export type CatalogResult = { ok: true; catalog: Catalog } | { ok: false; errors: CatalogError[] };

/** zod issues as catalogue errors; an unknown key is reported at its own path. */
const issues = (file: string, list: ReadonlyArray<z.core.$ZodIssue>): CatalogError[] =>
  list.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({ file, path: jsonPath([...i.path, key]), message: `unknown property "${key}"` }))
      : [{ file, path: jsonPath(i.path), message: i.message }],
  );

export function validateCatalog(sources: CatalogSources): CatalogResult {
  const errors: CatalogError[] = [];

  const indicatorFile = sources.indicators.file;
  const parsedIndicators = indicatorCatalogSchema.safeParse(sources.indicators.document);
  const indicators: CatalogIndicator[] = parsedIndicators.success ? parsedIndicators.data.indicators : [];
  if (!parsedIndicators.success) errors.push(...issues(indicatorFile, parsedIndicators.error.issues));
  const indicatorByCode = new Map<string, CatalogIndicator>();
  indicators.forEach((indicator, i) => {
    if (indicatorByCode.has(indicator.code)) errors.push({ file: indicatorFile, path: `$.indicators[${i}].code`, message: `indicator ${indicator.code} is catalogued twice` });
    else indicatorByCode.set(indicator.code, indicator);
  });

  const regimes: Regime[] = [];
  const regimeFiles = new Map<string, string>();
  for (const { file, document } of sources.regimes) {
    const parsed = regimeSchema.safeParse(document);
    if (!parsed.success) {
      errors.push(...issues(file, parsed.error.issues));
      // Still cross-check the fields that are well-formed, so that one pass lists every fault.
      if (parsedIndicators.success) errors.push(...crossCheckPartial(document, indicatorByCode).map((e) => ({ file, ...e })));
      continue;
    }
    const regime = parsed.data;
    const base = file.split('/').pop()!;
    if (base !== `${regime.code}.json`) errors.push({ file, path: '$.code', message: `regime ${regime.code} belongs in a file named ${regime.code}.json` });
    const other = regimeFiles.get(regime.code);
    if (other) errors.push({ file, path: '$.code', message: `regime ${regime.code} is also defined in ${other}` });
    regimeFiles.set(regime.code, file);

    // Only cross-check fields against a catalogue that loaded: otherwise every field would be "unknown".
    if (parsedIndicators.success) errors.push(...crossCheck(regime, indicatorByCode).map((e) => ({ file, ...e })));
    regimes.push(regime);
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    catalog: {
      regimes: regimes.sort((a, b) => a.code.localeCompare(b.code)),
      indicators: [...indicators].sort((a, b) => a.code.localeCompare(b.code)),
      agencies: AGENCIES,
    },
  };
}

function provincesReport(reporters: Regime['reporters']): boolean {
  return reporters === 'all-provinces' || agencyByCode(reporters[0]!)?.kind === 'province';
}

function crossCheck(regime: Regime, indicators: ReadonlyMap<string, CatalogIndicator>): { path: string; message: string }[] {
  return crossCheckFields(
    regime.fields.map((field, i) => [i, field] as const),
    provincesReport(regime.reporters),
    indicators,
  );
}

/** The cross-checks of a regime that failed its schema: its well-formed fields only. */
function crossCheckPartial(document: unknown, indicators: ReadonlyMap<string, CatalogIndicator>): { path: string; message: string }[] {
  if (typeof document !== 'object' || document === null) return [];
  const { fields, reporters } = document as { fields?: unknown; reporters?: unknown };
  if (!Array.isArray(fields)) return [];
  const parsedReporters = reportersSchema.safeParse(reporters);
  const wellFormed = fields.flatMap((f: unknown, i) => {
    const parsed = templateFieldSchema.safeParse(f);
    return parsed.success ? [[i, parsed.data] as const] : [];
  });
  return crossCheckFields(wellFormed, parsedReporters.success ? provincesReport(parsedReporters.data) : null, indicators);
}

/** `provinces`: whether provinces report (null: unknown, the level check is skipped). */
function crossCheckFields(
  fields: ReadonlyArray<readonly [number, TemplateField]>,
  provinces: boolean | null,
  indicators: ReadonlyMap<string, CatalogIndicator>,
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  fields.forEach(([i, field]) => {
    const at = `$.fields[${i}]`;
    const indicator = indicators.get(field.indicator);
    if (!indicator) {
      out.push({ path: `${at}.indicator`, message: `indicator ${field.indicator} is not in the indicator catalogue` });
      return;
    }
    if (indicator.unit !== field.unit) {
      out.push({ path: `${at}.unit`, message: `unit "${field.unit}" differs from the catalogue's unit of ${indicator.code}, "${indicator.unit}"` });
    }
    if (field.byProvince && indicator.scope !== 'province') {
      out.push({ path: `${at}.byProvince`, message: `${indicator.code} is a national indicator: a breakdown by province uses its PROV_ counterpart` });
    }
    if (!field.byProvince && provinces !== null) {
      const expected = provinces ? 'province' : 'national';
      if (indicator.scope !== expected) {
        out.push({
          path: `${at}.indicator`,
          message: provinces
            ? `provinces report their own figures: ${indicator.code} is national, use a PROV_ indicator`
            : `${indicator.code} is province-level: a central agency reports it by province (byProvince: true)`,
        });
      }
    }
  });
  return out;
}

/** Every error as one readable block: "file $.path: message" per line. */
export function formatCatalogErrors(errors: readonly CatalogError[]): string {
  return [`the catalogue has ${errors.length} error(s):`, ...errors.map((e) => `  ${e.file} ${e.path}: ${e.message}`)].join('\n');
}
