import { Manager, type Socket } from 'socket.io-client';
import {
  FEED_NAMESPACE,
  subscribeRequestSchema,
  type FeedClientToServer,
  type FeedServerToClient,
  type SubscribeRequest,
} from '../../shared/protocol/feed';
import {
  CONTROL_NAMESPACE,
  controlHelloSchema,
  type ControlClientToServer,
  type ControlServerToClient,
} from '../../shared/protocol/control';
import type { WallStore } from '../store/wallStore';
import { selectBoundIndicators, selectWantsCompliance } from '../store/selectors';
import { acceptChanges, acceptSnapshot, acceptWallState, parseSubscribeReply } from './ingest';

/**
 * The ONE module that creates sockets (lint-enforced). A wall window opens two
 * namespaces over one engine connection: /control for the wall state and /feed for the
 * data. socket.io's Manager reconnects by itself with backoff; on every (re)connect the
 * feed re-subscribes from the last applied seq, so the server replays exactly the gap (or
 * sends a snapshot when the gap has left its log, e.g. after a restart with a new log).
 *
 * The token travels only in the socket.io CONNECT packet (`auth`), never in a URL.
 */

export interface WallConnectionOptions {
  serverUrl: string;
  token: string;
  /** The screen this window draws ("all" for the preview). */
  screenId: string;
  store: WallStore;
  /** The server refused the token: the connection stops and the page asks for another. */
  onUnauthorized?: () => void;
}

export interface WallConnection {
  close(): void;
}

type FeedSocket = Socket<FeedServerToClient, FeedClientToServer>;
type ControlSocket = Socket<ControlServerToClient, ControlClientToServer>;

const SUBSCRIBE_TIMEOUT_MS = 10_000;
const SERVER_KICK_RETRY_MS = 3_000;

/** socket.io passes the middleware's error as message (and maybe data); accept the usual shapes. */
export function isUnauthorizedError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const data = (error as Error & { data?: unknown }).data;
  const status =
    typeof data === 'object' && data !== null
      ? ((data as Record<string, unknown>).status ?? (data as Record<string, unknown>).code)
      : undefined;
  return status === 401 || status === 'unauthorized' || /unauthori[sz]ed|\b401\b|invalid token|forbidden/i.test(error.message);
}

/** Whether data for `wanted` is covered by a subscription to `subscribed` (null = everything). */
function covers(subscribed: readonly string[] | null, wanted: readonly string[] | null): boolean {
  if (subscribed === null) return true;
  if (wanted === null) return false;
  const have = new Set(subscribed);
  return wanted.every((code) => have.has(code));
}

