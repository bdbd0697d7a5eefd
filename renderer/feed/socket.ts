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
  type Presence,
} from '../../shared/protocol/control';
import { agentStatusSchema, type AgentReport } from '../../shared/fleet/schema';
import type { WallStore } from '../store/wallStore';
import { selectBoundIndicators, selectHistoryYears, selectWantsCompliance } from '../store/selectors';
import { acceptChanges, acceptCommand, acceptSnapshot, acceptWallState, parseSubscribeReply, acceptWallView } from './ingest';
import { rendererLog } from '../log';
import { briefingGate, type GateScenes, type GateSocket } from './briefing-gate';
import { PREPARE_WAIT_MS } from '../../shared/protocol/briefing';
import { WALL_RECONNECTION } from './reconnect';
import { runStateSchema, type RunState } from '../../shared/briefing/run';

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
  /**
   * A wall page in a browser as a member of the fleet (issue 9, renderer/wall/fleet.ts):
   * what it says of its host, display and window, built anew for each hello and `status`.
   * Absent under the display agent (the agent reports its windows itself) and for the
   * console's preview (a person's session is no fleet member).
   */
  fleet?: () => AgentReport;
  /**
   * Who this page is on /control: a wall window (the default; it is prepared and committed
   * scene switches) or the presenter's remote, which watches the same state and figures
   * with its session cookie (token '') and is never waited on for a switch.
   */
  client?: 'wall' | 'presenter';
  /** `briefingRun` from /control, validated (null: no run). */
  onRun?: (run: RunState | null) => void;
}

export interface WallConnection {
  close(): void;
  /** The server's clock now, by this page's estimate of its offset (Date.now() until a ping came back). */
  serverNow(): number;
  /** Come back at once (a tablet woken from sleep) instead of waiting out the backoff. */
  reconnectNow(): void;
}

type FeedSocket = Socket<FeedServerToClient, FeedClientToServer>;
type ControlSocket = Socket<ControlServerToClient, ControlClientToServer>;

const SUBSCRIBE_TIMEOUT_MS = 10_000;
const SERVER_KICK_RETRY_MS = 3_000;

/**
 * The catalogue code of a refused connection: the server's guard puts `{ code, status, … }`
 * in the error's `data` (server/auth/guard.ts); null for any other failure (network, timeout).
 */
export function refusalCode(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const data = (error as Error & { data?: unknown }).data;
  const code = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).code : undefined;
  return typeof code === 'string' ? code : null;
}

