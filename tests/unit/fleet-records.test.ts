import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/open';
import { FleetRecords } from '../../server/fleet/records';
import type { AgentReport } from '../../shared/fleet/schema';
import { tempDir } from '../helpers/server-harness';

let dir: string | null = null;
let db: Db | null = null;
afterEach(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = null;
  dir = null;
});

const report = (hostId: string): AgentReport => ({ kind: 'agent', hostId, hostName: `PC ${hostId}`, appVersion: '0.1.0', statusEveryMs: 1000, displays: [], windows: [] });

describe('the fleet records (SQLite)', () => {
  it('keep only the newest sightings, so a host reconnecting all day does not grow the file without end', () => {
    dir = tempDir();
    db = openDatabase(join(dir, 'fleet.sqlite'));
    const records = new FleetRecords(db, 10);
    for (let i = 0; i < 12; i++) {
      records.seen(report('may-a'), `2026-12-03T08:00:${String(i).padStart(2, '0')}.000Z`);
      records.gone(report('may-a'), `2026-12-03T08:00:${String(i).padStart(2, '0')}.500Z`);
    }
    const kept = records.sightings(undefined, 100);
    expect(kept).toHaveLength(10);
    // The newest ten: the last five hellos and goodbyes.
    expect(kept.at(-1)!.at).toBe('2026-12-03T08:00:07.000Z');
    expect(kept[0]).toMatchObject({ event: 'gone', at: '2026-12-03T08:00:11.500Z' });
  });

  it('forget a host with its sightings', () => {
    dir = tempDir();
    db = openDatabase(join(dir, 'fleet.sqlite'));
    const records = new FleetRecords(db);
    records.seen(report('may-a'), '2026-12-03T08:00:00.000Z');
    records.seen(report('may-b'), '2026-12-03T08:00:01.000Z');
    records.forget('may-a');
    expect(records.hosts().map((h) => h.hostId)).toEqual(['may-b']);
    expect(records.sightings(undefined, 10).map((s) => s.hostId)).toEqual(['may-b']);
  });
});
