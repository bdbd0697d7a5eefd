import type { SubmissionSummary } from '../../shared/protocol/report';
import type { Db } from './open';

/** A submission as stored: the accepted report, its revision and where it came from. */
export interface SubmissionRecord {
  id: string;
  agency: string;
  regime: string | null;
  period: string;
  /** ISO 8601 UTC; the report's vintage. */
  receivedAt: string;
  /** ISO 8601 UTC; when the server stored it. */
  recordedAt: string;
  status: 'estimate' | 'official';
  revision: number;
  demo: boolean;
  format: 'json' | 'csv';
  tokenId: number | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  /** The normalised report (values with indicator, region, value, unit). */
  payload: unknown;
  valueCount: number;
  seq: number | null;
}

interface Row {
  id: string;
  agency: string;
  regime: string | null;
  period: string;
  received_at: string;
  recorded_at: string | null;
  status: string;
  revision: number;
  demo: number;
  format: 'json' | 'csv';
  token_id: number | null;
  idempotency_key: string | null;
  request_hash: string | null;
  payload: string;
  value_count: number;
  seq: number | null;
}

export interface SubmissionFilter {
  regime?: string;
  agency?: string;
  period?: string;
  demo?: boolean;
  /** receivedAt bounds, ISO 8601 (inclusive). */
  receivedFrom?: string;
  receivedTo?: string;
  /** Older than this submission (paging): ids are not ordered, so (received_at, id) is the key. */
  before?: { receivedAt: string; id: string };
  limit: number;
}

/** The receipts of one key, for compliance: every accepted submission's id and received time. */
export interface Receipt {
  id: string;
  agency: string;
  period: string;
  receivedAt: string;
}

