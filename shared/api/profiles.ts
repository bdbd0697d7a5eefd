import { z } from 'zod';
import { wallStateSchema } from '../protocol/control';
import { SETUP_ROLES, type Role } from '../protocol/roles';
import { wallProfileSchema } from '../wall/profile';
import { defineRoute, json } from './route';

/**
 * Wall profiles in the store (issue 9, docs/console.md "Wall profiles"): every save a
 * version that never changes, saves carrying the version they started from (409 on a
 * stale one), and activating one version, which every wall window re-plans to over
 * /control without a restart. Technicians and admins change them; operators read.
 */
export const PROFILE_WRITE_ROLES: readonly Role[] = ['technician', 'admin'];

const noteSchema = z.string().trim().max(500);
export const profileIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

export const profileSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  headVersion: z.number().int().min(1),
  screens: z.number().int().min(0),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** The version the wall uses, when this profile is active. */
  activeVersion: z.number().int().nullable(),
});
export type ProfileSummary = z.infer<typeof profileSummarySchema>;

export const profileVersionInfoSchema = z.object({
  profileId: z.string(),
  version: z.number().int().min(1),
  note: z.string(),
  by: z.string(),
  at: z.string(),
});
export type ProfileVersionInfo = z.infer<typeof profileVersionInfoSchema>;

export const profileVersionSchema = profileVersionInfoSchema.extend({ document: wallProfileSchema });
export const activeProfileSchema = z.object({ profileId: z.string(), version: z.number().int().min(1), at: z.string(), by: z.string() });
export const profileListSchema = z.object({ profiles: z.array(profileSummarySchema), active: activeProfileSchema.nullable() });
export const profileDetailSchema = z.object({ profile: profileSummarySchema, head: profileVersionSchema });
export const profileVersionListSchema = z.object({ profileId: z.string(), versions: z.array(profileVersionInfoSchema) });
export const profileSavedSchema = z.object({ profile: profileSummarySchema, version: profileVersionInfoSchema });

/**
 * A save: `baseVersion` is the version the editor started from, or null for a new profile
 * (409 profile.exists when the id is taken). The document is checked whole by the profile
 * validator (bounded: 64 screens), every fault at its path under `$.document`.
 */
export const profileSaveBodySchema = z.object({ baseVersion: z.number().int().min(1).nullable(), document: wallProfileSchema, note: noteSchema.optional() }).strict();
export const profileActivateBodySchema = z.object({ version: z.number().int().min(1).max(1_000_000_000) }).strict();

// Loose on purpose: an id or version that names nothing is a 404, not a 400.
const idParams = z.object({ id: z.string().min(1).max(64) });
const versionParams = z.object({ id: z.string().min(1).max(64), version: z.string().min(1).max(12) });

export const profileRoutes = {
  list: defineRoute({
    name: 'profiles.list',
    method: 'GET',
    path: '/api/v1/profiles',
    access: SETUP_ROLES,
    summary: 'The wall profiles in the store and which version the wall uses.',
    replies: { 200: json(profileListSchema) },
  }),
  get: defineRoute({
    name: 'profiles.get',
    method: 'GET',
    path: '/api/v1/profiles/:id',
    access: SETUP_ROLES,
    summary: 'One profile with its head version.',
    params: idParams,
    replies: { 200: json(profileDetailSchema) },
  }),
  versions: defineRoute({
    name: 'profiles.versions',
    method: 'GET',
    path: '/api/v1/profiles/:id/versions',
    access: SETUP_ROLES,
    summary: 'Every version of a profile, newest first (who, when, note).',
    params: idParams,
    replies: { 200: json(profileVersionListSchema) },
  }),
  version: defineRoute({
    name: 'profiles.version',
    method: 'GET',
    path: '/api/v1/profiles/:id/versions/:version',
    access: SETUP_ROLES,
    summary: 'One version with its document.',
    params: versionParams,
    replies: { 200: json(profileVersionSchema) },
  }),
  save: defineRoute({
    name: 'profiles.save',
    method: 'PUT',
    path: '/api/v1/profiles/:id',
    access: PROFILE_WRITE_ROLES,
    summary: 'Save a new version (audited); 409 profile.version_conflict when the head is not baseVersion, 422 with every fault; nothing written then.',
    params: idParams,
    body: { schema: profileSaveBodySchema, check: 'handler' },
    replies: { 200: json(profileSavedSchema), 201: json(profileSavedSchema) },
  }),
  activate: defineRoute({
    name: 'profiles.activate',
    method: 'POST',
    path: '/api/v1/profiles/:id/activate',
    access: PROFILE_WRITE_ROLES,
    summary: 'Make one version the wall profile (audited): every wall window re-plans over /control, no restart.',
    params: idParams,
    body: { schema: profileActivateBodySchema, check: 'route' },
    replies: { 200: json(wallStateSchema) },
  }),
} as const;
