import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostIdSchema } from '../shared/fleet/schema';

/**
 * The agent's stable host id for the fleet (issue 9): made once and kept in the data
 * folder (the user-data folder unless --data says otherwise), so the server knows the
 * machine again after a restart, a renamed host or a new IP, and its display map holds.
 */
export const HOST_ID_FILE = 'host-id';

/** "may-tuong-1-3f9a2c7d": the host name made safe, and 8 random hex digits. */
export function newHostId(hostName: string, random: () => string = () => randomBytes(4).toString('hex')): string {
  const base = hostName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 40)
    .replace(/[-.]+$/, '');
  return `${base || 'host'}-${random()}`;
}

export function loadOrCreateHostId(dataDir: string, hostName: string): string {
  const file = join(dataDir, HOST_ID_FILE);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (hostIdSchema.safeParse(existing).success) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // Missing or damaged: a new id (the server sees a new host; the technician maps it once).
  mkdirSync(dataDir, { recursive: true });
  const id = newHostId(hostName);
  writeFileSync(file, `${id}\n`);
  return id;
}
