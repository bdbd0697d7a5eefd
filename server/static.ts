import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { contentSecurityPolicy } from '../shared/csp';

/** Headers on every response we send, pages and API alike. */
/** The headers every HTTP answer carries: Fastify's, and socket.io's own polling and handshake answers. */
export function securityHeaders(): Readonly<Record<string, string>> {
  return { 'Content-Security-Policy': contentSecurityPolicy(), 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
}

export function installSecurityHeaders(app: FastifyInstance): void {
  const headers = securityHeaders();
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    return payload;
  });
}

export function rendererIsBuilt(rendererDir: string): boolean {
  return existsSync(join(rendererDir, 'wall', 'index.html'));
}

/**
 * Serves the built renderer at / (so /wall/ is wall/index.html, /info/ info/index.html, /remote/
 * remote/index.html, and hashed bundles live
 * under /assets/). Hashed files may be cached for good; pages must be revalidated so a new
 * build reaches the wall. Without a build, pages answer 503 with what to run.
 */
export async function registerStatic(app: FastifyInstance, rendererDir: string): Promise<void> {
  if (!rendererIsBuilt(rendererDir)) {
    app.log.warn({ rendererDir }, 'the renderer is not built; pages answer 503 until `npm run build`');
    const notBuilt = async (_request: unknown, reply: FastifyReply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(`The wall renderer has not been built (no ${join(rendererDir, 'wall', 'index.html')}). Run \`npm run build\`, then reload.\n`);
    app.get('/', notBuilt);
    app.get('/wall', notBuilt);
    app.get('/wall/*', notBuilt);
    app.get('/info', notBuilt);
    app.get('/info/*', notBuilt);
    app.get('/remote', notBuilt);
    app.get('/remote/*', notBuilt);
    app.get('/console', notBuilt);
    app.get('/console/*', notBuilt);
    return;
  }
  // The information page (/info/) gets the same service worker script as the wall, at its
  // own folder: a worker's scope can be no wider than its script's folder, and the script
  // keeps the shell of the folder it is served from (renderer/sw/sw.ts).
  const workerFile = join(rendererDir, 'wall', 'sw.js');
  app.get('/info/sw.js', async (_request, reply) => {
    const script = await readFile(workerFile);
    return reply.header('Cache-Control', 'no-cache').type('text/javascript; charset=utf-8').send(script);
  });
  await app.register(fastifyStatic, {
    root: rendererDir,
    prefix: '/',
    index: ['index.html'],
    redirect: true,
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
