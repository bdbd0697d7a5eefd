import type { Change } from '../../shared/protocol/feed';
import { ChangeLog, type ChangeBody } from './changelog';
import { ComplianceRepo } from './compliance';
import { IndicatorRepo } from './indicators';
import { ObservationRepo } from './observations';
import { openDatabase, type Db } from './open';
import { SubmissionRepo } from './submissions';

/** Milliseconds since the epoch; injectable so that tests can move time (deadlines). */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

/** What a write may do: every change it logs is published once the transaction commits. */
export interface WriteContext {
  readonly now: string;
  log(change: ChangeBody): Change;
  /** The seq of the last change this write logged; 0 when none yet. */
  lastSeq(): number;
  readonly indicators: IndicatorRepo;
  readonly observations: ObservationRepo;
  readonly submissions: SubmissionRepo;
  readonly compliance: ComplianceRepo;
}

/** What one write of a group came to: its result, or what it threw (it was rolled back alone). */
export type WriteOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export type CommitListener = (changes: ReadonlyArray<Change>) => void;

/**
 * The one place that writes. `write` runs a function in a single SQLite transaction and,
 * right after COMMIT and in the same synchronous call, hands the logged changes to the
 * listeners (the feed). better-sqlite3 is synchronous, so no other JavaScript runs between
 * the commit and the publish: a socket that subscribes either sees a change in its
 * snapshot/replay or receives it live, never both and never neither.
 */
export class Store {
  readonly changes: ChangeLog;
  readonly indicators: IndicatorRepo;
  readonly observations: ObservationRepo;
  readonly submissions: SubmissionRepo;
  readonly compliance: ComplianceRepo;
  private readonly listeners = new Set<CommitListener>();
  /** Set by the app to its logger. */
  onListenerError: (error: unknown) => void = (error) => console.error(error);
  private readonly getStateStmt;
  private readonly setStateStmt;

  constructor(
    readonly db: Db,
    readonly now: Clock = systemClock,
  ) {
    this.changes = new ChangeLog(db);
    this.indicators = new IndicatorRepo(db);
    this.observations = new ObservationRepo(db);
    this.submissions = new SubmissionRepo(db);
    this.compliance = new ComplianceRepo(db);
    this.getStateStmt = db.prepare<[string], string>('SELECT value FROM server_state WHERE key = ?').pluck();
    this.setStateStmt = db.prepare<[string, string]>(
      'INSERT INTO server_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  static open(file: string, now: Clock = systemClock): Store {
    return new Store(openDatabase(file), now);
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  write<T>(fn: (tx: WriteContext) => T): { result: T; changes: Change[] } {
    const now = new Date(this.now()).toISOString();
    const logged: Change[] = [];
    // A throw inside rolls the whole transaction back, and nothing is published.
    const result = this.db.transaction(() => fn(this.context(now, logged)))();
    this.publish(logged);
    return { result, changes: logged };
  }

  /**
   * Group commit: several writes in ONE transaction (one COMMIT, so one fsync, with the
   * durability setting unchanged). A write that throws is rolled back alone (its rows and
   * its changes, and so its seqs: sqlite_sequence rolls back too) and its neighbours commit;
   * its error is its outcome. The changes of the writes that held are published together
   * right after the COMMIT, in seq order. A failed COMMIT throws: then nothing of the group
   * is stored and nothing published.
   *
   * The writes first run back to back with no savepoints: a SAVEPOINT and its RELEASE per
   * write cost about as much as a small report's inserts, and writes almost never throw.
   * When one does, that whole transaction is rolled back and the group runs again, each
   * write in its own savepoint, so a write may run twice: it must do nothing outside the
   * transaction (what it returns is kept only from the run that committed).
   */
  writeEach<T>(fns: ReadonlyArray<(tx: WriteContext) => T>): { outcomes: WriteOutcome<T>[]; changes: Change[] } {
    const now = new Date(this.now()).toISOString();
    const fast = this.writeAllOrNone(fns, now);
    if (fast) {
      this.publish(fast.changes);
      return { outcomes: fast.values.map((value) => ({ ok: true, value })), changes: fast.changes };
    }
    const logged: Change[] = [];
    const outcomes = this.db.transaction(() =>
      fns.map((fn): WriteOutcome<T> => {
        const mine: Change[] = [];
        try {
          // A transaction inside a transaction is a SAVEPOINT in better-sqlite3.
          const value = this.db.transaction(() => fn(this.context(now, mine)))();
          for (const change of mine) logged.push(change);
          return { ok: true, value };
        } catch (error) {
          // Some faults (a full disk, an I/O error) make SQLite roll back the whole
          // transaction: the later writes must not run outside it, and the earlier ones are gone.
          if (!this.db.inTransaction) throw error;
          return { ok: false, error };
        }
      }),
    )();
    this.publish(logged);
    return { outcomes, changes: logged };
  }

  /**
   * The group's writes in one transaction without savepoints; null (all rolled back) when
   * one of them threw. A failure of the COMMIT itself is thrown.
   */
  private writeAllOrNone<T>(fns: ReadonlyArray<(tx: WriteContext) => T>, now: string): { values: T[]; changes: Change[] } | null {
    const changes: Change[] = [];
    const aWriteThrew = new Error('a write of the group threw');
    try {
      const values = this.db.transaction(() =>
        fns.map((fn) => {
          try {
            return fn(this.context(now, changes));
          } catch {
            throw aWriteThrew;
          }
        }),
      )();
      return { values, changes };
    } catch (error) {
      if (error === aWriteThrew) return null;
      throw error;
    }
  }

  private context(now: string, logged: Change[]): WriteContext {
    return {
      now,
      log: (body) => {
        const change = this.changes.append(body, now);
        logged.push(change);
        return change;
      },
      lastSeq: () => logged[logged.length - 1]?.seq ?? 0,
      indicators: this.indicators,
      observations: this.observations,
      submissions: this.submissions,
      compliance: this.compliance,
    };
  }

  /** The data is committed whatever a listener does: its failure is reported, not thrown. */
  private publish(logged: ReadonlyArray<Change>): void {
    if (logged.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(logged);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  getState(key: string): string | null {
    return this.getStateStmt.get(key) ?? null;
  }

  setState(key: string, value: string): void {
    this.setStateStmt.run(key, value);
  }

  /**
   * A fingerprint of everything stored: per table its row count and the hash of its rows
   * in rowid order, plus the change log's head. Two equal fingerprints mean nothing was
   * written in between (tests compare one before and after refused submissions).
   */
  fingerprint(): { head: number; tables: Record<string, { rows: number; hash: string }> } {
    const tables = this.db
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    const out: Record<string, { rows: number; hash: string }> = {};
    for (const t of tables) {
      let h = 0x811c9dc5;
      let rows = 0;
      for (const row of this.db.prepare(`SELECT * FROM "${t}"`).raw().iterate() as Iterable<unknown[]>) {
        rows++;
        const text = JSON.stringify(row);
        for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
      }
      out[t] = { rows, hash: h.toString(16) };
    }
    return { head: this.changes.head(), tables: out };
  }

  /** Row counts of every table, for health checks and tests. */
  tableCounts(): Record<string, number> {
    const tables = this.db
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    return Object.fromEntries(tables.map((t) => [t, this.db.prepare<[], number>(`SELECT COUNT(*) FROM "${t}"`).pluck().get() ?? 0]));
  }

  close(): void {
    this.listeners.clear();
    if (this.db.open) this.db.close();
  }
}
