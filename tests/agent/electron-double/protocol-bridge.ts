import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the double's pages load app://toancanh/… through the agent's OWN protocol handler.
 *
 * Plain Chromium cannot be taught a new scheme, so each page loads
 * http://127.0.0.1:<bridge>/… instead, and this small local HTTP server turns every
 * request into the `Request('app://toancanh/…')` Electron would hand the handler that
 * main/app-protocol.ts registered with `protocol.handle('app', …)`, and writes its
 * `Response` back (status, headers — the CSP among them — and body). Chosen over
 * playwright's page.route because it is a real origin and a real network path: every
 * subresource, font, module chunk and worker goes through it the same way, the CSP the
 * handler sets is the one Chromium enforces, and nothing depends on a CDP round trip per
 * request. The price: the pages' origin is http://127.0.0.1:<port>, not app://toancanh, so
 * the double maps URLs both ways for the agent (senderFrame.url, navigation events), and
 * the server's CORS (which allows app://toancanh only) refuses the pages' REST reads. A
 * restarted double listens on the same port again, so the origin and its IndexedDB stay.
 */

export const APP_ORIGIN = 'app://toancanh';

export type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export class ProtocolBridge {
  private server: Server | null = null;
  private handler: ProtocolHandler | null = null;
  origin = '';
  /** Every app:// URL the handler was asked for, in order, with the status it answered. */
  readonly served: { url: string; status: number }[] = [];

  setHandler(handler: ProtocolHandler): void {
    this.handler = handler;
  }

  /** Port 0: any free one. A restarted app passes its previous port: the pages' origin, and so their storage, stays. */
  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', resolve);
    });
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** app://toancanh/x?y → http://127.0.0.1:<port>/x?y; anything else unchanged. */
  toPageUrl(appUrl: string): string {
    return appUrl.startsWith(`${APP_ORIGIN}/`) ? `${this.origin}${appUrl.slice(APP_ORIGIN.length)}` : appUrl;
  }

  /** The inverse, for what the agent sees (sender frames, navigation targets). */
  toAppUrl(pageUrl: string): string {
    return this.origin !== '' && pageUrl.startsWith(`${this.origin}/`) ? `${APP_ORIGIN}${pageUrl.slice(this.origin.length)}` : pageUrl;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = `${APP_ORIGIN}${req.url ?? '/'}`;
    if (!this.handler) {
      res.writeHead(503).end('no app:// handler registered yet');
      return;
    }
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const response = await this.handler(new Request(url, { method: req.method, headers }));
      this.served.push({ url, status: response.status });
      const out: Record<string, string> = {};
      response.headers.forEach((value, name) => (out[name] = value));
      res.writeHead(response.status, out);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  }
}
