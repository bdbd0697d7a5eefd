import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { validateWith } from '../../shared/layout/load';
import { periodSchema } from '../../shared/period';
import {
  reportAcceptedSchema,
  submissionDetailSchema,
  submissionListSchema,
  validationFailureSchema,
  type ReportAccepted,
  type ReportError,
} from '../../shared/protocol/report';
import type { Principal } from '../auth/tokens';
import type { ComplianceService } from '../compliance/service';
import type { Store } from '../db/store';
import { toSummary, type SubmissionRecord } from '../db/submissions';
import type { Output } from '../http/output';
import { ingestSubmission } from './ingest';
import { checkReport, type ReportInput } from './validate';

/** How far back a demo token may date a report (the simulator's compliance history). */
export const MAX_BACKDATE_DAYS = 400;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

const reportQuerySchema = z
  .object({
    regime: z.string().max(60).optional(),
    agency: z.string().max(20).optional(),
    period: z.string().max(40).optional(),
    status: z.string().max(20).optional(),
    receivedAt: z.string().max(40).optional(),
  })
  .strict();

const dayOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

const submissionQuerySchema = z
  .object({
    regime: z.string().max(60).optional(),
    agency: z.string().max(20).optional(),
    period: periodSchema.optional(),
    demo: z.enum(['0', '1', 'true', 'false']).optional(),
    from: dayOrInstant.optional(),
    to: dayOrInstant.optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    before: z.string().max(64).optional(),
  })
  .strict();

const SUBMIT_ROLES = ['submitter', 'operator', 'admin'] as const;

/**
 * POST /api/v1/reports (JSON or CSV), GET /api/v1/submissions, GET /api/v1/submissions/:id.
 *
 * A refused report is answered 422 with every problem and stores nothing; an accepted one
 * 201 after the commit, by which time its changes have been pushed to the subscribed walls.
 * With an Idempotency-Key header, the same request again (e.g. retried after a lost answer)
 * returns the stored submission (200, `replayed: true`) instead of storing it twice.
 */
