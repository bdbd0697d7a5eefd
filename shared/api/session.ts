import { z } from 'zod';
import { PERSON_READ_ROLES, personRoleSchema } from '../protocol/roles';
import { defineRoute, empty, json } from './route';

/** A console account as the API shows it (never its password hash). */
export const userInfoSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(personRoleSchema),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** ISO 8601 of the last accepted login, null before the first. */
  lastLoginAt: z.string().nullable(),
  /** When the lock-out after wrong passwords ends; null when not locked. */
  lockedUntil: z.string().nullable(),
});
export type UserInfo = z.infer<typeof userInfoSchema>;

/** Login names: lower case, 2–64 of a-z 0-9 . _ -, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const PASSWORD_MIN = 10;
/** Longer passwords only cost hashing time; 1024 characters is far beyond any passphrase. */
export const PASSWORD_MAX = 1024;

export const loginRequestSchema = z
  .object({
    // Not the USERNAME_PATTERN: an unknown or malformed name must fail the same way as a wrong password.
    username: z.string().min(1).max(200),
    password: z.string().min(1).max(PASSWORD_MAX),
  })
  .strict();

/** Who is signed in, the CSRF token to send as X-CSRF-Token, and when the session ends at the latest. */
export const sessionInfoSchema = z.object({
  user: userInfoSchema,
  csrfToken: z.string(),
  /** The sooner of the idle expiry (moves with every request) and the absolute one. */
  expiresAt: z.string(),
  /** The absolute expiry: a new login is needed after this whatever the activity. */
  absoluteExpiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/**
 * Sessions of people (the console). The session id travels in the `toancanh_session`
 * cookie (HttpOnly, SameSite=Strict); state-changing requests also carry X-CSRF-Token.
 */
export const sessionRoutes = {
  login: defineRoute({
    name: 'session.login',
    method: 'POST',
    path: '/api/v1/session',
    access: 'public',
    summary: 'Sign in with a login name and password: sets the session cookie, returns the CSRF token.',
    body: { schema: loginRequestSchema, check: 'route' },
    replies: { 200: json(sessionInfoSchema) },
  }),
  current: defineRoute({
    name: 'session.current',
    method: 'GET',
    path: '/api/v1/session',
    access: PERSON_READ_ROLES,
    summary: 'Who is signed in, with the CSRF token (401 without a session).',
    replies: { 200: json(sessionInfoSchema) },
  }),
  logout: defineRoute({
    name: 'session.logout',
    method: 'DELETE',
    path: '/api/v1/session',
    access: PERSON_READ_ROLES,
    summary: 'Sign out: the session is revoked and its cookie cleared.',
    headers: ['x-csrf-token'],
    replies: { 204: empty() },
  }),
} as const;
