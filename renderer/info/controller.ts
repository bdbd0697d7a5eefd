import { useCallback, useEffect, useRef, useState } from 'react';
// The session's routes alone, not the whole table: the page loads only the schemas it uses.
import { sessionRoutes } from '../../shared/api/session';
import type { Bilingual } from '../../shared/i18n';
import { ApiError, createApiClient, type ApiClient } from '../api/client';
import type { KeptStore } from '../offline/kept-store';
import { rendererLog } from '../log';
import { PROVINCES } from '../../shared/regions';
import { fetchInfoData, infoKey, openInfoCache, type InfoData } from './data';
import { NATIONAL } from './headlines';
import { markSignedIn, readRegion, saveRegion, wasSignedIn } from './prefs';
import { text } from './text';

/**
 * The page's state and what changes it: the session (checked with GET /api/v1/session,
 * started with the login form), the figures of the region picked (kept in IndexedDB and
 * shown at once when the page opens, then read again from the server), and refreshes when
 * the page comes back into view, the network returns, or every minute while it is shown.
 * Live figures would need the feed's store and socket; a phone looks at this page for a
 * minute at a time, so a refresh on focus (with "cập nhật lúc HH:MM" shown) is enough.
 */
export type Phase = 'checking' | 'login' | 'ready';

export interface InfoState {
  phase: Phase;
  /** The login form's problem (the server's refusal, or the session having ended). */
  loginProblem: Bilingual | null;
  busy: boolean;
  region: string;
  data: InfoData | null;
  /** Whether the shown data is what the server answered in this page's last try. */
  live: boolean;
  /** The last refresh failed for want of a network (the kept data shows, marked). */
  offline: boolean;
  loadProblem: Bilingual | null;
}

export const REFRESH_MS = 60_000;

const log = rendererLog.child({ ns: 'info' });

function problemOf(error: unknown): Bilingual {
  if (error instanceof ApiError) return { vi: error.error.message_vi, en: error.error.message_en };
  return text.loadFailed;
}

/**
 * The kept figures are asked for as this module loads, before React's first render, so
 * opening IndexedDB overlaps with mounting the page (what a cached first view waits on).
 */
let cacheOpening: Promise<KeptStore<InfoData> | null> | null = null;
const sharedCache = () => (cacheOpening ??= openInfoCache());
let early: { key: string; record: Promise<InfoData | null> } | null = null;
if (typeof window !== 'undefined' && wasSignedIn()) {
  const key = infoKey(window.location.origin, readRegion());
  early = { key, record: sharedCache().then((db) => db?.read(key) ?? null).catch(() => null) };
}

const isUnreachable = (error: unknown) => error instanceof ApiError && (error.status === null || error.code === 'client.unreachable');
const isSignedOut = (error: unknown) => error instanceof ApiError && error.status === 401;