export function registerReportRoutes(app: FastifyInstance, store: Store, compliance: ComplianceService, out: Output): void {
  // A CSV body is read as text (within the same body limit as JSON); other text is refused (415).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post('/api/v1/reports', { config: { roles: SUBMIT_ROLES } }, async (request, reply) => {
    const principal = request.principal!;
    const nowMs = store.now();
    const query = validateWith(reportQuerySchema, request.query);
    const errors: ReportError[] = [];
    if (!query.ok) {
      for (const e of query.errors) {
        const path = e.path === '$' ? '?' : e.path.replace(/^\$\./, '?');
        errors.push({ path, message_vi: `Tham số truy vấn không hợp lệ: ${e.message}`, message_en: `bad query parameter: ${e.message}`, message: `bad query parameter: ${e.message}` });
      }
    }
    const params = query.ok ? query.value : {};
    const receivedMs = checkReceivedAt(params.receivedAt, principal, nowMs, errors);

    const csv = typeof request.body === 'string';
    const input: ReportInput = csv
      ? { kind: 'csv', text: request.body as string, envelope: { regime: params.regime, agency: params.agency, period: params.period, status: params.status } }
      : { kind: 'json', body: request.body };
    if (!csv && (params.regime !== undefined || params.agency !== undefined || params.period !== undefined || params.status !== undefined)) {
      errors.push({
        path: '?',
        message_vi: 'Báo cáo JSON ghi chế độ, cơ quan, kỳ và trạng thái trong nội dung, không trong tham số truy vấn',
        message_en: 'a JSON report carries regime, agency, period and status in its body, not as query parameters',
        message: 'a JSON report carries regime, agency, period and status in its body, not as query parameters',
      });
    }

    const key = request.headers['idempotency-key'];
    let idempotencyKey: string | null = null;
    if (key !== undefined) {
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
        return reply.code(400).send({ error: 'Idempotency-Key: 1 to 200 printable ASCII characters', error_vi: 'Idempotency-Key: 1 đến 200 ký tự ASCII in được' });
      }
      idempotencyKey = key;
    }
    const requestHash = hashRequest(request, params);
    if (idempotencyKey) {
      const stored = store.submissions.byIdempotencyKey(idempotencyKey);
      if (stored) return replayStored(reply, stored, requestHash, principal);
    }

    const checked = checkReport(input, { principal, regime: (code) => compliance.regime(code), receivedMs: receivedMs ?? nowMs });
    if (!checked.ok) errors.push(...checked.errors);
    if (errors.length > 0 || !checked.ok) {
      request.log.info({ agency: principal.agency, errors: errors.length }, 'report refused');
      return reply.code(422).send(
        out(validationFailureSchema, {
          error: `the report has ${errors.length} problem(s); nothing was stored`,
          error_vi: `Báo cáo có ${errors.length} lỗi; không có gì được lưu`,
          errors,
        }),
      );
    }
    // No await between the idempotency look-up and the insert: no other request can slip in.
    const ingested = ingestSubmission(store, compliance, {
      regime: checked.regime,
      submission: checked.submission,
      principal,
      format: csv ? 'csv' : 'json',
      receivedMs: receivedMs ?? nowMs,
      idempotencyKey,
      requestHash,
    });
    request.log.info(
      { submissionId: ingested.record.id, regime: ingested.record.regime, agency: ingested.record.agency, period: ingested.record.period, revision: ingested.record.revision, values: ingested.observations.length, seq: ingested.record.seq },
      'report accepted',
    );
    return reply.code(201).send(out(reportAcceptedSchema, accepted(ingested.record, ingested.observations, ingested.compliance, false)));
  });

  function replayStored(reply: FastifyReply, stored: SubmissionRecord, requestHash: string, principal: Principal) {
    if (stored.requestHash !== requestHash || !mayRead(principal, stored)) {
      return reply.code(409).send({
        error: 'this Idempotency-Key was used for another request; use a new key for a new report',
        error_vi: 'Idempotency-Key này đã dùng cho một yêu cầu khác; hãy dùng khóa mới cho báo cáo mới',
      });
    }
    reply.header('Idempotent-Replayed', 'true');
    const entry = stored.regime ? compliance.entry(stored.regime, stored.agency, stored.period) : null;
    return reply.code(200).send(out(reportAcceptedSchema, accepted(stored, store.observations.ofSubmission(stored.id), entry, true)));
  }

  const READ_ROLES = ['submitter', 'operator', 'admin'] as const;

  app.get('/api/v1/submissions', { config: { roles: READ_ROLES } }, async (request, reply) => {
    const principal = request.principal!;
    const query = validateWith(submissionQuerySchema, request.query);
    if (!query.ok) return reply.code(400).send({ error: 'bad query', errors: query.errors });
    const q = query.value;
    if (principal.role === 'submitter' && q.agency !== undefined && q.agency !== principal.agency) {
      return reply.code(403).send({ error: `this token sees the submissions of agency ${principal.agency} only`, error_vi: `Mã truy cập này chỉ xem được báo cáo của cơ quan ${principal.agency}` });
    }
    let before: { receivedAt: string; id: string } | undefined;
    if (q.before !== undefined) {
      const anchor = store.submissions.get(q.before);
      if (!anchor) return reply.code(400).send({ error: `before: no submission ${q.before}` });
      before = { receivedAt: anchor.receivedAt, id: anchor.id };
    }
    const limit = q.limit ?? 100;
    const rows = store.submissions.list({
      regime: q.regime,
      agency: principal.role === 'submitter' ? principal.agency! : q.agency,
      period: q.period,
      demo: q.demo === undefined ? undefined : q.demo === '1' || q.demo === 'true',
      receivedFrom: q.from === undefined ? undefined : bound(q.from, 'start'),
      receivedTo: q.to === undefined ? undefined : bound(q.to, 'end'),
      before,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return out(submissionListSchema, { submissions: page.map(toSummary), next: rows.length > limit ? page[page.length - 1]!.id : null });
  });

  app.get<{ Params: { id: string } }>('/api/v1/submissions/:id', { config: { roles: READ_ROLES } }, async (request, reply) => {
    const record = store.submissions.get(request.params.id);
    if (!record || !mayRead(request.principal!, record)) return reply.code(404).send({ error: `no submission ${request.params.id}`, error_vi: `Không có báo cáo ${request.params.id}` });
    const revisions = record.regime ? store.submissions.revisions(record.regime, record.agency, record.period) : [record];
    return out(submissionDetailSchema, { ...toSummary(record), values: valuesOf(record.payload), revisions: revisions.map(toSummary) });
  });

  function accepted(record: SubmissionRecord, observations: ReportAccepted['observations'], entry: ReportAccepted['compliance'], replayed: boolean): ReportAccepted {
    return { ...toSummary(record), submissionId: record.id, observations, compliance: entry, replayed };
  }
}

function mayRead(principal: Principal, record: SubmissionRecord): boolean {
  return principal.role !== 'submitter' || principal.agency === record.agency;
}

/**
 * `receivedAt` (query): only a demo token may date its report, within the last
 * MAX_BACKDATE_DAYS days and not in the future; the simulator uses it to build a
 * compliance history. Returns the instant, or null for "now".
 */
function checkReceivedAt(value: string | undefined, principal: Principal, nowMs: number, errors: ReportError[]): number | null {
  if (value === undefined) return null;
  const fail = (vi: string, en: string) => errors.push({ path: '?receivedAt', message_vi: vi, message_en: en, message: en });
  if (!principal.demo) {
    fail('Chỉ mã truy cập dữ liệu mô phỏng (demo) được ghi lùi thời điểm nhận báo cáo', 'only a demo token may set receivedAt (backdate a report)');
    return null;
  }
  const ms = z.iso.datetime({ offset: true }).safeParse(value).success ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) {
    fail(`"${value}" không phải thời điểm ISO 8601 có múi giờ`, `"${value}" is not an ISO 8601 instant with an offset`);
    return null;
  }
  if (ms > nowMs) {
    fail('Thời điểm nhận không được ở tương lai', 'receivedAt may not be in the future');
    return null;
  }
  if (ms < nowMs - MAX_BACKDATE_DAYS * 86_400_000) {
    fail(`Chỉ được ghi lùi tối đa ${MAX_BACKDATE_DAYS} ngày`, `receivedAt may be at most ${MAX_BACKDATE_DAYS} days ago`);
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
