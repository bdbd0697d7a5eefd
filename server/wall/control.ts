import type { Logger } from '../../shared/log';
import type { Namespace } from 'socket.io';
import { appError } from '../../shared/errors';
import { controlHelloSchema, type ControlClientToServer, type ControlHelloReply, type ControlServerToClient } from '../../shared/protocol/control';
import type { SocketAuthData } from '../auth/guard';
import type { WallCommands } from './commands';
import type { WallStateStore } from './state';
import type { WallViewStore } from './view';

export type ControlNamespace = Namespace<ControlClientToServer, ControlServerToClient, Record<string, never>, SocketAuthData & { hello?: unknown }>;

/**
 * The /control namespace: each socket gets the current wall state as soon as it connects,
 * and every accepted change afterwards. `hello` tells the server who is on the other end
 * (logged; the display agent's screen mapping will build on it).
 */
export function attachControl(nsp: ControlNamespace, wall: WallStateStore, log: Logger, commands?: WallCommands, views?: WallViewStore): () => void {
  nsp.on('connection', (socket) => {
    socket.emit('wallState', wall.get());
    if (views) socket.emit('wallView', views.get());
    // The technician's current commands, so a page that (re)connects mid-test shows them too.
    if (commands) {
      socket.emit('identify', commands.identifyNow);
      socket.emit('testPattern', commands.testPatternNow);
    }
    socket.on('hello', (raw, ack) => {
      const reply = (r: ControlHelloReply) => {
        if (typeof ack === 'function') ack(r);
      };
      const parsed = controlHelloSchema.safeParse(raw);
      if (!parsed.success) {
        const detail = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || 'hello'}: ${i.message}`).join('; ');
        const error = appError('control.hello_invalid', { detail });
        log.warn('control: refused hello', { code: error.code, socket: socket.id, detail });
        return reply({ ok: false, error: error.message_en, code: error.code, message_vi: error.message_vi });
      }
      socket.data.hello = parsed.data;
      log.info('control: hello', { socket: socket.id, roles: socket.data.principal.roles, ...parsed.data });
      reply({ ok: true });
    });
  });
  const stopState = wall.onChange((state) => nsp.emit('wallState', state));
  const stopView = views?.onChange((view) => nsp.emit('wallView', view));
  const stopCommands = commands?.onCommand((event) => {
    if ('identify' in event) nsp.emit('identify', event.identify);
    else nsp.emit('testPattern', event.testPattern);
  });
  return () => {
    stopState();
    stopView?.();
    stopCommands?.();
  };
}
