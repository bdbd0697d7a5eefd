import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogLoadError, defaultCatalogDir, loadCatalog } from '../../server/catalog/load';
import { agencyByCode } from '../../shared/agencies';
import { periodicitySchema } from '../../shared/protocol/model';
import { parseCsvRecords } from '../../shared/regimes/csv';
import { INDICATOR_FIELDS, targetFor } from '../../shared/regimes/indicators';
import { reportersOf } from '../../shared/regimes/reporters';
import { indicatorsCsvPath, projectRoot } from '../support/paths';

const catalog = loadCatalog();
const dataDir = resolve(projectRoot, 'server/catalog/data');

/** The published national indicators beside the checkout: code → {name_vi, name_en, unit}. */
function nationalCsv(): Map<string, { name_vi: string; name_en: string; unit: string }> {
  const { records, errors } = parseCsvRecords(readFileSync(indicatorsCsvPath, 'utf8'));
  expect(errors).toEqual([]);
  const [header, ...rows] = records.filter((r) => r.cells.join('') !== '');
  const col = (name: string) => header!.cells.indexOf(name);
  const out = new Map<string, { name_vi: string; name_en: string; unit: string }>();
  for (const { cells } of rows) {
    const code = cells[col('indicator')]!;
    const entry = { name_vi: cells[col('name_vi')]!, name_en: cells[col('name_en')]!, unit: cells[col('unit')]! };
    const seen = out.get(code);
    if (seen) expect(seen, `${code}: one unit and name throughout the CSV`).toEqual(entry);
    out.set(code, entry);
  }
  return out;
}

