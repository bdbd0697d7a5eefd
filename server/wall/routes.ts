import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { validateLayout } from '../../shared/layout/load';
import { OPERATOR_ROLES, VIEWER_ROLES } from '../auth/guard';
import { LAYOUT_ID_PATTERN, presetLayoutPath } from '../paths';
import { loadLayoutFile, validateProfile } from './load';
import { listPresets } from './presets';
import type { WallStateStore } from './state';

const activateSchema = z.object({ id: z.string() }).strict();

/**
 * Wall state over REST. A refused layout or profile is answered with every error (422) and
 * leaves the wall as it was; an accepted one raises the revision and reaches every /control
 * socket through the state store's listener.
 */
export function registerWallRoutes(app: FastifyInstance, wall: WallStateStore, layoutsDir: string): void {
  app.get('/api/v1/wall', { config: { roles: VIEWER_ROLES } }, async () => wall.get());

  app.put('/api/v1/wall/layout', { config: { roles: OPERATOR_ROLES } }, async (request, reply) => {
    const checked = validateLayout(request.body);
    if (!checked.ok) return reply.code(422).send({ error: `the layout has ${checked.total} error(s); the wall keeps its layout`, errors: checked.errors, total: checked.total });
    const { state, changed } = wall.setLayout(checked.value);
    request.log.info({ layout: state.layout.id, revision: state.revision, changed }, 'layout set');
    return state;
  });

  app.put('/api/v1/wall/profile', { config: { roles: OPERATOR_ROLES } }, async (request, reply) => {
    const checked = validateProfile(request.body);
    if (!checked.ok) return reply.code(422).send({ error: `the profile has ${checked.total} error(s); the wall keeps its profile`, errors: checked.errors, total: checked.total });
    const { state, changed } = wall.setProfile(checked.value);
    request.log.info({ profile: state.profile.id, revision: state.revision, changed }, 'profile set');
    return state;
  });

  app.get('/api/v1/layouts', { config: { roles: VIEWER_ROLES } }, async (request) => {
    const { presets, problems } = listPresets(layoutsDir);
    if (problems.length) request.log.warn({ problems }, 'some preset layouts are not valid');
    return { layouts: presets, active: wall.get().layout.id };
  });

  app.post('/api/v1/wall/layout/activate', { config: { roles: OPERATOR_ROLES } }, async (request, reply) => {
    const body = activateSchema.safeParse(request.body);
    if (!body.success || !LAYOUT_ID_PATTERN.test(body.data.id)) {
      return reply.code(422).send({ error: 'expected { "id": "<preset id>" }', errors: [{ path: '$.id', message: 'a preset id from GET /api/v1/layouts' }] });
    }
    const file = presetLayoutPath(layoutsDir, body.data.id);
    if (!existsSync(file)) return reply.code(404).send({ error: `no preset layout "${body.data.id}"` });
    const loaded = loadLayoutFile(file);
    if (!loaded.ok) {
      return reply.code(422).send({ error: `preset "${body.data.id}" is not valid; the wall keeps its layout`, errors: loaded.errors, total: loaded.total });
    }
    const { state, changed } = wall.setLayout(loaded.value);
    request.log.info({ layout: state.layout.id, revision: state.revision, changed }, 'preset activated');
    return state;
  });
}
