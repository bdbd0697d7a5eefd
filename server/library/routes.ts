import { z } from 'zod';
import { routes } from '../../shared/api';
import { validationError } from '../../shared/errors';
import { issuesToFieldErrors } from '../../shared/errors/issues';
import { validateLayout } from '../../shared/layout/load';
import { LAYOUT_SCHEMA_VERSION, type Layout } from '../../shared/layout/schema';
import { actorOf, originOf } from '../audit/actor';
import { fail } from '../http/reply';
import type { RouteContext, Router } from '../http/route';
import type { RouteDef } from '../../shared/api/route';
import type { Publisher } from './schedule';
import type { Author, LayoutLibrary } from './store';

/** A version path parameter: a positive integer, or the 404 of a version that does not exist. */
function versionParam(id: string, text: string): number {
  const n = /^[1-9]\d{0,9}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n)) fail('layout.version_not_found', { id, version: text });
  return n;
}

const author = (ctx: Pick<RouteContext<RouteDef>, 'request'> & { principal: NonNullable<RouteContext<RouteDef>['principal']> }): Author => ({
  actor: actorOf(ctx.principal),
  origin: originOf(ctx.request),
});

/**
 * A layout document from a request, checked whole by the layout loader (older options
 * migrated, a newer schemaVersion or optionsVersion refused by name, every fault listed
 * with its path under `prefix`); a refusal stores nothing.
 */
export function checkLayout(value: unknown, prefix = '$'): Layout {
  const version = typeof value === 'object' && value !== null ? (value as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && version > LAYOUT_SCHEMA_VERSION) fail('layout.newer_schema', { found: version, known: LAYOUT_SCHEMA_VERSION });
  const checked = validateLayout(value);
  if (!checked.ok) {
    const errors = checked.errors.map((e) => validationError(prefix === '$' ? e.path : `${prefix}${e.path.slice(1)}`, e.message));
    fail('layout.invalid', { count: checked.total }, { errors, total: checked.total });
  }
  return checked.value;
}

/** The envelope of a body that carries a document: its other fields by zod, the document by the loader. */
function envelope<S extends z.ZodObject>(schema: S, body: unknown): z.output<S> & { document?: Layout } {
  const loose = schema.extend({ document: z.unknown().optional() });
  const parsed = loose.safeParse(body);
  if (!parsed.success) {
    const errors = issuesToFieldErrors(parsed.error.issues, 'json');
    fail('request.invalid_body', { count: errors.length }, { errors });
  }
  const { document, ...rest } = parsed.data as Record<string, unknown>;
  return { ...(rest as z.output<S>), ...(document === undefined ? {} : { document: checkLayout(document, '$.document') }) };
}

const saveEnvelope = z.object({ baseVersion: z.number().int().min(1), note: z.string().trim().max(500).optional() }).strict();
const createEnvelope = z.object({ note: z.string().trim().max(500).optional() }).strict();
const duplicateEnvelope = routes.library.duplicate.body.schema.omit({ document: true });

export function registerLibraryRoutes(router: Router, library: LayoutLibrary, publisher: Publisher): void {
  const r = routes.library;
  router.route(r.list).handle(() => ({ status: 200, body: { layouts: library.list() } }));
  router.route(r.bin).handle(() => ({ status: 200, body: { layouts: library.bin() } }));

  router.route(r.create).handle((ctx) => {
    const body = envelope(createEnvelope, ctx.body);
    if (!body.document) fail('request.invalid_body', { count: 1 }, { errors: [validationError('$.document', 'a layout document is required')] });
    return { status: 201, body: library.create(body.document, body.note ?? '', author(ctx)) };
  });

  router.route(r.import).handle((ctx) => {
    const document = checkLayout(ctx.body);
    return { status: 201, body: library.import(document, author(ctx)) };
  });

  router.route(r.get).handle(({ params }) => ({ status: 200, body: { layout: library.get(params.id), head: library.head(params.id) } }));

  router.route(r.save).handle((ctx) => {
    const body = envelope(saveEnvelope, ctx.body);
    if (!body.document) fail('request.invalid_body', { count: 1 }, { errors: [validationError('$.document', 'a layout document is required')] });
    const saved = library.save(ctx.params.id, body.baseVersion, body.document, body.note ?? '', author(ctx));
    ctx.log.info({ layout: saved.layout.id, version: saved.version.version }, 'layout saved');
    return { status: 201, body: saved };
  });

  router.route(r.duplicate).handle((ctx) => {
    const body = envelope(duplicateEnvelope, ctx.body ?? {});
    return { status: 201, body: library.duplicate(ctx.params.id, body, author(ctx)) };
  });

  router.route(r.rename).handle((ctx) => ({ status: 200, body: library.rename(ctx.params.id, ctx.body.title, author(ctx)) }));
  router.route(r.delete).handle((ctx) => ({ status: 200, body: library.delete(ctx.params.id, author(ctx), (id) => publisher.uses(id)) }));
  router.route(r.undelete).handle((ctx) => ({ status: 200, body: library.undelete(ctx.params.id, author(ctx)) }));
  router.route(r.versions).handle(({ params }) => ({ status: 200, body: { layoutId: params.id, versions: library.versions(params.id) } }));
  router.route(r.version).handle(({ params }) => ({ status: 200, body: library.version(params.id, versionParam(params.id, params.version)) }));

  router.route(r.export).handle(({ params, reply }) => {
    const { document } = library.version(params.id, versionParam(params.id, params.version));
    // A file an editor or `library.import` reads back as is.
    reply.header('content-disposition', `attachment; filename="${params.id}-v${params.version}.json"`);
    return { status: 200, body: document };
  });

  router.route(r.diff).handle(({ params, query }) => ({
    status: 200,
    body: { layoutId: params.id, from: query.from, to: query.to, diff: library.diff(params.id, query.from, query.to) },
  }));

  router.route(r.restoreVersion).handle((ctx) => ({ status: 201, body: library.restoreVersion(ctx.params.id, versionParam(ctx.params.id, ctx.params.version), ctx.body, author(ctx)) }));

  const s = routes.schedule;
  router.route(s.publish).handle((ctx) => {
    const live = publisher.publish(ctx.body.layoutId, ctx.body.version, author(ctx));
    ctx.log.info({ layout: live.layoutId, version: live.version, revision: live.wallRevision }, 'published');
    return { status: 200, body: live };
  });
  router.route(s.live).handle(() => ({ status: 200, body: publisher.live() }));
  router.route(s.get).handle(() => ({ status: 200, body: publisher.schedule() }));
  router.route(s.update).handle((ctx) => ({ status: 200, body: publisher.updateSchedule(ctx.body, author(ctx)) }));
  router.route(s.release).handle((ctx) => ({ status: 200, body: publisher.release(author(ctx)) }));
}
