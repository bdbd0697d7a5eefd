import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { formatErrors, loadLayout, parseJsonText, type LoadResult } from '../../shared/layout/load';
import type { Layout } from '../../shared/layout/schema';
import type { WallProfile } from '../../shared/wall/profile';
import { validateWallProfile } from '../../shared/wall/validate';
import { refuse } from '../../shared/validation/errors';

/** Layout and profile files are read whole: anything larger than a request body may be is refused unread. */
export const MAX_WALL_FILE_BYTES = 1024 * 1024;

function readText(path: string): LoadResult<string> {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const { size } = fstatSync(fd);
    if (size > MAX_WALL_FILE_BYTES) {
      return refuse([{ path: '$', message: `the file is ${size.toLocaleString('en-US')} bytes; at most ${MAX_WALL_FILE_BYTES.toLocaleString('en-US')}` }]);
    }
    return { ok: true, value: readFileSync(fd, 'utf8') };
  } catch (error) {
    return refuse([{ path: '$', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }]);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Reads and validates a layout file; every fault is listed with its JSON path (the first 100, and the total). */
export function loadLayoutFile(path: string): LoadResult<Layout> {
  const text = readText(path);
  return text.ok ? loadLayout(text.value) : text;
}

export function validateProfile(value: unknown): LoadResult<WallProfile> {
  return validateWallProfile(value);
}

export function loadProfileFile(path: string): LoadResult<WallProfile> {
  const text = readText(path);
  if (!text.ok) return text;
  const json = parseJsonText(text.value);
  return json.ok ? validateProfile(json.value) : json;
}

export { formatErrors };
