import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AGENCIES, canonicalAgencyCode } from '../../shared/agencies';
import { validateWith } from '../../shared/layout/load';
import { parsePeriod, periodSchema } from '../../shared/period';
import { indicatorCodeSchema, regionCodeSchema } from '../../shared/protocol/codes';
import { complianceStatusSchema } from '../../shared/protocol/compliance';
import {
  agencyListSchema,
  complianceListSchema,
  indicatorListSchema,
  observationListSchema,
  regimeDetailSchema,
  regimeListSchema,
  type RegimeSummary,
} from '../../shared/protocol/report';
import { summarizeCompliance } from '../../shared/compliance/status';
import { nextDeadline, openPeriods } from '../../shared/regimes/calendar';
import { submissionCsvTemplate } from '../../shared/regimes/csv';
import { reportersOf } from '../../shared/regimes/reporters';
import type { Regime } from '../../shared/regimes/schema';
import { ALL_ROLES, VIEWER_ROLES } from '../auth/guard';
import type { ComplianceService } from '../compliance/service';
import type { Store } from '../db/store';
import type { Output } from '../http/output';

/** A comma-separated list of values, each checked by `item`. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .max(4000)
    .transform((text, ctx): z.output<T>[] => {
      const items = text.split(',').map((s) => s.trim()).filter(Boolean);
      if (items.length === 0 || items.length > 200) ctx.addIssue({ code: 'custom', message: 'a list of 1 to 200 comma-separated values' });
      const out: z.output<T>[] = [];
      for (const text of items) {
        const parsed = item.safeParse(text);
        if (parsed.success) out.push(parsed.data);
        else ctx.addIssue({ code: 'custom', message: `${JSON.stringify(text)}: ${parsed.error.issues[0]?.message ?? 'not valid'}` });
      }
      return out;
    });

/** A day (2025-03-15) or a period (2025, 2025-Q1, 2025-03): from its first day / to its last. */
const dayOrPeriod = z.string().refine((t) => /^\d{4}-\d{2}-\d{2}$/.test(t) || parsePeriod(t) !== null, 'a day (YYYY-MM-DD) or a period (2025, 2025-Q1, 2025-03, …)');
const dayOf = (text: string, side: 'start' | 'end') => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? text : side === 'start' ? parsePeriod(text)!.start : parsePeriod(text)!.end);
const flag = z.enum(['0', '1', 'true', 'false']);
const isTrue = (v: string | undefined) => (v === undefined ? undefined : v === '1' || v === 'true');

