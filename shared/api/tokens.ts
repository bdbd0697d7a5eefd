import { z } from 'zod';
import { isAgencyCode } from '../agencies';
import { errorText } from '../errors';
import { reportAgencySchema } from '../protocol/report';
import { ADMIN_ROLES, tokenRoleSchema } from '../protocol/roles';
import { defineRoute, empty, json } from './route';

export const tokenInfoSchema = z.object({
  tokenId: z.number().int(),
  role: tokenRoleSchema,
  agency: z.string().nullable(),
  label: z.string(),
  demo: z.boolean(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  bootstrap: z.enum(['admin', 'wall']).nullable(),
});
export const tokenCreatedSchema = tokenInfoSchema.extend({ token: z.string() });
export const tokenListSchema = z.object({ tokens: z.array(tokenInfoSchema) });

export const createTokenSchema = z
  .object({
    role: tokenRoleSchema,
    agency: reportAgencySchema.refine((code) => isAgencyCode(code), 'unknown agency: a ministry code such as BTC, or P + the two-digit code of one of the 34 provinces').optional(),
    label: z.string().trim().min(1).max(120),
    /** Everything the token submits is marked demo (simulated) data. */
    demo: z.boolean().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.role === 'submitter' && !body.agency) {
      ctx.addIssue({ code: 'custom', path: ['agency'], message: errorText('token.submitter_agency').en, params: { errorCode: 'token.submitter_agency' } });
    }
    if (body.role !== 'submitter' && body.agency) {
      ctx.addIssue({ code: 'custom', path: ['agency'], message: errorText('token.agency_only_submitter').en, params: { errorCode: 'token.agency_only_submitter' } });
    }
  });

/** Token administration (admin only); a new token is shown once, in the 201 reply. */
export const tokenRoutes = {
  create: defineRoute({
    name: 'tokens.create',
    method: 'POST',
    path: '/api/v1/tokens',
    access: ADMIN_ROLES,
    summary: 'Create a token (its secret is in this reply only).',
    body: { schema: createTokenSchema, check: 'route' },
    replies: { 201: json(tokenCreatedSchema) },
  }),
  list: defineRoute({
    name: 'tokens.list',
    method: 'GET',
    path: '/api/v1/tokens',
    access: ADMIN_ROLES,
    summary: 'Every token, revoked ones included, without secrets.',
    replies: { 200: json(tokenListSchema) },
  }),
  revoke: defineRoute({
    name: 'tokens.revoke',
    method: 'DELETE',
    path: '/api/v1/tokens/:id',
    access: ADMIN_ROLES,
    summary: 'Revoke a token and drop its open sockets.',
    params: z.object({ id: z.string().max(20) }),
    replies: { 204: empty() },
  }),
} as const;
