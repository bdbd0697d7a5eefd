import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { routes } from '../../shared/api';
import type { BriefingSummary } from '../../shared/api/briefings';
import type { RunCommand, RunState } from '../../shared/briefing/run';
import type { Bilingual } from '../../shared/i18n';
import type { Layout } from '../../shared/layout/schema';
import type { Role } from '../../shared/protocol/roles';
import { VIEW_ROLES, type WallViewPatch } from '../../shared/wall/view';
import { ApiError, type ApiClient } from '../api/client';
import { anonymousClientFor, currentSessionOf, isSessionEnded, sessionClientFor, type Session } from '../api/session';
import { connectWall, type WallConnection } from '../feed/socket';
import { rendererLog } from '../log';
import { createWallStore, type WallStore } from '../store/wallStore';
import { text } from './text';

/**
 * The remote's state and what changes it. Everything shown comes from the server: the run
 * (`briefingRun` on /control, sent on every connect and every change), the wall's view and
 * state (`wallView`, `wallState`) and the figures (the feed, so the count of new figures
 * while frozen is the wall's own count, computed by the same store). The page keeps
 * nothing of its own between visits: a tablet woken from sleep opens a fresh connection
 * and shows what the server says now. Commands go over HTTP (audited, with the CSRF token).
 */
export type Phase = 'checking' | 'login' | 'ready';

export interface RemoteState {
  phase: Phase;
  session: Session | null;
  loginProblem: Bilingual | null;
  busy: boolean;
  /** undefined: not heard from the server on this connection yet; null: no run. */
  run: RunState | null | undefined;
  /** When the server last told this page where the run is (Date.now()). */
  runAt: number | null;
  briefings: BriefingSummary[] | null;
  /** The last command's refusal (the catalogue's words), or null. */
  problem: Bilingual | null;
  /** A command is on its way. */
  sending: boolean;
}

/** Hidden longer than this (a tablet asleep): the connection is opened afresh on return. */
export const WAKE_AFTER_MS = 5_000;
/**
 * A presenter's tap given up after this long, with words on the tablet (and a layout read,
 * asked again): a tablet woken on a kept-alive connection that died in its sleep would
 * otherwise wait minutes for TCP. Shorter than the API's default: a presenter is talking.
 */
const REMOTE_CALL_TIMEOUT_MS = 8_000;
/** A scene's layout that could not be read is asked for again after this long. */
const LAYOUT_RETRY_MS = 2_000;

const log = rendererLog.child({ ns: 'remote' });

function problemOf(error: unknown): Bilingual {
  if (error instanceof ApiError) return { vi: error.error.message_vi, en: error.error.message_en };
  return text.failed;
}

/** Whether a person with these roles may steer the wall (the server checks it again on every command). */
export const maySteer = (roles: readonly Role[]): boolean => roles.some((r) => VIEW_ROLES.includes(r));

