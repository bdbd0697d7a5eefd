import { z } from 'zod';
import { layoutSchema } from '../layout/schema';
import { screenIdSchema, wallProfileSchema } from '../wall/profile';
import type { WallViewEvent } from '../wall/view';
import type { BriefingClientToServer, BriefingServerToClient } from './briefing';
import { agentReportSchema, type AgentStatus, type AssignmentEvent } from '../fleet/schema';
import type { FleetAlert, FleetBoard } from '../fleet/board';

/** The /control namespace: wall state (profile + active layout), owned by the server. */
export const CONTROL_NAMESPACE = '/control';

export const wallStateSchema = z.object({
  /** Increases with every accepted change of profile or layout. */
  revision: z.number().int().min(0),
  profile: wallProfileSchema,
  layout: layoutSchema,
  /** The library version of `layout` when it was published from the library; null for a layout from a file or the command line. */
  layoutVersion: z.number().int().min(1).nullable().optional(),
});
export type WallState = z.infer<typeof wallStateSchema>;

export const controlHelloSchema = z
  .object({
    client: z.enum(['wall', 'console', 'setup', 'presenter']),
    screenId: z.string().max(40).nullable(),
    host: z.string().max(120).nullable(),
    /** A display agent or a wall page of the fleet: who it is, its displays and windows (shared/fleet). */
    agent: agentReportSchema.optional(),
  })
  .strict();
export type ControlHello = z.infer<typeof controlHelloSchema>;
export type ControlHelloInput = z.input<typeof controlHelloSchema>;

/**
 * `error` is the English text; `code` a catalogue code (shared/errors); `errors` every fault
 * at its field (`$.agent.displays[0].scaleFactor`). A fleet member's ok carries what it must open.
 * A hello is a wall's first: when only its fleet part is refused (a token that may not report
 * hosts, a full fleet) the wall is still taken (ok) and `fleetRefused` says why it is not listed.
 */
export type ControlHelloReply =
  | { ok: true; assignment?: AssignmentEvent; fleetRefused?: ControlFieldError }
  | { ok: false; error: string; code: string; message_vi: string; errors?: ControlFieldError[] };

export interface ControlFieldError {
  path: string;
  code: string;
  message_vi: string;
  message_en: string;
}

/** The reply to a `status` update or to `watchFleet`. */
export type FleetStatusReply = { ok: true } | { ok: false; error: string; code: string; message_vi: string; errors?: ControlFieldError[] };
export type WatchFleetReply = { ok: true; board: FleetBoard } | { ok: false; error: string; code: string; message_vi: string };

/**
 * Presence: a console says which library layout it has open (null: none); the server keeps
 * the list per layout and sends `presence` to every console that has that layout open.
 */
export const openLayoutSchema = z
  .object({ layoutId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'layout id: lower-case letters, digits and dashes').nullable() })
  .strict();
export type OpenLayout = z.infer<typeof openLayoutSchema>;

/** At most this many viewers are listed per layout (and `total` says how many there are). */
export const MAX_PRESENCE_LISTED = 50;

export const presenceSchema = z.object({
  layoutId: z.string(),
  /** Who has it open, one entry per socket (the same person in two tabs is two entries), oldest first. */
  viewers: z.array(z.object({ socketId: z.string(), name: z.string(), kind: z.enum(['person', 'token']), since: z.string() })).max(MAX_PRESENCE_LISTED),
  total: z.number().int().min(0),
});
export type Presence = z.infer<typeof presenceSchema>;

export type OpenLayoutReply = { ok: true; presence: Presence | null } | { ok: false; error: string; code: string; message_vi: string };

/** The screens a command is for: absent = the whole wall. Bounded like a profile's screens. */
export const commandScreensSchema = z.array(screenIdSchema).min(1).max(64).optional();

/** A clock reading in ms since 1970 that fits a Date. */
const epochMs = z.number().int().min(0).max(8.64e15);

/**
 * Identify: every targeted screen shows, huge, its screen id, host, display and resolution
 * until `until` (server clock, ms) or until a newer identify (`until` 0) dismisses it.
 * `seq` increases with every command, so a page (and a test) can tell a new one apart.
 */
export const identifyEventSchema = z
  .object({ seq: z.number().int().min(0), until: epochMs, screens: commandScreensSchema, by: z.string().max(200).optional() })
  .strict();
export type IdentifyEvent = z.infer<typeof identifyEventSchema>;

export const TEST_PATTERNS = ['alignment-grid', 'checkerboard', 'colour-bars', 'grey-ramp', 'text-ladder'] as const;
export const testPatternNameSchema = z.enum(TEST_PATTERNS);
export type TestPatternName = z.infer<typeof testPatternNameSchema>;

/** A test pattern drawn on the wall canvas (null: back to the layout). */
export const testPatternEventSchema = z
  .object({ seq: z.number().int().min(0), pattern: testPatternNameSchema.nullable(), screens: commandScreensSchema, by: z.string().max(200).optional() })
  .strict();
export type TestPatternEvent = z.infer<typeof testPatternEventSchema>;

export interface ControlServerToClient extends BriefingServerToClient {
  wallState: (state: WallState) => void;
  presence: (presence: Presence) => void;
  /** Sent on connect (the current one) and on every command. */
  identify: (event: IdentifyEvent) => void;
  testPattern: (event: TestPatternEvent) => void;
  /** Sent on connect and on every change: freeze, province, enlarged tile (shared/wall/view.ts). */
  wallView: (view: WallViewEvent) => void;
  /** To a fleet member: which of its displays show which screens (after a hello, and on every change of the map). */
  assignment: (event: AssignmentEvent) => void;
  /** To a console watching the fleet: the board, when a screen's state changes. */
  fleetBoard: (board: FleetBoard) => void;
  /** To a console watching the fleet: a screen went dark (red) or came back. */
  fleetAlert: (alert: FleetAlert) => void;
}

export interface ControlClientToServer extends BriefingClientToServer {
  hello: (hello: ControlHello, ack: (reply: ControlHelloReply) => void) => void;
  openLayout: (open: OpenLayout, ack?: (reply: OpenLayoutReply) => void) => void;
  /** A fleet member's periodic update, after a hello with `agent` (shared/fleet/schema.ts agentStatusSchema). */
  status: (status: AgentStatus, ack?: (reply: FleetStatusReply) => void) => void;
  /** A console (technician, operator, admin) asks for the board and its alerts. */
  watchFleet: (ack: (reply: WatchFleetReply) => void) => void;
}
