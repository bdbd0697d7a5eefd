import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../server/catalog/load';
import { jsonPath } from '../../shared/layout/load';
import { catalogIndicatorSchema, indicatorCatalogSchema } from '../../shared/regimes/indicators';
import { regimeSchema, templateFieldSchema, type Regime } from '../../shared/regimes/schema';

const catalog = loadCatalog();
const traffic = catalog.regimes.find((r) => r.code === 'BCA-TNGT-THANG')!;

/** The JSON paths and messages of a refused document. */
function refusal(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success, 'expected a refusal').toBe(false);
  return result.error!.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`);
}
const withChange = (change: (r: Regime) => void): unknown => {
  const r = structuredClone(traffic);
  change(r);
  return r;
};

describe('regime schema', () => {
  it('accepts every regime of the catalogue, unchanged', () => {
    for (const r of catalog.regimes) expect(regimeSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it('refuses unknown properties, versions and codes', () => {
    expect(refusal(regimeSchema, { ...traffic, schemaVersion: 2, extra: 1 })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\$\.schemaVersion: /), expect.stringMatching(/^\$: Unrecognized key/)]),
    );
    expect(refusal(regimeSchema, { ...traffic, code: 'bca tngt' })).toEqual(['$.code: regime code: upper-case letters and digits in dash-separated words']);
    expect(refusal(regimeSchema, { ...traffic, version: 0 })[0]).toMatch(/^\$\.version: /);
    expect(refusal(regimeSchema, { ...traffic, effectiveFrom: '2025-02-30' })[0]).toMatch(/^\$\.effectiveFrom: /);
  });

  it('knows its agencies: owner and reporters, never provinces mixed with ministries', () => {
    expect(refusal(regimeSchema, { ...traffic, owner: 'BKHDT' })).toEqual([expect.stringMatching(/^\$\.owner: unknown agency/)]);
    expect(refusal(regimeSchema, { ...traffic, reporters: 'all-ministries' })).toEqual(['$.reporters: reporters: "all-provinces" or a list of agency codes']);
    expect(refusal(regimeSchema, { ...traffic, reporters: [] })[0]).toMatch(/^\$\.reporters: /);
    expect(refusal(regimeSchema, { ...traffic, reporters: ['BCA', 'P01'] })).toEqual(['$.reporters: reporters are either provinces or central agencies, not both (make two regimes)']);
    expect(refusal(regimeSchema, { ...traffic, reporters: ['BCA', 'BCA'] })).toEqual(['$.reporters: agency BCA is listed twice']);
    expect(regimeSchema.safeParse({ ...traffic, reporters: ['P01', 'P79'] }).success).toBe(true);
  });

  it('refuses a deadline on or before the data cut-off (Decree 09/2019/NĐ-CP, art. 8), for every kind of period', () => {
    const art8 = 'Decree 09/2019/NĐ-CP, art. 8, wants at least one working day between the cut-off and the deadline';
    // The 20th of the month with a calendar window: the month is not over by then.
    expect(refusal(regimeSchema, { ...traffic, window: { kind: 'calendar' } })).toEqual([`$.deadline: the deadline of 2027-01 (2027-01-20) is not after its data cut-off (2027-01-31): ${art8}`]);
    expect(refusal(regimeSchema, { ...traffic, deadline: { kind: 'day-of-month', day: 13, monthOffset: 0 } })).toEqual([
      `$.deadline: the deadline of 2027-01 (2027-01-13) is not after its data cut-off (2027-01-14): ${art8}`,
    ]);
    // The cut-off day itself leaves no working day between them: refused too.
    expect(refusal(regimeSchema, { ...traffic, deadline: { kind: 'day-of-month', day: 14, monthOffset: 0 } })).toEqual([
      `$.deadline: the deadline of 2027-01 (2027-01-14) is not after its data cut-off (2027-01-14): ${art8}`,
    ]);
    expect(regimeSchema.safeParse({ ...traffic, deadline: { kind: 'day-of-month', day: 15, monthOffset: 0 } }).success).toBe(true);
    // N days after the window: N = 0 is the cut-off day.
    expect(refusal(regimeSchema, { ...traffic, deadline: { kind: 'days-after-window', days: 0 } })).toEqual([
      `$.deadline: the deadline of 2027-01 (2027-01-14) is not after its data cut-off (2027-01-14): ${art8}`,
    ]);
    const adHoc = { ...traffic, periodicity: 'ad-hoc', window: { kind: 'calendar' }, deadline: { kind: 'days-after-window', days: 0 } };
    expect(refusal(regimeSchema, adHoc)).toEqual([`$.deadline.days: ${art8}`]);
    // Per kind of period: a yearly part-of-year window that ends on 25 December, due the 20th
    // of December, precedes only in the yearly period.
    const exam = { ...traffic, periodicity: 'year', window: { kind: 'part-of-year', start: '06-01', end: '12-25' } };
    expect(refusal(regimeSchema, exam)).toEqual([`$.deadline: the deadline of 2027 (2027-12-20) is not after its data cut-off (2027-12-25): ${art8}`]);
    expect(regimeSchema.safeParse({ ...exam, window: { kind: 'part-of-year', start: '06-01', end: '07-31' } }).success).toBe(true);
    // Six-monthly, cut-off the 14th of June and December, due the 1st of the next month: both halves are fine.
    const half = { ...traffic, periodicity: 'half-year', window: { kind: 'cutoff', day: 15 }, deadline: { kind: 'day-of-month', day: 1, monthOffset: 1 } };
    expect(regimeSchema.safeParse(half).success).toBe(true);
    expect(refusal(regimeSchema, { ...traffic, window: { kind: 'cutoff', day: 31 } })[0]).toMatch(/^\$\.window\.day: /);
    expect(refusal(regimeSchema, { ...traffic, deadline: { kind: 'days-after-window', days: -1 } })[0]).toMatch(/^\$\.deadline\.days: /);
    expect(refusal(regimeSchema, { ...traffic, deadline: { kind: 'when-ready' } })[0]).toMatch(/^\$\.deadline(\.kind)?: /);
  });

  it('takes a cut-off from Decree 09, art. 12, only where it sets one; anything else is marked local practice', () => {
    const nine = { ...traffic, periodicity: 'nine-months' };
    expect(refusal(regimeSchema, nine)).toEqual([
      '$.window.basis: Decree 09/2019/NĐ-CP, art. 12, sets no cut-off for nine-months reports: mark the window "basis": "local-practice" with a note',
    ]);
    expect(refusal(regimeSchema, { ...nine, window: { kind: 'cutoff', day: 15, basis: 'local-practice' } })).toEqual([
      '$.window.note: a local-practice window says in "note" whose practice it is and what it covers',
    ]);
    const note = { vi: 'Thông lệ của các địa phương.', en: "The provinces' practice." };
    expect(regimeSchema.safeParse({ ...nine, window: { kind: 'cutoff', day: 15, basis: 'local-practice', note } }).success).toBe(true);
    expect(refusal(regimeSchema, { ...traffic, window: { kind: 'cutoff', day: 10 } })).toEqual([
      '$.window.day: Decree 09/2019/NĐ-CP, art. 12, cuts off on the 15th (not the 10th): a different day is "basis": "local-practice" with a note',
    ]);
    expect(refusal(regimeSchema, { ...traffic, window: { kind: 'part-of-year', start: '06-01', end: '07-31' } })).toEqual(['$.window: a "part-of-year" window is for yearly regimes']);
    expect(refusal(regimeSchema, { ...traffic, periodicity: 'year', window: { kind: 'part-of-year', start: '02-29', end: '07-31' } })[0]).toMatch(/^\$\.window\.start: no such day/);
    // The catalogue's nine-month regime is marked, and says why.
    const provinces9 = catalog.regimes.find((r) => r.code === 'TINH-KTXH-9T')!;
    expect(provinces9.window).toMatchObject({ kind: 'cutoff', day: 15, basis: 'local-practice', note: { vi: expect.stringContaining('không quy định kỳ 9 tháng') } });
  });

  it('cites documents with their numbers, the right articles of Decree 09, and replaced laws only until they were replaced', () => {
    const basis = (i: number, change: Partial<Regime['legalBasis'][number]>) => withChange((r) => Object.assign(r.legalBasis[i]!, change));
    expect(refusal(regimeSchema, basis(1, { document: 'Luật Đầu tư công 2024' }))).toEqual([
      '$.legalBasis[1].document: cite "Luật Đầu tư công 2024" with its number (e.g. "Luật Đầu tư công 58/2024/QH15")',
    ]);
    // Article 12 is the cut-off; the deadline rule is article 13.
    expect(refusal(regimeSchema, basis(0, { article: 'Điều 12' }))).toEqual([
      '$.legalBasis[0].article: art. 12 is the data cut-off; the deadline rule is art. 13: cite "Điều 12, Điều 13"',
    ]);
    expect(refusal(regimeSchema, basis(0, { article: 'Điều 13' }))).toEqual(["$.legalBasis[0].article: the cut-off of this regime is Decree 09's, art. 12: cite it"]);
    // The Employment Law of 2013 is replaced from 1 January 2026.
    const employment = withChange((r) => r.legalBasis.push({ document: 'Luật Việc làm 38/2013/QH13' }));
    expect(refusal(regimeSchema, employment)).toEqual([
      '$.legalBasis[2].validUntil: Luật Việc làm 38/2013/QH13 is replaced by 74/2025/QH15 from 2026-01-01: it applies until the day before',
      '$.legalBasis[2].document: Luật Việc làm 38/2013/QH13 is replaced by 74/2025/QH15 from 2026-01-01: cite 74/2025/QH15 too',
    ]);
    const both = withChange((r) => r.legalBasis.push({ document: 'Luật Việc làm 38/2013/QH13', validUntil: '2025-12-31' }, { document: 'Luật Việc làm 74/2025/QH15' }));
    expect(refusal(regimeSchema, both)).toEqual(['$.legalBasis[3].validFrom: 74/2025/QH15 applies from 2026-01-01']);
    const right = withChange((r) => r.legalBasis.push({ document: 'Luật Việc làm 38/2013/QH13', validUntil: '2025-12-31' }, { document: 'Luật Việc làm 74/2025/QH15', validFrom: '2026-01-01' }));
    expect(regimeSchema.safeParse(right).success).toBe(true);
  });

  it('makes ad-hoc regimes report over the window they name, due N days after it', () => {
    const adHoc = { ...traffic, periodicity: 'ad-hoc', window: { kind: 'calendar' }, deadline: { kind: 'days-after-window', days: 1 } };
    expect(regimeSchema.safeParse(adHoc).success).toBe(true);
    expect(refusal(regimeSchema, { ...adHoc, window: { kind: 'cutoff', day: 15 } })).toEqual([
      '$.window: an ad-hoc regime reports over the window each request names: window must be "calendar"',
    ]);
    expect(refusal(regimeSchema, { ...adHoc, deadline: { kind: 'day-of-month', day: 6, monthOffset: 1 } })).toEqual([
      '$.deadline: an ad-hoc regime has a deadline counted in days after its window',
    ]);
  });

  it('lists a template field once', () => {
    const dup = withChange((r) => r.fields.push({ ...r.fields[0]! }));
    expect(refusal(regimeSchema, dup)).toEqual([`$.fields[${traffic.fields.length}].indicator: indicator TRAFFIC_ACCIDENTS appears twice in the template`]);
  });
});

describe('template fields', () => {
  const field = { indicator: 'GDP_GROWTH', unit: '% so với cùng kỳ', type: 'percent', min: -30, max: 30, required: true, byProvince: false };

  it('tie the percent type to a unit starting with "%"', () => {
    expect(templateFieldSchema.safeParse(field).success).toBe(true);
    expect(refusal(templateFieldSchema, { ...field, type: 'number' })).toEqual(['$.type: unit "% so với cùng kỳ" is a percentage: type must be "percent"']);
    expect(refusal(templateFieldSchema, { ...field, unit: 'điểm' })).toEqual(['$.unit: a percent field has a unit starting with "%"']);
  });

  it('keep bounds in order, and whole for integer fields', () => {
    expect(refusal(templateFieldSchema, { ...field, min: 5, max: 1 })).toEqual(['$.max: max (1) is below min (5)']);
    expect(refusal(templateFieldSchema, { ...field, unit: 'vụ', type: 'integer', min: 0.5 })).toEqual(['$.min: an integer field has integer bounds']);
    // Bounds are optional: an unbounded field is allowed.
    const { min: _min, max: _max, ...unbounded } = field;
    expect(templateFieldSchema.safeParse(unbounded).success).toBe(true);
  });
});

describe('indicator catalogue schema', () => {
  const gdp = catalog.indicators.find((i) => i.code === 'GDP_GROWTH')!;

  it('ties PROV_ codes to the province scope, and one target per year', () => {
    expect(refusal(catalogIndicatorSchema, { ...gdp, scope: 'province' })).toEqual(['$.scope: province-level indicators, and only they, have codes starting with PROV_']);
    expect(refusal(catalogIndicatorSchema, { ...gdp, targets: [gdp.targets[0], gdp.targets[0]] })).toEqual(['$.targets[1].year: a second target for 2025']);
    expect(refusal(catalogIndicatorSchema, { ...gdp, group: 'Tăng trưởng' })[0]).toMatch(/^\$\.group: /);
    expect(refusal(catalogIndicatorSchema, { ...gdp, targets: [{ ...gdp.targets[0], comparator: 'over' }] })[0]).toMatch(/^\$\.targets\[0\]\.comparator: /);
  });

  it('is a versioned document', () => {
    expect(indicatorCatalogSchema.safeParse({ schemaVersion: 1, indicators: catalog.indicators }).success).toBe(true);
    expect(refusal(indicatorCatalogSchema, { schemaVersion: 2, indicators: catalog.indicators })[0]).toMatch(/^\$\.schemaVersion: /);
    expect(refusal(indicatorCatalogSchema, { schemaVersion: 1, indicators: [] })[0]).toMatch(/^\$\.indicators: /);
  });
});