describe('the catalogue', () => {
  it('loads from server/catalog/data by default', () => {
    expect(defaultCatalogDir()).toBe(dataDir);
    expect(catalog.regimes.length).toBeGreaterThanOrEqual(15);
    expect(catalog.indicators.length).toBeGreaterThan(0);
    // 14 ministries, 3 ministry-level bodies, 5 agencies under the Government, 5 units of the Ministry of Finance, 34 provinces.
    expect(catalog.agencies.length).toBe(14 + 3 + 5 + 5 + 34);
  });

  it('has at least 15 regimes across at least 8 reporting agencies, besides the provinces', () => {
    const central = new Set(catalog.regimes.flatMap((r) => reportersOf(r)).filter((code) => agencyByCode(code)!.kind !== 'province'));
    expect(central.size).toBeGreaterThanOrEqual(8);
    expect(catalog.regimes.filter((r) => r.reporters === 'all-provinces').length).toBeGreaterThanOrEqual(3);
    // Every owner and reporter is a known agency.
    for (const r of catalog.regimes) {
      expect(agencyByCode(r.owner), r.code).toBeDefined();
      for (const a of reportersOf(r)) expect(agencyByCode(a), `${r.code}: ${a}`).toBeDefined();
    }
  });

  it('uses every periodicity but six-monthly: month, quarter, 9 months, year, ad hoc', () => {
    // Health workforce and beds, the only six-monthly regime, are yearly figures; the schema
    // and the calendar still handle six-monthly regimes (tests/unit/regimes-calendar).
    expect(new Set(catalog.regimes.map((r) => r.periodicity))).toEqual(new Set(periodicitySchema.options.filter((p) => p !== 'half-year')));
    expect(new Set(catalog.regimes.map((r) => r.window.kind))).toEqual(new Set(['calendar', 'cutoff', 'part-of-year']));
    expect(new Set(catalog.regimes.map((r) => r.deadline.kind))).toEqual(new Set(['day-of-month', 'days-after-window']));
  });

  it('covers every indicator of the national CSV, in its unit and names', () => {
    const csv = nationalCsv();
    expect(csv.size).toBeGreaterThanOrEqual(20);
    const byCode = new Map(catalog.indicators.map((i) => [i.code, i]));
    const reported = new Set(catalog.regimes.flatMap((r) => r.fields.map((f) => f.indicator)));
    for (const [code, row] of csv) {
      const indicator = byCode.get(code);
      expect(indicator, `${code} is catalogued`).toBeDefined();
      expect(indicator).toMatchObject({ unit: row.unit, name: { vi: row.name_vi, en: row.name_en }, scope: 'national' });
      expect(reported.has(code), `${code} is a field of some regime`).toBe(true);
    }
  });

  it('refers, in every regime field, to a catalogued indicator in the same unit', () => {
    const byCode = new Map(catalog.indicators.map((i) => [i.code, i]));
    for (const r of catalog.regimes) {
      for (const f of r.fields) {
        const indicator = byCode.get(f.indicator);
        expect(indicator, `${r.code}: ${f.indicator}`).toBeDefined();
        expect(f.unit, `${r.code}: ${f.indicator}`).toBe(indicator!.unit);
        // A breakdown by province is of a province-level indicator.
        if (f.byProvince) expect(indicator!.scope).toBe('province');
      }
    }
  });

  it('has the province-level indicators a wall needs, broken down by province', () => {
    const byProvince = new Set(catalog.regimes.flatMap((r) => (r.reporters === 'all-provinces' ? r.fields : r.fields.filter((f) => f.byProvince)).map((f) => f.indicator)));
    for (const code of ['PROV_BUDGET_REVENUE', 'PROV_PUBLIC_INVESTMENT_DISBURSED', 'PROV_ENTERPRISES_NEW', 'PROV_TRAFFIC_ACCIDENTS', 'PROV_HEALTH_INSURANCE_COVERAGE', 'PROV_GRDP_GROWTH']) {
      expect(byProvince.has(code), code).toBe(true);
    }
  });

  it('groups indicators in the 9 fields of Decision 293/QĐ-TTg, each field used', () => {
    expect(INDICATOR_FIELDS).toHaveLength(9);
    expect(new Set(INDICATOR_FIELDS.map((f) => f.name.vi)).size).toBe(9);
    expect(new Set(catalog.indicators.map((i) => i.group))).toEqual(new Set(INDICATOR_FIELDS.map((f) => f.code)));
  });

  it('keeps only the plan targets we are sure of', () => {
    const gdp = catalog.indicators.find((i) => i.code === 'GDP_GROWTH')!;
    expect(targetFor(gdp, 2025)).toMatchObject({ value: 8, comparator: 'at-least' });
    expect(targetFor(gdp, 2026)).toMatchObject({ value: 10, comparator: 'at-least' });
    expect(targetFor(gdp, 2024)).toBeUndefined();
    const withTargets = catalog.indicators.filter((i) => i.targets.length > 0).map((i) => i.code);
    expect(withTargets.sort()).toEqual(['CPI_AVG', 'GDP_GROWTH', 'GDP_PER_CAPITA', 'LABOUR_PRODUCTIVITY_GROWTH']);
  });

  it('has the 2026 plan targets of Resolution 244/2025/QH15', () => {
    const target = (code: string) => targetFor(catalog.indicators.find((i) => i.code === code)!, 2026);
    expect(target('GDP_GROWTH')).toMatchObject({ value: 10, comparator: 'at-least', basis: expect.stringMatching(/^Nghị quyết 244\/2025\/QH15/) });
    // "5.400–5.500 USD": a range, met from its lower end.
    expect(target('GDP_PER_CAPITA')).toMatchObject({ value: 5400, upper: 5500, comparator: 'at-least', basis: expect.stringMatching(/^Nghị quyết 244\/2025\/QH15/) });
    expect(target('CPI_AVG')).toMatchObject({ value: 4.5, comparator: 'about', basis: expect.stringMatching(/^Nghị quyết 244\/2025\/QH15/) });
    expect(target('LABOUR_PRODUCTIVITY_GROWTH')).toMatchObject({ value: 8.5, comparator: 'about', basis: expect.stringMatching(/^Nghị quyết 244\/2025\/QH15/) });
  });

  it('uses every indicator in some regime (rankings are published, not reported: none)', () => {
    const reported = new Set(catalog.regimes.flatMap((r) => r.fields.map((f) => f.indicator)));
    expect(catalog.indicators.filter((i) => !i.ranking && !reported.has(i.code)).map((i) => i.code)).toEqual([]);
  });
});

