import type { Logger } from '../../shared/log';
import type { Namespace } from 'socket.io';
import { appError, type FieldError } from '../../shared/errors';
import { issuesToFieldErrors } from '../../shared/errors/issues';
import type { AgentReport, AssignmentEvent } from '../../shared/fleet/schema';
import { controlHelloSchema, type ControlClientToServer, type ControlHelloReply, type ControlServerToClient } from '../../shared/protocol/control';
import type { SocketAuthData } from '../auth/guard';
import type { WallCommands } from './commands';
import type { WallStateStore } from './state';
import type { WallViewStore } from './view';

export type ControlNamespace = Namespace<ControlClientToServer, ControlServerToClient, Record<string, never>, SocketAuthData & { hello?: unknown }>;

/** The display fleet's part of a hello (server/fleet/service.ts): records the member, says what it opens. */
export interface FleetHello {
  hello(socket: Parameters<Parameters<ControlNamespace['on']>[1]>[0], agent: AgentReport): AssignmentEvent | { refused: FieldError };
}

/**
 * The /control namespace: each socket gets the current wall state as soon as it connects,
 * and every accepted change afterwards. `hello` tells the server who is on the other end
 * (logged; the display agent's screen mapping will build on it).
 */
export function attachControl(nsp: ControlNamespace, wall: WallStateStore, log: Logger, commands?: WallCommands, views?: WallViewStore, fleet?: FleetHello): () => void {
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
        // Every fault at its field, with the paths the server uses everywhere ($.agent.displays[0].id).
        const errors = issuesToFieldErrors(parsed.error.issues, 'json', 20).map(({ path, code, message_vi, message_en }) => ({ path, code, message_vi, message_en }));
        const detail = errors.slice(0, 10).map((e) => `${e.path}: ${e.message_en}`).join('; ');
        const error = appError('control.hello_invalid', { detail });
        log.warn('control: refused hello', { code: error.code, socket: socket.id, detail });
        return reply({ ok: false, error: error.message_en, code: error.code, message_vi: error.message_vi, errors });
      }
      socket.data.hello = parsed.data;
      const { agent, ...who } = parsed.data;
      log.info('control: hello', { socket: socket.id, roles: socket.data.principal.roles, ...who, ...(agent ? { hostId: agent.hostId } : {}) });
      if (agent && fleet) {
        const joined = fleet.hello(socket, agent);
        if ('refused' in joined) {
          // The wall is taken; only its listing in the fleet is refused, and said so.
          const { path, code, message_vi, message_en } = joined.refused;
          log.warn('control: hello taken, not listed in the fleet', { socket: socket.id, code });
          return reply({ ok: true, fleetRefused: { path, code, message_vi, message_en } });
        }
        return reply({ ok: true, assignment: joined });
      }
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
