import type { Change } from '../../shared/protocol/feed';
import type { Db } from './open';

type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;
/** A change before the log gave it its sequence number (each member of the union, without seq). */
export type ChangeBody = WithoutSeq<Change>;

interface Row {
  seq: number;
  kind: string;
  payload: string;
}

/**
 * The persisted, append-only change log. The whole log is kept, so any lastSeq since the
 * store was created can be replayed; the feed only falls back to a snapshot when the gap
 * is larger than its replay cap.
 */
export class ChangeLog {
  private readonly insert;
  private readonly headQuery;
  private readonly firstQuery;
  private readonly pageQuery;

  constructor(db: Db) {
    this.insert = db.prepare<[string, string, string]>('INSERT INTO change_log (kind, payload, created_at) VALUES (?, ?, ?)');
    // sqlite_sequence holds the last number AUTOINCREMENT handed out, even after deletions.
    this.headQuery = db.prepare<[], number>("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'").pluck();
    this.firstQuery = db.prepare<[], number | null>('SELECT MIN(seq) FROM change_log').pluck();
    this.pageQuery = db.prepare<[number, number], Row>('SELECT seq, kind, payload FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?');
  }

  /** Call inside the writer's transaction. */
  append(body: ChangeBody, createdAt: string): Change {
    const { kind, ...rest } = body;
    const result = this.insert.run(kind, JSON.stringify(rest), createdAt);
    return { seq: Number(result.lastInsertRowid), ...body } as Change;
  }

  /** The last sequence number handed out; 0 for an empty store. */
  head(): number {
    return this.headQuery.get() ?? 0;
  }

  /** The oldest change still in the log, or null when it is empty. */
  first(): number | null {
    return this.firstQuery.get() ?? null;
  }

  /** Up to `limit` changes after `seq`, in order. */
  after(seq: number, limit: number): Change[] {
    return this.pageQuery.all(seq, limit).map(toChange);
  }
}

function toChange(row: Row): Change {
  return { seq: row.seq, kind: row.kind, ...(JSON.parse(row.payload) as object) } as Change;
}
