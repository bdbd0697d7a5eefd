import { routes } from '../../shared/api';
import { briefingSchema, type Briefing } from '../../shared/briefing/schema';
import { validationError } from '../../shared/errors';
import { issuesToFieldErrors } from '../../shared/errors/issues';
import { actorOf, originOf } from '../audit/actor';
import { saveEnvelopeSchema } from '../db/versioned-documents';
import { fail } from '../http/reply';
import type { Router } from '../http/route';
import type { BriefingRunner } from './runner';
import type { BriefingStore } from './store';

const MAX_LISTED_FAULTS = 100;

/** The document of a save, checked whole; every fault at its path under `$.document` (at most 100 listed, `total` says how many). */
function checkDocument(value: unknown): Briefing {
  const parsed = briefingSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const all = parsed.error.issues;
  const errors = all.slice(0, MAX_LISTED_FAULTS).map((i) => validationError(`$.document${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`, i.message));
  fail('briefing.invalid', { count: all.length }, { errors, total: all.length });
}

export function registerBriefingRoutes(router: Router, briefings: BriefingStore): void {
  const r = routes.briefings;
  router.route(r.list).handle(() => ({ status: 200, body: { briefings: briefings.list() } }));
  router.route(r.get).handle(({ params }) => ({ status: 200, body: { briefing: briefings.get(params.id), head: briefings.head(params.id) } }));
  router.route(r.versions).handle(({ params }) => ({ status: 200, body: { briefingId: params.id, versions: briefings.versions(params.id) } }));
  router.route(r.version).handle(({ params }) => ({ status: 200, body: briefings.version(params.id, briefings.documents.versionParam(params.id, params.version)) }));

  router.route(r.save).handle(({ params, body, principal, request, log }) => {
    const parsed = saveEnvelopeSchema.safeParse(body);
    if (!parsed.success) {
      const errors = issuesToFieldErrors(parsed.error.issues, 'json');
      fail('request.invalid_body', { count: errors.length }, { errors });
    }
    const document = checkDocument(parsed.data.document);
    const saved = briefings.save(params.id, parsed.data.baseVersion, document, parsed.data.note ?? '', { actor: actorOf(principal), origin: originOf(request) });
    log.info({ briefing: params.id, version: saved.version.version }, 'briefing saved');
    return { status: saved.created ? 201 : 200, body: { briefing: saved.briefing, version: saved.version } };
  });
}

/** The run: its state, its commands (presenters and operators, audited with who), its record. */
export function registerBriefingRunRoutes(router: Router, runner: BriefingRunner): void {
  const r = routes.briefings;
  router.route(r.run).handle(() => ({ status: 200, body: { run: runner.state() } }));
  router.route(r.command).handle(async ({ body, principal, request, log }) => {
    const run = await runner.command(body, { actor: actorOf(principal), origin: originOf(request) });
    log.info({ action: body.action, runId: run?.runId ?? null, index: run?.index ?? null }, 'briefing command');
    return { status: 200, body: { run } };
  });
  router.route(r.runs).handle(({ query }) => ({ status: 200, body: { runs: runner.runs(query.briefingId) } }));
  router.route(r.shown).handle(({ params }) => ({ status: 200, body: runner.shown(params.id) }));
}
