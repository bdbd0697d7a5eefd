import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { briefingGate, type GateSocket } from '../../renderer/feed/briefing-gate';

/**
 * A wall window's side of a scene switch: it acks a prepare, estimates its offset from the
 * server's clock from pings, and holds the wall state and view that follow a commit until
 * the commit time in its own clock. The window's clock is a fake, 500 ms behind the server.
 */
const OFFSET = 500;
let local = 10_000;
const dataset: Record<string, string> = {};
const win = {
  performance: { timeOrigin: 0, now: () => local },
  requestAnimationFrame: (cb: () => void) => cb(),
  document: { documentElement: { dataset } },
} as unknown as Window;

function fakeSocket() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const socket: GateSocket = {
    on: (event: string, listener: (...args: never[]) => void) => handlers.set(event, listener as (...args: unknown[]) => void),
    // The server answers at once with its clock; the round trip is 0 in the fake.
    timeout: () => ({ emit: (_e: string, _sentAt: number, ack: (error: Error | null, serverNow: number) => void) => ack(null, local + OFFSET) }),
  } as GateSocket;
  return { socket, fire: (event: string, ...args: unknown[]) => handlers.get(event)!(...args) };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('briefing gate', () => {
  it('acks a prepare, then holds changes after a commit until the commit time in its own clock', () => {
    const { socket, fire } = fakeSocket();
    const gate = briefingGate(socket, win);
    gate.connected();
    const acks: unknown[] = [];
    fire('briefingPrepare', { switchId: 3, layout: { nope: true }, view: { enlargedTileId: null, province: null } }, (r: unknown) => acks.push(r));
    expect(acks).toEqual([{ switchId: 3, ok: false }]);

    const applied: string[] = [];
    gate.apply(() => applied.push('before'));
    // Commit at server time local + OFFSET + 120: 120 ms from now in this window's clock.
    fire('briefingCommit', { switchId: 3, at: local + OFFSET + 120 });
    gate.apply(() => applied.push('state'));
    gate.apply(() => applied.push('view'));
    expect(applied).toEqual(['before']);
    vi.advanceTimersByTime(119);
    expect(applied).toEqual(['before']);
    local += 120;
    vi.advanceTimersByTime(1);
    expect(applied).toEqual(['before', 'state', 'view']);
    expect(dataset.briefingSwap).toBe(`3:${local}`);
    expect(dataset.clockOffset).toBe(`${OFFSET}:0`);
    gate.apply(() => applied.push('after'));
    expect(applied.at(-1)).toBe('after');
    gate.close();
  });
});
