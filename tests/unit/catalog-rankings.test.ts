import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../server/catalog/load';
import { DEMO_RANKING_YEARS, demoRankingObservations } from '../../server/seed/demo-rankings';
import { catalogIndicatorSchema } from '../../shared/regimes/indicators';
import { PROVINCES } from '../../shared/regions';
import { rankScores } from '../../shared/rankings';

const catalog = loadCatalog();
const byCode = new Map(catalog.indicators.map((i) => [i.code, i]));

/** The provincial rankings and who publishes each. */
const RANKINGS: Record<string, RegExp> = {
  PROV_PCI: /VCCI/,
  PROV_PAPI: /UNDP.*CECODES/,
  PROV_PAR_INDEX: /^Bộ Nội vụ$/,
  PROV_SIPAS: /^Bộ Nội vụ$/,
  PROV_SERVICE_INDEX: /^Văn phòng Chính phủ$/,
};

const PCI = {
  code: 'PROV_PCI',
  name: { vi: 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)', en: 'Provincial Competitiveness Index (PCI)' },
  unit: 'điểm',
  periodicity: 'year',
  direction: 'up',
  group: 'business-environment',
  scope: 'province',
  targets: [],
  source: 'Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI)',
  ranking: true,
};
const faultsOf = (doc: unknown) => {
  const r = catalogIndicatorSchema.safeParse(doc);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('provincial rankings in the catalogue', () => {
  it('are the five rankings, yearly, by province, higher is better, each with its publisher', () => {
    expect(catalog.indicators.filter((i) => i.ranking).map((i) => i.code).sort()).toEqual(Object.keys(RANKINGS).sort());
    for (const [code, publisher] of Object.entries(RANKINGS)) {
      const i = byCode.get(code)!;
      expect({ code, scope: i.scope, periodicity: i.periodicity, direction: i.direction }).toEqual({ code, scope: 'province', periodicity: 'year', direction: 'up' });
      expect(i.source, code).toMatch(publisher);
    }
  });

  it('refuses a ranking without its publisher, by year or with no better end', () => {
    expect(faultsOf(PCI)).toEqual([]);
    const { source: _s, ...noSource } = PCI;
    expect(faultsOf(noSource)).toEqual([expect.stringMatching(/^source: a ranking names its publisher/)]);
    expect(faultsOf({ ...PCI, periodicity: 'quarter' })).toEqual([expect.stringMatching(/^periodicity: a ranking is published by year/)]);
    expect(faultsOf({ ...PCI, direction: 'neutral' })).toEqual([expect.stringMatching(/^direction: a ranking says which end ranks first/)]);
    expect(faultsOf({ ...PCI, code: 'PCI', scope: 'national' })).toEqual([expect.stringMatching(/^scope: a ranking ranks the provinces/)]);
  });
});

describe('the National Public Service Portal', () => {
  const regime = catalog.regimes.find((r) => r.code === 'VPCP-DVCQG-QUY')!;

  it('is a quarterly regime of the Government Office under Circular 01/2020/TT-VPCP and Decree 09 (art. 12, 13)', () => {
    expect(regime).toMatchObject({ owner: 'VPCP', reporters: ['VPCP'], periodicity: 'quarter', kind: 'administrative' });
    const cited = regime.legalBasis.map((b) => `${b.document}${b.article ? ` ${b.article}` : ''}`);
    expect(cited).toEqual(expect.arrayContaining(['Thông tư 01/2020/TT-VPCP', 'Nghị định 09/2019/NĐ-CP Điều 12, Điều 13']));
    expect(cited.filter((c) => /766/.test(c))).toEqual([]);
  });

  it('reports the online dossiers, online payment and full-process online services shares, national indicators of the catalogue', () => {
    expect(regime.fields.map((f) => f.indicator)).toEqual(['PORTAL_ONLINE_DOSSIER_RATE', 'PORTAL_ONLINE_PAYMENT_RATE', 'PORTAL_FULL_PROCESS_SERVICE_RATE']);
    for (const f of regime.fields) expect({ code: f.indicator, scope: byCode.get(f.indicator)?.scope, unit: byCode.get(f.indicator)?.unit }).toEqual({ code: f.indicator, scope: 'national', unit: f.unit });
  });
});

describe('the demo figures of rankings and the portal', () => {
  const seeded = demoRankingObservations();

  it('are all demo, each naming its publisher and year, and the same on every run', () => {
    expect(seeded.filter((o) => !o.demo)).toEqual([]);
    const rankings = seeded.filter((o) => byCode.get(o.indicator)?.ranking);
    expect(rankings.filter((o) => !o.provenance.source?.includes(o.period) || !o.provenance.source.includes('DEMO'))).toEqual([]);
    expect(demoRankingObservations()).toEqual(seeded);
    expect(demoRankingObservations(7)).not.toEqual(seeded);
  });

  it('cover the 34 provinces for every ranking and year, with a rank for each', () => {
    for (const code of Object.keys(RANKINGS)) {
      for (const year of DEMO_RANKING_YEARS) {
        const rows = seeded.filter((o) => o.indicator === code && o.period === String(year));
        expect(rows.map((o) => o.region).sort(), `${code} ${year}`).toEqual(PROVINCES.map((p) => p.code).sort());
        const ranking = rankScores(rows.map((o) => ({ code: o.region, value: o.value! })), byCode.get(code)!.direction);
        expect(ranking.total).toBe(34);
        expect(ranking.rows[0]!.rank).toBe(1);
      }
    }
  });

  it('stay within each scale and move a few places a year, not at random', () => {
    const pci = (year: number) => rankScores(seeded.filter((o) => o.indicator === 'PROV_PCI' && o.period === String(year)).map((o) => ({ code: o.region, value: o.value! })), 'up');
    const [a, b] = [pci(2024), pci(2025)];
    const moves = PROVINCES.map((p) => Math.abs(a.rankOf(p.code)!.rank - b.rankOf(p.code)!.rank));
    expect(moves.reduce((s, m) => s + m, 0) / moves.length).toBeLessThan(6);
    expect(seeded.filter((o) => o.value! < 0 || o.value! > 100)).toEqual([]);
  });
});