export class SubmissionRepo {
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly byKeyStmt;
  private readonly byIdempotencyStmt;
  private readonly countOfKeyStmt;
  private readonly firstOfKeyStmt;
  private readonly receiptsStmt;
  private readonly earliestStmt;
  private readonly setSeqStmt;
  private readonly countStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO submissions (id, agency, regime, period, received_at, recorded_at, status, revision, demo, format, token_id,
         idempotency_key, request_hash, payload, value_count, seq)
       VALUES (@id, @agency, @regime, @period, @receivedAt, @recordedAt, @status, @revision, @demo, @format, @tokenId,
         @idempotencyKey, @requestHash, @payload, @valueCount, @seq)`,
    );
    this.byIdStmt = db.prepare<[string], Row>('SELECT * FROM submissions WHERE id = ?');
    this.byKeyStmt = db.prepare<[string, string, string], Row>(
      'SELECT * FROM submissions WHERE regime = ? AND agency = ? AND period = ? ORDER BY revision, received_at, rowid',
    );
    this.byIdempotencyStmt = db.prepare<[string], Row>('SELECT * FROM submissions WHERE idempotency_key = ?');
    this.countOfKeyStmt = db.prepare<[string, string, string], number>('SELECT COUNT(*) FROM submissions WHERE regime = ? AND agency = ? AND period = ?').pluck();
    this.firstOfKeyStmt = db.prepare<[string, string, string], { id: string; agency: string; period: string; received_at: string }>(
      'SELECT id, agency, period, received_at FROM submissions WHERE regime = ? AND agency = ? AND period = ? ORDER BY received_at, rowid LIMIT 1',
    );
    this.receiptsStmt = db.prepare<[string], { id: string; agency: string; period: string; received_at: string }>(
      'SELECT id, agency, period, received_at FROM submissions WHERE regime = ? ORDER BY received_at',
    );
    this.earliestStmt = db.prepare<[string], string | null>('SELECT MIN(received_at) FROM submissions WHERE regime = ?').pluck();
    this.setSeqStmt = db.prepare<[number, string]>('UPDATE submissions SET seq = ? WHERE id = ?');
    this.countStmt = db.prepare<[], number>('SELECT COUNT(*) FROM submissions').pluck();
  }

  /** Call inside the writer's transaction. */
  insert(r: SubmissionRecord): void {
    this.insertStmt.run({ ...r, demo: r.demo ? 1 : 0, payload: JSON.stringify(r.payload) });
  }

  setSeq(id: string, seq: number): void {
    this.setSeqStmt.run(seq, id);
  }

  /** The revision the next submission of this key gets (submissions are never deleted). */
  nextRevision(regime: string, agency: string, period: string): number {
    return (this.countOfKeyStmt.get(regime, agency, period) ?? 0) + 1;
  }

  /** The first (earliest received) submission of a key: what its compliance is judged on. */
  firstOfKey(regime: string, agency: string, period: string): Receipt | null {
    const first = this.firstOfKeyStmt.get(regime, agency, period);
    return first ? { id: first.id, agency: first.agency, period: first.period, receivedAt: first.received_at } : null;
  }

  get(id: string): SubmissionRecord | null {
    const row = this.byIdStmt.get(id);
    return row ? toRecord(row) : null;
  }

  byIdempotencyKey(key: string): SubmissionRecord | null {
    const row = this.byIdempotencyStmt.get(key);
    return row ? toRecord(row) : null;
  }

  /** Every submission of a regime × agency × period, oldest revision first. */
  revisions(regime: string, agency: string, period: string): SubmissionRecord[] {
    return this.byKeyStmt.all(regime, agency, period).map(toRecord);
  }

  receipts(regime: string): Receipt[] {
    return this.receiptsStmt.all(regime).map((r) => ({ id: r.id, agency: r.agency, period: r.period, receivedAt: r.received_at }));
  }

  /** The earliest received time of any submission of a regime (ISO), or null. */
  earliestReceived(regime: string): string | null {
    return this.earliestStmt.get(regime) ?? null;
  }

  list(filter: SubmissionFilter): SubmissionRecord[] {
    const parts: string[] = [];
    const params: unknown[] = [];
    const eq = (column: string, value: unknown) => {
      parts.push(`${column} = ?`);
      params.push(value);
    };
    if (filter.regime !== undefined) eq('regime', filter.regime);
    if (filter.agency !== undefined) eq('agency', filter.agency);
    if (filter.period !== undefined) eq('period', filter.period);
    if (filter.demo !== undefined) eq('demo', filter.demo ? 1 : 0);
    if (filter.receivedFrom !== undefined) {
      parts.push('received_at >= ?');
      params.push(filter.receivedFrom);
    }
    if (filter.receivedTo !== undefined) {
      parts.push('received_at <= ?');
      params.push(filter.receivedTo);
    }
    if (filter.before) {
      parts.push('(received_at < ? OR (received_at = ? AND id < ?))');
      params.push(filter.before.receivedAt, filter.before.receivedAt, filter.before.id);
    }
    const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const sql = `SELECT * FROM submissions ${where} ORDER BY received_at DESC, id DESC LIMIT ?`;
    return this.db.prepare<unknown[], Row>(sql).all(...params, filter.limit).map(toRecord);
  }

  count(): number {
    return this.countStmt.get() ?? 0;
  }
}

function toRecord(row: Row): SubmissionRecord {
  return {
    id: row.id,
    agency: row.agency,
    regime: row.regime,
    period: row.period,
    receivedAt: row.received_at,
    recordedAt: row.recorded_at ?? row.received_at,
    // Submissions stored before regimes (schema 1) said 'received': their figures were official.
    status: row.status === 'estimate' ? 'estimate' : 'official',
    revision: row.revision,
    demo: row.demo === 1,
    format: row.format,
    tokenId: row.token_id,
    idempotencyKey: row.idempotency_key,
    requestHash: row.request_hash,
    payload: JSON.parse(row.payload) as unknown,
    valueCount: row.value_count,
    seq: row.seq,
  };
}

export function toSummary(r: SubmissionRecord): SubmissionSummary {
  return {
    id: r.id,
    regime: r.regime,
    agency: r.agency,
    period: r.period,
    status: r.status,
    revision: r.revision,
    receivedAt: r.receivedAt,
    recordedAt: r.recordedAt,
    demo: r.demo,
    format: r.format,
    valueCount: r.valueCount,
    seq: r.seq,
  };
}
