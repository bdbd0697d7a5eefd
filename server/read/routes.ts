import { routes } from '../../shared/api';
import { dayOf, isTrue } from '../../shared/api/query';
import { AGENCIES, canonicalAgencyCode } from '../../shared/agencies';
import type { RegimeSummary } from '../../shared/protocol/report';
import { summarizeCompliance } from '../../shared/compliance/status';
import { nextDeadline, openPeriods } from '../../shared/regimes/calendar';
import { submissionCsvTemplate } from '../../shared/regimes/csv';
import { reportersOf } from '../../shared/regimes/reporters';
import type { Regime } from '../../shared/regimes/schema';
import { isSubmitter } from '../auth/tokens';
import type { ComplianceService } from '../compliance/service';
import type { Store } from '../db/store';
import { fail } from '../http/reply';
import type { Router } from '../http/route';

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
export function registerReadRoutes(router: Router, store: Store, compliance: ComplianceService, regimes: readonly Regime[]): void {
  router.route(routes.health.health).handle(() => ({ status: 200, body: { ok: true, seq: store.changes.head() } }));

  router.route(routes.catalogue.indicators).handle(() => ({ status: 200, body: { indicators: store.indicators.all() } }));

  router.route(routes.catalogue.regimes).handle(() => ({ status: 200, body: { regimes: regimes.map(regimeSummary) } }));

  const regimeOr404 = (code: string): Regime => compliance.regime(code) ?? fail('regime.not_found', { code });

  router.route(routes.catalogue.regime).handle(({ params }) => {
    const r = regimeOr404(params.code);
    const nowMs = store.now();
    const next = nextDeadline(r, nowMs);
    return {
      status: 200,
      body: {
        ...regimeSummary(r),
        reportersRule: r.reporters,
        legalBasis: r.legalBasis,
        fields: r.fields,
        ...(r.note ? { note: r.note } : {}),
        ...(r.reportingYear ? { reportingYear: r.reportingYear } : {}),
        csvHeader: ['region', ...r.fields.map((f) => f.indicator)].join(','),
        openPeriods: openPeriods(r, nowMs),
        nextDeadline: next ? { period: next.period, deadline: next.deadline.at, nominal: next.deadline.nominal, movedOver: next.deadline.movedOver } : null,
      },
    };
  });

  // An empty CSV to fill in: the header and one row per region the agency reports.
  router.route(routes.catalogue.regimeTemplate).handle(({ params, query, principal, reply }) => {
    const r = regimeOr404(params.code);
    const agency = query.agency ?? principal.agency ?? reportersOf(r)[0]!;
    const code = canonicalAgencyCode(agency);
    if (!code || !reportersOf(r).includes(code)) fail('regime.agency_not_reporter', { agency: JSON.stringify(agency), regime: r.code });
    reply.header('Content-Disposition', `attachment; filename="${r.code}-${code}.csv"`);
    return { status: 200, body: submissionCsvTemplate(r, code) };
  });

  router.route(routes.catalogue.agencies).handle(() => ({
    status: 200,
    body: {
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
    },
  }));

  router.route(routes.reads.observations).handle(({ query: q }) => {
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
    const observations = isTrue(q.history) ? store.observations.history(filter, limit) : store.observations.latest(filter, limit, q.historyYears);
    return { status: 200, body: { seq, observations } };
  });

  router.route(routes.reads.compliance).handle(({ query: q, principal }) => {
    let agencies = q.agency?.map((a) => canonicalAgencyCode(a) ?? a);
    if (isSubmitter(principal)) {
      if (agencies && agencies.some((a) => a !== principal.agency)) fail('compliance.agency_only', { agency: principal.agency ?? '' });
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
    return { status: 200, body: { asOf, seq, entries, ...(summary ? { summary } : {}) } };
  });
}
