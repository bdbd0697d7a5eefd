import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/tokens';
import type { AuditActor, AuditOrigin } from './log';

/** The audit actor for whoever the guard resolved on this request. */
export function actorOf(principal: Principal): AuditActor {
  if (principal.kind === 'person') return { kind: 'person', id: principal.userId, name: principal.displayName };
  return { kind: 'token', id: principal.tokenId, name: principal.label };
}

/** Where a request came from, as the audit log keeps it. */
export function originOf(request: FastifyRequest): AuditOrigin {
  const agent = request.headers['user-agent'];
  return { address: request.ip ?? null, userAgent: typeof agent === 'string' ? agent : null };
}