export function useInfoController(win: Window = window) {
  const [state, setState] = useState<InfoState>(() => ({
    phase: 'checking',
    loginProblem: null,
    busy: false,
    region: readRegion(),
    data: null,
    live: false,
    offline: false,
    loadProblem: null,
  }));
  const serverUrl = win.location.origin;
  const clientRef = useRef<ApiClient>(createApiClient({ serverUrl, credential: { kind: 'session', csrfToken: null } }));
  const regionRef = useRef(state.region);
  const phaseRef = useRef<Phase>('checking');
  const patch = useCallback((next: Partial<InfoState>) => {
    if (next.phase) phaseRef.current = next.phase;
    setState((s) => ({ ...s, ...next }));
  }, []);
  const cache = sharedCache;

  const signedOut = useCallback(
    async (problem: Bilingual | null) => {
      markSignedIn(false);
      clientRef.current = clientRef.current.withCredential({ kind: 'session', csrfToken: null });
      patch({ phase: 'login', data: null, live: false, offline: false, loginProblem: problem, busy: false });
      // The kept figures belong to a session: none stay on a phone nobody is signed in to.
      const db = await cache();
      for (const region of [NATIONAL, ...PROVINCES.map((p) => p.code)]) await db?.remove(infoKey(serverUrl, region)).catch(() => undefined);
    },
    [cache, patch, serverUrl],
  );

  const showKept = useCallback(
    async (region: string): Promise<boolean> => {
      const key = infoKey(serverUrl, region);
      const ahead = early?.key === key ? early.record : null;
      early = null;
      const kept = ahead ? await ahead : await (await cache())?.read(key).catch(() => null);
      if (!kept || regionRef.current !== region) return false;
      patch({ data: kept, live: false });
      return true;
    },
    [cache, patch, serverUrl],
  );

  const refresh = useCallback(async () => {
    const region = regionRef.current;
    try {
      const data = await fetchInfoData(clientRef.current, region);
      if (regionRef.current !== region) return;
      patch({ data, live: true, offline: false, loadProblem: null });
      await (await cache())?.write(data).catch((error: unknown) => log.warn('keeping the figures failed', { err: error }));
    } catch (error) {
      if (isSignedOut(error)) return signedOut(text.sessionEnded);
      if (isUnreachable(error)) patch({ offline: true, live: false });
      else patch({ loadProblem: problemOf(error) });
      log.warn('reading the figures failed', { err: error });
    }
  }, [cache, patch, signedOut]);

  // Boot: the kept figures at once (when someone signed in here), then the session.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      if (wasSignedIn() && (await showKept(regionRef.current)) && !cancelled) patch({ phase: 'ready' });
      try {
        const session = await clientRef.current.call(sessionRoutes.current, {});
        if (cancelled) return;
        clientRef.current = clientRef.current.withCredential({ kind: 'session', csrfToken: session.body.csrfToken });
        markSignedIn(true);
        patch({ phase: 'ready' });
        await refresh();
      } catch (error) {
        if (cancelled) return;
        if (isUnreachable(error) && phaseRef.current === 'ready') patch({ offline: true });
        else await signedOut(isUnreachable(error) ? problemOf(error) : null);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [patch, refresh, showKept, signedOut]);

  // Back into view, network back, and every minute while shown.
  useEffect(() => {
    const again = () => {
      if (phaseRef.current === 'ready' && win.document.visibilityState === 'visible') void refresh();
    };
    const timer = win.setInterval(again, REFRESH_MS);
    win.addEventListener('focus', again);
    win.addEventListener('online', again);
    win.document.addEventListener('visibilitychange', again);
    return () => {
      win.clearInterval(timer);
      win.removeEventListener('focus', again);
      win.removeEventListener('online', again);
      win.document.removeEventListener('visibilitychange', again);
    };
  }, [refresh, win]);

  const login = useCallback(
    async (username: string, password: string) => {
      patch({ busy: true, loginProblem: null });
      try {
        const session = await clientRef.current.call(sessionRoutes.login, { body: { username, password } });
        clientRef.current = clientRef.current.withCredential({ kind: 'session', csrfToken: session.body.csrfToken });
        markSignedIn(true);
        patch({ phase: 'ready', busy: false });
        await showKept(regionRef.current);
        await refresh();
      } catch (error) {
        patch({ busy: false, loginProblem: problemOf(error) });
      }
    },
    [patch, refresh, showKept],
  );

  const logout = useCallback(async () => {
    try {
      await clientRef.current.call(sessionRoutes.logout, {});
    } catch (error) {
      log.warn('signing out failed', { err: error });
    }
    await signedOut(null);
  }, [signedOut]);

  const pickRegion = useCallback(
    async (region: string) => {
      regionRef.current = region;
      saveRegion(region);
      patch({ region, live: false });
      await showKept(region);
      await refresh();
    },
    [patch, refresh, showKept],
  );

  return { state, login, logout, refresh, pickRegion };
}
