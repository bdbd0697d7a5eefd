import { createApiClient, ApiError, type ApiClient } from '../api/client';
import { routes } from '../../shared/api';
import type { SessionInfo } from '../../shared/api/session';

/** Who is signed in, with the CSRF token every write carries. */
export type Session = SessionInfo;

/** The console is served by its server: the page's own origin is the API (the cookie is SameSite=Strict). */
export const serverUrl = location.origin;

/** A client without a CSRF token: enough to sign in and ask who is signed in. */
export const anonymousClient: ApiClient = createApiClient({ serverUrl, credential: { kind: 'session', csrfToken: null } });

export function clientFor(session: Session): ApiClient {
  return createApiClient({ serverUrl, credential: { kind: 'session', csrfToken: session.csrfToken } });
}

/** The session that the cookie already holds, or null (none, or it ended). */
export async function currentSession(): Promise<Session | null> {
  try {
    const reply = await anonymousClient.call(routes.session.current, {});
    return reply.body;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The session ended (idle or absolute expiry, logout elsewhere, account disabled): sign in again. */
export function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
