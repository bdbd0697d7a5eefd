import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy } from '../shared/csp';
import { APP_SCHEME } from './app-origin';
import { resolveAppRequest } from './app-paths';
import type { AgentProtocol } from './electron-api';
import type { Logger } from './log';

/**
 * The app:// scheme that serves the built renderer (out/renderer) to the wall windows.
 *
 * Must run before app "ready": Chromium fixes the list of privileged schemes at start.
 * standard: real origin and relative URLs; secure: a secure context like https;
 * supportFetchAPI: the pages may fetch() their own assets.
 */
export function registerAppScheme(protocol: AgentProtocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves files after "ready". Every response carries the CSP from shared/csp.ts, which
 * lets the page connect to the reporting server (a different origin) and nowhere else.
 * The server origin is read per request: it is known only once the embedded server
 * has reported its port.
 */
export function handleAppProtocol(protocol: AgentProtocol, root: string, serverOrigins: () => string[], log: Logger): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const target = resolveAppRequest(request.url, root);
    if (target.kind === 'forbidden') {
      log.warn(`app:// refused ${request.url}: ${target.reason}`);
      return new Response('Forbidden', { status: 403 });
    }
    try {
      const body = await readFile(target.path);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: {
          'Content-Type': target.contentType,
          'Content-Security-Policy': contentSecurityPolicy(serverOrigins()),
          'X-Content-Type-Options': 'nosniff',
          // A rebuilt renderer is picked up by the next reload.
          'Cache-Control': 'no-cache',
        },
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return new Response('Not found', { status: 404 });
      log.error(`app:// failed to read ${target.path}`, { err: error });
      return new Response('Internal error', { status: 500 });
    }
  });
}
