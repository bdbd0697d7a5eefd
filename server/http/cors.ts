import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The Electron wall windows are pages of `app://toancanh`, a different origin from the
 * server's http://127.0.0.1:<port>, so their REST reads (the boundary file, revision
 * history) are cross-origin. Exactly that origin is allowed, read-only; browser walls are
 * served by the server itself and need nothing. The token still guards every request:
 * CORS only lets the page see answers it was already entitled to.
 */
export const WALL_APP_ORIGINS: readonly string[] = ['app://toancanh'];

const ALLOWED_METHODS = 'GET, HEAD';
const ALLOWED_HEADERS = 'Authorization, If-None-Match';

export function installWallAppCors(app: FastifyInstance, origins: readonly string[] = WALL_APP_ORIGINS): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    if (typeof origin !== 'string' || !origins.includes(origin)) return;
    reply.header('Access-Control-Allow-Origin', origin);
    reply.header('Vary', 'Origin');
    if (request.method === 'OPTIONS') {
      // A preflight carries no token (browsers never send credentials on it): answer it here,
      // before the token guard, and let the real request be checked as usual.
      reply.header('Access-Control-Allow-Methods', ALLOWED_METHODS);
      reply.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      reply.header('Access-Control-Max-Age', '600');
      return reply.code(204).send();
    }
  });
}
