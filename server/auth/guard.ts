import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ExtendedError, Socket } from 'socket.io';
import { appError, type ErrorCode } from '../../shared/errors';
import type { Role } from '../../shared/protocol/roles';
import { sendError } from '../http/reply';
import { csrfTokenMatches, isOwnOrigin, resolvePerson, type Accounts } from './people';
import type { TokenBuckets } from './rate-limit';
import type { Principal, TokenStore } from './tokens';

export { ALL_ROLES, OPERATOR_ROLES, VIEWER_ROLES } from '../../shared/protocol/roles';

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether any of the caller's roles is one the route or namespace allows. */
export function allows(access: readonly Role[], principal: Principal): boolean {
  return principal.roles.some((role) => access.includes(role));
}

/** The bucket of a caller: its token, or the person (all their sessions share one). */
const bucketKey = (principal: Principal) => (principal.kind === 'token' ? principal.tokenId : `person:${principal.userId}`);

/**
 * Checks the credential of EVERY /api request before its body is even read (onRequest):
 * a bearer token as ever; else the session cookie of a signed-in person, whose writes must
 * also carry the session's X-CSRF-Token and, when the browser sends an Origin, our own
 * (403 auth.csrf_failed otherwise). Then the caller's rate, then the route's roles (from
 * its entry in shared/api/). An /api route that did not come from the table fails at
 * start-up rather than being open by accident.
 */
export function installRestGuard(app: FastifyInstance, tokens: TokenStore, buckets: TokenBuckets, accounts?: Accounts): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.route) {
      throw new Error(`route ${String(route.method)} ${route.url} is not registered from the route table (shared/api/)`);
    }
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.config.route;
    const isApi = request.url.startsWith('/api/') || request.url === '/api' || route !== undefined;
    if (!isApi || route?.access === 'public') return;
    let principal: Principal | null;
    if (request.headers.authorization !== undefined || !accounts) {
      const token = bearerToken(request.headers.authorization);
      principal = tokens.verify(token);
      if (!principal) {
        reply.header('WWW-Authenticate', 'Bearer');
        return sendError(reply, 401, appError(token === null ? 'auth.token_required' : 'auth.token_invalid'));
      }
    } else {
      const resolved = resolvePerson(accounts, request.headers.cookie);
      if (resolved === null) {
        reply.header('WWW-Authenticate', 'Bearer');
        return sendError(reply, 401, appError('auth.token_required'));
      }
      if (resolved === 'ended') return sendError(reply, 401, appError('auth.session_expired'));
      if (STATE_CHANGING.has(request.method)) {
        const origin = request.headers.origin;
        const originOk = origin === undefined || isOwnOrigin(origin, request.headers.host, request.protocol === 'https');
        if (!originOk || !csrfTokenMatches(request.headers['x-csrf-token'], resolved.session)) {
          request.log.warn({ code: 'auth.csrf_failed', userId: resolved.principal.userId, originOk }, 'cookie request refused: CSRF');
          return sendError(reply, 403, appError('auth.csrf_failed'));
        }
      }
      principal = resolved.principal;
      request.session = resolved.session;
    }
    request.principal = principal;
    const limit = buckets.take(bucketKey(principal));
    if (!limit.ok) {
      reply.header('Retry-After', String(limit.retryAfterSeconds));
      return sendError(reply, 429, appError('auth.rate_limited', { seconds: limit.retryAfterSeconds }, { retryAfterSeconds: limit.retryAfterSeconds }));
    }
    // Unknown /api routes have no entry: authenticated callers get the 404.
    if (route && !allows(route.access, principal)) {
      return sendError(reply, 403, appError('auth.role_forbidden', { role: principal.roles.join(', ') }));
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
 * A namespace middleware: a connection shows a token in `handshake.auth.token` (walls,
 * scripts), or comes from the console with the session cookie, same-origin: its `Origin`
 * must be this server's (a page elsewhere cannot ride the cookie). A refused client
 * receives `connect_error` whose `data` is `{ code, status, message_vi, message_en }`
 * (auth.token_required / auth.token_invalid / auth.session_expired: 401,
 * auth.role_forbidden / auth.csrf_failed: 403); the renderer tests the code.
 */
export function socketGuard(tokens: TokenStore, roles: ReadonlyArray<Role>, accounts?: Accounts) {
  return (socket: Socket, next: (err?: ExtendedError) => void): void => {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const noToken = auth?.token === undefined || auth.token === '';
    let principal: Principal | null = null;
    if (noToken && accounts && socket.handshake.headers.cookie !== undefined) {
      const resolved = resolvePerson(accounts, socket.handshake.headers.cookie);
      if (resolved === 'ended') return next(socketError('auth.session_expired', 401));
      if (resolved !== null) {
        const origin = socket.handshake.headers.origin;
        if (origin === undefined || !isOwnOrigin(origin, socket.handshake.headers.host, socket.handshake.secure)) return next(socketError('auth.csrf_failed', 403));
        principal = resolved.principal;
      }
    }
    principal ??= tokens.verify(auth?.token);
    if (!principal) return next(socketError(noToken ? 'auth.token_required' : 'auth.token_invalid', 401));
    if (!allows(roles, principal)) return next(socketError('auth.role_forbidden', 403, principal.roles.join(', ')));
    (socket.data as SocketAuthData).principal = principal;
    next();
  };
}

type SocketCode = 'auth.token_required' | 'auth.token_invalid' | 'auth.role_forbidden' | 'auth.session_expired' | 'auth.csrf_failed';

function socketError(code: SocketCode, status: number, role?: string): SocketError {
  const error = code === 'auth.role_forbidden' ? appError(code, { role: role ?? '' }) : appError(code);
  // The message stays the short word older clients matched on.
  const socketErr: SocketError = new Error(status === 401 ? 'unauthorized' : 'forbidden');
  socketErr.data = { code, status, message_vi: error.message_vi, message_en: error.message_en };
  return socketErr;
}
