import Database from 'better-sqlite3';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from '../../server/app';
import { migrations } from '../../server/db/migrations';
import { openDatabase, startupErrorOf } from '../../server/db/open';
import { StartupError } from '../../server/errors';
import { logSink, tempDir } from '../helpers/server-harness';

/**
 * A data folder the server cannot use stops it with one sentence naming the file and what
 * to do (a StartupError, which the CLI prints without a stack trace), and never leaves the
 * store half-migrated or changed.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folder(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

async function startError(dataDir: string): Promise<StartupError> {
  const error = await createServer({ dataDir, port: 0, logStream: logSink() }).then(
    async (server) => {
      await server.close();
      throw new Error('the server started');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StartupError);
  const startup = error as StartupError;
  expect(startup.message).not.toMatch(/\n\s+at /);
  return startup;
}

const maxVersion = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('data-folder faults', () => {
  it('a damaged database file: one sentence naming the file, and the file untouched', async () => {
    const dir = folder();
    const file = join(dir, 'toancanh.sqlite');
    const junk = Buffer.from('not a database, just text long enough to look like one '.repeat(200));
    writeFileSync(file, junk);
    const error = await startError(dir);
    expect(error.code).toBe('startup.database_damaged');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/restore the latest backup|another --data folder/);
    expect(readFileSync(file).equals(junk)).toBe(true);
  });

  it('a database of a newer schema: refused by version, nothing migrated', async () => {
    const dir = folder();
    const file = join(dir, 'toancanh.sqlite');
    openDatabase(file).close();
    const newer = new Database(file);
    newer.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, ?)').run('from the future', new Date().toISOString());
    newer.close();
    const error = await startError(dir);
    expect(error.code).toBe('startup.database_newer');
    expect(error.message).toMatch(/schema 99; this one knows up to \d+/);
    expect(maxVersion(file)).toBe(99);
  });

  it('a step that fails leaves the store at the last whole step', () => {
    const dir = folder();
    const file = join(dir, 'toancanh.sqlite');
    const broken = [...migrations, { version: 98, name: 'half', sql: 'CREATE TABLE half_done (x INTEGER); CREATE TABLE oops (' }];
    expect(() => openDatabase(file, broken)).toThrow();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
      expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(Math.max(...migrations.map((m) => m.version)));
    } finally {
      db.close();
    }
  });

  // This machine runs the tests as root, for whom no file is read-only: SQLite's own
  // read-only and disk-full errors are produced for real (a read-only connection, a page
  // limit) and must read as the same one sentence.
  it("SQLite's read-only and disk-full errors become one sentence each", () => {
    const dir = folder();
    const file = join(dir, 'toancanh.sqlite');
    openDatabase(file).close();
    const readOnly = new Database(file, { readonly: true });
    let caught: unknown;
    try {
      readOnly.prepare("INSERT INTO server_state (key, value) VALUES ('k', 'v')").run();
    } catch (e) {
      caught = e;
    } finally {
      readOnly.close();
    }
    const mappedReadOnly = startupErrorOf(caught, file) as StartupError;
    expect(mappedReadOnly.code).toBe('startup.database_read_only');
    expect(mappedReadOnly.message).toContain(file);

    const full = new Database(join(dir, 'full.sqlite'));
    full.exec('CREATE TABLE t (b BLOB)');
    full.pragma('max_page_count = 20');
    try {
      for (let i = 0; i < 100; i++) full.prepare('INSERT INTO t VALUES (randomblob(4096))').run();
    } catch (e) {
      caught = e;
    } finally {
      full.close();
    }
    expect((startupErrorOf(caught, file) as StartupError).code).toBe('startup.disk_full');
  });
});
