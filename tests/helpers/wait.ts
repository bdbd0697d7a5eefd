/**
 * The one place tests wait. A test waits for something to happen (an event, a sequence
 * number, a condition), never for time to pass: a fixed sleep is too short on a busy
 * machine and too long on an idle one. To show that something did NOT happen, make the
 * system produce a later marker (the next change of the feed, the next revision, a
 * message sent after it) and check that nothing else came before it: a socket delivers in
 * order, so once the marker is in, whatever came before it is in too.
 */
import type { Socket } from 'socket.io-client';

/** How often a poll looks again. Short: a poll is a wait on a condition, not a delay. */
const POLL_MS = 10;

const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `check` (which may throw or reject while not yet true) until it returns; a timeout
 * says what was awaited and the last failure.
 */
export async function eventually<T>(check: () => T | Promise<T>, what: string, timeoutMs = 5000, everyMs = POLL_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms (last: ${last instanceof Error ? last.message : String(last)})`);
    await tick(everyMs);
  }
}

/** Polls until `check` returns true. */
export async function waitFor(check: () => boolean, ms = 3000, what = 'condition'): Promise<void> {
  await eventually(
    () => {
      if (!check()) throw new Error(`not yet: ${what}`);
    },
    `timed out waiting for ${what}`,
    ms,
  );
}

/** Resolves with the next `event` on the socket (or rejects after `ms`). */
export function nextEvent<T>(socket: Socket, event: string, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no "${event}" within ${ms} ms`));
    }, ms);
    socket.once(event, listener);
  });
}

/** Collects every `event` payload from now on. */
export function collect<T>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => void seen.push(payload));
  return seen;
}
