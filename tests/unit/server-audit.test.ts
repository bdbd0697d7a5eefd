import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_DIFF_MAX_BYTES, AuditLog, NO_ORIGIN, SERVER_ACTOR } from '../../server/audit/log';
import { openDatabase, type Db } from '../../server/db/open';
import { tempDir } from '../helpers/server-harness';

let dir: string | null = null;
let db: Db | null = null;
afterEach(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = null;
  dir = null;
});

function open(now: () => number = () => Date.parse('2026-12-02T08:00:00Z')): { log: AuditLog; db: Db; file: string } {
  dir = tempDir();
  const file = join(dir, 'audit.sqlite');
  db = openDatabase(file);
  return { log: new AuditLog(db, now), db, file };
}

const person = { kind: 'person' as const, id: 7, name: 'Nguyễn Văn An' };
const origin = { address: '10.0.0.5', userAgent: 'Chromium' };

describe('audit log', () => {
  it('keeps who, when, from where and what, and survives reopening the file', () => {
    const { log, file } = open();
    const id = log.record({ actor: person, origin, action: 'layout.save', objectType: 'layout', objectId: 'sang', diff: { added: ['t1'] } });
    db!.close();
    db = openDatabase(file);
    const { rows } = new AuditLog(db).list();
    expect(rows).toEqual([
      { id, at: '2026-12-02T08:00:00.000Z', actor: person, origin, action: 'layout.save', objectType: 'layout', objectId: 'sang', diff: { added: ['t1'] } },
    ]);
  });

  it('filters by person, object and time and pages newest first', () => {
    let t = Date.parse('2026-12-01T00:00:00Z');
    const { log } = open(() => (t += 60_000));
    for (let i = 0; i < 7; i++) {
      log.record({ actor: i % 2 ? person : SERVER_ACTOR, origin: i % 2 ? origin : NO_ORIGIN, action: 'layout.save', objectType: 'layout', objectId: `L${i % 3}`, diff: { i } });
    }
    expect(log.list({ actor: 'Nguyễn Văn An' }).rows.map((r) => (r.diff as { i: number }).i)).toEqual([5, 3, 1]);
    expect(log.list({ objectType: 'layout', objectId: 'L0' }).rows.map((r) => (r.diff as { i: number }).i)).toEqual([6, 3, 0]);
    expect(log.list({ since: '2026-12-01T00:03:00Z', until: '2026-12-01T00:05:00Z' }).rows.map((r) => (r.diff as { i: number }).i)).toEqual([3, 2]);
    const first = log.list({ limit: 4 });
    expect(first.rows.map((r) => (r.diff as { i: number }).i)).toEqual([6, 5, 4, 3]);
    const second = log.list({ limit: 4, before: first.next! });
    expect(second.rows.map((r) => (r.diff as { i: number }).i)).toEqual([2, 1, 0]);
    expect(second.next).toBeNull();
  });

  it('filters by one action, or by every action of an object ("layout."), with _ taken literally', () => {
    const { log } = open();
    for (const action of ['layout.save', 'layout.publish', 'schedule.update', 'user.create', 'layoutxsave.y']) {
      log.record({ actor: person, origin, action, objectType: action.split('.')[0]!, objectId: null });
    }
    log.record({ actor: person, origin, action: 'user_x.create', objectType: 'user', objectId: null });
    log.record({ actor: person, origin, action: 'userxx.create', objectType: 'user', objectId: null });
    expect(log.list({ action: 'layout.save' }).rows.map((r) => r.action)).toEqual(['layout.save']);
    expect(log.list({ action: 'layout.' }).rows.map((r) => r.action)).toEqual(['layout.publish', 'layout.save']);
    expect(log.list({ action: 'user_x.' }).rows.map((r) => r.action)).toEqual(['user_x.create']);
  });

  it('replaces an oversized diff by its size and keys, and refuses a malformed action', () => {
    const { log } = open();
    const big = { tiles: 'x'.repeat(AUDIT_DIFF_MAX_BYTES * 2), note: 'n' };
    log.record({ actor: person, origin, action: 'layout.import', objectType: 'layout', objectId: 'big', diff: big });
    expect(log.list().rows[0]!.diff).toEqual({ truncated: true, bytes: JSON.stringify(big).length, keys: ['tiles', 'note'] });
    expect(() => log.record({ actor: person, origin, action: 'Layout Save', objectType: 'layout', objectId: null })).toThrow(/<object>.<verb>/);
  });

  it('rolls back with the change it belongs to', () => {
    const { log, db: database } = open();
    database.exec('CREATE TABLE thing (v INTEGER)');
    const change = database.transaction(() => {
      database.prepare('INSERT INTO thing VALUES (1)').run();
      log.record({ actor: person, origin, action: 'thing.create', objectType: 'thing', objectId: '1' });
      throw new Error('the change fails after its row was written');
    });
    expect(() => change()).toThrow(/fails/);
    expect(database.prepare('SELECT COUNT(*) FROM thing').pluck().get()).toBe(0);
    expect(log.list().rows).toEqual([]);
  });
});
