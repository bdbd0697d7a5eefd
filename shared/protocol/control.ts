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

export interface ControlServerToClient {
  wallState: (state: WallState) => void;
}

export interface ControlClientToServer {
  hello: (hello: ControlHello, ack: (reply: ControlHelloReply) => void) => void;
}
