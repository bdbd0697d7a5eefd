import { existsSync } from 'node:fs';
import { routes } from '../../shared/api';
import { fieldError, validationError, type FieldError } from '../../shared/errors';
import { validateLayout, type ValidationError } from '../../shared/layout/load';
import { fail } from '../http/reply';
import type { Router } from '../http/route';
import type { Principal } from '../auth/tokens';
import { LAYOUT_ID_PATTERN, presetLayoutPath } from '../paths';
import { loadLayoutFile, validateProfile } from './load';
import { listPresets } from './presets';
import type { WallChange, WallStateStore } from './state';

/** A layout's or profile's faults (JSON paths, English from the schemas) as field errors. */
const asFieldErrors = (errors: readonly ValidationError[]): FieldError[] => errors.map((e) => validationError(e.path, e.message));

/** Who asked, for the wall state's record: a person by name, or a token by role and label. */
function changeBy(principal: Principal, reason: string): WallChange {
  if (principal.kind === 'person') return { by: `${principal.displayName} (${principal.username})`, reason };
  return { by: `${principal.role} token "${principal.label}"`, reason };
}

/**
 * Wall state over REST. A refused layout or profile is answered with every error (422) and
 * leaves the wall as it was; an accepted one raises the revision and reaches every /control
 * socket through the state store's listener.
 */
export function registerWallRoutes(router: Router, wall: WallStateStore, layoutsDir: string): void {
  router.route(routes.wall.state).handle(() => ({ status: 200, body: wall.get() }));

  router.route(routes.wall.setLayout).handle(({ body, log, principal }) => {
    const checked = validateLayout(body);
    if (!checked.ok) fail('wall.layout_invalid', { count: checked.total }, { errors: asFieldErrors(checked.errors), total: checked.total });
    const { state, changed } = wall.setLayout(checked.value, changeBy(principal, 'PUT /api/v1/wall/layout'));
    log.info({ layout: state.layout.id, revision: state.revision, changed }, 'layout set');
    return { status: 200, body: state };
  });

  router.route(routes.wall.setProfile).handle(({ body, log, principal }) => {
    const checked = validateProfile(body);
    if (!checked.ok) fail('wall.profile_invalid', { count: checked.total }, { errors: asFieldErrors(checked.errors), total: checked.total });
    const { state, changed } = wall.setProfile(checked.value, changeBy(principal, 'PUT /api/v1/wall/profile'));
    log.info({ profile: state.profile.id, revision: state.revision, changed }, 'profile set');
    return { status: 200, body: state };
  });

  router.route(routes.wall.layouts).handle(({ log }) => {
    const { presets, problems } = listPresets(layoutsDir);
    if (problems.length) log.warn({ problems }, 'some preset layouts are not valid');
    return { status: 200, body: { layouts: presets, active: wall.get().layout.id } };
  });

  router.route(routes.wall.activatePreset).handle(({ body, log, principal }) => {
    const parsed = routes.wall.activatePreset.body.schema.safeParse(body);
    if (!parsed.success || !LAYOUT_ID_PATTERN.test(parsed.data.id)) {
      fail('wall.preset_expected', undefined, { errors: [fieldError('$.id', 'wall.preset_id')] });
    }
    const id = parsed.data.id;
    const file = presetLayoutPath(layoutsDir, id);
    if (!existsSync(file)) fail('wall.preset_not_found', { id });
    const loaded = loadLayoutFile(file);
    if (!loaded.ok) fail('wall.preset_invalid', { id }, { errors: asFieldErrors(loaded.errors), total: loaded.total });
    const { state, changed } = wall.setLayout(loaded.value, changeBy(principal, `POST /api/v1/wall/layout/activate ${id}`));
    log.info({ layout: state.layout.id, revision: state.revision, changed }, 'preset activated');
    return { status: 200, body: state };
  });
}
