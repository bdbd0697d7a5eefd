import { routes } from '../../shared/api';
import { appError } from '../../shared/errors';
import { GeoDataError } from '../../shared/geo';
import { messages, type Bilingual } from '../../shared/i18n';
import { ApiError, type ApiClient } from '../api/client';
import { rendererLog } from '../log';
import { prepareGeo, type PreparedGeo } from './prepare';
import { pageBoundaryClient } from './source';

/**
 * The province boundaries of this page: fetched ONCE per page (every map tile of the
 * window shares the one copy in memory), validated and prepared, and — when the fetch or
 * the file fails — retried with exponential backoff while every map tile says what is
 * wrong. Tiles subscribe; the first subscriber starts the load.
 */

export type BoundaryState =
  | { status: 'idle' }
  | { status: 'loading'; attempt: number }
  | { status: 'ready'; geo: PreparedGeo }
  | {
      status: 'error';
      attempt: number;
      message: Bilingual;
      /** For technicians: the HTTP status or the file's faults. */
      detail: string;
      /** When the next attempt starts (Date.now() clock). */
      retryAt: number;
    };

/** Why a load failed: the words the tile shows. */
export const boundaryMessages = {
  unreachable: messages.boundaryUnreachable,
  unauthorized: messages.boundaryUnauthorized,
  missing: messages.boundaryMissing,
  invalid: messages.boundaryInvalid,
} as const satisfies Record<string, Bilingual>;

export interface BoundaryLoader {
  getState(): BoundaryState;
  /** Starts loading on the first listener; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Forget the wait and try again now (if not loaded). */
  retryNow(): void;
  dispose(): void;
}

export interface BoundaryLoaderDeps {
  /** Fetches and parses the document; throws an `ApiError` (renderer/api/client.ts) or any error. */
  load(): Promise<unknown>;
  /** Where the document came from, for messages. */
  sourceName?: string;
  /** Backoff before attempt n+1 after n failures, in ms. */
  backoff?: (failures: number) => number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Yields to the page between preparation steps. */
  pause?: () => Promise<void>;
}

/** 1 s, 2 s, 4 s … up to 60 s, ±20 % so a wall of windows does not retry in step. */
export function defaultBackoff(failures: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

function describeFailure(error: unknown): { message: Bilingual; detail: string } {
  if (error instanceof GeoDataError) {
    const faults = error.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`);
    return { message: boundaryMessages.invalid, detail: faults.join('; ') + (error.errors.length > 3 ? ` (+${error.errors.length - 3})` : '') };
  }
  if (error instanceof ApiError) {
    if (error.isAuthError) return { message: boundaryMessages.unauthorized, detail: error.message };
    if (error.code === 'geo.file_missing' || error.status === 404) return { message: boundaryMessages.missing, detail: error.message };
    if (error.code === 'client.reply_invalid') return { message: boundaryMessages.invalid, detail: error.message };
    return { message: boundaryMessages.unreachable, detail: error.message };
  }
  if (error instanceof SyntaxError) return { message: boundaryMessages.invalid, detail: `not JSON: ${error.message}` };
  return { message: boundaryMessages.unreachable, detail: error instanceof Error ? error.message : String(error) };
}

export function createBoundaryLoader(deps: BoundaryLoaderDeps): BoundaryLoader {
  const backoff = deps.backoff ?? ((n: number) => defaultBackoff(n));
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const source = deps.sourceName ?? 'province boundaries';
  const listeners = new Set<() => void>();
  let state: BoundaryState = { status: 'idle' };
  let failures = 0;
  let timer: unknown = null;
  let running = false;
  let disposed = false;

  const set = (next: BoundaryState) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };

  async function attempt(): Promise<void> {
    if (running || disposed || state.status === 'ready') return;
    running = true;
    timer = null;
    set({ status: 'loading', attempt: failures + 1 });
    try {
      const document = await deps.load();
      const geo = await prepareGeo(document, source, deps.pause);
      if (disposed) return;
      failures = 0;
      set({ status: 'ready', geo });
    } catch (error) {
      if (disposed) return;
      failures += 1;
      const wait = backoff(failures);
      const { message, detail } = describeFailure(error);
      rendererLog.error('province boundaries: attempt failed; retrying', { attempt: failures, detail, retryInSeconds: Math.round(wait / 1000), ...(error instanceof ApiError ? { code: error.code, status: error.status } : {}) });
      set({ status: 'error', attempt: failures, message, detail, retryAt: now() + wait });
      timer = setTimer(() => void attempt(), wait);
    } finally {
      running = false;
    }
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      if (state.status === 'idle') void attempt();
      return () => listeners.delete(listener);
    },
    retryNow() {
      if (state.status !== 'error') return;
      if (timer !== null) clearTimer(timer);
      void attempt();
    },
    dispose() {
      disposed = true;
      if (timer !== null) clearTimer(timer);
      listeners.clear();
    },
  };
}

/**
 * GET the boundary document through the API client (the wall token as Bearer). `no-cache`
 * lets the browser revalidate its copy with the ETag (a 304 it answers from its cache).
 */
export async function fetchBoundaries(client: ApiClient): Promise<unknown> {
  const reply = await client.call(routes.geo.provinces, {}, { cache: 'no-cache' });
  // Only a request that sent If-None-Match itself sees the 304; this one never does.
  if (reply.status === 304) throw new ApiError(304, appError('client.http_error', { status: 304 }), [], routes.geo.provinces.name);
  return reply.body;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let pageLoader: BoundaryLoader | null = null;

/** The page's one loader (created on first use). */
export function pageBoundaryLoader(): BoundaryLoader {
  pageLoader ??= createBoundaryLoader({
    load: async () => fetchBoundaries(await pageBoundaryClient()),
    sourceName: 'GET /api/v1/geo/provinces',
    pause: yieldToPage,
  });
  return pageLoader;
}

/** Replaces the page's loader (tests; an embedding page with its own source). Returns the old one. */
export function setPageBoundaryLoader(loader: BoundaryLoader | null): BoundaryLoader | null {
  const previous = pageLoader;
  pageLoader = loader;
  return previous;
}
