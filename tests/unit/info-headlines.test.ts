import { describe, expect, it } from 'vitest';
import type { IndicatorMeta, Observation } from '../../shared/protocol/model';
import { sumCompliance } from '../../renderer/info/data';
import { comparisonFor, figureChange, indexObservations, latestObservation, planProgress, provinceTwin, selectHeadlines } from '../../renderer/info/headlines';

const NOW = Date.parse('2026-12-02T08:00:00+07:00');

const meta = (code: string, over: Partial<IndicatorMeta> = {}): IndicatorMeta => ({
  code,
  name: { vi: code, en: code },
  unit: 'tỷ đồng',
  periodicity: 'month',
  direction: 'up',
  group: 'public-finance',
  scope: 'national',
  ...over,
});

const obs = (indicator: string, period: string, value: number | null, over: Partial<Observation> = {}): Observation => ({
  indicator,
  region: 'VN',
  period,
  value,
  vintage: '2026-11-20T03:00:00.000Z',
  status: 'official',
  demo: false,
  provenance: { submissionId: 's1', agency: 'BTC', regime: 'BTC-NSNN-THANG', source: null, revision: 1 },
  ...over,
});

const gdp = meta('GDP_GROWTH', { unit: '% so với cùng kỳ', periodicity: 'quarter', group: 'economic-growth', targets: [{ period: '2026', value: 10, kind: 'at-least' }] });
const grdp = meta('PROV_GRDP_GROWTH', { unit: '% so với cùng kỳ', periodicity: 'quarter', group: 'economic-growth', scope: 'province' });
const revenue = meta('BUDGET_REVENUE', { targets: [{ period: '2026', value: 2000000, kind: 'at-least' }] });
const provRevenue = meta('PROV_BUDGET_REVENUE', { scope: 'province' });
const expenditure = meta('BUDGET_EXPENDITURE');
const online = meta('PROV_ONLINE_APPLICATION_RATE', { unit: '%', group: 'public-administration', scope: 'province' });
const catalogue = [gdp, grdp, revenue, provRevenue, expenditure, online];
const byCode = new Map(catalogue.map((m) => [m.code, m] as const));

