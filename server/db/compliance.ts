import type { ComplianceStatus } from '../../shared/compliance/status';
import type { Db } from './open';

/** One row of the compliance table: the judged state of a regime × agency × period. */
export interface ComplianceRow {
  regime: string;
  agency: string;
  period: string;
  status: ComplianceStatus;
  /** 23:59:59+07:00 of the deadline day. */
  deadline: string;
  deadlineMs: number;
  /** The first accepted submission (ISO 8601 +07:00), on-time and late only. */
  receivedAt: string | null;
  lateByMs: number | null;
  revisions: number;
  firstSubmissionId: string | null;
}

interface Row {
  regime: string;
  agency: string;
  period: string;
  status: ComplianceStatus;
  deadline: string;
  deadline_ms: number;
  received_at: string | null;
  late_by_ms: number | null;
  revisions: number;
  first_submission_id: string | null;
}

export interface ComplianceQuery {
  regimes?: readonly string[];
  agencies?: readonly string[];
  periods?: readonly string[];
  statuses?: readonly ComplianceStatus[];
}

export class ComplianceRepo {
  private readonly upsertStmt;
  private readonly getStmt;
  private readonly byRegimeStmt;

  constructor(private readonly db: Db) {
    this.upsertStmt = db.prepare(
      `INSERT INTO compliance (regime, agency, period, status, deadline, deadline_ms, received_at, late_by_ms, revisions, first_submission_id, updated_at)
       VALUES (@regime, @agency, @period, @status, @deadline, @deadlineMs, @receivedAt, @lateByMs, @revisions, @firstSubmissionId, @updatedAt)
       ON CONFLICT (regime, agency, period) DO UPDATE SET status = excluded.status, deadline = excluded.deadline,
         deadline_ms = excluded.deadline_ms, received_at = excluded.received_at, late_by_ms = excluded.late_by_ms,
         revisions = excluded.revisions, first_submission_id = excluded.first_submission_id, updated_at = excluded.updated_at`,
    );
    this.getStmt = db.prepare<[string, string, string], Row>('SELECT * FROM compliance WHERE regime = ? AND agency = ? AND period = ?');
    this.byRegimeStmt = db.prepare<[string], Row>('SELECT * FROM compliance WHERE regime = ?');
  }

  /** Call inside the writer's transaction. */
  upsert(row: ComplianceRow, updatedAt: string): void {
    this.upsertStmt.run({ ...row, updatedAt });
  }

  get(regime: string, agency: string, period: string): ComplianceRow | null {
    const row = this.getStmt.get(regime, agency, period);
    return row ? toRow(row) : null;
  }

  byRegime(regime: string): ComplianceRow[] {
    return this.byRegimeStmt.all(regime).map(toRow);
  }

  query(q: ComplianceQuery = {}): ComplianceRow[] {
    const parts: string[] = [];
    const params: string[] = [];
    const within = (column: string, values: readonly string[] | undefined) => {
      if (!values) return;
      if (values.length === 0) parts.push('0');
      else {
        parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
        params.push(...values);
      }
    };
    within('regime', q.regimes);
    within('agency', q.agencies);
    within('period', q.periods);
    within('status', q.statuses);
    const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    return this.db
      .prepare<string[], Row>(`SELECT * FROM compliance ${where} ORDER BY regime, deadline_ms, period, agency`)
      .all(...params)
      .map(toRow);
  }
}

function toRow(r: Row): ComplianceRow {
  return {
    regime: r.regime,
    agency: r.agency,
    period: r.period,
    status: r.status,
    deadline: r.deadline,
    deadlineMs: r.deadline_ms,
    receivedAt: r.received_at,
    lateByMs: r.late_by_ms,
    revisions: r.revisions,
    firstSubmissionId: r.first_submission_id,
  };
}
