import type { Socket } from 'socket.io';

/**
 * What the server holds for one socket.io client and has not handed to the kernel yet: the
 * engine.io socket's write buffer (packets queued while its transport is busy: for a
 * websocket, until the previous frame was written; for polling, until the next poll) plus,
 * on a websocket, what the `ws` socket still buffers (`bufferedAmount`). A client that
 * stops reading fills the kernel's socket buffers first (a few MB on loopback, bounded by
 * the system), then this.
 *
 * engine.io keeps `writeBuffer` private and its websocket transport's `socket` untyped: they
 * are read here, in one place, defensively (an unknown shape counts as nothing pending).
 * Text packets are counted in characters: the feed's JSON is nearly all ASCII, so about bytes.
 */
interface EngineInternals {
  writeBuffer?: ReadonlyArray<{ data?: unknown }>;
  transport?: { socket?: { bufferedAmount?: unknown } };
}

export function pendingBytes(socket: Pick<Socket, 'conn'>): number {
  const conn = socket.conn as unknown as EngineInternals;
  let bytes = 0;
  const queued = Array.isArray(conn.writeBuffer) ? conn.writeBuffer : [];
  for (const packet of queued) {
    const data = packet.data;
    if (typeof data === 'string') bytes += data.length;
    else if (data instanceof Uint8Array) bytes += data.byteLength;
  }
  const buffered = conn.transport?.socket?.bufferedAmount;
  if (typeof buffered === 'number' && Number.isFinite(buffered)) bytes += buffered;
  return bytes;
}
