import { timingSafeEqual } from 'node:crypto';
import { cookieValues, SESSION_COOKIE } from './cookie';
import type { SessionRow, SessionStore } from './sessions';
import type { PersonPrincipal } from './tokens';
import type { UserStore } from './users';

/**
 * People behind a session cookie: the session resolved, the account still enabled, its
 * current roles (an admin's change takes effect on the next request), and the two CSRF
 * defences the guard applies to cookie-borne writes.
 */
export interface Accounts {
  users: UserStore;
  sessions: SessionStore;
}

export type Resolved = { principal: PersonPrincipal; session: SessionRow } | 'ended' | null;

/** The first cookie value naming a live session of an enabled account; 'ended' if one named an ended session. */
export function resolvePerson(accounts: Accounts, cookieHeader: string | string[] | undefined): Resolved {
  let ended = false;
  for (const value of cookieValues(cookieHeader, SESSION_COOKIE)) {
    const session = accounts.sessions.resolve(value);
    if (session === null) continue;
    if (session === 'ended') {
      ended = true;
      continue;
    }
    const user = accounts.users.get(session.userId);
    if (!user || user.disabled) {
      accounts.sessions.revoke(session.id, 'disabled');
      ended = true;
      continue;
    }
    return {
      session,
      principal: {
        kind: 'person',
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: user.roles,
        sessionId: session.id,
        label: user.displayName,
        agency: null,
        demo: false,
      },
    };
  }
  return ended ? 'ended' : null;
}

/** The X-CSRF-Token header equals the session's token (compared in constant time). */
export function csrfTokenMatches(header: string | string[] | undefined, session: SessionRow): boolean {
  if (typeof header !== 'string' || header.length === 0 || header.length > 200) return false;
  const given = Buffer.from(header, 'utf8');
  const expected = Buffer.from(session.csrfToken, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The Origin a browser sent is this server's own: scheme (TLS or not) and the Host the
 * request was addressed to. `null` (a sandboxed frame, a file) is never our own.
 */
export function isOwnOrigin(origin: string, host: string | undefined, secure: boolean): boolean {
  if (!host || host.length > 300) return false;
  return origin.toLowerCase() === `${secure ? 'https' : 'http'}://${host.toLowerCase()}`;
}
