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
import { readNationalFigures, reviseFromSeedFile, seedIfEmpty, SEED_REVISION_SOURCE, statusOf, vintageOf } from '../../server/seed/national';
import { CENTRAL_AGENCIES } from '../../shared/agencies';
import { changeBatchSchema, type ChangeBatch, type SubscribeReply } from '../../shared/protocol/feed';
import { collect, emitWithAck, startHarness, tempDir, waitFor } from '../helpers/server-harness';

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
      expect(counts.agencies).toBe(CENTRAL_AGENCIES.length + 34);
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

/**
 * The file as it was before the corrections (derived here from the real file's text, never
 * copied into the repository): GDP 2025 12,850 (now 12,840), budget revenue 2025 the October
 * estimate 2,388.8 (now 2,650), no budget expenditure 2025, imports 2025 455 and balance
 * 20.1 (now 455.01 and 20.05), the 2023 quarters without their release note, and GDP
 * growth of 2025-Q4 at 8.40 (now 8.46).
 */
function olderFile(real: string): string {
  const lines = real.split('\n');
  const edit = (indicator: string, period: string, change: (cells: string[]) => string[] | null) => {
    const i = lines.findIndex((l) => l.startsWith(`${indicator},`) && l.split(',')[4] === period);
    if (i < 0) throw new Error(`the real file has no ${indicator} ${period}: this test needs updating`);
    const changed = change(lines[i]!.split(','));
    if (changed) lines[i] = changed.join(',');
    else lines.splice(i, 1);
  };
  const set = (value: string, note?: string) => (c: string[]) => [...c.slice(0, 5), value, note ?? c[6]!, ...c.slice(7)];
  edit('GDP_VND', '2025', set('12850'));
  edit('BUDGET_REVENUE', '2025', set('2388.8', 'estimate made Oct 2025'));
  edit('BUDGET_EXPENDITURE', '2025', () => null);
  edit('IMPORTS', '2025', set('455', ''));
  edit('TRADE_BALANCE', '2025', set('20.1'));
  edit('GDP_GROWTH', '2025-Q4', set('8.40'));
  for (const q of ['2023-Q1', '2023-Q2', '2023-Q3']) edit('GDP_GROWTH', q, (c) => [...c.slice(0, 7), 'gso.gov.vn']);
  return lines.join('\n');
}

const REVISED = ['GDP_VND|2025', 'BUDGET_REVENUE|2025', 'IMPORTS|2025', 'TRADE_BALANCE|2025', 'GDP_GROWTH|2025-Q4'];

