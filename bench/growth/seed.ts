import { join } from 'node:path';
import { loadCatalog } from '../../server/catalog/load';
import { syncCatalog } from '../../server/catalog/sync';
import { Store } from '../../server/db/store';
import { DEMO_RANKINGS_STATE_KEY, DEMO_RANKINGS_VERSION } from '../../server/seed/demo-rankings';
import type { Layout } from '../../shared/layout/schema';
import type { Observation } from '../../shared/protocol/model';
import { PROVINCE_CODES } from '../../shared/regions';
import type { CatalogIndicator } from '../../shared/regimes/indicators';
import { historyYearsOf } from '../../shared/widgets/history';

/**
 * The stores of `npm run bench:growth`, written straight into a fresh data folder's SQLite
 * file with the product's own code (Store, syncCatalog, ObservationRepo.insert) before the
 * server starts: a million figures through the reports API would take an hour.
 *
 * - The window: every series the layout subscribes (its indicators, each in every region of
 *   its scope) with exactly the periods its history window keeps (shared/widgets/history.ts:
 *   calendar years back from the series' newest year). The smallest store is this and
 *   nothing else, so there the wall holds everything stored.
 * - Bigger stores add, up to their size: history of the same series from before the window
 *   (`historyYears` more years), and breadth: the catalogue's other indicators, in all their
 *   regions, newest years first, which the layout does not subscribe.
 * So the figures a wall should hold are the same at every size.
 */

type Kind = 'month' | 'quarter' | 'year';