describe('the information page: headline rules', () => {
  it("finds a national indicator's province twin by the catalogue's naming, GRDP for GDP", () => {
    expect(provinceTwin('GDP_GROWTH', byCode)).toBe('PROV_GRDP_GROWTH');
    expect(provinceTwin('BUDGET_REVENUE', byCode)).toBe('PROV_BUDGET_REVENUE');
    expect(provinceTwin('BUDGET_EXPENDITURE', byCode)).toBeNull();
  });

  it('takes the latest period with a value, skipping "no data" figures', () => {
    const index = indexObservations([obs('BUDGET_REVENUE', '2026-09', 10), obs('BUDGET_REVENUE', '2026-11', null), obs('BUDGET_REVENUE', '2026-10', 12)]);
    expect(latestObservation(index.get('BUDGET_REVENUE')?.get('VN'))?.period).toBe('2026-10');
  });

  it('keeps the newest vintage when a reply carries two of one period', () => {
    const index = indexObservations([obs('BUDGET_REVENUE', '2026-10', 12, { vintage: '2026-11-21T00:00:00.000Z' }), obs('BUDGET_REVENUE', '2026-10', 11)]);
    expect(index.get('BUDGET_REVENUE')?.get('VN')?.get('2026-10')?.value).toBe(12);
  });

  it('compares a level with the same period of last year first, else the previous period', () => {
    const both = indexObservations([obs('BUDGET_REVENUE', '2025-10', 100), obs('BUDGET_REVENUE', '2026-09', 150), obs('BUDGET_REVENUE', '2026-10', 120)]).get('BUDGET_REVENUE')!.get('VN')!;
    const latest = both.get('2026-10')!;
    expect(comparisonFor(revenue, latest, both)?.period).toBe('2025-10');
    const change = figureChange(revenue, latest, comparisonFor(revenue, latest, both));
    expect(change).toMatchObject({ basis: 'year-on-year', against: '2025-10', arrow: '▲', tone: 'good', text: { vi: '+20,0%', en: '+20.0%' } });
    const previousOnly = indexObservations([obs('BUDGET_REVENUE', '2026-09', 150), obs('BUDGET_REVENUE', '2026-10', 120)]).get('BUDGET_REVENUE')!.get('VN')!;
    expect(figureChange(revenue, latest, comparisonFor(revenue, latest, previousOnly))).toMatchObject({ basis: 'previous', arrow: '▼', tone: 'bad', text: { vi: '−20,0%', en: '−20.0%' } });
  });

  it('compares a rate that is already year on year with the previous period, in percentage points', () => {
    const series = indexObservations([obs('GDP_GROWTH', '2025-Q3', 7.1), obs('GDP_GROWTH', '2026-Q2', 8.2), obs('GDP_GROWTH', '2026-Q3', 8.5)]).get('GDP_GROWTH')!.get('VN')!;
    const latest = series.get('2026-Q3')!;
    const against = comparisonFor(gdp, latest, series);
    expect(against?.period).toBe('2026-Q2');
    expect(figureChange(gdp, latest, against)).toMatchObject({ basis: 'previous', text: { vi: '+0,30 điểm %', en: '+0.30 pp' } });
  });

  it('has no change without a period to compare', () => {
    const latest = obs('BUDGET_REVENUE', '2026-10', 120);
    expect(comparisonFor(revenue, latest, new Map([['2026-10', latest]]))).toBeNull();
    expect(figureChange(revenue, latest, null)).toBeNull();
  });

  it("judges a rate against the plan of its year, and a level part-way through the year as a share", () => {
    expect(planProgress(gdp, obs('GDP_GROWTH', '2026-Q3', 8.5))).toMatchObject({ met: false, tone: 'bad', share: null, label: { vi: 'KH 2026: ≥ 10%', en: 'Plan 2026: ≥ 10%' } });
    expect(planProgress(gdp, obs('GDP_GROWTH', '2026-Q3', 10.2))).toMatchObject({ met: true, tone: 'good' });
    const part = planProgress(revenue, obs('BUDGET_REVENUE', '2026-10', 1650000));
    expect(part).toMatchObject({ met: false, tone: 'neutral', share: { vi: 'đạt 82,5% KH', en: '82.5% of plan' }, label: { vi: 'KH 2026: ≥ 2.000.000', en: 'Plan 2026: ≥ 2,000,000' } });
    expect(part?.fill).toBeCloseTo(0.825);
    expect(planProgress(revenue, obs('BUDGET_REVENUE', '2025-10', 1650000))).toBeNull();
  });

  it('heads each field with the indicators that have a plan first, at most three, skipping those without figures', () => {
    const observations = [obs('BUDGET_EXPENDITURE', '2026-10', 5), obs('BUDGET_REVENUE', '2026-10', 7), obs('GDP_GROWTH', '2026-Q3', 8.5)];
    const fields = selectHeadlines(catalogue, indexObservations(observations), 'VN', NOW);
    expect(fields).toHaveLength(9);
    const of = (code: string) => fields.find((f) => f.code === code)!.headlines.map((h) => `${h.meta.code}|${h.latest.region}`);
    expect(of('public-finance')).toEqual(['BUDGET_REVENUE|VN', 'BUDGET_EXPENDITURE|VN']);
    expect(of('economic-growth')).toEqual(['GDP_GROWTH|VN']);
    // Province-only indicators have no national figure.
    expect(of('public-administration')).toEqual([]);
    const many = [0, 1, 2, 3, 4].map((i) => meta(`EXTRA_${i}`));
    const crowded = selectHeadlines([...catalogue, ...many], indexObservations([...observations, ...many.map((m) => obs(m.code, '2026-10', 1))]), 'VN', NOW);
    expect(crowded.find((f) => f.code === 'public-finance')!.headlines.map((h) => h.meta.code)).toEqual(['BUDGET_REVENUE', 'BUDGET_EXPENDITURE', 'EXTRA_0']);
  });

  it("shows a province's own figures first, the nation's where it has none (marked), and its province-only indicators", () => {
    const observations = [
      obs('BUDGET_REVENUE', '2026-10', 7),
      obs('BUDGET_EXPENDITURE', '2026-10', 5),
      obs('PROV_BUDGET_REVENUE', '2026-10', 3, { region: '48' }),
      obs('PROV_BUDGET_REVENUE', '2026-10', 9, { region: '01' }),
      obs('GDP_GROWTH', '2026-Q3', 8.5),
      obs('PROV_ONLINE_APPLICATION_RATE', '2026-Q3', 91, { region: '48' }),
    ];
    const fields = selectHeadlines(catalogue, indexObservations(observations), '48', NOW);
    const of = (code: string) => fields.find((f) => f.code === code)!.headlines.map((h) => `${h.meta.code}|${h.latest.region}|${h.nationalFallback}`);
    expect(of('public-finance')).toEqual(['PROV_BUDGET_REVENUE|48|false', 'BUDGET_EXPENDITURE|VN|true']);
    expect(of('economic-growth')).toEqual(['GDP_GROWTH|VN|true']);
    expect(of('public-administration')).toEqual(['PROV_ONLINE_APPLICATION_RATE|48|false']);
    const daNang = fields.find((f) => f.code === 'public-finance')!.headlines[0]!;
    expect(daNang).toMatchObject({ nationalCode: 'BUDGET_REVENUE', value: { vi: '3', en: '3' }, period: { vi: 'Tháng 10/2026', en: '10/2026' } });
  });

  it("leaves a province's ranking (PCI…) to the ranking widget: it is not a headline figure", () => {
    const pci = meta('PROV_PCI', { unit: 'điểm', periodicity: 'year', group: 'public-administration', scope: 'province', ranking: true });
    const observations = [obs('PROV_PCI', '2025', 68.2, { region: '48' }), obs('PROV_ONLINE_APPLICATION_RATE', '2026-Q3', 91, { region: '48' })];
    const fields = selectHeadlines([...catalogue, pci], indexObservations(observations), '48', NOW);
    expect(fields.find((f) => f.code === 'public-administration')!.headlines.map((h) => h.meta.code)).toEqual(['PROV_ONLINE_APPLICATION_RATE']);
  });

  it('formats values in vi-VN and en, and reads the freshness of the figure', () => {
    const fields = selectHeadlines(catalogue, indexObservations([obs('BUDGET_REVENUE', '2025-10', 1234567.5)]), 'VN', NOW);
    const h = fields.find((f) => f.code === 'public-finance')!.headlines[0]!;
    expect(h.value).toEqual({ vi: '1.234.567,5', en: '1,234,567.5' });
    expect(h.freshness.state).toBe('stale');
  });

  it('sums the compliance counts of every regime', () => {
    expect(sumCompliance([{ counts: { 'on-time': 3, late: 1 } }, { counts: { missing: 2, 'on-time': 1, 'not-due': 4 } }])).toEqual({ 'on-time': 4, late: 1, missing: 2, 'not-due': 4 });
  });
});
