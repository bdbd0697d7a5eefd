import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { observationSchema, indicatorMetaSchema } from '../../shared/protocol/model';
import { loadCatalog } from '../../server/catalog/load';
import { syncCatalog } from '../../server/catalog/sync';
import { changeSchema } from '../../shared/protocol/feed';
import { openDatabase } from '../../server/db/open';
import { migrations } from '../../server/db/migrations';
import { Store } from '../../server/db/store';
import { StartupError } from '../../server/errors';
import { findProjectRoot, projectPaths } from '../../server/paths';
import { inferPeriodicity, periodFits } from '../../server/periodicity';
import { CsvError, parseCsv } from '../../server/seed/csv';
import { readNationalFigures, seedIfEmpty, statusOf, vintageOf } from '../../server/seed/national';
import { tempDir } from '../helpers/server-harness';

// The real published figures, found by the same resolver the server uses (../shared beside the checkout).
const csvPath = projectPaths(findProjectRoot()).indicatorsCsv;
const catalog = loadCatalog();
const dirs: string[] = [];
const scratch = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('CSV reader', () => {
  it('reads quoted fields with commas, quotes, line breaks, CRLF and a BOM', () => {
    const text = '\ufeffa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\nplain,,Đồng\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['plain', '', 'Đồng'] },
    ]);
  });

  it('refuses an unclosed quote and text after a closing quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(CsvError);
    expect(() => parseCsv('a,"b"c\n')).toThrow(/after a closing quote/);
  });
});

describe('what the file does not say', () => {
  it('takes the release date from the source or note, else the day after the period', () => {
    expect(vintageOf('2023-Q1', 'revised', 'gso.gov.vn (2024-02 release)')).toBe('2024-02-01T00:00:00.000Z');
    expect(vintageOf('2025', 'estimate made Oct 2025; 121.5% of estimate', 'laodong.vn')).toBe('2025-10-01T00:00:00.000Z');
    expect(vintageOf('2024', '', 'tuoitrenews.vn')).toBe('2025-01-01T00:00:00.000Z');
    expect(vintageOf('2024-Q1', '', 'x')).toBe('2024-04-01T00:00:00.000Z');
    expect(vintageOf('2023-12-15..2024-11-14', '', 'x')).toBe('2024-11-15T00:00:00.000Z');
  });

  it('calls a figure an estimate only when the note says it is approximate or an estimate', () => {
    expect(statusOf('approximate')).toBe('estimate');
    expect(statusOf('surplus; approximate')).toBe('estimate');
    expect(statusOf('estimate made Oct 2025; 121.5% of estimate')).toBe('estimate');
    // "of estimate" is the budget estimate (dự toán), not the figure.
    expect(statusOf('more than; 108.2% of estimate')).toBe('official');
    expect(statusOf('revised (first release 6.93)')).toBe('official');
    expect(statusOf('')).toBe('official');
  });

  it('infers the most restrictive periodicity that admits every period', () => {
    expect(inferPeriodicity(['2023-Q1', '2023-Q2', '2023'])).toBe('quarter');
    expect(inferPeriodicity(['2023', '2024'])).toBe('year');
    expect(inferPeriodicity(['2023', '2024-01', '2024-Q1', '2025-01..2025-11'])).toBe('month');
    expect(periodFits('quarter', '2024-01')).toBe(false);
    expect(periodFits('quarter', '2024-9M')).toBe(true);
    expect(periodFits('year', '2024-H1')).toBe(false);
    expect(periodFits('month', '2023-12-15..2024-11-14')).toBe(true);
  });
});

