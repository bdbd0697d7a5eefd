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

  it('keeps deadlines after the window closes', () => {
    // The 20th of the month with a calendar window: the month is not over by then.
    expect(refusal(regimeSchema, { ...traffic, window: { kind: 'calendar' } })).toEqual([
      '$.deadline: a deadline inside the period\'s last month needs a "cutoff" window (a calendar period ends on the month\'s last day)',
    ]);
    expect(refusal(regimeSchema, { ...traffic, deadline: { kind: 'day-of-month', day: 13, monthOffset: 0 } })).toEqual([
      '$.deadline: the deadline (day 13) comes before the data window closes (day 14)',
    ]);
    // The closing day itself is allowed.
    expect(regimeSchema.safeParse({ ...traffic, deadline: { kind: 'day-of-month', day: 14, monthOffset: 0 } }).success).toBe(true);
    expect(refusal(regimeSchema, { ...traffic, window: { kind: 'cutoff', day: 31 } })[0]).toMatch(/^\$\.window\.day: /);
    expect(refusal(regimeSchema, { ...traffic, deadline: { kind: 'days-after-window', days: -1 } })[0]).toMatch(/^\$\.deadline\.days: /);
    expect(refusal(regimeSchema, { ...traffic, deadline: { kind: 'when-ready' } })[0]).toMatch(/^\$\.deadline(\.kind)?: /);
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