describe('loadCatalog refuses a broken catalogue, listing every error with its file and JSON path', () => {
  let dir = '';
  const copy = () => {
    dir = mkdtempSync(join(tmpdir(), 'toancanh-catalog-'));
    cpSync(dataDir, dir, { recursive: true });
    return dir;
  };
  const edit = (file: string, change: (doc: Record<string, unknown>) => void) => {
    const path = join(dir, file);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    change(doc);
    writeFileSync(path, JSON.stringify(doc, null, 2));
  };
  const failure = (d: string) => {
    try {
      loadCatalog(d);
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogLoadError);
      return error as CatalogLoadError;
    }
    throw new Error('the catalogue loaded');
  };
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('loads an intact copy from any folder, and from TOANCANH_CATALOG_DIR', () => {
    const d = copy();
    expect(loadCatalog(d).regimes).toHaveLength(catalog.regimes.length);
    const before = process.env.TOANCANH_CATALOG_DIR;
    process.env.TOANCANH_CATALOG_DIR = d;
    try {
      expect(defaultCatalogDir()).toBe(d);
    } finally {
      if (before === undefined) delete process.env.TOANCANH_CATALOG_DIR;
      else process.env.TOANCANH_CATALOG_DIR = before;
    }
  });

  it('reports schema faults, cross-reference faults and unreadable files in one pass', () => {
    const d = copy();
    edit('regimes/BCA-TNGT-THANG.json', (r) => {
      const fields = r.fields as Record<string, unknown>[];
      fields[0]!.unit = 'vụ việc'; // not the catalogue's unit
      fields[1]!.indicator = 'NO_SUCH_INDICATOR';
      r.reporters = ['BCA', 'XYZ']; // unknown agency
      r.deadline = { kind: 'day-of-month', day: 10, monthOffset: 0 }; // before the window closes (14th)
    });
    edit('regimes/CTK-KTXH-QUY.json', (r) => {
      r.code = 'CTK-KTXH-QUY2'; // does not match its file name
      (r.fields as Record<string, unknown>[])[1]!.type = 'number'; // a % unit must be "percent"
    });
    edit('indicators.json', (doc) => {
      const list = doc.indicators as Record<string, unknown>[];
      list[1]!.group = 'weather';
    });
    writeFileSync(join(d, 'regimes/BROKEN.json'), '{ "code": ');
    const error = failure(d);
    const found = error.errors.map((e) => `${e.file} ${e.path}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'regimes/BROKEN.json $',
        'indicators.json $.indicators[1].group',
        'regimes/BCA-TNGT-THANG.json $.reporters[1]',
        'regimes/BCA-TNGT-THANG.json $.deadline',
        'regimes/CTK-KTXH-QUY.json $.fields[1].type',
      ]),
    );
    // The indicator catalogue itself is broken: fields are not cross-checked against it.
    expect(error.message).toContain('regimes/BROKEN.json $: not valid JSON');
    expect(error.message).toMatch(/^.*: the catalogue has \d+ error\(s\):/);
  });

  it('cross-checks fields against a valid indicator catalogue', () => {
    const d = copy();
    edit('regimes/BCA-TNGT-THANG.json', (r) => {
      const fields = r.fields as Record<string, unknown>[];
      fields[0]!.unit = 'vụ việc';
      fields[1]!.indicator = 'NO_SUCH_INDICATOR';
      fields[2]!.byProvince = true; // TRAFFIC_INJURED is national
      fields[3]!.byProvince = false; // PROV_TRAFFIC_ACCIDENTS is province-level: a ministry reports it by province
    });
    edit('regimes/CTK-KTXH-QUY.json', (r) => {
      r.code = 'CTK-KTXH-QUY2';
    });
    edit('regimes/TINH-KTXH-NAM.json', (r) => {
      (r.fields as Record<string, unknown>[]).push({ indicator: 'GDP_GROWTH', unit: '% so với cùng kỳ', type: 'percent', required: false, byProvince: false });
    });
    const error = failure(d);
    expect(error.errors.map((e) => `${e.file} ${e.path}`)).toEqual([
      'regimes/BCA-TNGT-THANG.json $.fields[0].unit',
      'regimes/BCA-TNGT-THANG.json $.fields[1].indicator',
      'regimes/BCA-TNGT-THANG.json $.fields[2].byProvince',
      'regimes/BCA-TNGT-THANG.json $.fields[3].indicator',
      'regimes/CTK-KTXH-QUY.json $.code',
      'regimes/TINH-KTXH-NAM.json $.fields[4].indicator',
    ]);
    expect(error.errors[0]!.message).toBe('unit "vụ việc" differs from the catalogue\'s unit of TRAFFIC_ACCIDENTS, "vụ"');
  });

  it('refuses duplicates and a missing folder', () => {
    const d = copy();
    cpSync(join(d, 'regimes/BCA-TNGT-THANG.json'), join(d, 'regimes/copy.json'));
    edit('indicators.json', (doc) => {
      const list = doc.indicators as unknown[];
      list.push(list[0]);
    });
    const error = failure(d);
    expect(error.errors.map((e) => `${e.file} ${e.path}`)).toEqual(
      expect.arrayContaining([`indicators.json $.indicators[${catalog.indicators.length}].code`, 'regimes/copy.json $.code']),
    );
    expect(failure(join(d, 'nowhere')).errors.map((e) => e.file)).toEqual(['indicators.json', 'regimes/']);
  });
});
