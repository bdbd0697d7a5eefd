import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { createServer, type CreateServerOptions, type RunningServer } from '../../server/app';
import { checkErrorReply } from './error-reply';

/** A temp folder removed by `cleanup`. */
export function tempDir(prefix = 'toancanh-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface LogSink {
  lines: string[];
  write(line: string): void;
}

export function logSink(): LogSink {
  const lines: string[] = [];
  return { lines, write: (line) => void lines.push(line) };
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface Harness {
  server: RunningServer;
  dataDir: string;
  log: LogSink;
  api<T = Record<string, unknown>>(method: string, path: string, init?: { token?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  /** `setup` runs before the connection completes: listeners there see the first events. */
  connect(namespace: '/feed' | '/control', token: string | undefined, setup?: (socket: Socket) => void): Promise<Socket>;
  /** Closes the server (not the data folder). */
  stop(): Promise<void>;
  /** Closes sockets, the server and removes the data folder. */
  cleanup(): Promise<void>;
}

/** Starts a real server on port 0 with a real SQLite file in a temp folder (or the one given). */
export async function startHarness(options: Partial<CreateServerOptions> = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? tempDir();
  const log = logSink();
  const server = await createServer({ logLevel: 'info', logStream: log, checkResponses: true, ...options, dataDir });
  const sockets: Socket[] = [];
  let stopped = false;

  const harness: Harness = {
    server,
    dataDir,
    log,
    async api(method, path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      const token = init.token === undefined ? server.adminToken : init.token;
      if (token !== null) headers.authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (init.raw !== undefined) body = init.raw;
      else if (init.body !== undefined) body = JSON.stringify(init.body);
      if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
      const response = await fetch(`${server.url}${path}`, { method, headers, body, redirect: 'manual' });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON: keep the text.
      }
      if (path.startsWith('/api/') && response.status >= 400) checkErrorReply(method, path, response.status, parsed);
      return { status: response.status, headers: response.headers, body: parsed as never, text };
    },
    connect(namespace, token, setup) {
      const socket = io(`${server.url}${namespace}`, {
        auth: token === undefined ? {} : { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      setup?.(socket);
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', (error) => reject(error));
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const s of sockets) s.disconnect();
      await server.close();
    },
    async cleanup() {
      await harness.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export function emitWithAck<T>(socket: Socket, event: string, payload: unknown, ms = 3000): Promise<T> {
  return socket.timeout(ms).emitWithAck(event, payload) as Promise<T>;
}

// The waits live in ./wait.ts; re-exported for the tests that import them from here.
export { collect, nextEvent, waitFor } from './wait';
