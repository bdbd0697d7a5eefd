import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentReport } from '../../shared/fleet/schema';
import { connectWall, type WallConnection } from '../../renderer/feed/socket';
import { createWallStore, isConnected, type WallStore } from '../../renderer/store/wallStore';
import { selectBoundIndicators, selectHistoryYears } from '../../renderer/store/selectors';
import { wallStateSchema } from '../../shared/protocol/control';
import { observation, kpiWallState, presetWallState, wallStateWith } from './fixtures';
import { DEFAULT_HISTORY_YEARS } from '../../shared/widgets/history-span';
import { startServer, stopServer, TOKEN, type Fake } from './fakeServer';

/**
 * The real client module against a real socket.io server (the reporting backend's
 * library), over real WebSockets: subscribe/resume, validation, hello, unauthorized.
 */

let server: Fake;
let store: WallStore;
let connection: WallConnection | null = null;

beforeEach(async () => {
  server = await startServer();
  server.wallState = () => kpiWallState(1);
  store = createWallStore();
});

afterEach(async () => {
  connection?.close();
  connection = null;
  await stopServer(server);
  vi.restoreAllMocks();
});

const connect = (token = TOKEN, onUnauthorized?: () => void) =>
  (connection = connectWall({ serverUrl: `http://127.0.0.1:${server.port}/`, token, screenId: 's1', store, onUnauthorized }));

/** The control side says hello but sends no wall state until a test emits one itself. */
function holdWallState(): void {
  const control = server.io.of('/control');
  control.removeAllListeners('connection');
  control.on('connection', (socket) => {
    server.controlSockets.push(socket);
    socket.on('hello', (_hello: unknown, ack: (reply: unknown) => void) => ack({ ok: true }));
  });
}

/**
 * Connected, with the layout known, then reconnected once so that the subscription carries
 * the layout's own indicator list (the first one, made before it, asked for everything);
 * resolves to the number of subscribes so far.
 */
async function connectNarrowed(): Promise<number> {
  connect();
  await vi.waitFor(() => expect(store.api.getState().wall).not.toBeNull(), { timeout: 5000 });
  await vi.waitFor(() => expect(store.api.getState().lastSeq).toBe(100));
  server.feedSockets[0]!.disconnect(true);
  await vi.waitFor(() => expect(server.subscribes.at(-1)?.indicators).not.toBeNull(), { timeout: 10_000 });
  await vi.waitFor(() => expect(store.api.getState().connection.feed).toBe('connected'));
  return server.subscribes.length;
}

