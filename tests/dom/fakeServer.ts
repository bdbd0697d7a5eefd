import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import type { ControlHello } from '../../shared/protocol/control';
import type { SubscribeRequest } from '../../shared/protocol/feed';
import { presetWallState, seededSnapshot } from './fixtures';

/**
 * A stand-in reporting server for the client's tests, built on the backend's own library
 * (socket.io): token check in the namespace middleware, subscribe → ack + snapshot,
 * hello → wall state. It records what the client sent.
 */

export const TOKEN = 'wall-token-0123456789abcdef';

export interface Fake {
  http: HttpServer;
  io: Server;
  port: number;
  subscribes: SubscribeRequest[];
  hellos: ControlHello[];
  /** Fleet `status` updates on /control (a browser wall page of the fleet). */
  statuses: unknown[];
  handshakes: { url: string; query: Record<string, unknown> }[];
  feedSockets: ServerSocket[];
  controlSockets: ServerSocket[];
  /** What the fake does when a client subscribes. */
  onSubscribe: (socket: ServerSocket, request: SubscribeRequest, ack: (reply: unknown) => void) => void;
  /** The wall state sent after each hello (default: the preset layout on the 2×2 profile). */
  wallState: () => unknown;
}

export async function startServer(port = 0, previous?: Fake): Promise<Fake> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket', 'polling'] });
  const fake: Fake = previous
    ? Object.assign(previous, { http, io, feedSockets: [], controlSockets: [] })
    : {
        http,
        io,
        port,
        subscribes: [],
        hellos: [],
        statuses: [],
        handshakes: [],
        feedSockets: [],
        controlSockets: [],
        onSubscribe: (socket, _request, ack) => {
          ack({ ok: true, mode: 'snapshot', seq: 100 });
          socket.emit('snapshot', seededSnapshot(100));
        },
        wallState: () => presetWallState(1),
      };
  for (const name of ['/feed', '/control']) {
    io.of(name).use((socket, next) => {
      fake.handshakes.push({ url: socket.handshake.url, query: { ...socket.handshake.query } });
      if ((socket.handshake.auth as { token?: unknown }).token === TOKEN) next();
      else next(Object.assign(new Error('unauthorized'), { data: { code: 'auth.token_invalid', status: 401 } }));
    });
  }
  io.of('/feed').on('connection', (socket) => {
    fake.feedSockets.push(socket);
    socket.on('subscribe', (request: SubscribeRequest, ack: (reply: unknown) => void) => {
      fake.subscribes.push(request);
      fake.onSubscribe(socket, request, ack);
    });
  });
  io.of('/control').on('connection', (socket) => {
    fake.controlSockets.push(socket);
    socket.on('hello', (hello: ControlHello, ack: (reply: unknown) => void) => {
      fake.hellos.push(hello);
      ack({ ok: true });
      socket.emit('wallState', fake.wallState());
    });
    socket.on('status', (status: unknown, ack: (reply: unknown) => void) => {
      fake.statuses.push(status);
      ack({ ok: true });
    });
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  fake.port = (http.address() as AddressInfo).port;
  return fake;
}

export async function stopServer(fake: Fake): Promise<void> {
  fake.io.disconnectSockets(true);
  await new Promise<void>((resolve) => fake.io.close(() => resolve()));
}

