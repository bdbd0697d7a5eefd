import type { IndicatorMeta } from '../../shared/protocol/model';
import type { CatalogIndicator } from '../../shared/regimes/indicators';
import type { Regime } from '../../shared/regimes/schema';
import type { Store } from '../db/store';
import type { Catalog } from './load';

/**
 * The catalogue in the store: agencies, regimes and indicators are upserted on every start
 * (a new release may bring a new regime version or a corrected unit). An indicator whose
 * metadata changed, or is new, is logged as an 'indicator' change so walls learn of it in
 * order with the data; on the first start that is every indicator.
 */

/** The feed's indicator meta of a catalogue indicator (plan targets as periods). */
export function indicatorMetaOf(indicator: CatalogIndicator): IndicatorMeta {
  const meta: IndicatorMeta = {
    code: indicator.code,
    name: { vi: indicator.name.vi, en: indicator.name.en },
    unit: indicator.unit,
    periodicity: indicator.periodicity,
    direction: indicator.direction,
    group: indicator.group,
  };
  if (indicator.targets.length > 0) {
    meta.targets = indicator.targets.map((t) => ({ period: String(t.year), value: t.value, ...(t.upper === undefined ? {} : { upper: t.upper }), kind: t.comparator, source: t.basis }));
  }
  meta.scope = indicator.scope;
  if (indicator.source) meta.source = indicator.source;
  if (indicator.ranking) meta.ranking = true;
  return meta;
}

/** The same key order as the repository reads it back, so that equal metas compare equal as JSON. */
function canonical(meta: IndicatorMeta): string {
  const { code, name, unit, periodicity, direction, group, targets, scope, source, ranking } = meta;
  return JSON.stringify({ code, name, unit, periodicity, direction, group, targets: targets?.length ? targets : undefined, scope, source, ranking: ranking || undefined });
}

export function syncCatalog(store: Store, catalog: Catalog): { indicatorChanges: number } {
  const upsertAgency = store.db.prepare(
    `INSERT INTO agencies (code, kind, name_vi, name_en, short_vi, short_en, parent, region, former_codes)
     VALUES (@code, @kind, @name_vi, @name_en, @short_vi, @short_en, @parent, @region, @former_codes)
     ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, name_vi = excluded.name_vi, name_en = excluded.name_en,
       short_vi = excluded.short_vi, short_en = excluded.short_en, parent = excluded.parent, region = excluded.region,
       former_codes = excluded.former_codes`,
  );
  const getRegime = store.db.prepare<[string], string>('SELECT document FROM regimes WHERE code = ?').pluck();
  const upsertRegime = store.db.prepare(
    `INSERT INTO regimes (code, version, name_vi, name_en, kind, owner, periodicity, effective_from, document, updated_at)
     VALUES (@code, @version, @name_vi, @name_en, @kind, @owner, @periodicity, @effective_from, @document, @updated_at)
     ON CONFLICT (code) DO UPDATE SET version = excluded.version, name_vi = excluded.name_vi, name_en = excluded.name_en,
       kind = excluded.kind, owner = excluded.owner, periodicity = excluded.periodicity, effective_from = excluded.effective_from,
       document = excluded.document, updated_at = excluded.updated_at`,
  );

  const { result } = store.write((tx) => {
    for (const a of catalog.agencies) {
      upsertAgency.run({
        code: a.code,
        kind: a.kind,
        name_vi: a.name.vi,
        name_en: a.name.en,
        short_vi: a.shortName.vi,
        short_en: a.shortName.en,
        parent: a.parent ?? null,
        region: a.region,
        former_codes: JSON.stringify(a.formerCodes ?? []),
      });
    }
    for (const r of catalog.regimes) {
      const document = JSON.stringify(regimeDocument(r));
      if (getRegime.get(r.code) === document) continue;
      upsertRegime.run({
        code: r.code,
        version: r.version,
        name_vi: r.name.vi,
        name_en: r.name.en,
        kind: r.kind,
        owner: r.owner,
        periodicity: r.periodicity,
        effective_from: r.effectiveFrom,
        document,
        updated_at: tx.now,
      });
    }
    let indicatorChanges = 0;
    for (const indicator of catalog.indicators) {
      const meta = indicatorMetaOf(indicator);
      const stored = tx.indicators.get(meta.code);
      if (stored && canonical(stored) === canonical(meta)) continue;
      tx.indicators.upsert(meta);
      tx.log({ kind: 'indicator', indicator: tx.indicators.get(meta.code)! });
      indicatorChanges++;
    }
    return { indicatorChanges };
  });
  return result;
}

function regimeDocument(r: Regime): Omit<Regime, '$schema'> {
  const { $schema: _schema, ...rest } = r;
  return rest;
}
