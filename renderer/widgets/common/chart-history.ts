import { useEffect, useSyncExternalStore } from 'react';
import { routes } from '../../../shared/api';
import { observationKey, type Observation } from '../../../shared/protocol/model';
import { periodsKey, type WallStore, type WallStoreState } from '../../store/wallStore';
import { useWallStore } from '../../store/context';
import { ApiError, createApiClient } from '../../api/client';
import { pageEndpoint } from '../../api/endpoint';
import { rendererLog } from '../../log';

/**
 * Earlier vintages (revisions) of the figures a chart shows, on demand.
 *
 * The store keeps only the newest vintage of each indicator × region × period, and it
 * stays that way: most tiles never need history. A chart that shows revisions WATCHES its
 * series here, and a revision book attached to the store (one per store, outside React)
 * collects the superseded vintages in two ways:
 *
 * 1. live: it subscribes to the store and, when a watched figure is replaced by a newer
 *    vintage, keeps the one replaced (what the wall showed before);
 * 2. from the server: once when a series is first watched, and again at most once a minute
 *    while new figures for it keep arriving, `GET /api/v1/observations?indicator=…&region=…
 *    &history=1` (every vintage), with the page's own server and token. Never in a loop:
 *    one request per series per minute at most, none when nobody watches.
 *
 * Tests (and an embedding page) replace the server source with `setRevisionSource`.
 */

/** Fetches every vintage of one indicator × region. */
export type RevisionSource = (indicator: string, region: string, signal: AbortSignal) => Promise<Observation[]>;

/** At most one history request per series this often. */
export const REVISION_REFETCH_MS = 60_000;
/** Earlier vintages kept per figure (the newest ones). */
export const MAX_REVISIONS_PER_FIGURE = 8;

/** The default source: the server this page talks to, with its token (none known: no request). */
export const serverRevisionSource: RevisionSource = async (indicator, region, signal) => {
  const endpoint = typeof window === 'undefined' ? null : await pageEndpoint(window);
  if (!endpoint?.token) return [];
  const reply = await createApiClient(endpoint).call(routes.reads.observations, { query: { indicator, region, history: '1' } }, { signal });
  return reply.body.observations;
};

let source: RevisionSource | null = serverRevisionSource;

/** Replaces where histories come from (null: live revisions only). Returns the previous source. */
export function setRevisionSource(next: RevisionSource | null): RevisionSource | null {
  const previous = source;
  source = next;
  return previous;
}

const vintageMs = (o: Observation) => Date.parse(o.vintage);

export class RevisionBook {
  /** Earlier vintages per observation key, oldest first. */
  private readonly earlier = new Map<string, Observation[]>();
  /** Watchers per series key (indicator|region). */
  private readonly watched = new Map<string, number>();
  /** The newest observation seen per key of a watched series. */
  private readonly seen = new Map<string, Observation>();
  private readonly fetchedAt = new Map<string, number>();
  private readonly pendingFetch = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly aborts = new Map<string, AbortController>();
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;
  private lastObservations: WallStoreState['observations'] | null = null;
  private lastCommit = -1;
  version = 0;

  constructor(private readonly store: WallStore) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** The earlier vintages of one figure, oldest first (empty when none is known). */
  revisionsOf(indicator: string, region: string, period: string): readonly Observation[] {
    return this.earlier.get(observationKey({ indicator, region, period })) ?? [];
  }

