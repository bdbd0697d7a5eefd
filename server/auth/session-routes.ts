import type { FastifyReply, FastifyRequest } from 'fastify';
import { routes } from '../../shared/api';
import type { SessionInfo } from '../../shared/api/session';
import { actorOf, originOf } from '../audit/actor';
import type { AuditLog } from '../audit/log';
import type { Db } from '../db/open';
import { fail } from '../http/reply';
import type { Router } from '../http/route';
import { serializeSessionCookie } from './cookie';
import { dummyHash, verifyPassword, type ScryptParams } from './passwords';
import { isOwnOrigin, type Accounts } from './people';
import type { TokenBuckets } from './rate-limit';
import type { SessionRow } from './sessions';
import { toInfo, type LockoutOptions, type UserRecord } from './users';

export interface SessionRouteOptions {
  lockout: LockoutOptions;
  /** Per source address: logins are slow on purpose, and guessing should be slower still. */
  loginBuckets: TokenBuckets;
  scrypt: ScryptParams;
  now: () => number;
  /** A session ended (logout): its sockets are dropped. */
  onSessionEnded: (sessionId: number) => void;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** "14:05 ngày 02/12/2026 (giờ Việt Nam)" / "2 Dec 2026 14:05 (Viet Nam time)": people read the opening time, not an ISO string. */
function openingTime(ms: number): { vi: string; en: string } {
  const zone = { timeZone: 'Asia/Ho_Chi_Minh' } as const;
  const time = new Intl.DateTimeFormat('vi-VN', { ...zone, hour: '2-digit', minute: '2-digit', hour12: false }).format(ms);
  const day = new Intl.DateTimeFormat('vi-VN', { ...zone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(ms);
  const en = new Intl.DateTimeFormat('en-GB', { ...zone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(ms);
  return { vi: `${time} ngày ${day} (giờ Việt Nam)`, en: `${en} (Viet Nam time)` };
}

function lockedFailure(until: number): never {
  fail('auth.account_locked', { until: openingTime(until) }, { details: { lockedUntil: iso(until) } });
}

export function sessionInfo(user: UserRecord, session: SessionRow): SessionInfo {
  return {
    user: toInfo(user),
    csrfToken: session.csrfToken,
    expiresAt: iso(Math.min(session.idleExpiresAt, session.absoluteExpiresAt)),
    absoluteExpiresAt: iso(session.absoluteExpiresAt),
  };
}

function setCookie(request: FastifyRequest, reply: FastifyReply, value: string, maxAgeSeconds: number): void {
  reply.header('Set-Cookie', serializeSessionCookie(value, { maxAge: maxAgeSeconds, secure: request.protocol === 'https' }));
  reply.header('Cache-Control', 'no-store');
}

/**
 * Login, who-am-I, logout. A login with an unknown name runs the same scrypt work as a
 * wrong password and answers the same; every attempt is in the audit log (the name tried,
 * never the password), in the same transaction as the counter it moves.
 */
export function registerSessionRoutes(router: Router, db: Db, accounts: Accounts, audit: AuditLog, options: SessionRouteOptions): void {
  const { users, sessions } = accounts;

  router.route(routes.session.login).handle(async ({ body, request, reply, log }) => {
    // Login is public, so the guard's CSRF check does not apply; a foreign page must not
    // sign a browser in to an account of its choosing either.
    const origin = request.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, request.headers.host, request.protocol === 'https')) fail('auth.csrf_failed');
    const limit = options.loginBuckets.take(`login:${request.ip}`);
    if (!limit.ok) {
      reply.header('Retry-After', String(limit.retryAfterSeconds));
      fail('auth.login_rate_limited', { seconds: limit.retryAfterSeconds }, { details: { retryAfterSeconds: limit.retryAfterSeconds } });
    }
    const from = originOf(request);
    const username = body.username.trim().toLowerCase();
    const attempted = body.username.slice(0, 200);
    const failed = (reason: string, user: UserRecord | null, extra: Record<string, unknown> = {}) =>
      audit.record({
        // Nobody is signed in: the actor is the name as typed, with no id, never the account's
        // display name (whoever typed it may not be that person). The account is the object.
        actor: { kind: 'person', id: null, name: attempted },
        origin: from,
        action: 'session.login_failed',
        objectType: 'user',
        objectId: user ? String(user.id) : null,
        diff: { username: attempted, reason, ...extra },
      });

    const user = users.byUsername(username);
    if (user?.lockedUntil) {
      failed('locked', user);
      lockedFailure(Date.parse(user.lockedUntil));
    }
    // The same work for an unknown name as for a known one: the time says nothing.
    const ok = await verifyPassword(body.password, user?.passwordHash ?? (await dummyHash(options.scrypt)));
    if (!user) {
      failed('unknown', null);
      log.warn({ code: 'auth.login_failed' }, 'login refused');
      fail('auth.login_failed');
    }
    // Read again: another login of the same account may have moved the counter meanwhile.
    const current = users.get(user.id)!;
    if (current.lockedUntil) {
      failed('locked', current);
      lockedFailure(Date.parse(current.lockedUntil));
    }
    if (!ok) {
      const outcome = db.transaction(() => {
        const counted = users.recordFailure(current.id, options.lockout);
        failed('password', current, { failures: counted.failures, ...(counted.lockedUntil ? { lockedUntil: iso(counted.lockedUntil) } : {}) });
        return counted;
      })();
      log.warn({ code: 'auth.login_failed', userId: current.id, failures: outcome.failures, locked: outcome.lockedUntil !== null }, 'login refused');
      if (outcome.lockedUntil) lockedFailure(outcome.lockedUntil);
      fail('auth.login_failed');
    }
    if (current.disabled) {
      failed('disabled', current);
      fail('auth.account_disabled');
    }
    const created = db.transaction(() => {
      users.recordSuccess(current.id);
      const made = sessions.create(current.id, from);
      audit.record({
        actor: { kind: 'person', id: current.id, name: current.displayName },
        origin: from,
        action: 'session.login',
        objectType: 'session',
        objectId: String(made.session.id),
        diff: { username: current.username },
      });
      return made;
    })();
    setCookie(request, reply, created.id, sessions.options.absoluteMs / 1000);
    log.info({ userId: current.id, sessionId: created.session.id }, 'signed in');
    return { status: 200, body: sessionInfo(users.get(current.id)!, created.session) };
  });

  router.route(routes.session.current).handle(({ principal, request, reply }) => {
    if (principal.kind !== 'person') fail('auth.session_required');
    const user = users.get(principal.userId)!;
    const session = request.session ?? fail('auth.session_required');
    reply.header('Cache-Control', 'no-store');
    return { status: 200, body: sessionInfo(user, session) };
  });

  router.route(routes.session.logout).handle(({ principal, request, reply, log }) => {
    if (principal.kind !== 'person') fail('auth.session_required');
    db.transaction(() => {
      sessions.revoke(principal.sessionId, 'logout');
      audit.record({ actor: actorOf(principal), origin: originOf(request), action: 'session.logout', objectType: 'session', objectId: String(principal.sessionId) });
    })();
    options.onSessionEnded(principal.sessionId);
    setCookie(request, reply, '', 0);
    log.info({ userId: principal.userId, sessionId: principal.sessionId }, 'signed out');
    return { status: 204, body: undefined };
  });
}

