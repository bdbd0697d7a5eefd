import type { Change } from '../../shared/protocol/feed';
import { ChangeLog, type ChangeBody } from './changelog';
import { IndicatorRepo } from './indicators';
import { ObservationRepo } from './observations';
import { openDatabase, type Db } from './open';

export interface SubmissionRecord {
  id: string;
  agency: string;
  regime: string | null;
  period: string;
  receivedAt: string;
  status: string;
  tokenId: number | null;
  payload: unknown;
}

/** What a write may do: every change it logs is published once the transaction commits. */
export interface WriteContext {
  readonly now: string;
  log(change: ChangeBody): Change;
  readonly indicators: IndicatorRepo;
  readonly observations: ObservationRepo;
  insertSubmission(record: SubmissionRecord): void;
}

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
  private readonly listeners = new Set<CommitListener>();
  /** Set by the app to its logger. */
  onListenerError: (error: unknown) => void = (error) => console.error(error);
  private readonly insertSubmissionStmt;
  private readonly getStateStmt;
  private readonly setStateStmt;

  constructor(readonly db: Db) {
    this.changes = new ChangeLog(db);
    this.indicators = new IndicatorRepo(db);
    this.observations = new ObservationRepo(db);
    this.insertSubmissionStmt = db.prepare(
      `INSERT INTO submissions (id, agency, regime, period, received_at, status, token_id, payload)
       VALUES (@id, @agency, @regime, @period, @receivedAt, @status, @tokenId, @payload)`,
    );
    this.getStateStmt = db.prepare<[string], string>('SELECT value FROM server_state WHERE key = ?').pluck();
    this.setStateStmt = db.prepare<[string, string]>(
      'INSERT INTO server_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  static open(file: string): Store {
    return new Store(openDatabase(file));
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  write<T>(fn: (tx: WriteContext) => T): { result: T; changes: Change[] } {
    const logged: Change[] = [];
    const now = new Date().toISOString();
    const tx: WriteContext = {
      now,
      log: (body) => {
        const change = this.changes.append(body, now);
        logged.push(change);
        return change;
      },
      indicators: this.indicators,
      observations: this.observations,
      insertSubmission: (r) => this.insertSubmissionStmt.run({ ...r, payload: JSON.stringify(r.payload) }),
    };
    // A throw inside rolls the whole transaction back, and nothing is published.
    const result = this.db.transaction(() => fn(tx))();
    // The data is committed whatever a listener does: its failure is reported, not thrown.
    if (logged.length > 0) {
      for (const listener of this.listeners) {
        try {
          listener(logged);
        } catch (error) {
          this.onListenerError(error);
        }
      }
    }
    return { result, changes: logged };
  }

  getState(key: string): string | null {
    return this.getStateStmt.get(key) ?? null;
  }

  setState(key: string, value: string): void {
    this.setStateStmt.run(key, value);
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
