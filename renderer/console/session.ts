import type { ApiClient } from '../api/client';
import { anonymousClientFor, currentSessionOf, sessionClientFor, type Session } from '../api/session';

export { isSessionEnded, type Session } from '../api/session';

/** The console is served by its server: the page's own origin is the API (the cookie is SameSite=Strict). */
export const serverUrl = location.origin;

/** A client without a CSRF token: enough to sign in and ask who is signed in. */
export const anonymousClient: ApiClient = anonymousClientFor(serverUrl);

export function clientFor(session: Session): ApiClient {
  return sessionClientFor(serverUrl, session);
}

/** The session that the cookie already holds, or null (none, or it ended). */
export function currentSession(): Promise<Session | null> {
  return currentSessionOf(anonymousClient);
}
