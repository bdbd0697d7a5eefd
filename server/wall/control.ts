import type { FastifyBaseLogger } from 'fastify';
import type { Namespace } from 'socket.io';
import { controlHelloSchema, type ControlClientToServer, type ControlServerToClient } from '../../shared/protocol/control';
import type { SocketAuthData } from '../auth/guard';
import type { WallStateStore } from './state';

export type ControlNamespace = Namespace<ControlClientToServer, ControlServerToClient, Record<string, never>, SocketAuthData & { hello?: unknown }>;

/**
 * The /control namespace: each socket gets the current wall state as soon as it connects,
 * and every accepted change afterwards. `hello` tells the server who is on the other end
 * (logged; the display agent's screen mapping will build on it).
 */
export function attachControl(nsp: ControlNamespace, wall: WallStateStore, log: FastifyBaseLogger): () => void {
  nsp.on('connection', (socket) => {
    socket.emit('wallState', wall.get());
    socket.on('hello', (raw, ack) => {
      const reply = (r: { ok: true } | { ok: false; error: string }) => {
        if (typeof ack === 'function') ack(r);
      };
      const parsed = controlHelloSchema.safeParse(raw);
      if (!parsed.success) {
        const error = parsed.error.issues.map((i) => `${i.path.join('.') || 'hello'}: ${i.message}`).join('; ');
        log.warn({ socket: socket.id, error }, 'control: refused hello');
        return reply({ ok: false, error });
      }
      socket.data.hello = parsed.data;
      log.info({ socket: socket.id, role: socket.data.principal.role, ...parsed.data }, 'control: hello');
      reply({ ok: true });
    });
  });
  return wall.onChange((state) => nsp.emit('wallState', state));
}
