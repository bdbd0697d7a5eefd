import { readFileSync } from 'node:fs';
import { parsePeriod } from '../../shared/period';
import { indicatorCodeSchema, NATIONAL_REGION } from '../../shared/protocol/codes';
import type { Observation } from '../../shared/protocol/model';
import { PERIOD_KIND_OF, type Regime } from '../../shared/regimes/schema';
import type { Catalog } from '../catalog/load';
import type { Store } from '../db/store';
import { StartupError } from '../errors';
import { periodFits } from '../periodicity';
import { csvObjects, parseCsv } from './csv';

/**
 * The national figures published by the statistics office (../shared/data/indicators).
 * They are read at run time, never copied into the repository, and seed an empty store so
 * that a new wall shows true national figures; on every later start the file is compared
 * with what the seed put in the store, and a corrected figure becomes a new vintage
 * (reviseFromSeedFile). They are real (never demo); their
 * indicators must be in the catalogue (server/catalog/data), in the catalogue's unit, and
 * each figure's provenance names the catalogue regime that covers it (the regime with the
 * indicator in its template and the period's kind as periodicity) and that regime's
 * reporting agency, or null when no regime covers it (a yearly total of a monthly series).
 */

const COLUMNS = ['indicator', 'name_vi', 'name_en', 'unit', 'period', 'value', 'note', 'source'] as const;
export const INDICATORS_FLAG_HINT = 'pass --indicators <csv> or set TOANCANH_INDICATORS_CSV';

export interface NationalFigures {
  /** The codes of the indicators the file has figures for. */
  indicators: string[];
  observations: Observation[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const utcDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString();

/**
 * When a figure was released. The file sometimes says so ("gso.gov.vn (2024-02 release)",
 * "estimate made Oct 2025"); otherwise we take the day after the period ends, the earliest
 * the figure can have been final. Calendar dates are UTC midnights, as in shared/period.ts.
 */
export function vintageOf(period: string, note: string, source: string): string {
  const text = `${source}; ${note}`;
  const iso = /\b(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))? release\b/i.exec(text);
  if (iso) return utcDay(Number(iso[1]), Number(iso[2]), iso[3] ? Number(iso[3]) : 1);
  const words = /\b(?:made|released?|published)\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b/i.exec(text);
  if (words) return utcDay(Number(words[2]), MONTHS.indexOf(words[1]!.toLowerCase()) + 1, 1);
  const end = parsePeriod(period)!.end;
  return utcDay(Number(end.slice(0, 4)), Number(end.slice(5, 7)), Number(end.slice(8, 10)) + 1);
}

/**
 * Estimate when one of the note's parts says the figure is approximate or an estimate
 * ("approximate", "estimate made Oct 2025"); "121.5% of estimate" speaks of the budget
 * estimate (dự toán), not of the figure, so only a part that starts with the word counts.
 */
export function statusOf(note: string): Observation['status'] {
  const parts = note.split(';').map((p) => p.trim());
  return parts.some((p) => /^(approximate(ly)?|approx\.?|estimated?|preliminary)\b/i.test(p)) ? 'estimate' : 'official';
}

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The catalogue regime that covers a national figure of `indicator` for `period`, if any. */
export function coveringRegime(regimes: readonly Regime[], indicator: string, period: string): Regime | undefined {
  const kind = parsePeriod(period)?.kind;
  return regimes.find((r) => PERIOD_KIND_OF[r.periodicity] === kind && r.fields.some((f) => f.indicator === indicator && !f.byProvince));
}

export function readNationalFigures(path: string, catalog: Pick<Catalog, 'indicators' | 'regimes'>): NationalFigures {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new StartupError(`cannot read the national indicators CSV at ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); ${INDICATORS_FLAG_HINT}`);
  }
  let rows;
  try {
    rows = csvObjects(parseCsv(text), COLUMNS);
  } catch (error) {
    throw new StartupError(`${path}: ${(error as Error).message}`);
  }

  const catalogued = new Map(catalog.indicators.map((i) => [i.code, i]));
  const problems: string[] = [];
  const codes = new Set<string>();
  const observations: Observation[] = [];
  const keys = new Set<string>();
  for (const { line, row } of rows) {
    const at = `${path}:${line}`;
    const before = problems.length;
    if (!indicatorCodeSchema.safeParse(row.indicator).success) problems.push(`${at}: ${JSON.stringify(row.indicator)} is not an indicator code`);
    if (!parsePeriod(row.period)) problems.push(`${at}: ${JSON.stringify(row.period)} is not a period`);
    if (!NUMBER.test(row.value)) problems.push(`${at}: value ${JSON.stringify(row.value)} is not a number`);
    for (const k of ['name_vi', 'name_en', 'unit'] as const) if (!row[k]) problems.push(`${at}: ${k} is empty`);
    if (problems.length > before) continue;

    const meta = catalogued.get(row.indicator);
    if (!meta) {
      problems.push(`${at}: ${row.indicator} is not in the indicator catalogue (server/catalog/data/indicators.json)`);
      continue;
    }
    if (meta.unit !== row.unit) problems.push(`${at}: unit "${row.unit}" differs from the catalogue's unit of ${row.indicator}, "${meta.unit}"`);
    if (!periodFits(meta.periodicity, row.period)) problems.push(`${at}: ${row.indicator} is reported by ${meta.periodicity}; ${row.period} does not fit`);
    const key = `${row.indicator}|${row.period}`;
    if (keys.has(key)) problems.push(`${at}: ${row.indicator} ${row.period} appears twice`);
    keys.add(key);
    codes.add(row.indicator);
    const regime = coveringRegime(catalog.regimes, row.indicator, row.period);
    const agency = regime && Array.isArray(regime.reporters) && regime.reporters.length === 1 ? regime.reporters[0]! : null;
    observations.push({
      indicator: row.indicator,
      region: NATIONAL_REGION,
      period: row.period,
      value: Number(row.value),
      vintage: vintageOf(row.period, row.note, row.source),
      status: statusOf(row.note),
      demo: false,
      provenance: { submissionId: null, agency, regime: regime?.code ?? null, source: row.source || null },
    });
  }
  if (problems.length) throw new StartupError([`${path}: ${problems.length} problem(s)`, ...problems.map((p) => `  ${p}`)].join('\n'));
  return { indicators: [...codes], observations };
}

