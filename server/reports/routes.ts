import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/store';
import { ingestReport } from './ingest';
import { validateReport, vietnamToday } from './validate';

/**
 * POST /api/v1/reports: a submitter for its own agency, an operator or admin for any.
 * 422 lists every problem and stores nothing; 201 after the commit, by which time the
 * changes have already been pushed to the subscribed walls.
 */
export function registerReportRoutes(app: FastifyInstance, store: Store): void {
  app.post('/api/v1/reports', { config: { roles: ['submitter', 'operator', 'admin'] } }, async (request, reply) => {
    const principal = request.principal!;
    const checked = validateReport(request.body, {
      principal,
      indicators: store.indicators.byCode(),
      today: vietnamToday(),
    });
    if (!checked.ok) {
      request.log.info({ agency: principal.agency, errors: checked.errors.length }, 'report refused');
      return reply.code(422).send({ error: `the report has ${checked.errors.length} problem(s); nothing was stored`, errors: checked.errors });
    }
    const ingested = ingestReport(store, checked.report, principal);
    request.log.info({ submissionId: ingested.submissionId, agency: checked.report.agency, values: ingested.observations.length, seq: ingested.seq }, 'report accepted');
    return reply.code(201).send(ingested);
  });
}
