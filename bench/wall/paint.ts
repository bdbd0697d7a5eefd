import type { ProbeData } from './probe';
import { ms, summarize, type Summary } from './stats';

/**
 * Update → paint as issue 12 asks for it (`npm run bench:paint`): per stamped figure shown
 * by a probe tile, from when the socket message that carried it reached the page's JS
 * (`received`: the probe's tap on the WebSocket's message event, before socket.io's own
 * handler) to when the frame that presents it had been rendered (`presented`, see
 * bench/wall/probe.ts). The same figures for the wall pages and the bare baseline page.
 */

export interface PaintSamples {
  /** received → presented (after that frame's paint), ms. */
  toPresented: number[];
  /** received → the presenting frame's start (its requestAnimationFrame timestamp), ms. */
  toFrameStart: number[];
  /** DOM changed → presented, ms: the frame's own work after the change. */
  domToPresented: number[];
  /** received → DOM, ms. */
  toDom: number[];
  /** Figures presented by a later frame than the first one to start after their message: a frame lost. */
  lostFrame: number;
}

export interface PaintSummary {
  toPresented: Summary;
  toFrameStart: Summary;
  domToPresented: Summary;
  toDom: Summary;
  lostFrame: number;
}

/** `seqOf(stamp)`: the change-log seq of the batch that carried a stamped figure of this run, or undefined. */
export function paintSamples(data: ProbeData, seqOf: (stamp: number) => number | undefined): PaintSamples {
  const arrival = new Map<number, number>();
  for (let i = 0; i + 2 < data.feed.length; i += 3) if (!arrival.has(data.feed[i]!)) arrival.set(data.feed[i]!, data.feed[i + 1]!);
  const out: PaintSamples = { toPresented: [], toFrameStart: [], domToPresented: [], toDom: [], lostFrame: 0 };
  const seen = new Set<string>();
  for (const rec of data.probes) {
    const stamp = Number(rec.text.replace(/\D/g, ''));
    const seq = seqOf(stamp);
    const got = seq === undefined ? undefined : arrival.get(seq);
    const key = `${rec.tile}|${stamp}`;
    if (got === undefined || seen.has(key) || rec.presented < 0) continue;
    seen.add(key);
    out.toPresented.push(rec.presented - got);
    if (rec.frameStart >= 0) out.toFrameStart.push(rec.frameStart - got);
    const first = data.frames.find((f) => f > got);
    if (first !== undefined && rec.frameStart > first) out.lostFrame++;
    out.domToPresented.push(rec.presented - rec.dom);
    out.toDom.push(rec.dom - got);
  }
  return out;
}

export const summarizePaint = (s: PaintSamples): PaintSummary => ({
  toPresented: summarize(s.toPresented),
  toFrameStart: summarize(s.toFrameStart),
  domToPresented: summarize(s.domToPresented),
  toDom: summarize(s.toDom),
  lostFrame: s.lostFrame,
});

export const mergePaint = (list: PaintSamples[]): PaintSamples => ({
  toPresented: list.flatMap((s) => s.toPresented),
  toFrameStart: list.flatMap((s) => s.toFrameStart),
  domToPresented: list.flatMap((s) => s.domToPresented),
  toDom: list.flatMap((s) => s.toDom),
  lostFrame: list.reduce((n, s) => n + s.lostFrame, 0),
});

/** The goal: one display interval + 10 ms at p99. */
export const paintGoalMs = (intervalMs: number): number => intervalMs + 10;

const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '—');

/** Rows: label, n, p50, p95, p99, max of received → presented, and p50 / p99 of its parts. */
export function paintRows(rows: [string, PaintSummary][], bare: PaintSummary): string[][] {
  const out = rows.map(([label, s]) => [
    label,
    String(s.toPresented.n),
    ms(s.toPresented.p50),
    ms(s.toPresented.p95),
    ms(s.toPresented.p99),
    ms(s.toPresented.max),
    `${ms(s.toDom.p50)} / ${ms(s.toDom.p99)}`,
    `${ms(s.domToPresented.p50)} / ${ms(s.domToPresented.p99)}`,
    `${ms(s.toFrameStart.p50)} / ${ms(s.toFrameStart.p99)}`,
  ]);
  return out.concat(
    rows
      .filter(([label]) => label !== 'bare')
      .slice(-1)
      .map(([label, s]) => [`${label} ÷ bare`, '', ratio(s.toPresented.p50, bare.toPresented.p50), ratio(s.toPresented.p95, bare.toPresented.p95), ratio(s.toPresented.p99, bare.toPresented.p99), ratio(s.toPresented.max, bare.toPresented.max), '', '', '']),
  );
}

export const PAINT_HEADER = ['page', 'figures', 'p50 ms', 'p95', 'p99', 'max', 'received → DOM p50 / p99', 'DOM → painted p50 / p99', 'received → frame start p50 / p99'];

/** One sentence: the goal met or not, by how much. */
export function goalLine(wall: PaintSummary, intervalMs: number): string {
  const goal = paintGoalMs(intervalMs);
  const p99 = wall.toPresented.p99;
  const lost = `; ${wall.lostFrame} of ${wall.toPresented.n} figures presented later than the first frame after their message`;
  return (p99 <= goal
    ? `goal met: wall p99 ${ms(p99)} ms ≤ ${ms(goal)} ms (one frame + 10 ms)`
    : `goal NOT met: wall p99 ${ms(p99)} ms > ${ms(goal)} ms (one frame + 10 ms), by ${ms(p99 - goal)} ms`) + lost;
}
