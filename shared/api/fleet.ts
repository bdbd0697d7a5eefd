import { z } from 'zod';
import { fleetViewSchema, sightingListSchema } from '../fleet/board';
import { assignmentsRequestSchema, hostIdSchema, storedAssignmentSchema } from '../fleet/schema';
import { SETUP_ROLES, type Role } from '../protocol/roles';
import { defineRoute, json } from './route';

/**
 * The display fleet (issue 9, docs/console.md "The display fleet"): the hosts and displays
 * the agents reported, the health board, the sightings, and the map of displays to wall
 * screens. Technicians and admins change the map; operators read (the health board is theirs too).
 */
export const FLEET_WRITE_ROLES: readonly Role[] = ['technician', 'admin'];

export const sightingsQuerySchema = z
  .object({ hostId: hostIdSchema.optional(), limit: z.coerce.number().int().min(1).max(200).optional() })
  .strict();

export const fleetRoutes = {
  view: defineRoute({
    name: 'fleet.view',
    method: 'GET',
    path: '/api/v1/fleet',
    access: SETUP_ROLES,
    summary: 'Every host seen (live or gone) with its displays and windows, the display map, and the health board.',
    replies: { 200: json(fleetViewSchema) },
  }),
  sightings: defineRoute({
    name: 'fleet.sightings',
    method: 'GET',
    path: '/api/v1/fleet/sightings',
    access: SETUP_ROLES,
    summary: 'When each host was first seen, seen again and went away, with what it reported; newest first.',
    query: sightingsQuerySchema,
    replies: { 200: json(sightingListSchema) },
  }),
  assign: defineRoute({
    name: 'fleet.assign',
    method: 'PUT',
    path: '/api/v1/fleet/assignments',
    access: FLEET_WRITE_ROLES,
    summary: 'Replace the map of displays to wall screens (audited); each agent is told what to open. A display or screen assigned twice, or an unknown screen, is refused whole.',
    body: { schema: assignmentsRequestSchema, check: 'route' },
    replies: { 200: json(z.object({ assignments: z.array(storedAssignmentSchema) })) },
  }),
} as const;