  watch(indicator: string, region: string): () => void {
    const key = periodsKey(indicator, region);
    this.watched.set(key, (this.watched.get(key) ?? 0) + 1);
    if (!this.unsubscribe) {
      this.lastObservations = null;
      this.lastCommit = -1;
      this.unsubscribe = this.store.api.subscribe((state) => this.onState(state));
    }
    this.noteSeries(key, this.store.api.getState(), false);
    this.requestHistory(indicator, region, 0);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const n = (this.watched.get(key) ?? 1) - 1;
      if (n > 0) {
        this.watched.set(key, n);
        return;
      }
      this.watched.delete(key);
      this.aborts.get(key)?.abort();
      this.aborts.delete(key);
      clearTimeout(this.pendingFetch.get(key));
      this.pendingFetch.delete(key);
      if (this.watched.size === 0) {
        this.unsubscribe?.();
        this.unsubscribe = null;
      }
    };
  }

  /** Adds vintages older than the figure the store holds (from a history reply or a test). */
  addHistory(observations: readonly Observation[]): void {
    const newest = this.store.api.getState().observations;
    let changed = false;
    for (const o of observations) {
      const key = observationKey(o);
      const current = newest[key];
      if (current && vintageMs(o) >= vintageMs(current)) continue;
      changed = this.remember(key, o) || changed;
    }
    if (changed) this.bump();
  }

  private remember(key: string, o: Observation): boolean {
    const list = this.earlier.get(key) ?? [];
    if (list.some((e) => e.vintage === o.vintage)) return false;
    const next = [...list, o].sort((a, b) => vintageMs(a) - vintageMs(b)).slice(-MAX_REVISIONS_PER_FIGURE);
    this.earlier.set(key, next);
    return true;
  }

  private bump(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }

  private onState(state: WallStoreState): void {
    // The observation map is updated in place: a new commit, not a new map, means new figures.
    if (state.commits === this.lastCommit && state.observations === this.lastObservations) return;
    this.lastCommit = state.commits;
    this.lastObservations = state.observations;
    let changed = false;
    for (const key of this.watched.keys()) changed = this.noteSeries(key, state, true) || changed;
    if (changed) this.bump();
  }

  /** Compares a watched series with what was seen last; keeps replaced vintages. */
  private noteSeries(seriesKey: string, state: WallStoreState, live: boolean): boolean {
    const periods = state.periods[seriesKey] ?? [];
    let changed = false;
    let arrived = false;
    for (const period of periods) {
      const key = `${seriesKey}|${period}`;
      const current = state.observations[key];
      const before = this.seen.get(key);
      if (!current || current === before) continue;
      this.seen.set(key, current);
      if (!live) continue;
      arrived = true;
      if (before && before.vintage !== current.vintage && vintageMs(before) <= vintageMs(current)) changed = this.remember(key, before) || changed;
    }
    if (arrived) {
      const [indicator, region] = seriesKey.split('|') as [string, string];
      this.requestHistory(indicator, region, REVISION_REFETCH_MS);
    }
    return changed;
  }

  private requestHistory(indicator: string, region: string, minInterval: number): void {
    const fetchHistory = source;
    const key = periodsKey(indicator, region);
    if (!fetchHistory || this.pendingFetch.has(key) || this.aborts.has(key)) return;
    const last = this.fetchedAt.get(key);
    const wait = last === undefined ? 0 : Math.max(0, last + minInterval - Date.now());
    const run = () => {
      this.pendingFetch.delete(key);
      if (!this.watched.has(key)) return;
      const abort = new AbortController();
      this.aborts.set(key, abort);
      this.fetchedAt.set(key, Date.now());
      fetchHistory(indicator, region, abort.signal)
        .then((observations) => {
          if (!abort.signal.aborted) this.addHistory(observations);
        })
        .catch((error: unknown) => {
          if (!abort.signal.aborted) rendererLog.warn('revision history unavailable', { indicator, region, err: error, ...(error instanceof ApiError ? { code: error.code, status: error.status } : {}) });
        })
        .finally(() => {
          if (this.aborts.get(key) === abort) this.aborts.delete(key);
        });
    };
    if (wait === 0) run();
    else this.pendingFetch.set(key, setTimeout(run, wait));
  }
}

const books = new WeakMap<WallStore, RevisionBook>();

export function revisionBook(store: WallStore): RevisionBook {
  let book = books.get(store);
  if (!book) {
    book = new RevisionBook(store);
    books.set(store, book);
  }
  return book;
}

const noop = () => () => {};
const zero = () => 0;

/**
 * Watches `indicators` × `region` while `enabled`; returns the book and its version (which
 * changes whenever an earlier vintage is learnt, so a model that reads the book rebuilds).
 */
export function useRevisions(indicators: readonly string[], region: string, enabled: boolean): { book: RevisionBook; version: number } {
  const store = useWallStore();
  const book = revisionBook(store);
  const key = indicators.join(',');
  useEffect(() => {
    if (!enabled || !key) return;
    const stops = key.split(',').map((code) => book.watch(code, region));
    return () => stops.forEach((stop) => stop());
  }, [book, key, region, enabled]);
  const version = useSyncExternalStore(enabled ? book.subscribe : noop, enabled ? book.getVersion : zero, enabled ? book.getVersion : zero);
  return { book, version };
}
