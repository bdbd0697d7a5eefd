import { z } from 'zod';
import { VIEWER_ROLES } from '../protocol/roles';
import { defineRoute, empty, json } from './route';

/**
 * The top of a TopoJSON document: enough to refuse what is not one. Its provinces are
 * checked where they are drawn (shared/geo/provinces.ts), with reasons a tile can show.
 */
export const topologyReplySchema = z.looseObject({
  type: z.literal('Topology'),
  objects: z.record(z.string(), z.unknown()),
  arcs: z.array(z.unknown()),
});

export const geoRoutes = {
  provinces: defineRoute({
    name: 'geo.provinces',
    method: 'GET',
    path: '/api/v1/geo/provinces',
    access: VIEWER_ROLES,
    summary: 'The TopoJSON of the 34 provinces, with an ETag (If-None-Match → 304).',
    headers: ['if-none-match'],
    replies: { 200: json(topologyReplySchema), 304: empty() },
  }),
} as const;
