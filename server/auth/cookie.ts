/**
 * The session cookie, read and written by hand (no package): a `Cookie` header is split on
 * `;` into `name=value` pairs. Bounded for hostile input: only the first 8 KiB of the
 * header and the first 64 pairs are looked at, and a value is taken only if it is a plain
 * token (no quotes, no escapes to decode), so nothing here can be made slow or surprising.
 */
export const SESSION_COOKIE = 'toancanh_session';
const MAX_HEADER = 8 * 1024;
const MAX_PAIRS = 64;
/** Values of the same name kept (a subdomain may add its own copy: each is tried, none trusted). */
const MAX_VALUES = 4;
const VALUE = /^[A-Za-z0-9_-]{1,200}$/;

/** Every value of cookie `name` in a Cookie header (in order, at most a few), only well-formed ones. */
export function cookieValues(header: string | string[] | undefined, name: string): string[] {
  if (header === undefined) return [];
  const text = (Array.isArray(header) ? header.join('; ') : header).slice(0, MAX_HEADER);
  const found: string[] = [];
  let pairs = 0;
  for (const part of text.split(';', MAX_PAIRS)) {
    if (++pairs > MAX_PAIRS) break;
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    if (VALUE.test(value)) found.push(value);
    if (found.length >= MAX_VALUES) break;
  }
  return found;
}

export interface CookieAttributes {
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  secure: boolean;
}

/** A Set-Cookie value for the session: HttpOnly, SameSite=Strict, Path=/, Secure over TLS. */
export function serializeSessionCookie(value: string, attributes: CookieAttributes): string {
  if (value !== '' && !VALUE.test(value)) throw new Error('cookie value must be a plain token');
  const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.max(0, Math.floor(attributes.maxAge))}`];
  if (attributes.secure) parts.push('Secure');
  return parts.join('; ');
}
