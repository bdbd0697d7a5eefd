import { z } from 'zod';

/**
 * Roles of device tokens (walls, agencies' systems, scripts) and of people (console
 * accounts). `admin` and `operator` are both; `wall` and `submitter` only tokens;
 * `technician`, `presenter` and `viewer` only people. Checked on every request and every
 * socket connection against the route's or namespace's list: a caller passes when any of
 * its roles is listed.
 */
export const TOKEN_ROLES = ['admin', 'operator', 'wall', 'submitter'] as const;
export const PERSON_ROLES = ['admin', 'operator', 'technician', 'presenter', 'viewer'] as const;
export const roleSchema = z.enum(['admin', 'operator', 'wall', 'submitter', 'technician', 'presenter', 'viewer']);
export type Role = z.infer<typeof roleSchema>;
export const tokenRoleSchema = z.enum(TOKEN_ROLES);
export type TokenRole = z.infer<typeof tokenRoleSchema>;
export const personRoleSchema = z.enum(PERSON_ROLES);
export type PersonRole = z.infer<typeof personRoleSchema>;

/** Roles that may watch the wall: its data feed and its state (people of every role read). */
export const VIEWER_ROLES: readonly Role[] = ['wall', 'operator', 'admin', 'technician', 'presenter', 'viewer'];
/** Roles that change the wall. */
export const OPERATOR_ROLES: readonly Role[] = ['operator', 'admin'];
/** Roles that submit reports and read submissions (a submitter: its own agency's). */
export const SUBMIT_ROLES: readonly Role[] = ['submitter', 'operator', 'admin'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];
/** Every role: the catalogue is readable by anyone signed in or holding a token. */
export const ALL_ROLES: readonly Role[] = roleSchema.options;
/** People of every role (and admin/operator tokens): the audit log, one's own session and password. */
export const PERSON_READ_ROLES: readonly Role[] = PERSON_ROLES;