/**
 * Seeds the published national figures once, in one transaction, logging every
 * observation as a change so the log is the store's whole history. The catalogue's
 * indicators must already be in the store (syncCatalog). Returns the counts, or null when
 * the store was seeded before (or holds observations already).
 */
export function seedIfEmpty(store: Store, csvPath: string, catalog: Pick<Catalog, 'indicators' | 'regimes'>): { indicators: number; observations: number } | null {
  if (store.getState(SEED_STATE_KEY) !== null || store.observations.count() > 0) return null;
  const figures = readNationalFigures(csvPath, catalog);
  store.write((tx) => {
    for (const observation of figures.observations) {
      tx.observations.insert(observation, tx.now);
      tx.log({ kind: 'observation', observation });
    }
  });
  store.setState(SEED_STATE_KEY, JSON.stringify({ file: csvPath, observations: figures.observations.length }));
  return { indicators: figures.indicators.length, observations: figures.observations.length };
}

export const SEED_STATE_KEY = 'seed.national';
/** The provenance source of a figure the seed file corrected after it was first seeded. */
export const SEED_REVISION_SOURCE = 'seed file revision';

export interface SeedRevision {
  /** Figures of the file not in the store yet, added as they are. */
  added: number;
  /** Figures whose value or status the file now gives differently: each a new vintage. */
  revised: number;
  unchanged: number;
  /**
   * Keys the file revised whose current figure came from a (real) report received after
   * the seed: the report stays current and the file's figure is not written.
   */
  keptReports: string[];
}

interface SeededRow {
  indicator: string;
  period: string;
  value: number | null;
  status: Observation['status'];
}

/**
 * Brings a seeded store up to date with the seed file: a figure whose value or status
 * differs from the newest one the seed wrote for its key is written as a NEW observation
 * (a new vintage: the old one stays in the history) with provenance source "seed file
 * revision (<the file's source>)" and vintage the moment of this start, and logged as a
 * change so walls repaint; a figure the store lacks is added; nothing is deleted. Run on a
 * file that did not change, it writes nothing. Does nothing for a store the seed never
 * filled (null). The whole file is read and checked first (readNationalFigures): a file
 * with any problem throws and touches nothing.
 */
export function reviseFromSeedFile(store: Store, csvPath: string, catalog: Pick<Catalog, 'indicators' | 'regimes'>): SeedRevision | null {
  const state = store.getState(SEED_STATE_KEY);
  if (state === null) return null;
  const figures = readNationalFigures(csvPath, catalog);
  const seeded = new Map<string, SeededRow>(
    store.db
      .prepare<[string], SeededRow>(
        // SQLite: with MAX(), the bare columns come from the row holding the maximum, i.e. the newest seeded vintage of each key.
        `SELECT indicator, period, value, status, MAX(id) AS id FROM observations
         WHERE region = ? AND submission_id IS NULL AND demo = 0 GROUP BY indicator, period`,
      )
      .all(NATIONAL_REGION)
      .map((r) => [`${r.indicator}|${r.period}`, r] as const),
  );
  const current = new Map<string, Observation>(store.observations.latest({ regions: [NATIONAL_REGION] }).map((o) => [`${o.indicator}|${o.period}`, o] as const));

  const outcome: SeedRevision = { added: 0, revised: 0, unchanged: 0, keptReports: [] };
  const writes: { observation: Observation; revision: boolean }[] = [];
  for (const figure of figures.observations) {
    const key = `${figure.indicator}|${figure.period}`;
    const before = seeded.get(key);
    if (!before) {
      if (current.has(key)) {
        // A report holds a key the file never seeded: the report is the figure.
        outcome.keptReports.push(key);
        continue;
      }
      writes.push({ observation: figure, revision: false });
      outcome.added++;
      continue;
    }
    if (before.value === figure.value && before.status === figure.status) {
      outcome.unchanged++;
      continue;
    }
    const now = current.get(key);
    if (now && now.provenance.submissionId !== null && !now.demo) {
      outcome.keptReports.push(key);
      continue;
    }
    writes.push({ observation: { ...figure, provenance: { ...figure.provenance, source: `${SEED_REVISION_SOURCE} (${figure.provenance.source ?? csvPath})` } }, revision: true });
    outcome.revised++;
  }
  if (writes.length > 0) {
    store.write((tx) => {
      for (const w of writes) {
        // A revision is dated when the server learnt of it; an added figure keeps the file's date.
        const observation = w.revision ? { ...w.observation, vintage: tx.now } : w.observation;
        tx.observations.insert(observation, tx.now);
        tx.log({ kind: 'observation', observation });
      }
    });
    const previous = JSON.parse(state) as Record<string, unknown>;
    store.setState(SEED_STATE_KEY, JSON.stringify({ ...previous, file: csvPath, observations: figures.observations.length, revisedAt: new Date(store.now()).toISOString() }));
  }
  return outcome;
}