export function connectWall(options: WallConnectionOptions): WallConnection {
  const { token, screenId, store } = options;
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  const manager = new Manager(serverUrl, {
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
    timeout: 10_000,
  });
  const feed: FeedSocket = manager.socket(FEED_NAMESPACE, { auth: { token } });
  const control: ControlSocket = manager.socket(CONTROL_NAMESPACE, { auth: { token } });

  let closed = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** The indicators the current feed connection asked for (null: all); undefined while disconnected. */
  let subscribed: string[] | null | undefined;
  /** Whether the current feed connection asked for reporting compliance too. */
  let subscribedCompliance = false;

  const later = (fn: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) fn();
    }, ms);
    timers.add(timer);
  };

  function subscribe(fresh: boolean): void {
    const indicators = selectBoundIndicators(store.api.getState());
    const compliance = selectWantsCompliance(store.api.getState());
    const request: SubscribeRequest = {
      lastSeq: fresh ? null : store.lastAppliedSeq(),
      indicators: indicators && indicators.length <= 500 ? indicators : null,
      regions: null,
      ...(compliance ? { compliance: true } : {}),
    };
    const checked = subscribeRequestSchema.safeParse(request);
    if (!checked.success) {
      console.error('[toancanh] not sending an invalid subscribe request', checked.error.issues);
      return;
    }
    subscribed = request.indicators;
    subscribedCompliance = compliance;
    feed.timeout(SUBSCRIBE_TIMEOUT_MS).emit('subscribe', checked.data, (error: Error | null, payload: unknown) => {
      if (closed) return;
      if (error) {
        console.error(`[toancanh] subscribe got no reply within ${SUBSCRIBE_TIMEOUT_MS} ms; retrying`);
        if (feed.connected) subscribe(fresh);
        return;
      }
      const reply = parseSubscribeReply(payload);
      if (!reply) return;
      if (!reply.ok) {
        console.error(`[toancanh] the server refused the subscription: ${reply.error}`);
        store.setConnection({ error: `subscribe: ${reply.error}` });
        return;
      }
      store.setConnection({ error: null });
      // The server answered from our seq (a restored one too): what we show is current.
      store.confirmLive();
    });
  }

  // A new layout may bind indicators the current subscription does not carry, or show
  // reporting compliance it did not ask for: ask for a fresh snapshot of the new set (a
  // replay from lastSeq would miss their history).
  const unsubscribeStore = store.api.subscribe((state, previous) => {
    if (state.wall === previous.wall || !feed.connected || subscribed === undefined) return;
    const wanted = selectBoundIndicators(state);
    // Still covered (e.g. subscribed to everything): keep the stream; the next reconnect narrows it.
    if (covers(subscribed, wanted) && (subscribedCompliance || !selectWantsCompliance(state))) return;
    subscribe(true);
  });

  const rejected = (error: unknown) => {
    if (closed || !isUnauthorizedError(error)) return false;
    store.setConnection({ feed: 'disconnected', control: 'disconnected', unauthorized: true, error: 'unauthorized' });
    connection.close();
    options.onUnauthorized?.();
    return true;
  };

  feed.on('connect', () => {
    store.setConnection({ feed: 'connected', unauthorized: false });
    subscribe(false);
  });
  feed.on('disconnect', (reason) => {
    subscribed = undefined;
    store.setConnection({ feed: 'disconnected' });
    // The server hung up on purpose (restart, kick): socket.io leaves it to us to come back.
    if (reason === 'io server disconnect') later(() => feed.connect(), SERVER_KICK_RETRY_MS);
  });
  feed.on('connect_error', (error) => {
    if (rejected(error)) return;
    store.setConnection({ feed: 'disconnected', error: error.message });
    if (!feed.active) later(() => feed.connect(), SERVER_KICK_RETRY_MS);
  });
  feed.on('snapshot', (payload: unknown) => {
    acceptSnapshot(store, payload);
  });
  feed.on('changes', (payload: unknown) => {
    acceptChanges(store, payload);
  });

  control.on('connect', () => {
    store.setConnection({ control: 'connected', unauthorized: false });
    const hello = controlHelloSchema.parse({ client: 'wall', screenId: screenId.slice(0, 40), host: null });
    control.timeout(SUBSCRIBE_TIMEOUT_MS).emit('hello', hello, (error: Error | null, reply: unknown) => {
      if (closed) return;
      if (error) {
        console.error('[toancanh] /control hello got no reply');
        return;
      }
      const r = reply as { ok?: unknown; error?: unknown } | null;
      if (!r || r.ok !== true) console.error(`[toancanh] /control refused hello: ${String(r?.error ?? 'malformed reply')}`);
    });
  });
  control.on('disconnect', (reason) => {
    store.setConnection({ control: 'disconnected' });
    if (reason === 'io server disconnect') later(() => control.connect(), SERVER_KICK_RETRY_MS);
  });
  control.on('connect_error', (error) => {
    if (rejected(error)) return;
    store.setConnection({ control: 'disconnected', error: error.message });
    if (!control.active) later(() => control.connect(), SERVER_KICK_RETRY_MS);
  });
  control.on('wallState', (payload: unknown) => {
    acceptWallState(store, payload);
  });

  const connection: WallConnection = {
    close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      unsubscribeStore();
      feed.removeAllListeners();
      control.removeAllListeners();
      feed.disconnect();
      control.disconnect();
    },
  };
  return connection;
}