/** The credential was refused (auth.token_required, auth.token_invalid, auth.role_forbidden): retrying cannot help. */
export function isCredentialRefused(error: unknown): boolean {
  return refusalCode(error)?.startsWith('auth.') ?? false;
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
    ...WALL_RECONNECTION,
  });
  const feed: FeedSocket = manager.socket(FEED_NAMESPACE, { auth: { token } });
  const control: ControlSocket = manager.socket(CONTROL_NAMESPACE, { auth: { token } });

  let closed = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** The indicators the current feed connection asked for (null: all); undefined while disconnected. */
  let subscribed: string[] | null | undefined;
  /** Whether the current feed connection asked for reporting compliance too. */
  let subscribedCompliance = false;
  /** The years of history the current feed connection's snapshot was windowed to. */
  let subscribedYears = Number.POSITIVE_INFINITY;

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
    const historyYears = selectHistoryYears(store.api.getState());
    const request: SubscribeRequest = {
      lastSeq: fresh ? null : store.lastAppliedSeq(),
      indicators: indicators && indicators.length <= 500 ? indicators : null,
      regions: null,
      ...(compliance ? { compliance: true } : {}),
      ...(historyYears !== undefined ? { historyYears } : {}),
    };
    const checked = subscribeRequestSchema.safeParse(request);
    if (!checked.success) {
      rendererLog.error('not sending an invalid subscribe request', { screenId, issues: checked.error.issues.slice(0, 10) });
      return;
    }
    subscribed = request.indicators;
    subscribedCompliance = compliance;
    subscribedYears = historyYears ?? Number.POSITIVE_INFINITY;
    feed.timeout(SUBSCRIBE_TIMEOUT_MS).emit('subscribe', checked.data, (error: Error | null, payload: unknown) => {
      if (closed) return;
      if (error) {
        rendererLog.warn('subscribe got no reply; retrying', { screenId, timeoutMs: SUBSCRIBE_TIMEOUT_MS });
        if (feed.connected) subscribe(fresh);
        return;
      }
      const reply = parseSubscribeReply(payload);
      if (!reply) return;
      if (!reply.ok) {
        rendererLog.error('the server refused the subscription', { screenId, code: reply.code, error: reply.error });
        store.setConnection({ error: `subscribe: ${reply.error}` });
        return;
      }
      store.setConnection({ error: null });
      // The server answered from our seq (a restored one too): what we show is current.
      store.confirmLive();
    });
  }

  // A new layout (or an editor's new draft) may bind indicators the current subscription
  // does not carry, show reporting compliance it did not ask for, or draw more years than it
  // holds: ask for a fresh snapshot of the new set (a replay from lastSeq would miss their history).
  const unsubscribeStore = store.api.subscribe((state, previous) => {
    const tilesChanged = state.wall !== previous.wall || state.prepared !== previous.prepared || state.drafted !== previous.drafted;
    if (!tilesChanged || !feed.connected || subscribed === undefined) return;
    const wanted = selectBoundIndicators(state);
    // Still covered (e.g. subscribed to everything): keep the stream; the next reconnect narrows it.
    // A layout that draws more years than the snapshot held needs the older ones too.
    if (covers(subscribed, wanted) && (subscribedCompliance || !selectWantsCompliance(state)) && (selectHistoryYears(state) ?? 0) <= subscribedYears) return;
    subscribe(true);
  });

  const rejected = (error: unknown) => {
    if (closed || !isCredentialRefused(error)) return false;
    store.setConnection({ feed: 'disconnected', control: 'disconnected', unauthorized: true, error: refusalCode(error) ?? 'auth.token_invalid' });
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

  /** The fleet member's report now, or undefined (none, or one the schema would refuse: logged). */
  const fleetReport = (): AgentReport | undefined => {
    if (!options.fleet) return undefined;
    try {
      return options.fleet();
    } catch (error) {
      rendererLog.error('not reporting to the fleet: the report is invalid', { screenId, err: error });
      return undefined;
    }
  };
  let statusTimer: ReturnType<typeof setInterval> | null = null;
  const stopStatus = () => {
    if (statusTimer !== null) clearInterval(statusTimer);
    statusTimer = null;
  };
  /** After an accepted fleet hello: `status` on the cadence the hello announced, the display only when it changed. */
  const startStatus = (every: number, displaysSent: string) => {
    stopStatus();
    let sent = displaysSent;
    statusTimer = setInterval(() => {
      const report = fleetReport();
      if (!report || !control.connected) return;
      const displays = JSON.stringify(report.displays);
      const status = agentStatusSchema.safeParse({ windows: report.windows, ...(displays !== sent ? { displays: report.displays } : {}) });
      if (!status.success) return;
      if (status.data.displays) sent = displays;
      control.emit('status', status.data, (reply) => {
        if (!reply.ok) rendererLog.warn('/control refused a fleet status', { screenId, code: reply.code });
      });
    }, every);
  };

  control.on('connect', () => {
    store.setConnection({ control: 'connected', unauthorized: false });
    const agent = fleetReport();
    const hello = controlHelloSchema.parse({ client: options.client ?? 'wall', screenId: screenId.slice(0, 40), host: agent?.hostName ?? null, ...(agent ? { agent } : {}) });
    control.timeout(SUBSCRIBE_TIMEOUT_MS).emit('hello', hello, (error: Error | null, reply: unknown) => {
      if (closed) return;
      if (error) {
        rendererLog.warn('/control hello got no reply', { screenId });
        return;
      }
      const r = reply as { ok?: unknown; error?: unknown; code?: unknown; fleetRefused?: { code?: unknown } } | null;
      if (!r || r.ok !== true) {
        rendererLog.error('/control refused hello', { screenId, code: typeof r?.code === 'string' ? r.code : undefined, error: String(r?.error ?? 'malformed reply') });
        return;
      }
      // The wall is taken; only its listing in the fleet was refused (a token that may not report hosts, a full fleet).
      if (r.fleetRefused) rendererLog.warn('not listed in the fleet', { screenId, code: typeof r.fleetRefused.code === 'string' ? r.fleetRefused.code : undefined });
      else if (agent) startStatus(agent.statusEveryMs, JSON.stringify(agent.displays));
    });
  });
  control.on('disconnect', (reason) => {
    stopStatus();
    store.setConnection({ control: 'disconnected' });
    if (reason === 'io server disconnect') later(() => control.connect(), SERVER_KICK_RETRY_MS);
  });
  control.on('connect_error', (error) => {
    if (rejected(error)) return;
    store.setConnection({ control: 'disconnected', error: error.message });
    if (!control.active) later(() => control.connect(), SERVER_KICK_RETRY_MS);
  });
  // Briefing scene switches: wall state and view held until the commit time (renderer/feed/briefing-gate.ts).
  const gate = briefingGate(control as unknown as GateSocket, window, (options.client ?? 'wall') === 'wall' ? preparedScenes(store, later) : undefined);
  control.on('connect', () => gate.connected());
  control.on('wallState', (payload: unknown) => {
    gate.apply(() => acceptWallState(store, payload));
  });
  control.on('identify', (payload: unknown) => {
    acceptCommand(store, 'identify', payload);
  });
  control.on('testPattern', (payload: unknown) => {
    acceptCommand(store, 'testPattern', payload);
  });
  control.on('wallView', (payload: unknown) => {
    gate.apply(() => acceptWallView(store, payload));
  });
  control.on('briefingRun', (payload: unknown) => {
    if (!options.onRun) return;
    const parsed = runStateSchema.nullable().safeParse(payload);
    if (parsed.success) options.onRun(parsed.data);
    else rendererLog.error('refused an invalid briefing run', { issues: parsed.error.issues.length });
  });

  const connection: WallConnection = {
    close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      stopStatus();
      gate.close();
      unsubscribeStore();
      feed.removeAllListeners();
      control.removeAllListeners();
      feed.disconnect();
      control.disconnect();
    },
    serverNow: () => Date.now() + gate.offsetMs(),
    reconnectNow() {
      if (closed) return;
      if (!feed.connected) feed.connect();
      if (!control.connected) control.connect();
    },
  };
  return connection;
}


