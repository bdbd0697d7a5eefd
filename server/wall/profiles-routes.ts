import { routes } from '../../shared/api';
import { isErrorCode, validationError, type FieldError } from '../../shared/errors';
import { issuesToFieldErrors } from '../../shared/errors/issues';
import type { WallProfile } from '../../shared/wall/profile';
import { validateWallProfile } from '../../shared/wall/validate';
import { actorOf, originOf } from '../audit/actor';
import type { Principal } from '../auth/tokens';
import { saveEnvelopeSchema } from '../db/versioned-documents';
import { fail } from '../http/reply';
import type { Router } from '../http/route';
import type { ProfileAuthor, ProfileStore } from './profiles';


function authorOf(principal: Principal, request: Parameters<typeof originOf>[0]): ProfileAuthor {
  const by = principal.kind === 'person' ? `${principal.displayName} (${principal.username})` : `${principal.role} token "${principal.label}"`;
  return { actor: actorOf(principal), origin: originOf(request), by };
}

/** The document of a save, checked whole by the profile validator; every fault at its path under `$.document`, with its own code. */
function checkDocument(value: unknown): WallProfile {
  const checked = validateWallProfile(value);
  if (checked.ok) return checked.value;
  const errors: FieldError[] = checked.errors.map((e) => {
    const path = `$.document${e.path.slice(1)}`;
    return e.code !== undefined && isErrorCode(e.code) && e.message_vi !== undefined
      ? { path, code: e.code, message_vi: e.message_vi, message_en: e.message, message: e.message }
      : validationError(path, e.message);
  });
  fail('profile.invalid', { count: checked.total }, { errors, total: checked.total });
}

export function registerProfileRoutes(router: Router, profiles: ProfileStore): void {
  const r = routes.profiles;
  router.route(r.list).handle(() => ({ status: 200, body: profiles.list() }));
  router.route(r.get).handle(({ params }) => ({ status: 200, body: { profile: profiles.get(params.id), head: profiles.head(params.id) } }));
  router.route(r.versions).handle(({ params }) => ({ status: 200, body: { profileId: params.id, versions: profiles.versions(params.id) } }));
  router.route(r.version).handle(({ params }) => ({ status: 200, body: profiles.version(params.id, profiles.versionParam(params.id, params.version)) }));

  router.route(r.save).handle(({ params, body, principal, request, log }) => {
    const parsed = saveEnvelopeSchema.safeParse(body);
    if (!parsed.success) {
      const errors = issuesToFieldErrors(parsed.error.issues, 'json');
      fail('request.invalid_body', { count: errors.length }, { errors });
    }
    const document = checkDocument(parsed.data.document);
    const saved = profiles.save(params.id, parsed.data.baseVersion, document, parsed.data.note ?? '', authorOf(principal, request));
    log.info({ profile: params.id, version: saved.version.version }, 'wall profile saved');
    return { status: saved.created ? 201 : 200, body: { profile: saved.profile, version: saved.version } };
  });

  router.route(r.activate).handle(({ params, body, principal, request, log }) => {
    const state = profiles.activate(params.id, body.version, authorOf(principal, request));
    log.info({ profile: params.id, version: body.version, revision: state.revision }, 'wall profile activated');
    return { status: 200, body: state };
  });
}
