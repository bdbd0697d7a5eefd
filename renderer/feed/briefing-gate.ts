import { ClockEstimator } from '../../shared/briefing/clock';
import { briefingCommitSchema, briefingPrepareSchema, PREPARE_WAIT_MS, type BriefingPrepare, type BriefingPrepareAck } from '../../shared/protocol/briefing';
import { rendererLog } from '../log';

/** What the gate needs of the /control socket (socket.ts opens it; this module only listens and pings). */
export interface GateSocket {
  on(event: 'briefingPrepare', listener: (payload: unknown, ack: (reply: BriefingPrepareAck) => void) => void): unknown;
  on(event: 'briefingCommit', listener: (payload: unknown) => void): unknown;
  timeout(ms: number): { emit(event: 'clockPing', sentAt: number, ack: (error: Error | null, serverNow: number) => void): unknown };
}

/** What the page does with a switch (socket.ts hands the store's): mount the scene off screen, then show it. */
export interface GateScenes {
  /** Mounts the prepared scene hidden; resolves once it is mounted and painted (false: it could not be). */
  prepare(prepare: BriefingPrepare): Promise<boolean>;
  /** At the commit time, with the held wall state and view, in the same task: the mounted scene is shown. */
  commit(switchId: number): void;
}

/** The ack goes before the server stops waiting (PREPARE_WAIT_MS), mounted or not: a slow window must not hold the others. */
const PREPARE_ACK_BY_MS = PREPARE_WAIT_MS - 300;

/** Pings while connected: a burst at first for a quick estimate, then one every few seconds to follow drift. */
const PING_EVERY_MS = 2000;
const PING_TIMEOUT_MS = 2000;

/**
 * A wall window's side of switching together (shared/protocol/briefing.ts): on a prepare
 * it has the page mount the scene off screen (`scenes.prepare`) and acks once that is
 * done, keeps its clock offset from the server, and on a commit holds the wall state and
 * view that follow until the commit time in its own clock, then applies them in one go
 * with `scenes.commit`, which shows the already mounted scene. The frame it swapped on is
 * written to `<html data-briefing-swap="switchId:epochMs">` (performance.timeOrigin + now
 * in that frame's callback) and `data-briefing-swap-frame="switchId:epochMs"` (the frame's
 * own timestamp) for the browser test and the bench.
 */
export function briefingGate(socket: GateSocket, win: Window = window, scenes?: GateScenes) {
  const clock = new ClockEstimator();
  let held: Array<() => void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pinger: ReturnType<typeof setInterval> | null = null;

  const ping = () => {
    const t0 = win.performance.timeOrigin + win.performance.now();
    socket.timeout(PING_TIMEOUT_MS).emit('clockPing', t0, (error, serverNow) => {
      if (error || typeof serverNow !== 'number') return;
      clock.add({ t0, t1: serverNow, t2: win.performance.timeOrigin + win.performance.now() });
    });
  };

  const flush = (switchId: number) => {
    timer = null;
    const queued = held ?? [];
    held = null;
    for (const apply of queued) apply();
    scenes?.commit(switchId);
    win.requestAnimationFrame((frameAt?: number) => {
      win.document.documentElement.dataset.briefingSwap = `${switchId}:${win.performance.timeOrigin + win.performance.now()}`;
      if (typeof frameAt === 'number') win.document.documentElement.dataset.briefingSwapFrame = `${switchId}:${win.performance.timeOrigin + frameAt}`;
      const estimate = clock.estimate();
      if (estimate) win.document.documentElement.dataset.clockOffset = `${estimate.offsetMs}:${estimate.rttMs}`;
    });
  };

  socket.on('briefingPrepare', (payload, ack) => {
    const parsed = briefingPrepareSchema.safeParse(payload);
    if (!parsed.success) rendererLog.warn('briefing prepare refused', { issues: parsed.error.issues.length });
    const switchId = parsed.success ? parsed.data.switchId : typeof (payload as { switchId?: unknown })?.switchId === 'number' ? (payload as { switchId: number }).switchId : 1;
    const reply = (ok: boolean) => {
      if (typeof ack === 'function') ack({ switchId, ok });
    };
    if (!parsed.success || !scenes) return reply(parsed.success);
    let answered = false;
    const once = (ok: boolean) => {
      if (answered) return;
      answered = true;
      reply(ok);
    };
    const late = setTimeout(() => once(false), PREPARE_ACK_BY_MS);
    scenes.prepare(parsed.data).then(
      (ok) => {
        clearTimeout(late);
        once(ok);
      },
      () => once(false),
    );
  });

  socket.on('briefingCommit', (payload) => {
    const parsed = briefingCommitSchema.safeParse(payload);
    if (!parsed.success) return;
    const offset = clock.estimate()?.offsetMs ?? 0;
    const localAt = parsed.data.at - offset;
    if (timer) clearTimeout(timer);
    held ??= [];
    // The commit time in this window's clock, beside the swap's marks: the bench tells a late timer from a clock off.
    win.document.documentElement.dataset.briefingSwapTarget = `${parsed.data.switchId}:${localAt}`;
    timer = setTimeout(() => flush(parsed.data.switchId), Math.max(0, localAt - (win.performance.timeOrigin + win.performance.now())));
  });

  return {
    /** Applies now, or at the pending commit's time. */
    apply(change: () => void): void {
      if (held) held.push(change);
      else change();
    },
    /** This window's estimate of (server clock − its own), 0 until a ping came back. */
    offsetMs(): number {
      return clock.estimate()?.offsetMs ?? 0;
    },
    connected(): void {
      for (let i = 0; i < 5; i++) ping();
      if (pinger === null) pinger = setInterval(ping, PING_EVERY_MS);
    },
    close(): void {
      if (timer) clearTimeout(timer);
      if (pinger) clearInterval(pinger);
      timer = null;
      pinger = null;
    },
  };
}
