import { z } from 'zod';
import { ADMIN_ROLES, PERSON_READ_ROLES, personRoleSchema } from '../protocol/roles';
import { defineRoute, empty, json } from './route';
import { PASSWORD_MAX, PASSWORD_MIN, USERNAME_PATTERN, userInfoSchema } from './session';

const displayNameSchema = z.string().trim().min(1).max(120);
const rolesSchema = z.array(personRoleSchema).min(1).max(5).refine((roles) => new Set(roles).size === roles.length, 'a role is listed twice');
export const passwordSchema = z.string().min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`).max(PASSWORD_MAX);

export const createUserSchema = z
  .object({
    username: z.string().regex(USERNAME_PATTERN, 'lower case, 2 to 64 of a-z 0-9 . _ -, starting with a letter or digit'),
    displayName: displayNameSchema,
    roles: rolesSchema,
    password: passwordSchema,
  })
  .strict();

export const updateUserSchema = z
  .object({ displayName: displayNameSchema.optional(), roles: rolesSchema.optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change: give displayName, roles or disabled');

/** An admin sets anyone's password; a person changes their own with the old one. */
export const setPasswordSchema = z.object({ password: passwordSchema, oldPassword: z.string().min(1).max(PASSWORD_MAX).optional() }).strict();

export const userListSchema = z.object({ users: z.array(userInfoSchema) });
const userIdParams = z.object({ id: z.string().max(20) });

/** Console accounts: admin only, but for one's own password. */
export const userRoutes = {
  list: defineRoute({
    name: 'users.list',
    method: 'GET',
    path: '/api/v1/users',
    access: ADMIN_ROLES,
    summary: 'Every account, disabled ones included.',
    replies: { 200: json(userListSchema) },
  }),
  create: defineRoute({
    name: 'users.create',
    method: 'POST',
    path: '/api/v1/users',
    access: ADMIN_ROLES,
    summary: 'Create an account.',
    body: { schema: createUserSchema, check: 'route' },
    headers: ['x-csrf-token'],
    replies: { 201: json(userInfoSchema) },
  }),
  update: defineRoute({
    name: 'users.update',
    method: 'PATCH',
    path: '/api/v1/users/:id',
    access: ADMIN_ROLES,
    summary: 'Change the display name or roles, disable or enable (disabling signs the person out everywhere).',
    params: userIdParams,
    body: { schema: updateUserSchema, check: 'route' },
    headers: ['x-csrf-token'],
    replies: { 200: json(userInfoSchema) },
  }),
  setPassword: defineRoute({
    name: 'users.set_password',
    method: 'PUT',
    path: '/api/v1/users/:id/password',
    access: PERSON_READ_ROLES,
    summary: "Set a password: an admin for anyone; a person for themself, with the old one. The account's other sessions end.",
    params: userIdParams,
    body: { schema: setPasswordSchema, check: 'route' },
    headers: ['x-csrf-token'],
    replies: { 204: empty() },
  }),
} as const;