/** A series' periods of one year, oldest first; `last` caps the newest year (e.g. up to last month). */
function periodsOfYear(kind: Kind, year: number, last: string | null): string[] {
  const all =
    kind === 'year'
      ? [String(year)]
      : kind === 'quarter'
        ? [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
        : Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`);
  return last === null ? all : all.filter((p) => p <= last);
}

/** The newest period of each kind on `today`: last month, last quarter, last year (what has been reported). */
export function newestPeriods(today: Date): Record<Kind, string> {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth(); // 0-based: the current month's index is last month's number
  const q = Math.floor(m / 3); // quarters wholly past
  return {
    month: m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`,
    quarter: q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`,
    year: String(y - 1),
  };
}

interface Series {
  indicator: string;
  region: string;
  kind: Kind;
}

const seriesOf = (i: CatalogIndicator): Series[] =>
  i.periodicity === 'month' || i.periodicity === 'quarter' || i.periodicity === 'year'
    ? (i.scope === 'province' ? PROVINCE_CODES : ['VN']).map((region) => ({ indicator: i.code, region, kind: i.periodicity as Kind }))
    : [];

export interface Seeded {
  stored: number;
  window: number;
  history: number;
  breadth: number;
  ms: number;
}

/** The indicators a layout subscribes: its bindings and its tickers' thresholds (renderer/store/selectors.ts). */
export function subscribedIndicators(layout: Layout): string[] {
  const codes = new Set<string>();
  for (const tile of layout.tiles) {
    for (const code of tile.binding?.indicators ?? []) codes.add(code);
    if (tile.widget === 'ticker') for (const t of tile.options.thresholds) codes.add(t.indicator);
  }
  return [...codes].sort();
}

export class GrowthSeeder {
  private readonly catalog = loadCatalog();
  private readonly newest: Record<Kind, string>;
  readonly subscribed: string[];
  readonly windowYears: number;
  private readonly windowSeries: Series[];
  private readonly otherSeries: Series[];
  /**
   * The newest year of each subscribed indicator × region over all its period kinds: the
   * window counts back from it (the server's and the store's window is per indicator × region).
   */
  private readonly seriesTop = new Map<string, number>();

  constructor(layout: Layout, today: Date) {
    this.newest = newestPeriods(today);
    this.subscribed = subscribedIndicators(layout);
    this.windowYears = historyYearsOf(layout.tiles);
    const wanted = new Set(this.subscribed);
    const known = this.catalog.indicators.filter((i) => wanted.has(i.code));
    if (known.length !== wanted.size) throw new Error(`the layout binds indicators the catalogue lacks: ${this.subscribed.filter((c) => !known.some((i) => i.code === c)).join(', ')}`);
    // National figures come yearly too (the yearly report's totals), which a yearly chart of a
    // monthly or quarterly indicator draws (the preset's "growth and prices").
    this.windowSeries = known.flatMap((i) => [...seriesOf(i), ...(i.scope !== 'province' && i.periodicity !== 'year' && seriesOf(i).length ? [{ indicator: i.code, region: 'VN', kind: 'year' as const }] : [])]);
    for (const s of this.windowSeries) {
      const key = `${s.indicator}|${s.region}`;
      this.seriesTop.set(key, Math.max(this.seriesTop.get(key) ?? -Infinity, this.topYear(s.kind)));
    }
    this.otherSeries = this.catalog.indicators.filter((i) => !wanted.has(i.code)).flatMap(seriesOf);
  }

  private topYear(kind: Kind): number {
    return Number(this.newest[kind].slice(0, 4));
  }

  /** A series' periods from `fromYear` to `toYear` (inclusive), newest period capped to what has been reported. */
  private periods(s: Series, fromYear: number, toYear: number): string[] {
    const out: string[] = [];
    for (let y = fromYear; y <= toYear; y++) out.push(...periodsOfYear(s.kind, y, y === this.topYear(s.kind) ? this.newest[s.kind] : null));
    return out;
  }

  /** The figures of the window: what the wall should hold, at every size. */
  *window(): Generator<[Series, string]> {
    for (const s of this.windowSeries) {
      const top = this.seriesTop.get(`${s.indicator}|${s.region}`)!;
      for (const p of this.periods(s, top - this.windowYears + 1, Math.min(top, this.topYear(s.kind)))) yield [s, p];
    }
  }

  get windowFigures(): number {
    let n = 0;
    for (const _ of this.window()) n++;
    return n;
  }

  /** The same series, `years` more years before the window. */
  private *history(years: number): Generator<[Series, string]> {
    for (const s of this.windowSeries) {
      const firstKept = this.seriesTop.get(`${s.indicator}|${s.region}`)! - this.windowYears + 1;
      for (const p of this.periods(s, firstKept - years, firstKept - 1)) yield [s, p];
    }
  }

  /** Other indicators, year by year back from the newest: endless (a size stops it). */
  private *breadth(): Generator<[Series, string]> {
    for (let back = 0; back < 2000; back++) {
      for (const s of this.otherSeries) {
        const y = this.topYear(s.kind) - back;
        for (const p of periodsOfYear(s.kind, y, back === 0 ? this.newest[s.kind] : null)) yield [s, p];
      }
    }
  }

  /**
   * Writes a store of `size` figures into `dataDir/toancanh.sqlite` (the file the server
   * opens): the window, then `historyYears` of its series' older history (0: none), then
   * breadth up to `size`. The server's own first-start seeds are marked done, so it adds
   * nothing: the national seed skips a store that holds figures, the demo rankings are
   * marked as at their version.
   */
  seed(dataDir: string, size: number, historyYears: number): Seeded {
    const started = performance.now();
    const store = Store.open(join(dataDir, 'toancanh.sqlite'));
    try {
      syncCatalog(store, this.catalog);
      const counts = { window: 0, history: 0, breadth: 0 };
      const vintage = '2026-01-01T00:00:00.000Z';
      let n = 0;
      const insert = (tx: { observations: Store['observations'] }, [s, period]: [Series, string], part: keyof typeof counts) => {
        const o: Observation = {
          indicator: s.indicator,
          region: s.region,
          period,
          value: 100 + (n % 997) / 10,
          vintage,
          status: 'official',
          demo: false,
          provenance: { submissionId: null, agency: null, regime: null, source: 'bench:growth' },
        };
        tx.observations.insert(o, vintage);
        counts[part]++;
        n++;
      };
      // No change-log rows: a fresh subscribe is answered with a snapshot of the table, which
      // is what is measured; the log only serves replays.
      store.write((tx) => {
        for (const f of this.window()) insert(tx, f, 'window');
        if (n < size) for (const f of this.history(historyYears)) if (n < size) insert(tx, f, 'history');
        if (n < size) for (const f of this.breadth()) {
          if (n >= size) break;
          insert(tx, f, 'breadth');
        }
      });
      store.setState(DEMO_RANKINGS_STATE_KEY, JSON.stringify({ version: DEMO_RANKINGS_VERSION, observations: 0 }));
      return { stored: store.observations.count(), ...counts, ms: performance.now() - started };
    } finally {
      store.close();
    }
  }
}
