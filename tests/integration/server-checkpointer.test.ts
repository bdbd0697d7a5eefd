import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../../shared/log';
import { Checkpointer, type CheckpointReply, type Ticker } from '../../server/db/checkpointer';
import { waitFor } from '../helpers/wait';
import { openDatabase, type Db } from '../../server/db/open';

/**
 * The WAL checkpointer (server/db/checkpointer.ts) on a real SQLite file: a worker thread
 * copies the WAL back while the writer's connection only appends; a long WAL is restarted
 * by the writer, so the file stops growing; a worker that cannot run gives the writer its
 * automatic checkpoint back.
 */
const dirs: string[] = [];
const open: { db: Db; checkpointer: Checkpointer }[] = [];

afterEach(async () => {
  for (const { db, checkpointer } of open.splice(0)) {
    await checkpointer.stop();
    if (db.open) db.close();
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Said {
  level: string;
  message: string;
  fields?: LogFields;
}

function recordingLog(said: Said[]): Logger {
  const at = (level: string) => (message: string, fields?: LogFields) => void said.push({ level, message, fields });
  const log: Logger = { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), fatal: at('fatal'), child: () => log };
  return log;
}

/** A ticker the test turns by hand. */
function handTicker() {
  let turn: (() => void) | null = null;
  const ticker: Ticker = (tick) => {
    turn = tick;
    return () => void (turn = null);
  };
  return { ticker, tick: () => turn?.() };
}

function setUp(options = { intervalMs: 60_000, restartFrames: 8192 }, file?: string, ticker?: Ticker) {
  const dir = mkdtempSync(join(tmpdir(), 'toancanh-checkpoint-'));
  dirs.push(dir);
  const databaseFile = join(dir, 'store.sqlite');
  const db = openDatabase(databaseFile, []);
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const said: Said[] = [];
  const checkpointer = new Checkpointer(db, file ?? databaseFile, recordingLog(said), options, ticker);
  open.push({ db, checkpointer });
  const insert = db.prepare<[string]>('INSERT INTO rows (body) VALUES (?)');
  /** `commits` transactions of 20 rows of 1 kB: a few pages each. */
  const write = (commits: number) => {
    for (let c = 0; c < commits; c++) db.transaction(() => Array.from({ length: 20 }, () => insert.run('x'.repeat(1000))))();
  };
  const walBytes = () => statSync(`${databaseFile}-wal`).size;
  const next = () => new Promise<CheckpointReply>((resolve) => {
    const off = checkpointer.onCheckpoint((reply) => {
      off();
      resolve(reply);
    });
  });
  return { db, databaseFile, checkpointer, said, write, walBytes, next };
}

describe('the WAL checkpointer', () => {
  it('takes the checkpoints off the writer: the writer only appends, the worker copies every committed frame back', async () => {
    const { db, databaseFile, checkpointer, write, walBytes, next } = setUp();
    checkpointer.start();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // Far past SQLite's own 1,000-page mark: with it on, the WAL would have been copied and reused.
    write(400);
    const grown = walBytes();
    expect(grown).toBeGreaterThan(1500 * 4096);
    const reply = next();
    expect(checkpointer.checkpoint()).toBe(true);
    const done = await reply;
    expect(done).toMatchObject({ ok: true, busy: 0 });
    expect(done.ok && done.checkpointed).toBe(done.ok && done.log);
    expect(done.ok && done.log).toBeGreaterThan(1500);
    // Everything is in the database file itself: a copy of that file alone, without its WAL, has every row.
    const copy = `${databaseFile}.copy`;
    copyFileSync(databaseFile, copy);
    const alone = openDatabase(copy, []);
    expect(alone.prepare('SELECT COUNT(*) FROM rows').pluck().get()).toBe(8000);
    alone.close();
  });

  it('restarts a WAL longer than its limit from the writer, so that a steady stream of commits does not grow the file', async () => {
    const { checkpointer, write, walBytes, next, said } = setUp({ intervalMs: 60_000, restartFrames: 500 });
    checkpointer.start();
    write(300);
    const before = walBytes();
    const reply = next();
    checkpointer.checkpoint();
    expect(await reply).toMatchObject({ ok: true });
    expect(said.map((s) => s.message)).toContain('database: the WAL was restarted');
    // The next commits are written from the WAL's beginning: the file keeps its size.
    write(150);
    expect(walBytes()).toBe(before);
  });

  it('does not restart a WAL another connection still reads, and restarts it once that reader is done', async () => {
    const { db, databaseFile, checkpointer, write, walBytes, next, said } = setUp({ intervalMs: 60_000, restartFrames: 500 });
    checkpointer.start();
    // Another process's connection (a CLI command, say) in the middle of a read.
    const reader = openDatabase(databaseFile, []);
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT COUNT(*) FROM rows').get();
    write(300);
    const first = next();
    checkpointer.checkpoint();
    expect(await first).toMatchObject({ ok: true });
    expect(said.map((s) => s.message)).toContain('database: the WAL could not be restarted now (busy); the next long one tries again');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    reader.prepare('COMMIT').run();
    reader.close();
    const second = next();
    checkpointer.checkpoint();
    expect(await second).toMatchObject({ ok: true });
    expect(said.map((s) => s.message)).toContain('database: the WAL was restarted');
    const size = walBytes();
    write(100);
    expect(walBytes()).toBe(size);
  });

  it('leaves a WAL under its limit to be reused by SQLite itself (no restart)', async () => {
    const { checkpointer, write, next, said } = setUp({ intervalMs: 60_000, restartFrames: 1_000_000 });
    checkpointer.start();
    write(50);
    const reply = next();
    checkpointer.checkpoint();
    expect(await reply).toMatchObject({ ok: true });
    expect(said.map((s) => s.message)).not.toContain('database: the WAL was restarted');
  });

  it('checkpoints at a tick when there were writes, and not when there were none', async () => {
    const hand = handTicker();
    const { checkpointer, write, next } = setUp(undefined, undefined, hand.ticker);
    checkpointer.start();
    write(5);
    const first = next();
    hand.tick();
    const done = await first;
    expect(done).toMatchObject({ ok: true });
    expect(done.ok && done.log).toBeGreaterThan(0);
    // Idle: the tick sees no new row written and asks for nothing, so one can be asked for at once.
    hand.tick();
    const asked = next();
    expect(checkpointer.checkpoint()).toBe(true);
    await asked;
    // A write wakes the ticks again: that tick asks, so none can be asked for beside it.
    write(1);
    const woken = next();
    hand.tick();
    expect(checkpointer.checkpoint()).toBe(false);
    expect(await woken).toMatchObject({ ok: true });
  });

  it('gives the writer its automatic checkpoint back, and says so, when the worker cannot run', async () => {
    const { db, checkpointer, said } = setUp(undefined, '/nonexistent/folder/store.sqlite');
    checkpointer.start();
    await waitFor(() => said.some((s) => s.level === 'warn'), 10_000, 'the warning that the worker failed');
    expect(said.find((s) => s.level === 'warn')?.message).toBe('database: the checkpoint worker failed; the writer checkpoints again itself');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(checkpointer.checkpoint()).toBe(false);
  });

  it('closes its connection on stop: the writer, last to close, folds the WAL in and removes it', async () => {
    const { db, databaseFile, checkpointer, write } = setUp();
    checkpointer.start();
    write(20);
    await checkpointer.stop();
    db.close();
    expect(existsSync(`${databaseFile}-wal`)).toBe(false);
    const reopened = openDatabase(databaseFile, []);
    expect(reopened.prepare('SELECT COUNT(*) FROM rows').pluck().get()).toBe(400);
    reopened.close();
  });
});
