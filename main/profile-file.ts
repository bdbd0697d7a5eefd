import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WallProfile } from '../shared/wall/profile';
import { validateWallProfile } from '../shared/wall/validate';

/**
 * Reading the technician's wall profile (the agent needs it to plan its windows) and
 * writing a derived one for the embedded server.
 */
export function loadWallProfile(path: string): WallProfile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`--profile: cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`--profile: ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = validateWallProfile(json);
  if (!result.ok) {
    const issues = result.errors.map((e) => `${e.path}: ${e.message}`);
    const more = result.total > result.errors.length ? [`… and ${result.total - result.errors.length} more`] : [];
    throw new Error(`--profile: ${path} is not a valid wall profile:\n  - ${[...issues, ...more].join('\n  - ')}`);
  }
  return result.value;
}

/** Written to a temporary file and renamed, so the server never reads half a profile. */
export function writeWallProfile(path: string, profile: WallProfile): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(profile, null, 2)}\n`);
  renameSync(temporary, path);
}
