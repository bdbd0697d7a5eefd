import { io, type Socket } from 'socket.io-client';
import type { Harness } from './server-harness';

/** scrypt cheap enough for tests; the format and the code path are the real ones. */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
export const PASSWORD = 'mật khẩu dài đủ 10';

export interface Person {
  cookie: string;
  csrf: string;
  userId: number;
  setCookie: string;
}

/** Creates an account with the admin token (bearer: no session needed). */
export async function createUser(h: Harness, username: string, roles: string[], displayName = username, password = PASSWORD): Promise<number> {
  const r = await h.api<{ id: number }>('POST', '/api/v1/users', { body: { username, displayName, roles, password } });
  if (r.status !== 201) throw new Error(`create ${username}: ${r.status} ${r.text}`);
  return r.body.id;
}

export async function login(h: Harness, username: string, password = PASSWORD, headers: Record<string, string> = {}) {
  return h.api<{ csrfToken: string; user: { id: number }; expiresAt: string; error?: { code: string; message_vi: string; message_en: string } }>('POST', '/api/v1/session', {
    token: null,
    body: { username, password },
    headers,
  });
}

export async function signIn(h: Harness, username: string, password = PASSWORD): Promise<Person> {
  const r = await login(h, username, password);
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
  const setCookie = r.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0]!, csrf: r.body.csrfToken, userId: r.body.user.id, setCookie };
}

/** A request as the console sends it: the cookie, and on writes the CSRF token and our Origin. */
export function asPerson(h: Harness, person: Person, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const write = method !== 'GET';
  return h.api(method, path, {
    token: null,
    body,
    headers: { cookie: person.cookie, ...(write ? { 'x-csrf-token': person.csrf, origin: h.server.url } : {}), ...headers },
  });
}

/** A console socket: the cookie in the handshake, same-origin. */
export function personSocket(h: Harness, namespace: '/feed' | '/control', cookie: string, origin = h.server.url): Socket {
  return io(`${h.server.url}${namespace}`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie, origin } });
}
