import { routes } from '../../shared/api';
import { actorOf, originOf } from '../audit/actor';
import type { Db } from '../db/open';
import { fail } from '../http/reply';
import type { Router } from '../http/route';
import { hashPassword, verifyPassword, type ScryptParams } from './passwords';
import type { Accounts } from './people';

export interface UserRouteOptions {
  scrypt: ScryptParams;
  /** Sessions ended (disabled, roles changed, password set): their sockets are dropped. */
  onSessionsEnded: (sessionIds: readonly number[]) => void;
  /** An account disabled or its roles changed: its sockets are dropped (they hold the old roles). */
  onUserChanged: (userId: number) => void;
}

const parseId = (text: string): number => (/^\d{1,15}$/.test(text) ? Number(text) : fail('user.not_found', { id: text }));

/**
 * Account administration (admin), and one's own password (anyone signed in, with the old
 * one). Hashing runs before the transaction (it is slow and async); the change, its
 * audit row and the sessions it ends are one transaction.
 */
export function registerUserRoutes(router: Router, db: Db, accounts: Accounts, options: UserRouteOptions): void {
  const { users, sessions } = accounts;

  router.route(routes.users.list).handle(() => ({ status: 200, body: { users: users.list() } }));

  router.route(routes.users.create).handle(async ({ body, principal, request, log }) => {
    const passwordHash = await hashPassword(body.password, options.scrypt);
    const user = users.create({ username: body.username, displayName: body.displayName, roles: body.roles, passwordHash }, { actor: actorOf(principal), origin: originOf(request) });
    log.info({ userId: user.id, roles: user.roles }, 'account created');
    return { status: 201, body: user };
  });

  router.route(routes.users.update).handle(({ params, body, principal, request, log }) => {
    const id = parseId(params.id);
    const { user, changed, ended } = db.transaction(() => {
      const result = users.update(id, body, { actor: actorOf(principal), origin: originOf(request) });
      return { ...result, ended: result.disabledNow ? sessions.revokeUser(id, 'disabled') : [] };
    })();
    if (changed) {
      options.onSessionsEnded(ended);
      options.onUserChanged(id);
      log.info({ userId: id, disabled: user.disabled, roles: user.roles, sessionsEnded: ended.length }, 'account changed');
    }
    return { status: 200, body: user };
  });

  router.route(routes.users.setPassword).handle(async ({ params, body, principal, request, log }) => {
    const id = parseId(params.id);
    const self = principal.kind === 'person' && principal.userId === id;
    if (!self && !principal.roles.includes('admin')) fail('user.not_self');
    const target = users.get(id) ?? fail('user.not_found', { id: params.id });
    if (self) {
      if (body.oldPassword === undefined) fail('user.old_password_required');
      if (!(await verifyPassword(body.oldPassword, target.passwordHash))) fail('user.old_password_wrong');
    }
    const passwordHash = await hashPassword(body.password, options.scrypt);
    const ended = db.transaction(() => {
      users.setPassword(id, passwordHash, { actor: actorOf(principal), origin: originOf(request) });
      // Whoever knew the old password is signed out everywhere, but the person changing their own.
      return sessions.revokeUser(id, 'password', self ? principal.sessionId : undefined);
    })();
    options.onSessionsEnded(ended);
    log.info({ userId: id, self, sessionsEnded: ended.length }, 'password set');
    return { status: 204, body: undefined };
  });
}