describe('feed and control sockets', () => {
  it('says hello, subscribes from null, applies the snapshot and the wall state', async () => {
    connect();
    await vi.waitFor(() => expect(store.api.getState().lastSeq).toBe(100), { timeout: 5000 });
    await vi.waitFor(() => expect(store.api.getState().wall?.layout.id).toBe('kpi-tong-quan'));
    expect(server.hellos).toEqual([{ client: 'wall', screenId: 's1', host: null }]);
    expect(server.subscribes[0]!.lastSeq).toBeNull();
    expect(server.subscribes[0]!.regions).toBeNull();
    await vi.waitFor(() => expect(isConnected(store.api.getState().connection)).toBe(true));
    // The token travels in the CONNECT packet only, never in a URL.
    for (const h of server.handshakes) {
      expect(h.url).not.toContain(TOKEN);
      expect(JSON.stringify(h.query)).not.toContain(TOKEN);
    }
  });

  it('as a browser member of the fleet, says hello with its report and sends a status on the announced cadence', async () => {
    let calls = 0;
    const report = (): AgentReport => {
      calls++;
      return {
        kind: 'browser',
        hostId: 'browser-0a1b2c3d4e5f',
        hostName: 'Trình duyệt (3d4e5f)',
        appVersion: '0.1.0',
        statusEveryMs: 1_000,
        displays: [{ id: 0, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1, rotation: 0, resolution: { width: 1920, height: 1080 }, internal: false }],
        windows: [{ screenId: 's1', displayId: 0, connection: 'connected', lastSeq: calls, fps: 60, heapMb: 20, restarts: 0, lastError: null }],
      };
    };
    connection = connectWall({ serverUrl: `http://127.0.0.1:${server.port}/`, token: TOKEN, screenId: 's1', store, fleet: report });
    await vi.waitFor(() => expect(server.hellos).toHaveLength(1));
    expect(server.hellos[0]).toMatchObject({ client: 'wall', screenId: 's1', host: 'Trình duyệt (3d4e5f)', agent: { kind: 'browser', hostId: 'browser-0a1b2c3d4e5f' } });
    await vi.waitFor(() => expect(server.statuses.length).toBeGreaterThanOrEqual(1), { timeout: 5_000 });
    // The display did not change since the hello: the status carries the window alone.
    expect(server.statuses[0]).toEqual({ windows: [expect.objectContaining({ screenId: 's1', connection: 'connected' })] });
  });

  it('applies newer changes, refuses an invalid batch, and resumes from its last seq after a server restart', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    connect();
    await vi.waitFor(() => expect(store.api.getState().lastSeq).toBe(100), { timeout: 5000 });
    await vi.waitFor(() => expect(store.api.getState().wall).not.toBeNull());
    const feed = server.feedSockets[0]!;

    feed.emit('changes', { seq: 102, changes: [{ seq: 101, kind: 'observation', observation: observation('GDP_GROWTH', '2026-Q1', 6.1) }, { seq: 102, kind: 'observation', observation: observation('GDP_GROWTH', '2026-Q1', 6.2) }] });
    feed.emit('changes', { seq: 103, changes: [{ seq: 103, kind: 'observation', observation: { ...observation('GDP_GROWTH', '2026-Q2', 1), value: 'x' } }] });
    feed.emit('changes', { seq: 90, changes: [{ seq: 90, kind: 'observation', observation: observation('GDP_GROWTH', '2026-Q1', -1) }] });
    await vi.waitFor(() => expect(errors).toHaveBeenCalled());
    await vi.waitFor(() => expect(store.api.getState().lastSeq).toBe(102));
    expect(store.api.getState().observations['GDP_GROWTH|VN|2026-Q1']?.value).toBe(6.2);
    expect(store.api.getState().observations['GDP_GROWTH|VN|2026-Q2']).toBeUndefined();
    expect(String(errors.mock.calls[0]![0])).toMatch(/refused an invalid change batch/);

    // An invalid wall state leaves the layout in place.
    const before = store.api.getState().wall;
    server.controlSockets[0]!.emit('wallState', { revision: 2, profile: {}, layout: {} });
    await vi.waitFor(() => expect(errors).toHaveBeenCalledTimes(2));
    expect(store.api.getState().wall).toBe(before);

    // Restart the server on the same port; it replays the gap this time.
    const port = server.port;
    await stopServer(server);
    await vi.waitFor(() => expect(store.api.getState().connection.feed).toBe('disconnected'));
    server.onSubscribe = (socket, request, ack) => {
      ack({ ok: true, mode: 'replay', seq: 104 });
      if (request.lastSeq === 102) {
        socket.emit('changes', { seq: 104, changes: [{ seq: 104, kind: 'observation', observation: observation('GDP_GROWTH', '2026-Q1', 6.3) }] });
      }
    };
    server = await startServer(port, server);
    await vi.waitFor(() => expect(store.api.getState().lastSeq).toBe(104), { timeout: 15_000, interval: 50 });
    const resumed = server.subscribes.at(-1)!;
    expect(resumed.lastSeq).toBe(102);
    // By now the layout is known: the client asks only for the indicators it binds.
    expect(resumed.indicators).toContain('GDP_VND');
    expect(resumed.indicators).toHaveLength((kpiWallState() as { layout: { tiles: unknown[] } }).layout.tiles.length);
    expect(store.api.getState().observations['GDP_GROWTH|VN|2026-Q1']?.value).toBe(6.3);
    expect(store.api.getState().observations['GDP_VND|VN|2024']?.value).toBe(11511.9); // kept across the restart
  }, 30_000);

  it('asks for a fresh snapshot when a new layout binds an indicator it is not subscribed to', async () => {
    const count = await connectNarrowed();
    const state = kpiWallState(2) as { layout: { tiles: { binding: { indicators: string[] } }[] } };
    state.layout.tiles[0]!.binding.indicators = ['UNEMPLOYMENT_RATE'];
    await vi.waitFor(() => expect(server.controlSockets.at(-1)?.connected).toBe(true));
    server.controlSockets.at(-1)!.emit('wallState', state);
    await vi.waitFor(() => expect(server.subscribes.length).toBe(count + 1));
    const fresh = server.subscribes.at(-1)!;
    expect(fresh.lastSeq).toBeNull();
    expect(fresh.indicators).toContain('UNEMPLOYMENT_RATE');
    expect(fresh.indicators).not.toContain('GDP_GROWTH');
  }, 20_000);

  it('a wall page asks for no figure before its layout is known, then afresh for the layout’s own, windowed', async () => {
    // The feed's first subscribe is made with no layout (on a real server that asked for the
    // whole store, unwindowed: a million figures to a page that draws 671, issue 12).
    holdWallState();
    server.onSubscribe = (socket, request, ack) => {
      ack({ ok: true, mode: 'snapshot', seq: 100 });
      socket.emit('snapshot', { seq: 100, serverTime: '2026-11-01T00:00:00.000Z', indicators: [], observations: request.indicators?.length === 0 ? [] : [observation('GDP_GROWTH', '2026-Q1', 6.1)] });
    };
    store = createWallStore({ beforeLayout: 'nothing' });
    connect();
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(1), { timeout: 5000 });
    expect(server.subscribes[0]).toMatchObject({ lastSeq: null, indicators: [] });
    await vi.waitFor(() => expect(store.api.getState().lastSeq).toBe(100));
    expect(store.api.getState().observations).toEqual({});

    const wallState = presetWallState(1);
    await vi.waitFor(() => expect(server.controlSockets[0]?.connected).toBe(true));
    server.controlSockets[0]!.emit('wallState', wallState);
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(2), { timeout: 5000 });
    const known = createWallStore();
    known.setWallState(wallStateSchema.parse(wallState));
    expect(server.subscribes[1]).toMatchObject({
      lastSeq: null,
      indicators: selectBoundIndicators(known.api.getState()),
      historyYears: selectHistoryYears(known.api.getState()),
    });
    expect(server.subscribes[1]!.indicators).toContain('GDP_GROWTH');
    await vi.waitFor(() => expect(store.api.getState().observations['GDP_GROWTH|VN|2026-Q1']?.value).toBe(6.1));
  });

  it('a store for the console’s editors still asks for everything before a layout is known', async () => {
    expect(selectBoundIndicators(createWallStore().api.getState())).toBeNull();
    expect(selectBoundIndicators(createWallStore({ beforeLayout: 'nothing' }).api.getState())).toEqual([]);
    holdWallState();
    connect();
    await vi.waitFor(() => expect(server.subscribes.length).toBeGreaterThanOrEqual(1), { timeout: 5000 });
    expect(server.subscribes[0]!.indicators).toBeNull();
  });

  it('asks afresh when an editor’s draft binds an indicator, or shows compliance, that the narrowed subscription lacks', async () => {
    const count = await connectNarrowed();
    expect(server.subscribes.at(-1)!.indicators).not.toContain('UNEMPLOYMENT_RATE');

    const kpi = wallStateSchema.parse(kpiWallState()).layout.tiles[0]!;
    store.setDraftTiles([{ ...kpi, id: 'nhap', binding: { ...kpi.binding!, indicators: ['UNEMPLOYMENT_RATE'] } }]);
    await vi.waitFor(() => expect(server.subscribes.length).toBe(count + 1));
    const fresh = server.subscribes.at(-1)!;
    expect(fresh.lastSeq).toBeNull();
    expect(fresh.indicators).toContain('UNEMPLOYMENT_RATE');
    expect(fresh.indicators).toContain('GDP_VND'); // the wall's own stay
    expect(fresh.compliance).toBeUndefined();

    // The preset draws a compliance board: the draft asks for compliance too.
    store.setDraftTiles(wallStateSchema.parse(presetWallState()).layout.tiles);
    await vi.waitFor(() => expect(server.subscribes.length).toBe(count + 2));
    expect(server.subscribes.at(-1)).toMatchObject({ lastSeq: null, compliance: true });
    // Tiles the subscription covers (the same ones parsed afresh, then the very same) ask nothing: the next
    // subscribe the server sees, in the socket's order, is the one a new indicator asks for.
    const after = store.api.getState().drafted;
    store.setDraftTiles(wallStateSchema.parse(presetWallState()).layout.tiles);
    expect(store.api.getState().drafted).not.toBe(after); // parsed afresh: new tile objects
    store.setDraftTiles(store.api.getState().drafted);
    store.setDraftTiles([...store.api.getState().drafted, { ...kpi, id: 'viec-lam', binding: { ...kpi.binding!, indicators: ['UNEMPLOYMENT_RATE'] } }]);
    await vi.waitFor(() => expect(server.subscribes.length).toBeGreaterThanOrEqual(count + 3));
    expect(server.subscribes).toHaveLength(count + 3);
    expect(server.subscribes.at(-1)!.indicators).toContain('UNEMPLOYMENT_RATE');
  }, 30_000);

  it('an editor’s store asks for nothing until its draft or the wall is known, then for the draft’s indicators and years beside the wall’s', async () => {
    holdWallState();
    store = createWallStore({ beforeLayout: 'nothing' });
    connect();
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(1), { timeout: 5000 });
    expect(server.subscribes[0]).toMatchObject({ lastSeq: null, indicators: [] });
    // The draft (a monthly KPI with a long sparkline) is known first: its indicator, its years.
    store.setDraftTiles(wallStateSchema.parse(wallStateWith([{ id: 'cpi', widget: 'kpi', x: 0, y: 0, w: 6, h: 4, binding: { indicators: ['CPI_AVG'], region: 'VN' }, options: { sparklinePeriods: 30 } }])).layout.tiles);
    const years = selectHistoryYears(store.api.getState())!;
    expect(years).toBeGreaterThan(DEFAULT_HISTORY_YEARS);
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(2), { timeout: 5000 });
    expect(server.subscribes[1]).toMatchObject({ lastSeq: null, indicators: ['CPI_AVG'], historyYears: years });
    // Then the wall's layout: its indicators join the draft's, the draft's years stay.
    await vi.waitFor(() => expect(server.controlSockets[0]?.connected).toBe(true));
    server.controlSockets[0]!.emit('wallState', kpiWallState(1));
    await vi.waitFor(() => expect(server.subscribes).toHaveLength(3), { timeout: 5000 });
    expect(server.subscribes[2]!.indicators).toContain('CPI_AVG');
    expect(server.subscribes[2]!.indicators).toContain('GDP_VND');
    expect(server.subscribes[2]!.historyYears).toBe(years);
  });

  it('reports a rejected token and stops', async () => {
    const onUnauthorized = vi.fn();
    connect('not-the-right-token-xxxxxxxx', onUnauthorized);
    await vi.waitFor(() => expect(onUnauthorized).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(store.api.getState().connection.unauthorized).toBe(true);
    expect(server.feedSockets).toHaveLength(0);
  });
});
