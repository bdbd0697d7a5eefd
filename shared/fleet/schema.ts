import { z } from 'zod';
import { screenIdSchema } from '../wall/profile';

/**
 * The display fleet (issue 9): what every display agent (main/) and every browser wall page
 * says about itself on /control, in its `hello` (`agent`) and in periodic `status` updates.
 * Bounded everywhere (a host reports at most 16 displays and 16 windows, every text capped),
 * so a status stays a few kilobytes; the server refuses anything larger whole, naming the field.
 */

export const MAX_DISPLAYS = 16;
export const MAX_WINDOWS = 16;
/** How often an agent sends `status`, unless it says otherwise in its hello. */
export const DEFAULT_STATUS_EVERY_MS = 5_000;

const epochMs = z.number().int().min(0).max(8.64e15);
const px = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(0).max(100_000);
const rect = z.object({ x: px, y: px, width: size, height: size }).strict();

/** A stable id for a host: the agent keeps it in its data folder, a browser in localStorage. */
export const hostIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'host id: letters, digits, dot, dash and underscore, at most 64');
/** A display id: Electron's display id (an integer), as a browser page uses 0. */
export const displayIdSchema = z.number().int().min(-2_147_483_648).max(4_294_967_295);

export const fleetDisplaySchema = z
  .object({
    id: displayIdSchema,
    /** Device-independent pixels on the host's virtual desktop, rotation applied. */
    bounds: rect,
    workArea: rect,
    scaleFactor: z.number().min(0.25).max(8),
    rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
    /** Physical pixels (bounds × scale factor). */
    resolution: z.object({ width: size, height: size }).strict(),
    internal: z.boolean(),
  })
  .strict();
export type FleetDisplay = z.infer<typeof fleetDisplaySchema>;

export const connectionStateSchema = z.enum(['connected', 'connecting', 'disconnected']);

export const fleetWindowSchema = z
  .object({
    /** The wall screen it shows ("all" for a preview window). */
    screenId: z.string().min(1).max(40),
    displayId: displayIdSchema.nullable(),
    connection: connectionStateSchema,
    lastSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
    fps: z.number().min(0).max(1000).nullable(),
    heapMb: z.number().min(0).max(1_000_000).nullable(),
    restarts: z.number().int().min(0).max(1_000_000),
    lastError: z.object({ at: epochMs, kind: z.string().max(40), detail: z.string().max(300) }).strict().nullable(),
    /** When the window last drew a frame (agent clock), null before the first. */
    lastFrameAt: epochMs.nullable().optional(),
  })
  .strict();
export type FleetWindow = z.infer<typeof fleetWindowSchema>;

/** What an agent or wall page says about itself in its hello. */
export const agentReportSchema = z
  .object({
    kind: z.enum(['agent', 'browser']),
    hostId: hostIdSchema,
    hostName: z.string().min(1).max(120),
    appVersion: z.string().min(1).max(40),
    /** How often it will send `status`; the server counts a report older than twice this as stale. */
    statusEveryMs: z.number().int().min(1_000).max(300_000).default(DEFAULT_STATUS_EVERY_MS),
    displays: z.array(fleetDisplaySchema).max(MAX_DISPLAYS),
    windows: z.array(fleetWindowSchema).max(MAX_WINDOWS),
  })
  .strict();
export type AgentReport = z.infer<typeof agentReportSchema>;
export type AgentReportInput = z.input<typeof agentReportSchema>;

/** A periodic update: its windows now (and its displays, when they changed). */
export const agentStatusSchema = z
  .object({
    windows: z.array(fleetWindowSchema).max(MAX_WINDOWS),
    displays: z.array(fleetDisplaySchema).max(MAX_DISPLAYS).optional(),
  })
  .strict();
export type AgentStatus = z.infer<typeof agentStatusSchema>;

/** One wall screen shown by one display of one host. */
export const assignmentSchema = z.object({ screenId: screenIdSchema, hostId: hostIdSchema, displayId: displayIdSchema }).strict();
export type Assignment = z.infer<typeof assignmentSchema>;

/** The whole map, replaced at once (at most one entry per screen of the largest profile). */
export const assignmentsRequestSchema = z.object({ assignments: z.array(assignmentSchema).max(64) }).strict();
export type AssignmentsRequest = z.infer<typeof assignmentsRequestSchema>;

export const storedAssignmentSchema = assignmentSchema.extend({ by: z.string(), at: z.string() });
export type StoredAssignment = z.infer<typeof storedAssignmentSchema>;

/**
 * What the server tells one agent to open: its screens on its displays. `managed` is true
 * once any display of the wall is assigned: from then on the agent draws only what it is told.
 */
export const assignmentEventSchema = z
  .object({ hostId: hostIdSchema, managed: z.boolean(), screens: z.array(z.object({ screenId: screenIdSchema, displayId: displayIdSchema }).strict()).max(64) })
  .strict();
export type AssignmentEvent = z.infer<typeof assignmentEventSchema>;
