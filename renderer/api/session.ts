import { sessionRoutes, type SessionInfo } from '../../shared/api/session';
import { ApiError, createApiClient, type ApiClient } from './client';

/**
 * A person's session from a page served by the server itself (the console, the remote):
 * the page's own origin is the API (the cookie is SameSite=Strict), and every write
 * carries the session's CSRF token.
 */
export type Session = SessionInfo;

/** A client without a CSRF token: enough to sign in and ask who is signed in. */
/** `timeoutMs`: every call's limit (renderer/api/client.ts DEFAULT_TIMEOUT_MS unless given). */
export function anonymousClientFor(serverUrl: string, timeoutMs?: number): ApiClient {
  return createApiClient({ serverUrl, credential: { kind: 'session', csrfToken: null }, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
}

export function sessionClientFor(serverUrl: string, session: Session, timeoutMs?: number): ApiClient {
  return createApiClient({ serverUrl, credential: { kind: 'session', csrfToken: session.csrfToken }, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
}

/** The session the cookie already holds, or null (none, or it ended). */
export async function currentSessionOf(client: ApiClient): Promise<Session | null> {
  try {
    const reply = await client.call(sessionRoutes.current, {});
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
