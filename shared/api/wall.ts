import { z } from 'zod';
import { layoutSchema } from '../layout/schema';
import { wallStateSchema } from '../protocol/control';
import { OPERATOR_ROLES, VIEWER_ROLES } from '../protocol/roles';
import { wallProfileSchema } from '../wall/profile';
import { defineRoute, json } from './route';

export const presetInfoSchema = z.object({
  id: z.string(),
  title: z.object({ vi: z.string(), en: z.string().optional() }),
});
export const layoutListSchema = z.object({ layouts: z.array(presetInfoSchema), active: z.string() });

export const wallRoutes = {
  state: defineRoute({
    name: 'wall.state',
    method: 'GET',
    path: '/api/v1/wall',
    access: VIEWER_ROLES,
    summary: 'The wall state: revision, profile and active layout.',
    replies: { 200: json(wallStateSchema) },
  }),
  setLayout: defineRoute({
    name: 'wall.set_layout',
    method: 'PUT',
    path: '/api/v1/wall/layout',
    access: OPERATOR_ROLES,
    summary: 'Make a layout document the active one; 422 with every error leaves the wall as it was.',
    // Validated by validateLayout, which adds the whole-layout checks zod alone skips.
    body: { schema: layoutSchema, check: 'handler' },
    replies: { 200: json(wallStateSchema) },
  }),
  setProfile: defineRoute({
    name: 'wall.set_profile',
    method: 'PUT',
    path: '/api/v1/wall/profile',
    access: OPERATOR_ROLES,
    summary: 'Replace the wall profile (the hardware); 422 with every error leaves it as it was.',
    body: { schema: wallProfileSchema, check: 'handler' },
    replies: { 200: json(wallStateSchema) },
  }),
  layouts: defineRoute({
    name: 'wall.layouts',
    method: 'GET',
    path: '/api/v1/layouts',
    access: VIEWER_ROLES,
    summary: 'The preset layouts and the active layout id.',
    replies: { 200: json(layoutListSchema) },
  }),
  activatePreset: defineRoute({
    name: 'wall.activate_preset',
    method: 'POST',
    path: '/api/v1/wall/layout/activate',
    access: OPERATOR_ROLES,
    summary: 'Make a preset layout the active one.',
    body: { schema: z.object({ id: z.string().max(64) }).strict(), check: 'handler' },
    replies: { 200: json(wallStateSchema) },
  }),
} as const;
