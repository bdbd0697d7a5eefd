import type { Observation } from '../../shared/protocol/model';
import type { Db } from './open';

interface Row {
  id: number;
  indicator: string;
  region: string;
  period: string;
  value: number | null;
  vintage: string;
  status: Observation['status'];
  demo: number;
  submission_id: string | null;
  agency: string | null;
  regime: string | null;
  source: string | null;
}

export interface ObservationFilter {
  /** null or missing: every one. */
  indicators?: ReadonlyArray<string> | null;
  regions?: ReadonlyArray<string> | null;
  periods?: ReadonlyArray<string> | null;
}

/**
 * Observations keep every vintage. "Current" is the newest row of a key (highest id), which
 * is also the last change a client replaying the log applied for that key: a snapshot and a
 * replay therefore always agree.
 */
export class ObservationRepo {
  private readonly insertStmt;
  private readonly countStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO observations (indicator, region, period, value, vintage, status, demo, submission_id, agency, regime, source, recorded_at)
       VALUES (@indicator, @region, @period, @value, @vintage, @status, @demo, @submission_id, @agency, @regime, @source, @recorded_at)`,
    );
    this.countStmt = db.prepare<[], number>('SELECT COUNT(*) FROM observations').pluck();
  }

  /** Call inside the writer's transaction. */
  insert(o: Observation, recordedAt: string): void {
    this.insertStmt.run({
      indicator: o.indicator,
      region: o.region,
      period: o.period,
      value: o.value,
      vintage: o.vintage,
      status: o.status,
      demo: o.demo ? 1 : 0,
      submission_id: o.provenance.submissionId,
      agency: o.provenance.agency,
      regime: o.provenance.regime,
      source: o.provenance.source,
      recorded_at: recordedAt,
    });
  }

  /** The newest vintage of every matching indicator x region x period. */
  latest(filter: ObservationFilter = {}): Observation[] {
    const { where, params } = whereClause(filter, 'o.');
    const sql = `SELECT o.* FROM observations o
      JOIN (SELECT MAX(id) AS id FROM observations GROUP BY indicator, region, period) newest ON newest.id = o.id
      ${where} ORDER BY o.indicator, o.region, o.period`;
    return this.db.prepare<unknown[], Row>(sql).all(...params).map(toObservation);
  }

  /** Every vintage of every matching key, oldest first within a key. */
  history(filter: ObservationFilter = {}): Observation[] {
    const { where, params } = whereClause(filter, '');
    const sql = `SELECT * FROM observations ${where} ORDER BY indicator, region, period, id`;
    return this.db.prepare<unknown[], Row>(sql).all(...params).map(toObservation);
  }

  count(): number {
    return this.countStmt.get() ?? 0;
  }
}

function whereClause(filter: ObservationFilter, prefix: string): { where: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  const add = (column: string, values: ReadonlyArray<string> | null | undefined) => {
    if (!values) return;
    if (values.length === 0) {
      parts.push('0');
      return;
    }
    parts.push(`${prefix}${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  add('indicator', filter.indicators);
  add('region', filter.regions);
  add('period', filter.periods);
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

function toObservation(row: Row): Observation {
  return {
    indicator: row.indicator,
    region: row.region,
    period: row.period,
    value: row.value,
    vintage: row.vintage,
    status: row.status,
    demo: row.demo === 1,
    provenance: { submissionId: row.submission_id, agency: row.agency, regime: row.regime, source: row.source },
  };
}
