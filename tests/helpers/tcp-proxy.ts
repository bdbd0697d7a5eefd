import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between test clients and a server, which the test controls: it can stop
 * reading what the server sends (a client that stops reading: the server's socket fills
 * up), cut every connection through it, and refuse new ones for a while (the network is
 * down). Port 0: the system picks the port.
 */
export interface TcpProxy {
  readonly port: number;
  /** `http://127.0.0.1:<port>`: what a client connects to instead of the server. */
  readonly url: string;
  /** Open connections (pairs). */
  readonly connections: number;
  /** Stops reading from the server on every connection, current and future. */
  pause(): void;
  resume(): void;
  /** Cuts every connection now (both ends); returns how many. */
  cut(): number;
  /**
   * Silences every connection open now, both ways, without closing it (a tablet asleep, a
   * NAT that forgot the flow: neither end hears anything, nor that the line is gone); new
   * connections pass as before. Returns how many.
   */
  blackhole(): number;
  /** While down, a new connection is closed as soon as it is accepted. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host?: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  /** Silenced by blackhole(): still open, closed with the proxy. */
  const deaf = new Set<{ client: Socket; upstream: Socket }>();
  let paused = false;
  let down = false;
  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host ?? '127.0.0.1');
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    if (paused) upstream.pause();
    else upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');

  const cut = (): number => {
    const n = pairs.size;
    for (const { client, upstream } of [...pairs]) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
    return n;
  };
  return {
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    get connections() {
      return pairs.size;
    },
    pause() {
      paused = true;
      for (const { client, upstream } of pairs) {
        upstream.unpipe(client);
        upstream.pause();
      }
    },
    resume() {
      paused = false;
      for (const { client, upstream } of pairs) upstream.pipe(client);
    },
    cut,
    blackhole() {
      const silenced = [...pairs];
      for (const pair of silenced) {
        pairs.delete(pair);
        pair.client.unpipe(pair.upstream);
        pair.upstream.unpipe(pair.client);
        pair.client.pause();
        pair.upstream.pause();
        deaf.add(pair);
      }
      return silenced.length;
    },
    setDown(value) {
      down = value;
    },
    close() {
      cut();
      for (const { client, upstream } of deaf) {
        client.destroy();
        upstream.destroy();
      }
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