describe('a store seeded from an older file takes the corrected figures as new vintages', () => {
  const real = readFileSync(csvPath, 'utf8');
  const rows = parseCsv(real).length - 1;

  it('adds the new figure, writes each corrected one as a new vintage (the old kept), and does nothing on the next starts', () => {
    const dir = scratch();
    const oldCsv = join(dir, 'vn-national-indicators-old.csv');
    writeFileSync(oldCsv, olderFile(real));
    const file = join(dir, 'toancanh.sqlite');
    let store = Store.open(file, () => Date.parse('2025-12-01T00:00:00Z'));
    syncCatalog(store, catalog);
    expect(seedIfEmpty(store, oldCsv, catalog)).toMatchObject({ observations: rows - 1 });
    const headBefore = store.changes.head();
    store.close();

    // The next start, on the corrected file (a later clock: the revisions are dated by it).
    store = Store.open(file, () => Date.parse('2026-02-01T03:00:00Z'));
    try {
      syncCatalog(store, catalog);
      const headSynced = store.changes.head();
      expect(seedIfEmpty(store, csvPath, catalog)).toBeNull();
      const revision = reviseFromSeedFile(store, csvPath, catalog)!;
      // Source-only edits (the 2023 quarters) are not new figures.
      expect(revision).toEqual({ added: 1, revised: REVISED.length, unchanged: rows - 1 - REVISED.length, keptReports: [] });
      const changes = store.changes.after(headSynced, 1000);
      expect(changes).toHaveLength(REVISED.length + 1);
      for (const c of changes) expect(changeSchema.safeParse(c).success).toBe(true);
      expect(changes.map((c) => (c.kind === 'observation' ? `${c.observation.indicator}|${c.observation.period}` : c.kind)).sort()).toEqual([...REVISED, 'BUDGET_EXPENDITURE|2025'].sort());

      const history = store.observations.history({ indicators: ['GDP_VND'], regions: ['VN'], periods: ['2025'] });
      expect(history.map((o) => o.value)).toEqual([12850, 12840]);
      expect(history[1]).toMatchObject({
        vintage: '2026-02-01T03:00:00.000Z',
        demo: false,
        provenance: { submissionId: null, regime: 'CTK-KTXH-NAM', agency: 'CTK', source: `${SEED_REVISION_SOURCE} (thanhnien.vn (2026-01-05))` },
      });
      expect(store.observations.latest({ indicators: ['BUDGET_REVENUE'], periods: ['2025'] })[0]).toMatchObject({ value: 2650, status: 'official' });
      expect(store.observations.history({ indicators: ['BUDGET_REVENUE'], periods: ['2025'] }).map((o) => [o.value, o.status])).toEqual([
        [2388.8, 'estimate'],
        [2650, 'official'],
      ]);
      // The new row keeps the file's own date and source.
      expect(store.observations.latest({ indicators: ['BUDGET_EXPENDITURE'], periods: ['2025'] })[0]).toMatchObject({ value: 2420, provenance: { source: 'vnexpress.net' } });
      // Nothing deleted: every old row is still there.
      expect(store.observations.count()).toBe(rows - 1 + REVISED.length + 1);
      expect(headBefore).toBeLessThan(store.changes.head());
    } finally {
      store.close();
    }

    // Two more starts on the same file: nothing changes.
    for (let i = 0; i < 2; i++) {
      store = Store.open(file);
      try {
        syncCatalog(store, catalog);
        const head = store.changes.head();
        expect(reviseFromSeedFile(store, csvPath, catalog)).toEqual({ added: 0, revised: 0, unchanged: rows, keptReports: [] });
        expect(store.changes.head()).toBe(head);
        expect(store.observations.count()).toBe(rows + REVISED.length);
      } finally {
        store.close();
      }
    }
  });

  it('refuses a faulty file whole, touching nothing, and leaves an unseeded store alone', () => {
    const dir = scratch();
    const store = Store.open(join(dir, 'toancanh.sqlite'));
    try {
      syncCatalog(store, catalog);
      expect(reviseFromSeedFile(store, csvPath, catalog)).toBeNull();
      seedIfEmpty(store, csvPath, catalog);
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, olderFile(real).replace('GDP_VND,Quy mô GDP,GDP (current prices),nghìn tỷ đồng,2025,12850', 'GDP_VND,Quy mô GDP,GDP (current prices),nghìn tỷ đồng,2025,lots'));
      const head = store.changes.head();
      expect(() => reviseFromSeedFile(store, bad, catalog)).toThrow(/value "lots" is not a number/);
      expect(store.changes.head()).toBe(head);
      expect(store.observations.count()).toBe(rows);
    } finally {
      store.close();
    }
  });

  it('on the server: a restart on the corrected file pushes the new vintages to the feed; a report newer than the seed stays current', async () => {
    const dataDir = scratch();
    const oldCsv = join(dataDir, 'old.csv');
    writeFileSync(oldCsv, olderFile(real));
    const first = await startHarness({ dataDir, indicatorsCsv: oldCsv });
    let lastSeq: number;
    try {
      // A real (not demo) report of the statistics office for 2025-Q4 after the seed: 8.48.
      const posted = await first.api('POST', '/api/v1/reports', {
        body: { regime: 'CTK-KTXH-QUY', agency: 'CTK', period: '2025-Q4', status: 'official', values: [{ indicator: 'GDP_GROWTH', value: 8.48 }] },
      });
      expect(posted.status, posted.text).toBe(201);
      lastSeq = first.server.store.changes.head();
    } finally {
      await first.stop();
    }

    const second = await startHarness({ dataDir, indicatorsCsv: csvPath });
    try {
      expect(second.log.lines.join('\n')).toMatch(/corrected figures recorded as new vintages/);
      const socket = await second.connect('/feed', second.server.wallToken);
      const batches = collect<ChangeBatch>(socket, 'changes');
      const reply = await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq, indicators: ['GDP_VND', 'GDP_GROWTH', 'BUDGET_EXPENDITURE'], regions: ['VN'] });
      expect(reply).toMatchObject({ ok: true, mode: 'replay' });
      const head = second.server.store.changes.head();
      await waitFor(() => batches.at(-1)?.seq === head, 3000, 'the replay up to the head');
      for (const b of batches) changeBatchSchema.parse(b);
      const observed = batches.flatMap((b) => b.changes).flatMap((c) => (c.kind === 'observation' ? [`${c.observation.indicator}|${c.observation.period}=${c.observation.value}`] : []));
      expect(observed.sort()).toEqual(['BUDGET_EXPENDITURE|2025=2420', 'GDP_VND|2025=12840']);
      // The report stays the figure of 2025-Q4; the file's 8.46 was not written over it.
      const q4 = await second.api<{ observations: { value: number; provenance: { submissionId: string | null } }[] }>('GET', '/api/v1/observations?indicator=GDP_GROWTH&region=VN&period=2025-Q4');
      expect(q4.body.observations).toEqual([expect.objectContaining({ value: 8.48, provenance: expect.objectContaining({ submissionId: expect.any(String) }) })]);
      socket.disconnect();
      lastSeq = head;
    } finally {
      await second.stop();
    }

    // And once more: nothing to do.
    const third = await startHarness({ dataDir, indicatorsCsv: csvPath });
    try {
      expect(third.log.lines.join('\n')).not.toMatch(/corrected figures recorded/);
      // (Compliance may move on with the clock; the figures do not.)
      expect(third.server.store.changes.after(lastSeq, 1000).filter((c) => c.kind === 'observation')).toEqual([]);
    } finally {
      await third.stop();
    }
  });
});
