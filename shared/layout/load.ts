import type { z } from 'zod';
import { crossTileIssues, layoutSchema, type Layout } from './schema';

export interface ValidationError {
  /** JSON path into the document, e.g. `$.tiles[3].x`. */
  path: string;
  message: string;
}

export type LoadResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${acc}.${name}` : `${acc}[${JSON.stringify(name)}]`;
  }, '$');
}

/** Every issue zod found, each with its JSON path: a refused file lists all its faults at once. */
export function issuesToErrors(issues: ReadonlyArray<z.core.$ZodIssue>): ValidationError[] {
  return issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

export function validateWith<T>(schema: z.ZodType<T, unknown>, value: unknown): LoadResult<T> {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: issuesToErrors(parsed.error.issues) };
}

export function parseJsonText(text: string): LoadResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, errors: [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }] };
  }
}

/** Parses and validates a layout document; the file is accepted whole or refused whole. */
export function validateLayout(value: unknown): LoadResult<Layout> {
  const result = validateWith(layoutSchema, value);
  if (result.ok || typeof value !== 'object' || value === null) return result;
  // zod skips whole-layout checks once a field is wrong; run them anyway so that one
  // pass lists every fault. An unknown widget is reported by name, not as zod's
  // generic mismatch of the tile union.
  const extra = crossTileIssues(value).map((i) => ({ path: jsonPath(i.path), message: i.message }));
  const unknownWidgetPaths = new Set(extra.filter((e) => e.message.startsWith('unknown widget')).map((e) => e.path));
  const seen = new Set<string>();
  const errors = [...result.errors.filter((e) => !unknownWidgetPaths.has(e.path)), ...extra].filter((e) => {
    const key = `${e.path}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ok: false, errors };
}

export function loadLayout(text: string): LoadResult<Layout> {
  const json = parseJsonText(text);
  return json.ok ? validateLayout(json.value) : json;
}

export function formatErrors(source: string, errors: ReadonlyArray<ValidationError>): string {
  return [`${source}: ${errors.length} error(s)`, ...errors.map((e) => `  ${e.path}: ${e.message}`)].join('\n');
}
