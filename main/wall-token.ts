import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The wall token the embedded server expects from the windows. Generated once and kept
 * in the data folder, so it survives restarts of the agent and of the server; readable
 * by this user only (mode 0600), since it grants the wall's view of the data.
 */
export const WALL_TOKEN_FILE = 'wall-token';

/** 32 random bytes, base64url: 43 characters, within WindowConfig.token's 16..200. */
export function generateWallToken(): string {
  return randomBytes(32).toString('base64url');
}

function isUsableToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{32,200}$/.test(text);
}

export function loadOrCreateWallToken(dataDir: string): string {
  const file = join(dataDir, WALL_TOKEN_FILE);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (isUsableToken(existing)) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // Missing or damaged: a new token. The mode only applies when the file is created,
  // so an existing (damaged) file is tightened explicitly.
  mkdirSync(dataDir, { recursive: true });
  const token = generateWallToken();
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return token;
}
