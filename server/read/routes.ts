import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { validateWith } from '../../shared/layout/load';
import { periodSchema } from '../../shared/period';
import { indicatorCodeSchema, regionCodeSchema } from '../../shared/protocol/codes';
import { ALL_ROLES, VIEWER_ROLES } from '../auth/guard';
import type { Store } from '../db/store';

const observationQuerySchema = z
  .object({
    indicator: indicatorCodeSchema.optional(),
    region: regionCodeSchema.optional(),
    period: periodSchema.optional(),
    history: z.enum(['0', '1']).optional(),
  })
  .strict();

/** Read endpoints: health (no token), indicators (any role), observations (viewers). */
export function registerReadRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/v1/health', { config: { public: true } }, async () => ({ ok: true, seq: store.changes.head() }));

  // Every role: a submitter needs the codes and units it reports against.
  app.get('/api/v1/indicators', { config: { roles: ALL_ROLES } }, async () => ({ indicators: store.indicators.all() }));

  app.get('/api/v1/observations', { config: { roles: VIEWER_ROLES } }, async (request, reply) => {
    const query = validateWith(observationQuerySchema, request.query);
    if (!query.ok) return reply.code(400).send({ error: 'bad query', errors: query.errors });
    const { indicator, region, period, history } = query.value;
    const filter = { indicators: indicator ? [indicator] : null, regions: region ? [region] : null, periods: period ? [period] : null };
    // Read the head first: the rows returned are at least as new as it.
    const seq = store.changes.head();
    const observations = history === '1' ? store.observations.history(filter) : store.observations.latest(filter);
    return { seq, observations };
  });
}
