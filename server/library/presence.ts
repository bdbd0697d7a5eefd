import { appError } from '../../shared/errors';
import type { Logger } from '../../shared/log';
import { MAX_PRESENCE_LISTED, openLayoutSchema, type OpenLayoutReply, type Presence } from '../../shared/protocol/control';
import { actorOf } from '../audit/actor';
import type { ControlNamespace } from '../wall/control';

interface Viewer {
  socketId: string;
  name: string;
  kind: 'person' | 'token';
  since: string;
}

const room = (layoutId: string) => `layout:${layoutId}`;

/**
 * Who has which library layout open ("Nguyễn Văn B đang mở bố cục này"): a console sends
 * `openLayout` on /control; the server keeps one open layout per socket (bounded by the
 * sockets), and sends `presence` to every socket that has the same layout open, on each
 * open, close and disconnect. Memory only: presence is of the sockets connected now.
 */
export function attachPresence(nsp: ControlNamespace, log: Logger, now: () => number = Date.now): { of(layoutId: string): Presence } {
  const open = new Map<string, Map<string, Viewer>>();
  const bySocket = new Map<string, string>();

  const presenceOf = (layoutId: string): Presence => {
    const viewers = [...(open.get(layoutId)?.values() ?? [])];
    return { layoutId, viewers: viewers.slice(0, MAX_PRESENCE_LISTED), total: viewers.length };
  };
  const push = (layoutId: string) => nsp.to(room(layoutId)).emit('presence', presenceOf(layoutId));
  const leave = (socketId: string): string | null => {
    const layoutId = bySocket.get(socketId);
    if (layoutId === undefined) return null;
    bySocket.delete(socketId);
    const viewers = open.get(layoutId);
    viewers?.delete(socketId);
    if (viewers && viewers.size === 0) open.delete(layoutId);
    return layoutId;
  };

  nsp.on('connection', (socket) => {
    socket.on('openLayout', (raw, ack) => {
      const reply = (r: OpenLayoutReply) => {
        if (typeof ack === 'function') ack(r);
      };
      const parsed = openLayoutSchema.safeParse(raw);
      if (!parsed.success) {
        const detail = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || 'openLayout'}: ${i.message}`).join('; ');
        const error = appError('control.open_layout_invalid', { detail });
        log.warn('presence: refused openLayout', { socket: socket.id, detail });
        return reply({ ok: false, error: error.message_en, code: error.code, message_vi: error.message_vi });
      }
      const { layoutId } = parsed.data;
      const left = leave(socket.id);
      if (left !== null) {
        void socket.leave(room(left));
        if (left !== layoutId) push(left);
      }
      if (layoutId === null) return reply({ ok: true, presence: null });
      const actor = actorOf(socket.data.principal);
      const viewers = open.get(layoutId) ?? new Map<string, Viewer>();
      open.set(layoutId, viewers);
      viewers.set(socket.id, { socketId: socket.id, name: actor.name, kind: actor.kind === 'person' ? 'person' : 'token', since: new Date(now()).toISOString() });
      bySocket.set(socket.id, layoutId);
      void socket.join(room(layoutId));
      push(layoutId);
      reply({ ok: true, presence: presenceOf(layoutId) });
    });
    socket.on('disconnect', () => {
      const left = leave(socket.id);
      if (left !== null) push(left);
    });
  });
  return { of: presenceOf };
}
