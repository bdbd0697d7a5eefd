import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ExtendedError, Socket } from 'socket.io';
import type { Role } from '../../shared/protocol/roles';
import type { TokenBuckets } from './rate-limit';
import type { Principal, TokenStore } from './tokens';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed on this route. Every /api route declares it (or `public`). */
    roles?: ReadonlyArray<Role>;
    /** No token needed (health only). */
    public?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Roles that may watch the wall: its data feed and its state. */
export const VIEWER_ROLES: ReadonlyArray<Role> = ['wall', 'operator', 'admin'];
export const OPERATOR_ROLES: ReadonlyArray<Role> = ['operator', 'admin'];
export const ALL_ROLES: ReadonlyArray<Role> = ['admin', 'operator', 'wall', 'submitter'];

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/**
 * Checks the token of EVERY /api request before its body is even read (onRequest), then the
 * route's roles, then the token's rate. A route that forgot to declare its roles fails at
 * start-up rather than being open by accident.
 */
export function installRestGuard(app: FastifyInstance, tokens: TokenStore, buckets: TokenBuckets): void {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.roles && !route.config?.public) {
      throw new Error(`route ${route.method} ${route.url} declares no roles`);
    }
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const config = request.routeOptions.config;
    const isApi = request.url.startsWith('/api/') || request.url === '/api' || config.roles !== undefined;
    if (!isApi || config.public) return;
    const principal = tokens.verify(bearerToken(request.headers.authorization));
    if (!principal) {
      reply.header('WWW-Authenticate', 'Bearer');
      return reply.code(401).send({ error: 'a valid token is required (Authorization: Bearer <token>)', error_vi: 'Cần mã truy cập hợp lệ (Authorization: Bearer <mã>)' });
    }
    request.principal = principal;
    const limit = buckets.take(principal.tokenId);
    if (!limit.ok) {
      reply.header('Retry-After', String(limit.retryAfterSeconds));
      return reply.code(429).send({
        error: `too many requests for this token; retry in ${limit.retryAfterSeconds} s`,
        error_vi: `Mã truy cập này gửi quá nhiều yêu cầu; thử lại sau ${limit.retryAfterSeconds} giây`,
      });
    }
    // Unknown /api routes have no roles: authenticated callers get the 404.
    if (config.roles && !config.roles.includes(principal.role)) {
      return reply.code(403).send({ error: `the ${principal.role} role may not do this`, error_vi: `Vai trò ${principal.role} không được phép thực hiện thao tác này` });
    }
  });
}

export interface SocketAuthData {
  principal: Principal;
}

type SocketError = ExtendedError & { data?: { status: number } };

/**
 * A namespace middleware: every connection shows a token in `handshake.auth.token`. The
 * client receives `connect_error` with message "unauthorized" (401) or "forbidden" (403).
 */
export function socketGuard(tokens: TokenStore, roles: ReadonlyArray<Role>) {
  return (socket: Socket, next: (err?: ExtendedError) => void): void => {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const principal = tokens.verify(auth?.token);
    if (!principal) return next(socketError('unauthorized', 401));
    if (!roles.includes(principal.role)) return next(socketError('forbidden', 403));
    (socket.data as SocketAuthData).principal = principal;
    next();
  };
}

function socketError(message: string, status: number): SocketError {
  const error: SocketError = new Error(message);
  error.data = { status };
  return error;
}
