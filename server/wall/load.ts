import { readFileSync } from 'node:fs';
import { formatErrors, loadLayout, parseJsonText, validateWith, type LoadResult } from '../../shared/layout/load';
import type { Layout } from '../../shared/layout/schema';
import { wallProfileSchema, type WallProfile } from '../../shared/wall/profile';

function readText(path: string): LoadResult<string> {
  try {
    return { ok: true, value: readFileSync(path, 'utf8') };
  } catch (error) {
    return { ok: false, errors: [{ path: '$', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }] };
  }
}

/** Reads and validates a layout file; every fault is listed with its JSON path. */
export function loadLayoutFile(path: string): LoadResult<Layout> {
  const text = readText(path);
  return text.ok ? loadLayout(text.value) : text;
}

export function validateProfile(value: unknown): LoadResult<WallProfile> {
  return validateWith(wallProfileSchema, value);
}

export function loadProfileFile(path: string): LoadResult<WallProfile> {
  const text = readText(path);
  if (!text.ok) return text;
  const json = parseJsonText(text.value);
  return json.ok ? validateProfile(json.value) : json;
}

export { formatErrors };
