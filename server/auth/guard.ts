import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ExtendedError, Socket } from 'socket.io';
import { appError, type ErrorCode } from '../../shared/errors';
import type { Role } from '../../shared/protocol/roles';
import { sendError } from '../http/reply';
import type { TokenBuckets } from './rate-limit';
import type { Principal, TokenStore } from './tokens';

export { ALL_ROLES, OPERATOR_ROLES, VIEWER_ROLES } from '../../shared/protocol/roles';

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/**
 * Checks the token of EVERY /api request before its body is even read (onRequest), then the
 * token's rate, then the route's roles (from its entry in shared/api/). An /api route that
 * did not come from the table fails at start-up rather than being open by accident.
 */
export function installRestGuard(app: FastifyInstance, tokens: TokenStore, buckets: TokenBuckets): void {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.route) {
      throw new Error(`route ${String(route.method)} ${route.url} is not registered from the route table (shared/api/)`);
    }
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.config.route;
    const isApi = request.url.startsWith('/api/') || request.url === '/api' || route !== undefined;
    if (!isApi || route?.access === 'public') return;
    const token = bearerToken(request.headers.authorization);
    const principal = tokens.verify(token);
    if (!principal) {
      reply.header('WWW-Authenticate', 'Bearer');
      return sendError(reply, 401, appError(token === null ? 'auth.token_required' : 'auth.token_invalid'));
    }
    request.principal = principal;
    const limit = buckets.take(principal.tokenId);
    if (!limit.ok) {
      reply.header('Retry-After', String(limit.retryAfterSeconds));
      return sendError(reply, 429, appError('auth.rate_limited', { seconds: limit.retryAfterSeconds }, { retryAfterSeconds: limit.retryAfterSeconds }));
    }
    // Unknown /api routes have no entry: authenticated callers get the 404.
    if (route && !route.access.includes(principal.role)) {
      return sendError(reply, 403, appError('auth.role_forbidden', { role: principal.role }));
    }
  });
}

export interface SocketAuthData {
  principal: Principal;
}

/** What a refused socket's `connect_error` carries in `data` (socket.io passes it to the client). */
export interface SocketRefusal {
  code: ErrorCode;
  status: number;
  message_vi: string;
  message_en: string;
}

type SocketError = ExtendedError & { data?: SocketRefusal };

/**
 * A namespace middleware: every connection shows a token in `handshake.auth.token`. A
 * refused client receives `connect_error` whose `data` is `{ code, status, message_vi,
 * message_en }` (auth.token_required / auth.token_invalid: 401, auth.role_forbidden: 403);
 * the renderer tests the code.
 */
export function socketGuard(tokens: TokenStore, roles: ReadonlyArray<Role>) {
  return (socket: Socket, next: (err?: ExtendedError) => void): void => {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const principal = tokens.verify(auth?.token);
    if (!principal) return next(socketError(auth?.token === undefined || auth.token === '' ? 'auth.token_required' : 'auth.token_invalid', 401));
    if (!roles.includes(principal.role)) return next(socketError('auth.role_forbidden', 403, principal.role));
    (socket.data as SocketAuthData).principal = principal;
    next();
  };
}

function socketError(code: 'auth.token_required' | 'auth.token_invalid' | 'auth.role_forbidden', status: number, role?: Role): SocketError {
  const error = code === 'auth.role_forbidden' ? appError(code, { role: role ?? '' }) : appError(code);
  // The message stays the short word older clients matched on.
  const socketErr: SocketError = new Error(status === 401 ? 'unauthorized' : 'forbidden');
  socketErr.data = { code, status, message_vi: error.message_vi, message_en: error.message_en };
  return socketErr;
}
