import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../server/catalog/load';
import { agencyByCode } from '../../shared/agencies';
import { dataWindow, deadlineOf, periodsBetween } from '../../shared/regimes/calendar';
import { articleNumbers, documentNumber } from '../../shared/regimes/legal';
import { reportersOf } from '../../shared/regimes/reporters';

/**
 * The faults a review of the catalogue against the legal texts and the published releases
 * found, each as the check that would have caught it. (The rules a schema can enforce —
 * Decree 09's articles, numbered citations, replaced laws, Article 8 — are refused at load:
 * tests/unit/regimes-schema.test.ts; here the catalogue's content is held to them.)
 */
const catalog = loadCatalog();
const regime = (code: string) => {
  const r = catalog.regimes.find((x) => x.code === code);
  if (!r) throw new Error(`no regime ${code}`);
  return r;
};
const indicator = (code: string) => catalog.indicators.find((i) => i.code === code)!;
const reportersOfIndicator = (code: string) => catalog.regimes.filter((r) => r.fields.some((f) => f.indicator === code)).flatMap((r) => reportersOf(r));

describe('legal bases', () => {
  it('cite Decree 09/2019/NĐ-CP art. 12 for the cut-off and art. 13 for the deadline, never art. 12 alone', () => {
    const decree09Cutoffs = catalog.regimes.filter((r) => r.window.kind === 'cutoff' && (r.window.basis ?? 'decree-09') === 'decree-09');
    expect(decree09Cutoffs.length).toBeGreaterThanOrEqual(8);
    for (const r of catalog.regimes) {
      for (const b of r.legalBasis.filter((x) => documentNumber(x.document) === '09/2019/NĐ-CP')) {
        const articles = articleNumbers(b.article);
        if (articles.includes(12)) expect(articles, r.code).toContain(13);
      }
    }
    for (const r of decree09Cutoffs) {
      const decree = r.legalBasis.find((x) => documentNumber(x.document) === '09/2019/NĐ-CP')!;
      expect(articleNumbers(decree.article), r.code).toEqual([12, 13]);
    }
  });

  it('name every law with its number', () => {
    for (const r of catalog.regimes) for (const b of r.legalBasis) expect(documentNumber(b.document), `${r.code}: ${b.document}`).toBeDefined();
    const documents = catalog.regimes.flatMap((r) => r.legalBasis.map((b) => b.document));
    expect(documents).toContain('Luật Đầu tư công 58/2024/QH15');
    expect(documents).toContain('Luật Bảo hiểm xã hội 41/2024/QH15');
  });

  it('bound the Employment Law 38/2013 and the State Budget Law 83/2015 to 2025, their successors from 1 January 2026', () => {
    const employment = regime('BNV-LDVL-QUY').legalBasis;
    expect(employment.find((b) => b.document.includes('38/2013/QH13'))).toMatchObject({ validUntil: '2025-12-31' });
    expect(employment.find((b) => b.document.includes('74/2025/QH15'))).toMatchObject({ validFrom: '2026-01-01' });
    const budget = regime('BTC-NSNN-THANG').legalBasis;
    expect(budget.find((b) => b.document.includes('83/2015/QH13'))).toMatchObject({ validUntil: '2025-12-31' });
    expect(budget.find((b) => b.document.includes('89/2025/QH15'))).toMatchObject({ validFrom: '2026-01-01' });
  });

  it('give the administrative-procedure report its regime, Circular 01/2020/TT-VPCP; Decision 766 is an indicator set', () => {
    const numbers = regime('VPCP-TTHC-QUY').legalBasis.map((b) => documentNumber(b.document));
    expect(numbers).toContain('01/2020/TT-VPCP');
    expect(numbers).not.toContain('766/QĐ-TTg');
  });
});