export function useRemoteController(win: Window = window) {
  const serverUrl = win.location.origin;
  // Like the wall page: no figure is asked for before the wall's layout is known (a phone opening on a store of millions).
  const store: WallStore = useMemo(() => createWallStore({ beforeLayout: 'nothing' }), []);
  const [state, setState] = useState<RemoteState>({ phase: 'checking', session: null, loginProblem: null, busy: false, run: undefined, runAt: null, briefings: null, problem: null, sending: false });
  const [generation, setGeneration] = useState(0);
  const clientRef = useRef<ApiClient>(anonymousClientFor(serverUrl, REMOTE_CALL_TIMEOUT_MS));
  const connectionRef = useRef<WallConnection | null>(null);
  const patch = useCallback((next: Partial<RemoteState>) => setState((s) => ({ ...s, ...next })), []);

  const signedIn = useCallback(
    (session: Session) => {
      clientRef.current = sessionClientFor(serverUrl, session, REMOTE_CALL_TIMEOUT_MS);
      patch({ phase: 'ready', session, busy: false, loginProblem: null });
    },
    [patch, serverUrl],
  );
  const signedOut = useCallback(
    (problem: Bilingual | null) => {
      clientRef.current = anonymousClientFor(serverUrl, REMOTE_CALL_TIMEOUT_MS);
      patch({ phase: 'login', session: null, run: undefined, runAt: null, briefings: null, loginProblem: problem, busy: false });
    },
    [patch, serverUrl],
  );

  // Boot: who the cookie says is signed in.
  useEffect(() => {
    let cancelled = false;
    currentSessionOf(clientRef.current).then(
      (session) => {
        if (cancelled) return;
        if (session) signedIn(session);
        else signedOut(null);
      },
      (error: unknown) => {
        if (!cancelled) signedOut(problemOf(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [signedIn, signedOut]);

  // The live connection while signed in; opened afresh after a sleep (generation).
  useEffect(() => {
    if (state.phase !== 'ready') return;
    patch({ run: undefined });
    const connection = connectWall({
      serverUrl,
      token: '',
      screenId: 'remote',
      store,
      client: 'presenter',
      onRun: (run) => patch({ run, runAt: Date.now() }),
      onUnauthorized: () => signedOut(text.sessionEnded),
    });
    connectionRef.current = connection;
    return () => {
      connection.close();
      if (connectionRef.current === connection) connectionRef.current = null;
    };
  }, [state.phase, generation, patch, serverUrl, signedOut, store]);

  // The briefings to start from, when none runs.
  useEffect(() => {
    if (state.phase !== 'ready' || state.run !== null) return;
    let cancelled = false;
    clientRef.current.call(routes.briefings.list, {}).then(
      (reply) => {
        if (!cancelled) patch({ briefings: reply.body.briefings });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (isSessionEnded(error)) signedOut(text.sessionEnded);
        else patch({ problem: problemOf(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [state.phase, state.run, patch, signedOut]);

  // Asleep and back: a new connection, so what shows is the server's state now.
  useEffect(() => {
    let hiddenAt: number | null = null;
    const onVisibility = () => {
      if (win.document.visibilityState === 'hidden') hiddenAt = Date.now();
      else if (hiddenAt !== null && Date.now() - hiddenAt > WAKE_AFTER_MS) {
        hiddenAt = null;
        setGeneration((g) => g + 1);
      } else connectionRef.current?.reconnectNow();
    };
    const onOnline = () => connectionRef.current?.reconnectNow();
    win.document.addEventListener('visibilitychange', onVisibility);
    win.addEventListener('online', onOnline);
    win.addEventListener('pageshow', onOnline);
    return () => {
      win.document.removeEventListener('visibilitychange', onVisibility);
      win.removeEventListener('online', onOnline);
      win.removeEventListener('pageshow', onOnline);
    };
  }, [win]);

  const send = useCallback(
    async (what: string, call: () => Promise<unknown>) => {
      patch({ sending: true, problem: null });
      try {
        await call();
        patch({ sending: false });
      } catch (error) {
        log.warn('command refused', { what, err: error });
        if (isSessionEnded(error)) return signedOut(text.sessionEnded);
        patch({ sending: false, problem: problemOf(error) });
      }
    },
    [patch, signedOut],
  );

  const command = useCallback(
    (body: RunCommand) =>
      send(body.action, async () => {
        const reply = await clientRef.current.call(routes.briefings.command, { body });
        // The reply is the run as the server holds it after the command: shown at once, the socket confirms.
        patch({ run: reply.body.run, runAt: Date.now() });
      }),
    [patch, send],
  );
  const setView = useCallback((body: WallViewPatch) => send('view', () => clientRef.current.call(routes.wall.setView, { body })), [send]);

  const login = useCallback(
    async (username: string, password: string) => {
      patch({ busy: true, loginProblem: null });
      try {
        const reply = await clientRef.current.call(routes.session.login, { body: { username: username.trim().toLowerCase(), password } });
        signedIn(reply.body);
      } catch (error) {
        patch({ busy: false, loginProblem: problemOf(error) });
      }
    },
    [patch, signedIn],
  );
  const logout = useCallback(async () => {
    try {
      await clientRef.current.call(routes.session.logout, {});
    } catch (error) {
      log.warn('signing out failed', { err: error });
    }
    signedOut(null);
  }, [signedOut]);

  /** The server's clock by this page's estimate (timers count from the server's times). */
  const serverNow = useCallback(() => connectionRef.current?.serverNow() ?? Date.now(), []);

  return { state, store, command, setView, login, logout, serverNow, client: clientRef };
}

/** Layout documents of scenes, fetched once each (a version never changes) and kept for the page's life. */
export function useSceneLayouts(client: { current: ApiClient }, wanted: readonly { layoutId: string; layoutVersion: number }[]): ReadonlyMap<string, Layout> {
  const [layouts, setLayouts] = useState<ReadonlyMap<string, Layout>>(new Map());
  const asked = useRef(new Set<string>());
  // A failed read (the server away, a call timed out on a dead connection) is asked again a little later.
  const [attempt, setAttempt] = useState(0);
  const key = wanted.map((w) => `${w.layoutId}@${w.layoutVersion}`).join(',');
  useEffect(() => {
    let retry: ReturnType<typeof setTimeout> | undefined;
    for (const w of wanted) {
      const k = `${w.layoutId}@${w.layoutVersion}`;
      if (asked.current.has(k)) continue;
      asked.current.add(k);
      client.current.call(routes.library.version, { params: { id: w.layoutId, version: String(w.layoutVersion) } }).then(
        (reply) => setLayouts((m) => new Map(m).set(k, reply.body.document)),
        (error: unknown) => {
          asked.current.delete(k);
          log.warn('scene layout not read', { layout: k, err: error });
          retry ??= setTimeout(() => setAttempt((a) => a + 1), LAYOUT_RETRY_MS);
        },
      );
    }
    return () => clearTimeout(retry);
    // `key` names what `wanted` holds: a new array with the same scenes asks for nothing.
  }, [key, client, attempt]);
  return layouts;
}

export const layoutKey = (s: { layoutId: string; layoutVersion: number }): string => `${s.layoutId}@${s.layoutVersion}`;
