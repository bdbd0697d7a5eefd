import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { routes } from '../../shared/api';
import { fieldError, type FieldError } from '../../shared/errors';
import type { ReportAccepted } from '../../shared/protocol/report';
import { isSubmitter, type Principal } from '../auth/tokens';
import type { ComplianceService } from '../compliance/service';
import type { Store } from '../db/store';
import { toSummary } from '../db/submissions';
import { MAX_REPLY_ERRORS } from '../../shared/errors/wire';
import { fail } from '../http/reply';
import type { Router } from '../http/route';
import type { GroupCommit } from './group-commit';
import { mayRead, replayOf, type Ingested } from './ingest';
import { checkReport, type ReportInput } from './validate';

/** How far back a demo token may date a report (the simulator's compliance history). */
export const MAX_BACKDATE_DAYS = 400;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * POST /api/v1/reports (JSON or CSV), GET /api/v1/submissions, GET /api/v1/submissions/:id.
 *
 * A refused report is answered 422 with every problem and stores nothing; an accepted one
 * 201 after the commit, by which time its changes have been pushed to the subscribed walls.
 * With an Idempotency-Key header, the same request again (e.g. retried after a lost answer)
 * returns the stored submission (200, `replayed: true`) instead of storing it twice.
 */
export function registerReportRoutes(router: Router, store: Store, compliance: ComplianceService, groupCommit: GroupCommit): void {
  router.route(routes.reports.submit).handle(async ({ principal, query: params, body, request, reply, log }) => {
    const nowMs = store.now();
    const errors: FieldError[] = [];
    const receivedMs = checkReceivedAt(params.receivedAt, principal, nowMs, errors);

    const csv = typeof body === 'string';
    const input: ReportInput = csv
      ? { kind: 'csv', text: body, envelope: { regime: params.regime, agency: params.agency, period: params.period, status: params.status } }
      : { kind: 'json', body };
    if (!csv && (params.regime !== undefined || params.agency !== undefined || params.period !== undefined || params.status !== undefined)) {
      errors.push(fieldError('?', 'report.query_in_json'));
    }

    const key = request.headers['idempotency-key'];
    let idempotencyKey: string | null = null;
    if (key !== undefined) {
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) fail('request.idempotency_key_invalid');
      idempotencyKey = key;
    }
    // Only a keyed request is ever compared with a stored one: no hash for the others.
    const requestHash = idempotencyKey === null ? null : hashRequest(request, params);
    const replay = replayOf(store, (regime, agency, period) => compliance.entry(regime, agency, period), { principal, idempotencyKey, requestHash });
    if (replay) {
      reply.header('Idempotent-Replayed', 'true');
      return { status: 200, body: accepted(replay) };
    }

    const checked = checkReport(input, { principal, regime: (code) => compliance.regime(code), receivedMs: receivedMs ?? nowMs });
    // Envelope faults first, then the checker's (already bounded) list; never a spread of an
    // unbounded array into push (a stack overflow for 150,000 faults).
    const total = errors.length + (checked.ok ? 0 : checked.total);
    if (!checked.ok) for (const e of checked.errors.slice(0, MAX_REPLY_ERRORS)) errors.push(e);
    if (errors.length > 0 || !checked.ok) {
      log.info({ code: 'report.refused', agency: principal.agency, errors: total }, 'report refused');
      fail('report.refused', { count: total }, { errors, total });
    }
    // Answered once its group's transaction committed (./group-commit.ts). The key is looked
    // up again inside that transaction: a twin that was queued meanwhile is a replay there.
    const ingested = await groupCommit.submit({
      regime: checked.regime,
      submission: checked.submission,
      principal,
      format: csv ? 'csv' : 'json',
      receivedMs: receivedMs ?? nowMs,
      idempotencyKey,
      requestHash,
    });
    if (ingested.replayed) {
      reply.header('Idempotent-Replayed', 'true');
      return { status: 200, body: accepted(ingested) };
    }
    log.info(
      { submissionId: ingested.record.id, regime: ingested.record.regime, agency: ingested.record.agency, period: ingested.record.period, revision: ingested.record.revision, values: ingested.observations.length, seq: ingested.record.seq },
      'report accepted',
    );
    return { status: 201, body: accepted(ingested) };
  });

  router.route(routes.reports.submissions).handle(async ({ principal, query: q }) => {
    if (isSubmitter(principal) && q.agency !== undefined && q.agency !== principal.agency) {
      fail('submission.agency_only', { agency: principal.agency ?? '' });
    }
    let before: { receivedAt: string; id: string } | undefined;
    if (q.before !== undefined) {
      const anchor = store.submissions.get(q.before);
      if (!anchor) fail('submission.before_unknown', { id: q.before });
      before = { receivedAt: anchor.receivedAt, id: anchor.id };
    }
    const limit = q.limit ?? 100;
    const rows = store.submissions.list({
      regime: q.regime,
      agency: isSubmitter(principal) ? principal.agency! : q.agency,
      period: q.period,
      demo: q.demo === undefined ? undefined : q.demo === '1' || q.demo === 'true',
      receivedFrom: q.from === undefined ? undefined : bound(q.from, 'start'),
      receivedTo: q.to === undefined ? undefined : bound(q.to, 'end'),
      before,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return { status: 200, body: { submissions: page.map(toSummary), next: rows.length > limit ? page[page.length - 1]!.id : null } };
  });

  router.route(routes.reports.submission).handle(async ({ principal, params }) => {
    const record = store.submissions.get(params.id);
    if (!record || !mayRead(principal, record)) fail('submission.not_found', { id: params.id });
    const revisions = record.regime ? store.submissions.revisions(record.regime, record.agency, record.period) : [record];
    return { status: 200, body: { ...toSummary(record), values: valuesOf(record.payload), revisions: revisions.map(toSummary) } };
  });

  function accepted({ record, observations, compliance: entry, replayed }: Ingested): ReportAccepted {
    return { ...toSummary(record), submissionId: record.id, observations, compliance: entry, replayed };
  }
}

/**
 * `receivedAt` (query): only a demo token may date its report, within the last
 * MAX_BACKDATE_DAYS days and not in the future; the simulator uses it to build a
 * compliance history. Returns the instant, or null for "now".
 */
function checkReceivedAt(value: string | undefined, principal: Principal, nowMs: number, errors: FieldError[]): number | null {
  if (value === undefined) return null;
  const at = '?receivedAt';
  if (!principal.demo) {
    errors.push(fieldError(at, 'report.received_at_demo_only'));
    return null;
  }
  const ms = z.iso.datetime({ offset: true }).safeParse(value).success ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) {
    errors.push(fieldError(at, 'report.received_at_not_instant', { value }));
    return null;
  }
  if (ms > nowMs) {
    errors.push(fieldError(at, 'report.received_at_future'));
    return null;
  }
  if (ms < nowMs - MAX_BACKDATE_DAYS * 86_400_000) {
    errors.push(fieldError(at, 'report.received_at_too_old', { days: MAX_BACKDATE_DAYS }));
    return null;
  }
  return ms;
}

function hashRequest(request: FastifyRequest, params: object): string {
  const body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? null);
  return createHash('sha256').update(JSON.stringify(params)).update('\n').update(body).digest('hex');
}

/** A day bound as an instant: the start or end of the day in Viet Nam (UTC+7). */
function bound(value: string, side: 'start' | 'end'): string {
  if (value.length > 10) return new Date(Date.parse(value)).toISOString();
  const ms = Date.parse(`${value}T00:00:00+07:00`) + (side === 'end' ? 86_400_000 - 1 : 0);
  return new Date(ms).toISOString();
}

function valuesOf(payload: unknown): { indicator: string; region: string; value: number | null; unit: string | null }[] {
  const values = (payload as { values?: unknown }).values;
  if (!Array.isArray(values)) return [];
  return values.map((v: { indicator?: string; field?: string; region?: string; value?: number | null; unit?: string }) => ({
    indicator: v.indicator ?? v.field ?? '',
    region: v.region ?? 'VN',
    value: v.value ?? null,
    unit: v.unit ?? null,
  }));
}
