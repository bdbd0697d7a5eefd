import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { observationSchema, indicatorMetaSchema } from '../../shared/protocol/model';
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
  it('reads the real CSV into valid indicator metas and observations', () => {
    const figures = readNationalFigures(csvPath);
    const rows = parseCsv(readFileSync(csvPath, 'utf8')).length - 1;
    expect(figures.observations).toHaveLength(rows);
    for (const m of figures.indicators) expect(indicatorMetaSchema.safeParse(m).success, m.code).toBe(true);
    for (const o of figures.observations) expect(observationSchema.safeParse(o).success, `${o.indicator} ${o.period}`).toBe(true);

    const meta = new Map(figures.indicators.map((m) => [m.code, m]));
    expect(meta.get('GDP_GROWTH')).toMatchObject({ periodicity: 'quarter', direction: 'up', name: { vi: 'Tốc độ tăng GDP', en: 'GDP growth' } });
    expect(meta.get('CPI_AVG')?.direction).toBe('down');
    expect(meta.get('TRAFFIC_DEATHS')?.direction).toBe('down');
    expect(meta.get('ENTERPRISES_EXITED')?.direction).toBe('down');
    expect(meta.get('RETAIL_SALES')?.periodicity).toBe('month');
    for (const m of figures.indicators) expect(m.group, m.code).toBeTruthy();
    // Every seeded figure fits its own indicator's periodicity, as a report would have to.
    for (const o of figures.observations) expect(periodFits(meta.get(o.indicator)!.periodicity, o.period), `${o.indicator} ${o.period}`).toBe(true);
    for (const o of figures.observations) {
      expect(o).toMatchObject({ region: 'VN', demo: false, provenance: { submissionId: null } });
      expect(o.provenance.source).toBeTruthy();
    }
    expect(figures.observations.filter((o) => o.status === 'estimate').length).toBeGreaterThan(0);
    expect(figures.observations.filter((o) => o.status === 'official').length).toBeGreaterThan(0);
  });

  it('names the path and the flag when the CSV is missing, and lists every bad row', () => {
    const missing = join(scratch(), 'nope.csv');
    expect(() => readNationalFigures(missing)).toThrow(StartupError);
    expect(() => readNationalFigures(missing)).toThrow(new RegExp(`${missing}.*--indicators.*TOANCANH_INDICATORS_CSV`));

    const bad = join(scratch(), 'bad.csv');
    writeFileSync(bad, 'indicator,name_vi,name_en,unit,period,value,note,source\nGDP_X,a,b,%,2024-13,1,,s\nlower,a,b,%,2024,x,,s\nGDP_X,a,b,%,2024,2,,s\n');
    let message = '';
    try {
      readNationalFigures(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/3 problem\(s\)/);
    expect(message).toMatch(/bad\.csv:2: "2024-13" is not a period/);
    expect(message).toMatch(/bad\.csv:3: "lower" is not an indicator code/);
    expect(message).toMatch(/bad\.csv:3: value "x" is not a number/);
  });

  it('seeds an empty store once, logging every indicator and observation as a change', () => {
    const store = Store.open(join(scratch(), 'toancanh.sqlite'));
    try {
      const seeded = seedIfEmpty(store, csvPath)!;
      expect(seeded.indicators).toBeGreaterThan(10);
      expect(store.changes.head()).toBe(seeded.indicators + seeded.observations);
      const log = store.changes.after(0, 10_000);
      expect(log.map((c) => c.seq)).toEqual(log.map((_, i) => i + 1));
      for (const c of log) expect(changeSchema.safeParse(c).success).toBe(true);
      expect(store.observations.latest({ indicators: ['GDP_GROWTH'], periods: ['2024'] })).toEqual([
        expect.objectContaining({ indicator: 'GDP_GROWTH', region: 'VN', period: '2024', value: 7.09, status: 'official' }),
      ]);
      // Not again: the store is no longer empty (and the CSV is not even read).
      expect(seedIfEmpty(store, '/does/not/exist.csv')).toBeNull();
      expect(store.changes.head()).toBe(seeded.indicators + seeded.observations);
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

    const next = [...migrations, { version: 99, name: 'regimes', sql: 'CREATE TABLE regimes (code TEXT PRIMARY KEY) STRICT;' }];
    const again = openDatabase(file, next);
    expect(again.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([...migrations.map((m) => m.version), 99]);
    again.close();

    // An older server refuses a newer store instead of guessing.
    expect(() => openDatabase(file)).toThrow(/newer version/);
  });
});
