import { z } from 'zod';
import { sequenceSchema } from '../protocol/feed';
import { defineRoute, json } from './route';

export const healthReplySchema = z.object({ ok: z.literal(true), seq: sequenceSchema });

export const healthRoutes = {
  health: defineRoute({
    name: 'health.get',
    method: 'GET',
    path: '/api/v1/health',
    access: 'public',
    summary: 'Liveness and the change log head; the only route without a token.',
    replies: { 200: json(healthReplySchema) },
  }),
} as const;