describe('the national figures', () => {
  it('reads the real CSV into valid observations, each with the catalogue regime that covers it', () => {
    const figures = readNationalFigures(csvPath, catalog);
    const rows = parseCsv(readFileSync(csvPath, 'utf8')).length - 1;
    expect(figures.observations).toHaveLength(rows);
    for (const o of figures.observations) expect(observationSchema.safeParse(o).success, `${o.indicator} ${o.period}`).toBe(true);
    const meta = new Map(catalog.indicators.map((m) => [m.code, m]));
    // Every seeded figure fits its own indicator's periodicity, as a report would have to.
    for (const o of figures.observations) expect(periodFits(meta.get(o.indicator)!.periodicity, o.period), `${o.indicator} ${o.period}`).toBe(true);
    for (const o of figures.observations) {
      expect(o).toMatchObject({ region: 'VN', demo: false, provenance: { submissionId: null } });
      expect(o.provenance.source).toBeTruthy();
    }
    const find = (indicator: string, period: string) => figures.observations.find((o) => o.indicator === indicator && o.period === period)!.provenance;
    expect(find('GDP_GROWTH', '2024-Q3')).toMatchObject({ regime: 'CTK-KTXH-QUY', agency: 'CTK' });
    expect(find('GDP_GROWTH', '2024')).toMatchObject({ regime: 'CTK-KTXH-NAM', agency: 'CTK' });
    expect(find('RETAIL_SALES', '2024-01')).toMatchObject({ regime: 'CTK-KTXH-THANG', agency: 'CTK' });
    // A yearly total of a monthly series, or an explicit window: no regime reports it as such.
    expect(find('EXPORTS', '2025')).toMatchObject({ regime: null, agency: null });
    expect(find('TRAFFIC_DEATHS', '2023-12-15..2024-11-14')).toMatchObject({ regime: null, agency: null });
    expect(figures.observations.filter((o) => o.status === 'estimate').length).toBeGreaterThan(0);
    expect(figures.observations.filter((o) => o.status === 'official').length).toBeGreaterThan(0);
  });

  it('names the path and the flag when the CSV is missing, and lists every bad row', () => {
    const missing = join(scratch(), 'nope.csv');
    expect(() => readNationalFigures(missing, catalog)).toThrow(StartupError);
    expect(() => readNationalFigures(missing, catalog)).toThrow(new RegExp(`${missing}.*--indicators.*TOANCANH_INDICATORS_CSV`));

    const bad = join(scratch(), 'bad.csv');
    writeFileSync(
      bad,
      'indicator,name_vi,name_en,unit,period,value,note,source\nGDP_X,a,b,%,2024-13,1,,s\nlower,a,b,%,2024,x,,s\nGDP_X,a,b,%,2024,2,,s\nEXPORTS,a,b,tỷ đồng,2024,2,,s\nGDP_VND,a,b,nghìn tỷ đồng,2024-Q1,2,,s\n',
    );
    let message = '';
    try {
      readNationalFigures(bad, catalog);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/6 problem\(s\)/);
    expect(message).toMatch(/bad\.csv:2: "2024-13" is not a period/);
    expect(message).toMatch(/bad\.csv:3: "lower" is not an indicator code/);
    expect(message).toMatch(/bad\.csv:3: value "x" is not a number/);
    expect(message).toMatch(/bad\.csv:4: GDP_X is not in the indicator catalogue/);
    expect(message).toMatch(/bad\.csv:5: unit "tỷ đồng" differs from the catalogue's unit of EXPORTS/);
    expect(message).toMatch(/bad\.csv:6: GDP_VND is reported by year; 2024-Q1 does not fit/);
  });

  it('puts the catalogue in the store, then seeds the figures once, logging every indicator and observation as a change', () => {
    const store = Store.open(join(scratch(), 'toancanh.sqlite'));
    try {
      expect(syncCatalog(store, catalog)).toEqual({ indicatorChanges: catalog.indicators.length });
      const seeded = seedIfEmpty(store, csvPath, catalog)!;
      expect(seeded.indicators).toBeGreaterThan(10);
      expect(store.changes.head()).toBe(catalog.indicators.length + seeded.observations);
      const log = store.changes.after(0, 10_000);
      expect(log.map((c) => c.seq)).toEqual(log.map((_, i) => i + 1));
      for (const c of log) expect(changeSchema.safeParse(c).success).toBe(true);
      expect(store.observations.latest({ indicators: ['GDP_GROWTH'], periods: ['2024'] })).toEqual([
        expect.objectContaining({ indicator: 'GDP_GROWTH', region: 'VN', period: '2024', value: 7.09, status: 'official' }),
      ]);
      // The catalogue's metadata, not guesses: fields of Decision 293, directions, plan targets.
      const gdp = store.indicators.get('GDP_GROWTH')!;
      expect(indicatorMetaSchema.parse(gdp)).toMatchObject({ group: 'economic-growth', direction: 'up', scope: 'national', periodicity: 'quarter' });
      expect(gdp.targets).toEqual(expect.arrayContaining([expect.objectContaining({ period: '2025', value: 8, kind: 'at-least' })]));
      expect(store.indicators.get('CPI_AVG')!.direction).toBe('down');
      expect(store.indicators.get('PROV_GRDP_GROWTH')!.scope).toBe('province');
      // Not again: the store was seeded (and the CSV is not even read); the catalogue is unchanged.
      expect(seedIfEmpty(store, '/does/not/exist.csv', catalog)).toBeNull();
      expect(syncCatalog(store, catalog)).toEqual({ indicatorChanges: 0 });
      expect(store.changes.head()).toBe(catalog.indicators.length + seeded.observations);
      const counts = store.tableCounts();
      expect(counts.regimes).toBe(catalog.regimes.length);
      expect(counts.agencies).toBe(19 + 34);
    } finally {
      store.close();
    }
  });
});

describe('migrations', () => {
  it('records each step once and applies a new step on the next open', () => {
    const file = join(scratch(), 'm.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(migrations.map((m) => m.version));
    db.close();

    const next = [...migrations, { version: 99, name: 'later', sql: 'CREATE TABLE later_things (code TEXT PRIMARY KEY) STRICT;' }];
    const again = openDatabase(file, next);
    expect(again.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([...migrations.map((m) => m.version), 99]);
    again.close();

    // An older server refuses a newer store instead of guessing.
    expect(() => openDatabase(file)).toThrow(/newer version/);
  });

  it('brings a store of schema 1 up to date, filling the new columns of its rows', () => {
    const file = join(scratch(), 'v1.sqlite');
    const v1 = openDatabase(file, migrations.slice(0, 1));
    v1.prepare("INSERT INTO indicators (code, name_vi, name_en, unit, periodicity, direction, field_group) VALUES ('GDP_GROWTH', 'a', 'b', '%', 'quarter', 'up', 'Tăng trưởng kinh tế')").run();
    v1.prepare(
      "INSERT INTO observations (indicator, region, period, value, vintage, status, recorded_at) VALUES ('GDP_GROWTH', 'VN', '2024-Q3', 7.4, '2024-10-06T00:00:00.000Z', 'official', '2025-01-01T00:00:00.000Z')",
    ).run();
    v1.close();
    const store = Store.open(file);
    try {
      expect(store.db.prepare('SELECT period_start, period_end FROM observations').get()).toEqual({ period_start: '2024-07-01', period_end: '2024-09-30' });
      // The catalogue replaces the provisional group of the first release, and walls hear of it.
      expect(syncCatalog(store, catalog).indicatorChanges).toBe(catalog.indicators.length);
      expect(store.indicators.get('GDP_GROWTH')!.group).toBe('economic-growth');
      expect(store.observations.latest({ from: '2024-07-01', to: '2024-12-31' }).map((o) => o.period)).toEqual(['2024-Q3']);
    } finally {
      store.close();
    }
  });
});