const observationQuerySchema = z
  .object({
    indicator: list(indicatorCodeSchema).optional(),
    region: list(regionCodeSchema).optional(),
    period: list(periodSchema).optional(),
    from: dayOrPeriod.optional(),
    to: dayOrPeriod.optional(),
    agency: list(z.string().max(20)).optional(),
    regime: list(z.string().max(60)).optional(),
    status: list(z.enum(['estimate', 'official'])).optional(),
    demo: flag.optional(),
    history: flag.optional(),
    limit: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .strict();

const complianceQuerySchema = z
  .object({
    regime: list(z.string().max(60)).optional(),
    agency: list(z.string().max(20)).optional(),
    period: list(periodSchema).optional(),
    status: list(complianceStatusSchema).optional(),
    from: dayOrPeriod.optional(),
    to: dayOrPeriod.optional(),
    summary: z.enum(['regime', 'agency', 'period']).optional(),
  })
  .strict();

export function regimeSummary(r: Regime): RegimeSummary {
  return {
    code: r.code,
    version: r.version,
    name: r.name,
    kind: r.kind,
    owner: r.owner,
    periodicity: r.periodicity,
    window: r.window,
    deadline: r.deadline,
    effectiveFrom: r.effectiveFrom,
    reporters: reportersOf(r),
    indicators: r.fields.map((f) => f.indicator),
  };
}

/**
 * Read endpoints: health (no token), the catalogue (indicators, regimes, agencies: every
 * role, a submitter needs codes and templates), observations (viewers) and compliance
 * (viewers; a submitter sees its own agency's).
 */
export function registerReadRoutes(app: FastifyInstance, store: Store, compliance: ComplianceService, regimes: readonly Regime[], out: Output): void {
  app.get('/api/v1/health', { config: { public: true } }, async () => ({ ok: true, seq: store.changes.head() }));

  app.get('/api/v1/indicators', { config: { roles: ALL_ROLES } }, async () => out(indicatorListSchema, { indicators: store.indicators.all() }));

  app.get('/api/v1/regimes', { config: { roles: ALL_ROLES } }, async () => out(regimeListSchema, { regimes: regimes.map(regimeSummary) }));

  app.get<{ Params: { code: string } }>('/api/v1/regimes/:code', { config: { roles: ALL_ROLES } }, async (request, reply) => {
    const r = compliance.regime(request.params.code);
    if (!r) return reply.code(404).send({ error: `no regime ${request.params.code} (see GET /api/v1/regimes)`, error_vi: `Không có chế độ báo cáo ${request.params.code}` });
    const nowMs = store.now();
    const next = nextDeadline(r, nowMs);
    return out(regimeDetailSchema, {
      ...regimeSummary(r),
      reportersRule: r.reporters,
      legalBasis: r.legalBasis,
      fields: r.fields,
      ...(r.note ? { note: r.note } : {}),
      ...(r.reportingYear ? { reportingYear: r.reportingYear } : {}),
      csvHeader: ['region', ...r.fields.map((f) => f.indicator)].join(','),
      openPeriods: openPeriods(r, nowMs),
      nextDeadline: next ? { period: next.period, deadline: next.deadline.at, nominal: next.deadline.nominal, movedOver: next.deadline.movedOver } : null,
    });
  });

  // An empty CSV to fill in: the header and one row per region the agency reports.
  app.get<{ Params: { code: string }; Querystring: { agency?: string } }>('/api/v1/regimes/:code/template.csv', { config: { roles: ALL_ROLES } }, async (request, reply) => {
    const r = compliance.regime(request.params.code);
    if (!r) return reply.code(404).send({ error: `no regime ${request.params.code} (see GET /api/v1/regimes)`, error_vi: `Không có chế độ báo cáo ${request.params.code}` });
    const agency = request.query.agency ?? request.principal!.agency ?? reportersOf(r)[0]!;
    const code = canonicalAgencyCode(agency);
    if (!code || !reportersOf(r).includes(code)) {
      return reply.code(400).send({ error: `agency ${JSON.stringify(agency)} does not report under ${r.code}`, error_vi: `Cơ quan ${agency} không thuộc đối tượng báo cáo của chế độ ${r.code}` });
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${r.code}-${code}.csv"`)
      .send(submissionCsvTemplate(r, code));
  });

  app.get('/api/v1/agencies', { config: { roles: ALL_ROLES } }, async () =>
    out(agencyListSchema, {
      agencies: AGENCIES.map((a) => ({
        code: a.code,
        kind: a.kind,
        name: a.name,
        shortName: a.shortName,
        parent: a.parent ?? null,
        region: a.region,
        formerCodes: [...(a.formerCodes ?? [])],
        regimes: regimes.filter((r) => reportersOf(r).includes(a.code)).map((r) => r.code),
      })),
    }),
  );

  app.get('/api/v1/observations', { config: { roles: VIEWER_ROLES } }, async (request, reply) => {
    const query = validateWith(observationQuerySchema, request.query);
    if (!query.ok) return reply.code(400).send({ error: 'bad query', errors: query.errors });
    const q = query.value;
    const filter = {
      indicators: q.indicator ?? null,
      regions: q.region ?? null,
      periods: q.period ?? null,
      agencies: q.agency?.map((a) => canonicalAgencyCode(a) ?? a) ?? null,
      regimes: q.regime ?? null,
      statuses: q.status ?? null,
      demo: isTrue(q.demo) ?? null,
      from: q.from === undefined ? null : dayOf(q.from, 'start'),
      to: q.to === undefined ? null : dayOf(q.to, 'end'),
    };
    // Read the head first: the rows returned are at least as new as it.
    const seq = store.changes.head();
    const limit = q.limit ?? -1;
    const observations = isTrue(q.history) ? store.observations.history(filter, limit) : store.observations.latest(filter, limit);
    return out(observationListSchema, { seq, observations });
  });

  app.get('/api/v1/compliance', { config: { roles: ALL_ROLES } }, async (request, reply) => {
    const principal = request.principal!;
    const query = validateWith(complianceQuerySchema, request.query);
    if (!query.ok) return reply.code(400).send({ error: 'bad query', errors: query.errors });
    const q = query.value;
    let agencies = q.agency?.map((a) => canonicalAgencyCode(a) ?? a);
    if (principal.role === 'submitter') {
      if (agencies && agencies.some((a) => a !== principal.agency)) {
        return reply.code(403).send({ error: `this token sees the compliance of agency ${principal.agency} only`, error_vi: `Mã truy cập này chỉ xem được tình hình báo cáo của cơ quan ${principal.agency}` });
      }
      agencies = [principal.agency!];
    }
    const seq = store.changes.head();
    const entries = compliance.query({
      regimes: q.regime,
      agencies,
      periods: q.period,
      statuses: q.status,
      from: q.from === undefined ? undefined : dayOf(q.from, 'start'),
      to: q.to === undefined ? undefined : dayOf(q.to, 'end'),
    });
    const asOf = new Date(store.now()).toISOString();
    const summary = q.summary
      ? summarizeCompliance(
          entries.map((e) => ({ regime: e.regime, agency: e.agency, period: e.period, status: e.status, deadline: e.deadline, deadlineMs: Date.parse(e.deadline), revisions: e.revisions, ...(e.lateByMs === null ? {} : { lateByMs: e.lateByMs }) })),
          q.summary,
        )
      : undefined;
    return out(complianceListSchema, { asOf, seq, entries, ...(summary ? { summary } : {}) });
  });
}