describe('who produces the figures', () => {
  it('merchandise exports and imports come from the customs department (Ministry of Finance)', () => {
    for (const code of ['EXPORTS', 'IMPORTS', 'TRADE_TOTAL', 'TRADE_BALANCE']) {
      expect(reportersOfIndicator(code), code).toEqual(['CHQ']);
      expect(indicator(code).source, code).toBe('Cục Hải quan (Bộ Tài chính)');
    }
    expect(agencyByCode('CHQ')?.parent).toBe('BTC');
    // The Ministry of Industry and Trade keeps electricity.
    expect(reportersOfIndicator('ELECTRICITY_OUTPUT')).toEqual(['BCT']);
  });

  it('GRDP is compiled by the statistics system for every province, not reported by the provinces', () => {
    const grdp = regime('CTK-GRDP-QUY');
    expect(grdp.reporters).toEqual(['CTK']);
    expect(grdp.fields).toEqual([expect.objectContaining({ indicator: 'PROV_GRDP_GROWTH', byProvince: true })]);
    expect(reportersOfIndicator('PROV_GRDP_GROWTH').filter((a) => agencyByCode(a)?.kind === 'province')).toEqual([]);
    expect(grdp.legalBasis.map((b) => documentNumber(b.document))).toContain('94/2022/NĐ-CP');
  });
});

describe('periods and years', () => {
  it('civil judgment enforcement statistics run over the year 1 October – 30 September', () => {
    expect(regime('BTP-THADS-THANG').reportingYear).toMatchObject({ starts: '10-01' });
  });

  it('the budget year is the calendar year: no regime counts budget figures from 15 December', () => {
    const budget = catalog.regimes.filter((r) => r.fields.some((f) => /BUDGET/.test(f.indicator)));
    expect(budget.map((r) => r.code).sort()).toEqual(['BTC-NSNN-THANG', 'TINH-KTXH-9T', 'TINH-KTXH-NAM', 'TINH-KTXH-THANG']);
    for (const r of budget) {
      expect(r.reportingYear, r.code).toMatchObject({ starts: '01-01' });
      expect(`${r.note?.vi} ${r.note?.en}`, r.code).not.toMatch(/15\/12|15 December/);
    }
  });

  it('the graduation examination is reported after its July results, not in December', () => {
    const exam = regime('BGDDT-TNTHPT-NAM');
    for (const year of ['2025', '2026', '2027']) {
      expect(dataWindow(exam, year).end).toBe(`${year}-07-31`);
      const due = deadlineOf(exam, year).date;
      expect(due, `${year}: due in August`).toMatch(new RegExp(`^${year}-08-`));
    }
  });

  it('doctors and hospital beds per 10,000 people are yearly figures', () => {
    for (const code of ['DOCTORS_PER_10K', 'HOSPITAL_BEDS_PER_10K']) {
      expect(indicator(code).periodicity, code).toBe('year');
      for (const r of catalog.regimes.filter((x) => x.fields.some((f) => f.indicator === code))) expect(r.periodicity, r.code).toBe('year');
    }
  });

  it('marks the 9-month window (15/12 → 14/9) as local practice: Decree 09 has none', () => {
    const nine = regime('TINH-KTXH-9T');
    expect(nine.window).toMatchObject({ kind: 'cutoff', day: 15, basis: 'local-practice' });
    expect(dataWindow(nine, '2026-9M')).toEqual({ start: '2025-12-15', end: '2026-09-14' });
    // Only nine-month regimes, for which the decree sets nothing, carry the mark.
    for (const r of catalog.regimes.filter((x) => x.window.kind === 'cutoff' && x.window.basis === 'local-practice')) expect(r.periodicity).toBe('nine-months');
  });

  it('says which plan a disbursement percentage is measured against', () => {
    expect(regime('BTC-DTC-THANG').note?.vi).toMatch(/kế hoạch vốn đầu tư công .* Thủ tướng Chính phủ giao/);
    expect(regime('BTC-DTC-THANG').note?.en).toMatch(/plan assigned by the Prime Minister/);
  });

  it('every regime leaves at least one working day between cut-off and deadline, 2023 to 2030', () => {
    for (const r of catalog.regimes.filter((x) => x.periodicity !== 'ad-hoc')) {
      for (const period of periodsBetween(r, '2023', '2030')) {
        const d = deadlineOf(r, period);
        expect(d.date > dataWindow(r, period).end, `${r.code} ${period}`).toBe(true);
        if (d.movedOver.length > 0) expect(Date.parse(d.date), `${r.code} ${period}: moved past ${d.nominal}`).toBeGreaterThan(Date.parse(d.nominal));
      }
    }
  });
});
