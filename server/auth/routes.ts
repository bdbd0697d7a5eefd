import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { validateWith } from '../../shared/layout/load';
import { isAgencyCode } from '../../shared/agencies';
import { reportAgencySchema } from '../../shared/protocol/report';
import { roleSchema } from '../../shared/protocol/roles';
import type { TokenStore } from './tokens';

const createTokenSchema = z
  .object({
    role: roleSchema,
    agency: reportAgencySchema.refine((code) => isAgencyCode(code), 'unknown agency: a ministry code such as BTC, or P + the two-digit code of one of the 34 provinces').optional(),
    label: z.string().trim().min(1).max(120),
    /** Everything the token submits is marked demo (simulated) data. */
    demo: z.boolean().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.role === 'submitter' && !body.agency) {
      ctx.addIssue({ code: 'custom', path: ['agency'], message: 'a submitter token belongs to one agency' });
    }
    if (body.role !== 'submitter' && body.agency) {
      ctx.addIssue({ code: 'custom', path: ['agency'], message: 'only a submitter token belongs to an agency' });
    }
  });

/**
 * Token administration (admin only). A new token is returned once, in the 201 response;
 * only its hash is kept. Revoking a token also drops its open sockets.
 */
export function registerTokenRoutes(app: FastifyInstance, tokens: TokenStore, onRevoke: (tokenId: number) => void): void {
  const admin = { config: { roles: ['admin'] as const } };

  app.post('/api/v1/tokens', admin, async (request, reply) => {
    const parsed = validateWith(createTokenSchema, request.body);
    if (!parsed.ok) return reply.code(422).send({ error: 'the token request is not valid', errors: parsed.errors });
    const { token, info } = tokens.create({ role: parsed.value.role, agency: parsed.value.agency ?? null, label: parsed.value.label, demo: parsed.value.demo ?? false });
    request.log.info({ tokenId: info.tokenId, role: info.role, agency: info.agency, demo: info.demo }, 'token created');
    return reply.code(201).send({ token, ...info });
  });

  app.get('/api/v1/tokens', admin, async () => ({ tokens: tokens.list() }));

  app.delete<{ Params: { id: string } }>('/api/v1/tokens/:id', admin, async (request, reply) => {
    const id = Number(request.params.id);
    const outcome = Number.isSafeInteger(id) ? tokens.revoke(id) : 'not-found';
    if (outcome === 'not-found') return reply.code(404).send({ error: `no active token ${request.params.id}` });
    if (outcome === 'bootstrap') {
      return reply.code(409).send({ error: 'the admin and wall tokens come from the environment or the data folder; replace them there and restart' });
    }
    onRevoke(id);
    request.log.info({ tokenId: id }, 'token revoked');
    return reply.code(204).send();
  });
}
