import { z } from 'zod';

/** Who holds a token. Checked on every request and every socket connection. */
export const roleSchema = z.enum(['admin', 'operator', 'wall', 'submitter']);
export type Role = z.infer<typeof roleSchema>;

/** Roles that may watch the wall: its data feed and its state. */
export const VIEWER_ROLES: readonly Role[] = ['wall', 'operator', 'admin'];
/** Roles that change the wall. */
export const OPERATOR_ROLES: readonly Role[] = ['operator', 'admin'];
/** Roles that submit reports and read submissions (a submitter: its own agency's). */
export const SUBMIT_ROLES: readonly Role[] = ['submitter', 'operator', 'admin'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];
export const ALL_ROLES: readonly Role[] = ['admin', 'operator', 'wall', 'submitter'];
