import { z } from 'zod';
import { layoutSchema } from '../layout/schema';
import { commandScreensSchema, identifyEventSchema, testPatternEventSchema, testPatternNameSchema, wallStateSchema } from '../protocol/control';
import { OPERATOR_ROLES, SETUP_ROLES, VIEWER_ROLES } from '../protocol/roles';
import { wallProfileSchema } from '../wall/profile';
import { defineRoute, json } from './route';
import { VIEW_ROLES, wallViewEventSchema, wallViewPatchSchema } from '../wall/view';

export const presetInfoSchema = z.object({
  id: z.string(),
  title: z.object({ vi: z.string(), en: z.string().optional() }),
});
export const layoutListSchema = z.object({ layouts: z.array(presetInfoSchema), active: z.string() });

/** Identify for `seconds` (1 s … 1 h), on some screens or the whole wall. */
export const identifyRequestSchema = z.object({ seconds: z.number().int().min(1).max(3600).default(30), screens: commandScreensSchema }).strict();
export const testPatternRequestSchema = z.object({ pattern: testPatternNameSchema, screens: commandScreensSchema }).strict();

export const wallRoutes = {
  identify: defineRoute({
    name: 'wall.identify',
    method: 'POST',
    path: '/api/v1/wall/identify',
    access: SETUP_ROLES,
    summary: 'Every targeted screen shows its id, host, display and resolution, huge, for `seconds` (audited).',
    body: { schema: identifyRequestSchema, check: 'route' },
    replies: { 200: json(identifyEventSchema) },
  }),
  identifyStop: defineRoute({
    name: 'wall.identify_stop',
    method: 'DELETE',
    path: '/api/v1/wall/identify',
    access: SETUP_ROLES,
    summary: 'Dismiss identify on every screen (audited).',
    replies: { 200: json(identifyEventSchema) },
  }),
  testPattern: defineRoute({
    name: 'wall.test_pattern',
    method: 'PUT',
    path: '/api/v1/wall/test-pattern',
    access: SETUP_ROLES,
    summary: 'Draw a test pattern on the wall canvas, on some screens or all (audited).',
    body: { schema: testPatternRequestSchema, check: 'route' },
    replies: { 200: json(testPatternEventSchema) },
  }),
  testPatternStop: defineRoute({
    name: 'wall.test_pattern_stop',
    method: 'DELETE',
    path: '/api/v1/wall/test-pattern',
    access: SETUP_ROLES,
    summary: 'Back to the layout on every screen (audited).',
    replies: { 200: json(testPatternEventSchema) },
  }),
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
  view: defineRoute({
    name: 'wall.view',
    method: 'GET',
    path: '/api/v1/wall/view',
    access: VIEWER_ROLES,
    summary: 'The wall view: frozen (at, seq) or live, the province shown (or national), the enlarged tile (or none).',
    replies: { 200: json(wallViewEventSchema) },
  }),
  setView: defineRoute({
    name: 'wall.set_view',
    method: 'PUT',
    path: '/api/v1/wall/view',
    access: VIEW_ROLES,
    summary: 'Freeze or return to live, drill into a province or back to national, enlarge a tile or none (keys absent: unchanged; audited, pushed to every wall page).',
    body: { schema: wallViewPatchSchema, check: 'route' },
    replies: { 200: json(wallViewEventSchema) },
  }),
} as const;
