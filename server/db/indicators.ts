import type { IndicatorMeta } from '../../shared/protocol/model';
import type { Db } from './open';

interface Row {
  code: string;
  name_vi: string;
  name_en: string;
  unit: string;
  periodicity: IndicatorMeta['periodicity'];
  direction: IndicatorMeta['direction'];
  field_group: string | null;
  scope: 'national' | 'province' | null;
  source: string | null;
  targets: string;
  ranking: number;
}

export class IndicatorRepo {
  private readonly upsertStmt;
  private readonly allStmt;
  private readonly getStmt;
  private readonly countStmt;

  constructor(db: Db) {
    this.upsertStmt = db.prepare<Row>(
      `INSERT INTO indicators (code, name_vi, name_en, unit, periodicity, direction, field_group, scope, source, targets, ranking)
       VALUES (@code, @name_vi, @name_en, @unit, @periodicity, @direction, @field_group, @scope, @source, @targets, @ranking)
       ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en, unit = excluded.unit,
         periodicity = excluded.periodicity, direction = excluded.direction, field_group = excluded.field_group,
         scope = excluded.scope, source = excluded.source, targets = excluded.targets, ranking = excluded.ranking`,
    );
    this.allStmt = db.prepare<[], Row>('SELECT * FROM indicators ORDER BY code');
    this.getStmt = db.prepare<[string], Row>('SELECT * FROM indicators WHERE code = ?');
    this.countStmt = db.prepare<[], number>('SELECT COUNT(*) FROM indicators').pluck();
  }

  /** Call inside the writer's transaction. */
  upsert(meta: IndicatorMeta): void {
    this.upsertStmt.run({
      code: meta.code,
      name_vi: meta.name.vi,
      name_en: meta.name.en,
      unit: meta.unit,
      periodicity: meta.periodicity,
      direction: meta.direction,
      field_group: meta.group ?? null,
      scope: meta.scope ?? null,
      source: meta.source ?? null,
      targets: JSON.stringify(meta.targets ?? []),
      ranking: meta.ranking ? 1 : 0,
    });
  }

  get(code: string): IndicatorMeta | null {
    const row = this.getStmt.get(code);
    return row ? toMeta(row) : null;
  }

  all(): IndicatorMeta[] {
    return this.allStmt.all().map(toMeta);
  }

  /** Indicators by code; read per request, so a new indicator is known at once. */
  byCode(): Map<string, IndicatorMeta> {
    return new Map(this.all().map((m) => [m.code, m]));
  }

  count(): number {
    return this.countStmt.get() ?? 0;
  }
}

function toMeta(row: Row): IndicatorMeta {
  const meta: IndicatorMeta = {
    code: row.code,
    name: { vi: row.name_vi, en: row.name_en },
    unit: row.unit,
    periodicity: row.periodicity,
    direction: row.direction,
  };
  if (row.field_group !== null) meta.group = row.field_group;
  const targets = JSON.parse(row.targets) as NonNullable<IndicatorMeta['targets']>;
  if (targets.length > 0) meta.targets = targets;
  if (row.scope !== null) meta.scope = row.scope;
  if (row.source !== null) meta.source = row.source;
  if (row.ranking === 1) meta.ranking = true;
  return meta;
}
