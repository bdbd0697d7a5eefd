import { parsePeriod } from '../../shared/period';
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
  revision: number | null;
}

export interface ObservationFilter {
  /** null or missing: every one. */
  indicators?: ReadonlyArray<string> | null;
  regions?: ReadonlyArray<string> | null;
  periods?: ReadonlyArray<string> | null;
  agencies?: ReadonlyArray<string> | null;
  regimes?: ReadonlyArray<string> | null;
  statuses?: ReadonlyArray<Observation['status']> | null;
  demo?: boolean | null;
  /** Periods lying wholly within [from, to] (days, YYYY-MM-DD, inclusive). */
  from?: string | null;
  to?: string | null;
  submissionId?: string | null;
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
      `INSERT INTO observations (indicator, region, period, period_start, period_end, value, vintage, status, demo, submission_id, agency, regime, source, recorded_at)
       VALUES (@indicator, @region, @period, @period_start, @period_end, @value, @vintage, @status, @demo, @submission_id, @agency, @regime, @source, @recorded_at)`,
    );
    this.countStmt = db.prepare<[], number>('SELECT COUNT(*) FROM observations').pluck();
  }

  /** Call inside the writer's transaction. */
  insert(o: Observation, recordedAt: string): void {
    const p = parsePeriod(o.period);
    this.insertStmt.run({
      indicator: o.indicator,
      region: o.region,
      period: o.period,
      period_start: p?.start ?? null,
      period_end: p?.end ?? null,
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

  /**
   * Per indicator × region × period, the newest vintage among the rows that match (for the
   * filters on the key itself: the newest vintage of every matching key).
   */
  latest(filter: ObservationFilter = {}, limit = -1, historyYears?: number): Observation[] {
    const { where, params } = whereClause(filter);
    // Windowed: each series' newest year first (the greatest period text: every period starts
    // with its year, shared/widgets/history-span.ts), then only the keys from its first kept
    // year on, found by a range of the (indicator, region, period) index, not a pass over
    // every period the series ever had.
    const newest =
      historyYears === undefined
        ? `SELECT MAX(id) AS id FROM observations ${where} GROUP BY indicator, region, period`
        : `SELECT MAX(k.id) AS id FROM (SELECT indicator, region, CAST(substr(MAX(period), 1, 4) AS INTEGER) AS top FROM observations ${where} GROUP BY indicator, region) series
             JOIN observations k ON k.indicator = series.indicator AND k.region = series.region AND k.period >= printf('%04d', series.top - ? + 1)
             GROUP BY k.indicator, k.region, k.period`;
    if (historyYears !== undefined) params.push(historyYears);
    const sql = `SELECT o.*, s.revision AS revision FROM observations o
      JOIN (${newest}) newest ON newest.id = o.id
      LEFT JOIN submissions s ON s.id = o.submission_id
      ORDER BY o.indicator, o.region, o.period LIMIT ?`;
    return this.db.prepare<unknown[], Row>(sql).all(...params, limit).map(toObservation);
  }

  /** Every vintage of every matching key, oldest first within a key. */
  history(filter: ObservationFilter = {}, limit = -1): Observation[] {
    const { where, params } = whereClause(filter);
    const sql = `SELECT o.*, s.revision AS revision FROM (SELECT * FROM observations ${where}) o
      LEFT JOIN submissions s ON s.id = o.submission_id
      ORDER BY o.indicator, o.region, o.period, o.id LIMIT ?`;
    return this.db.prepare<unknown[], Row>(sql).all(...params, limit).map(toObservation);
  }

  /** The observations one submission created, in the order of its values. */
  ofSubmission(id: string): Observation[] {
    const sql = `SELECT o.*, s.revision AS revision FROM observations o LEFT JOIN submissions s ON s.id = o.submission_id
      WHERE o.submission_id = ? ORDER BY o.id`;
    return this.db.prepare<[string], Row>(sql).all(id).map(toObservation);
  }

  count(): number {
    return this.countStmt.get() ?? 0;
  }
}

function whereClause(filter: ObservationFilter): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (column: string, values: ReadonlyArray<string> | null | undefined) => {
    if (!values) return;
    if (values.length === 0) {
      parts.push('0');
      return;
    }
    parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  add('indicator', filter.indicators);
  add('region', filter.regions);
  add('period', filter.periods);
  add('agency', filter.agencies);
  add('regime', filter.regimes);
  add('status', filter.statuses);
  if (filter.demo !== undefined && filter.demo !== null) {
    parts.push('demo = ?');
    params.push(filter.demo ? 1 : 0);
  }
  if (filter.from) {
    parts.push('period_start >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    parts.push('period_end <= ?');
    params.push(filter.to);
  }
  if (filter.submissionId) {
    parts.push('submission_id = ?');
    params.push(filter.submissionId);
  }
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
    provenance: {
      submissionId: row.submission_id,
      agency: row.agency,
      regime: row.regime,
      source: row.source,
      ...(row.revision !== null && row.revision !== undefined ? { revision: row.revision } : {}),
    },
  };
}
