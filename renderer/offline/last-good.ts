import { z } from 'zod';
import { wallStateSchema, type WallState } from '../../shared/protocol/control';
import { snapshotSchema, type Snapshot } from '../../shared/protocol/feed';
import type { WallStore, WallStoreState } from '../store/wallStore';
import { openKeptStore, type KeptStore } from './kept-store';

/**
 * The last good wall, kept on disk in the page's IndexedDB (docs/decisions/0007): the
 * wall state (profile + published layout) and the data as a snapshot with its sequence
 * number, per server and screen. A window started while the server (or the network) is
 * down shows it at once, marked offline; when the server answers, the feed resumes from
 * the stored seq, so nothing is lost. Under the display agent the origin is
 * app://toancanh, a standard secure scheme whose IndexedDB lives in the agent's
 * user-data folder; in a browser kiosk it is the server's origin.
 *
 * What comes back from disk is data entering the page like any other: checked with the
 * same zod schemas as the feed, and dropped whole (and deleted) when it does not pass.
 */

const DB_NAME = 'toancanh-last-good';
const DB_VERSION = 1;
const STORE = 'walls';
/** At most one write per this interval while data changes (50 updates/s must not mean 50 writes/s). */
export const SAVE_INTERVAL_MS = 5_000;
/** While connected and idle, the record's sync time is refreshed this often. */
export const SYNC_REFRESH_MS = 60_000;

export interface LastGoodRecord {
  key: string;
  /** Date.now() when written. */
  savedAt: number;
  /** The last moment the data was known to match the server. */
  syncedAt: number;
  wall: WallState | null;
  snapshot: Snapshot | null;
}

const recordSchema = z.object({
  key: z.string().max(400),
  savedAt: z.number().int().min(0),
  syncedAt: z.number().int().min(0),
  wall: wallStateSchema.nullable(),
  snapshot: snapshotSchema.nullable(),
});

/** One record per server and screen: two walls served by one origin never mix. */
export function lastGoodKey(serverUrl: string, screenId: string): string {
  return `${serverUrl.replace(/\/+$/, '')}|${screenId}`;
}

/** The store's data as the snapshot the server would send at its seq; null before any data. */
export function snapshotOfState(state: WallStoreState, serverTime: number): Snapshot | null {
  if (state.lastSeq === null) return null;
  const compliance = Object.values(state.compliance);
  const regimes = Object.values(state.regimes);
  return {
    seq: state.lastSeq,
    serverTime: new Date(serverTime).toISOString(),
    indicators: Object.values(state.indicators),
    observations: Object.values(state.observations),
    ...(compliance.length > 0 ? { compliance } : {}),
    ...(regimes.length > 0 ? { regimes } : {}),
  };
}

export type LastGoodDb = KeptStore<LastGoodRecord>;

/** Opens the database; null where the page has no IndexedDB (an opaque origin, a locked-down profile). */
export function openLastGoodDb(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<LastGoodDb | null> {
  return openKeptStore({ database: DB_NAME, version: DB_VERSION, store: STORE, schema: recordSchema, what: 'the kept wall' }, factory);
}

/** Puts the kept wall into the store, as if the server had sent it. Returns whether there was one. */
export async function restoreLastGood(store: WallStore, db: LastGoodDb, key: string): Promise<boolean> {
  let record: LastGoodRecord | null;
  try {
    record = await db.read(key);
  } catch (error) {
    console.error('[toancanh] reading the kept wall failed', error);
    return false;
  }
  if (!record || (!record.wall && !record.snapshot)) return false;
  store.restore({ wall: record.wall, snapshot: record.snapshot, syncedAt: record.syncedAt });
  return true;
}

/**
 * Keeps the record up to date while the page runs: after a change of data or wall state
 * (at most once per SAVE_INTERVAL_MS), and every SYNC_REFRESH_MS while connected so the
 * kept sync time stays true. Only the server's state is written, never a restored one
 * read back. Returns a function that stops it.
 */
export function keepLastGood(store: WallStore, db: LastGoodDb, key: string, now: () => number = Date.now): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing = false;
  let again = false;
  let stopped = false;

  const save = async (): Promise<void> => {
    timer = null;
    if (stopped) return;
    if (writing) {
      again = true;
      return;
    }
    const state = store.api.getState();
    if (state.source !== 'server') return;
    const connected = state.connection.feed === 'connected' && state.connection.control === 'connected';
    const syncedAt = connected ? now() : (state.syncedAt ?? now());
    const wall: WallState | null = state.wall ? { revision: state.wall.revision, profile: state.wall.profile, layout: state.wall.layout } : null;
    writing = true;
    try {
      await db.write({ key, savedAt: now(), syncedAt, wall, snapshot: snapshotOfState(state, syncedAt) });
    } catch (error) {
      console.error('[toancanh] keeping the last good wall failed', error);
    } finally {
      writing = false;
    }
    if (again) {
      again = false;
      schedule();
    }
  };
  const schedule = (): void => {
    if (timer === null && !stopped) timer = setTimeout(() => void save(), SAVE_INTERVAL_MS);
  };
  const unsubscribe = store.api.subscribe((state, previous) => {
    if (state.source !== 'server') return;
    if (state.commits !== previous.commits || state.wall !== previous.wall || state.source !== previous.source || state.syncedAt !== previous.syncedAt) schedule();
  });
  const refresh = setInterval(() => {
    const { connection } = store.api.getState();
    if (connection.feed === 'connected' && connection.control === 'connected') schedule();
  }, SYNC_REFRESH_MS);
  return () => {
    stopped = true;
    unsubscribe();
    clearInterval(refresh);
    if (timer !== null) clearTimeout(timer);
  };
}
