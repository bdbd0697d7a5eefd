import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FEED_NAMESPACE, type SubscribeRequest } from '../../shared/protocol/feed';

/**
 * The bare baseline page of `npm run bench:paint`: what the fastest possible page does with
 * the same socket messages. It is served by the bench itself (serveBarePage), and its
 * socket goes to the same server as the wall's. It loads the same socket.io client as the
 * wall, connects to /feed with the wall token, sends the very subscribe request a wall page
 * sent (the probe records it off the wall's WebSocket, bench/wall/probe.ts), and writes each observation of a probe tile's indicator × region straight into that
 * tile's text node when the `changes` message arrives: no validation, no store, no React,
 * no frame wait. Its tiles carry the wall's ids and `[data-field="value"]`, so the same
 * probe (bench/wall/probe.ts) watches them.
 */

export const BARE_PATH = '/bench-bare/';

interface BareConfig {
  serverUrl: string;
  token: string;
  namespace: string;
  request: SubscribeRequest;
  /** Probe tile id → its `indicator|region`. */
  tiles: [string, string][];
}

/** The page's script; runs in the browser with socket.io's UMD build loaded (`io`). */
function bareMain(config: BareConfig): void {
  const io = (window as unknown as { io: { Manager: new (url: string, options: object) => { socket(ns: string, options: object): BareSocket } } }).io;
  interface Obs { indicator: string; region: string; period: string; value: number | null }
  interface BareSocket {
    on(event: string, fn: (payload: never) => void): void;
    timeout(ms: number): { emit(event: string, body: unknown, ack: (error: unknown, reply: unknown) => void): void };
  }
  const nodes = new Map<string, Text[]>();
  const shownPeriod = new Map<string, string>();
  for (const [id, key] of config.tiles) {
    const tile = document.createElement('div');
    tile.dataset.tileId = id;
    tile.textContent = `${id} `;
    const value = document.createElement('span');
    value.dataset.field = 'value';
    const text = document.createTextNode('—');
    value.append(text);
    tile.append(value);
    document.body.append(tile);
    nodes.set(key, [...(nodes.get(key) ?? []), text]);
  }
  const write = (o: Obs) => {
    const key = `${o.indicator}|${o.region}`;
    const list = nodes.get(key);
    if (!list || o.value === null || o.period < (shownPeriod.get(key) ?? '')) return;
    shownPeriod.set(key, o.period);
    for (const text of list) text.data = String(o.value);
  };
  const manager = new io.Manager(config.serverUrl, { transports: ['websocket', 'polling'], tryAllTransports: true });
  const feed = manager.socket(config.namespace, { auth: { token: config.token } });
  feed.on('connect', () => feed.timeout(10_000).emit('subscribe', config.request, () => undefined));
  feed.on('snapshot', (s: { observations: Obs[] }) => s.observations.forEach(write));
  feed.on('changes', (b: { changes: { kind: string; observation?: Obs }[] }) => {
    for (const c of b.changes) if (c.kind === 'observation' && c.observation) write(c.observation);
  });
}

/**
 * Serves the bare page and socket.io's client on 127.0.0.1 (an ephemeral port of this
 * process). Not from the server: it is no part of the product. Not through Playwright's
 * routing either: a page fulfilled that way has no address, and Chromium's local-network
 * checks then refuse its WebSocket to 127.0.0.1 (it would fall back to long polling).
 * The socket is cross-origin, which WebSockets allow; its transport is the wall's: WebSocket.
 */
export async function serveBarePage(root: string, config: Omit<BareConfig, 'namespace'>): Promise<{ url: string; close: () => Promise<void> }> {
  const client = readFileSync(join(root, 'node_modules', 'socket.io-client', 'dist', 'socket.io.min.js'), 'utf8');
  const full: BareConfig = { ...config, namespace: FEED_NAMESPACE };
  const html = [
    '<!doctype html><html lang="vi"><meta charset="utf-8"><title>bench: bare baseline</title>',
    '<style>body{margin:0;font:48px sans-serif;color:#fff;background:#000}</style><body>',
    `<script src="${BARE_PATH}socket.io.min.js"></script>`,
    `<script>(${bareMain.toString()})(${JSON.stringify(full).replace(/</g, '\\u003c')});</script>`,
    '</body></html>',
  ].join('\n');
  const server = createServer((req, res) => {
    const isClient = req.url === `${BARE_PATH}socket.io.min.js`;
    if (!isClient && req.url !== BARE_PATH) {
      // (the browser's favicon request too: a 404 would be a console error)
      res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    res.writeHead(200, { 'content-type': isClient ? 'text/javascript' : 'text/html; charset=utf-8' }).end(isClient ? client : html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${BARE_PATH}`, close: () => new Promise((done) => server.close(() => done())) };
}
