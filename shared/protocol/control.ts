import { z } from 'zod';
import { layoutSchema } from '../layout/schema';
import { wallProfileSchema } from '../wall/profile';

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
  })
  .strict();
export type ControlHello = z.infer<typeof controlHelloSchema>;

/** `error` is the English text; `code` a catalogue code (shared/errors). */
export type ControlHelloReply = { ok: true } | { ok: false; error: string; code: string; message_vi: string };

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

export interface ControlServerToClient {
  wallState: (state: WallState) => void;
  presence: (presence: Presence) => void;
}

export interface ControlClientToServer {
  hello: (hello: ControlHello, ack: (reply: ControlHelloReply) => void) => void;
  openLayout: (open: OpenLayout, ack?: (reply: OpenLayoutReply) => void) => void;
}
