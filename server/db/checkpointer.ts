import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../shared/log';
import type { Db } from './open';

export interface CheckpointerOptions {
  /** How often the writer's connection is looked at for new writes to checkpoint. */
  intervalMs: number;
  /**
   * A WAL longer than this many frames after a passive checkpoint is restarted by the
   * writer's connection (see below), which bounds the WAL file.
   */
  restartFrames: number;
}

export const DEFAULT_CHECKPOINTER: CheckpointerOptions = { intervalMs: 200, restartFrames: 8192 };

/** Calls `tick` every `intervalMs` until the returned stop is called; tests pass their own. */
export type Ticker = (tick: () => void, intervalMs: number) => () => void;

const intervalTicker: Ticker = (tick, intervalMs) => {
  const timer = setInterval(tick, intervalMs);
  // The checkpoints keep no process alive: closing the store folds the WAL in anyway.
  timer.unref();
  return () => clearInterval(timer);
};

/** SQLite's own automatic checkpoint (pages), put back when the worker is gone. */
const SQLITE_AUTOCHECKPOINT = 1000;

/** What the worker answers to each 'checkpoint'. */
export type CheckpointReply =
  | { ok: true; busy: number; log: number; checkpointed: number; ms: number }
  | { ok: false; message: string; code: string | null };

/**
 * The worker: its own connection to the same file, running `PRAGMA wal_checkpoint` when
 * asked. A string evaluated as CommonJS, so that the same code runs from the built server
 * and from the TypeScript sources under test; the driver is the resolved better-sqlite3.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('wal_autocheckpoint = 0');
const passive = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  const started = performance.now();
  try {
    const row = passive.get();
    parentPort.postMessage({ ok: true, busy: row.busy, log: row.log, checkpointed: row.checkpointed, ms: performance.now() - started });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message), code: (error && error.code) || null });
  }
});
`;

/**
 * Checkpoints of the WAL on a worker thread, off the event loop.
 *
 * SQLite copies the WAL back into the database file itself (an automatic checkpoint, every
 * 1,000 pages) inside the COMMIT that crosses the mark: on the writer's thread, which is
 * the event loop, so under a stream of reports every few group commits stalled for the
 * copy and the database file's fsync, most of the time a commit took. Here the writer's
 * connection only appends to the WAL (`wal_autocheckpoint = 0`) and a second connection on
 * a worker thread checkpoints (PASSIVE: it never blocks the writer or a reader), as
 * SQLite's documentation suggests for this case. Durability is SQLite's either way: a
 * commit is on disk once its WAL frames are synced (synchronous=FULL), whoever copies them
 * back later, and a crash mid-checkpoint is recovered from the WAL on the next open.
 *
 * A passive checkpoint copies what was committed when it began, but the WAL starts again
 * from its beginning only when a write begins with every frame copied, which a steady
 * stream of group commits never leaves time for: the file would grow without end. So when
 * a passive checkpoint reports a WAL longer than `restartFrames`, the writer's own
 * connection restarts it at once, on the event loop but with no checkpoint running on the
 * worker and no transaction open: only the frames committed during that passive copy are
 * left to copy, a short pause, and no lock is ever waited for.
 *
 * Should the worker fail to start or die, the writer's connection gets its automatic
 * checkpoint back, and that is logged: the WAL never grows unchecked.
 */
export class Checkpointer {
  private worker: Worker | null = null;
  private stopTicking: (() => void) | null = null;
  private inFlight = false;
  private lastChanges = -1;
  private stopping: Promise<void> | null = null;
  private readonly totalChanges;
  private readonly listeners = new Set<(reply: CheckpointReply) => void>();

  constructor(
    private readonly db: Db,
    private readonly file: string,
    private readonly log: Logger,
    private readonly options: CheckpointerOptions = DEFAULT_CHECKPOINTER,
    private readonly ticker: Ticker = intervalTicker,
  ) {
    this.totalChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
  }

  start(): void {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.file, driver } });
    this.worker = worker;
    this.db.pragma('wal_autocheckpoint = 0');
    worker.on('message', (reply: CheckpointReply) => this.settled(reply));
    worker.on('error', (error) => this.lost('the checkpoint worker failed', error));
    worker.on('exit', (code) => {
      if (this.worker === worker && !this.stopping) this.lost('the checkpoint worker exited', new Error(`exit code ${code}`));
    });
    worker.unref();
    this.stopTicking = this.ticker(() => this.tick(), this.options.intervalMs);
  }

  /** Asks for a checkpoint now (when none is under way); the tests' and the timer's way in. */
  checkpoint(): boolean {
    if (!this.worker || this.inFlight || this.stopping) return false;
    this.inFlight = true;
    this.worker.postMessage('checkpoint');
    return true;
  }

  /** Called with each checkpoint's outcome. */
  onCheckpoint(listener: (reply: CheckpointReply) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the timer and the worker, whose connection is closed before this resolves. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.stopTicking?.();
      this.stopTicking = null;
      const worker = this.worker;
      this.worker = null;
      if (!worker) return;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timeout);
    })();
    return this.stopping;
  }

  private tick(): void {
    // total_changes() counts the rows this connection wrote: nothing new, nothing to copy.
    const changes = this.totalChanges.get() ?? 0;
    if (changes === this.lastChanges) return;
    if (this.checkpoint()) this.lastChanges = changes;
  }

  private settled(reply: CheckpointReply): void {
    this.inFlight = false;
    if (!reply.ok) {
      // Tried again at the next tick, new writes or not.
      this.lastChanges = -1;
      this.log.warn('database: a checkpoint failed; the next one retries', { message: reply.message, code: reply.code ?? 'none' });
    } else if (reply.log > this.options.restartFrames && this.db.open && !this.db.inTransaction) this.restart(reply.log);
    for (const listener of this.listeners) listener(reply);
  }

  private restart(frames: number): void {
    // Never wait on the event loop: another process (a CLI command) reading or writing
    // makes this one busy, and the next long WAL tries again.
    const patience = Number(this.db.pragma('busy_timeout', { simple: true }));
    this.db.pragma('busy_timeout = 0');
    try {
      const started = performance.now();
      const [row] = this.db.pragma('wal_checkpoint(RESTART)') as { busy: number }[];
      if (row?.busy) this.log.debug('database: the WAL could not be restarted now (busy); the next long one tries again', { frames });
      else this.log.debug('database: the WAL was restarted', { frames, ms: Math.round(performance.now() - started) });
    } catch (error) {
      this.log.warn('database: restarting the WAL failed; the next long one tries again', { err: error });
    } finally {
      this.db.pragma(`busy_timeout = ${patience}`);
    }
  }

  private lost(message: string, error: unknown): void {
    this.stopTicking?.();
    this.stopTicking = null;
    this.worker = null;
    this.inFlight = false;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT}`);
    this.log.warn(`database: ${message}; the writer checkpoints again itself`, { err: error });
  }
}
