import { z } from 'zod';
import { agentReportSchema, fleetWindowSchema, storedAssignmentSchema } from './schema';

/** What the server says about the fleet: GET /api/v1/fleet, and the `fleetBoard` / `fleetAlert` events on /control. */

export const healthLevelSchema = z.enum(['green', 'amber', 'red']);
export const healthReasonSchema = z.enum(['no-window', 'host-gone', 'disconnected', 'fps-low', 'report-stale', 'heap-growing', 'restarted']);

export const screenHealthSchema = z.object({
  screenId: z.string(),
  level: healthLevelSchema,
  reasons: z.array(healthReasonSchema),
  hostId: z.string().nullable(),
  since: z.string(),
});

export const fleetHostSchema = z.object({
  hostId: z.string(),
  hostName: z.string(),
  kind: agentReportSchema.shape.kind,
  appVersion: z.string(),
  connected: z.boolean(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** When it went away (its last socket closed), null while connected. */
  goneAt: z.string().nullable(),
  displays: agentReportSchema.shape.displays,
  windows: z.array(fleetWindowSchema),
});
export type FleetHost = z.infer<typeof fleetHostSchema>;

export const fleetBoardSchema = z.object({
  /** The wall's screens in profile order. */
  screens: z.array(screenHealthSchema),
  evaluatedAt: z.string(),
});
export type FleetBoard = z.infer<typeof fleetBoardSchema>;

export const fleetViewSchema = z.object({
  hosts: z.array(fleetHostSchema),
  assignments: z.array(storedAssignmentSchema),
  board: fleetBoardSchema,
});
export type FleetView = z.infer<typeof fleetViewSchema>;

/** A screen went dark (red), or came back from it: pushed to every console watching the fleet. */
export const fleetAlertSchema = z.object({
  screenId: z.string(),
  level: healthLevelSchema,
  from: healthLevelSchema.nullable(),
  reasons: z.array(healthReasonSchema),
  hostId: z.string().nullable(),
  at: z.string(),
});
export type FleetAlert = z.infer<typeof fleetAlertSchema>;

export const sightingSchema = z.object({
  id: z.number().int(),
  hostId: z.string(),
  event: z.enum(['first-seen', 'seen', 'gone']),
  at: z.string(),
  report: z.unknown(),
});
export type Sighting = z.infer<typeof sightingSchema>;
export const sightingListSchema = z.object({ sightings: z.array(sightingSchema) });