/** How long a prepared scene waits for its commit before it is dropped (the server commits within PREPARE_WAIT_MS and its lead). */
const PREPARED_KEPT_MS = PREPARE_WAIT_MS + 5_000;

/**
 * The store's side of a scene switch: the prepared scene goes into the store, where the
 * wall view mounts it hidden and marks it painted (renderer/wall/view/SceneLayers.tsx);
 * the prepare resolves then. The commit shows the slot it was mounted in.
 */
function preparedScenes(store: WallStore, later: (fn: () => void, ms: number) => void): GateScenes {
  return {
    prepare(prepare) {
      store.prepare({ switchId: prepare.switchId, layout: prepare.layout, view: prepare.view });
      later(() => {
        if (store.api.getState().prepared?.switchId === prepare.switchId) store.prepare(null);
      }, PREPARED_KEPT_MS);
      return new Promise<boolean>((resolve) => {
        const done = (ok: boolean) => {
          stop();
          resolve(ok);
        };
        const stop = store.api.subscribe((state) => {
          if (state.preparedMounted === prepare.switchId) done(true);
          else if (state.prepared?.switchId !== prepare.switchId) done(false);
        });
        later(() => done(false), PREPARE_WAIT_MS);
      });
    },
    commit(switchId) {
      store.commitPrepared(switchId);
    },
  };
}

/**
 * The console's presence on /control: it says which library layout it has open and hears who
 * else has it open. The socket authenticates with the page's session cookie (same origin,
 * no token). Returns a function that closes it.
 */
export function openPresence(serverUrl: string, layoutId: string, onPresence: (presence: Presence, ownSocketId: string | undefined) => void): () => void {
  const manager = new Manager(serverUrl.replace(/\/+$/, ''), { transports: ['websocket', 'polling'], reconnection: true, reconnectionDelayMax: 10_000 });
  const control: Socket<ControlServerToClient, ControlClientToServer> = manager.socket(CONTROL_NAMESPACE, { auth: {} });
  control.on('connect', () => {
    // After every (re)connection: the server forgets a socket's open layout when it drops.
    control.emit('openLayout', { layoutId }, (reply) => {
      if (reply.ok && reply.presence) onPresence(reply.presence, control.id);
    });
  });
  control.on('presence', (presence) => {
    if (presence.layoutId === layoutId) onPresence(presence, control.id);
  });
  return () => {
    control.removeAllListeners();
    control.disconnect();
    manager.engine?.close();
  };
}
