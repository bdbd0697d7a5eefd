import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { expect } from 'vitest';
import { changeBatchSchema, type ChangeBatch, type Snapshot, type SubscribeReply } from '../../shared/protocol/feed';
import { exampleSubmission } from '../../shared/regimes/example';
import { PROVINCE_CODES } from '../../shared/regions';
import { loadCatalog } from '../../server/catalog/load';
import type { ServerProcess } from '../e2e/support/server';
import { waitFor } from '../helpers/wait';

/**
 * What the soak tests share: the 34 provinces' tokens and reports, wall clients that check
 * every change they get, a paced poster that retries what got no answer with the same
 * Idempotency-Key, and the checks every wall must pass at the end.
 */
export const PROVINCE_AGENCIES = PROVINCE_CODES.map((c) => `P${c}`);
const tinh = loadCatalog().regimes.find((r) => r.code === 'TINH-KTXH-THANG')!;

/** The months from August 2025 to last month: every one's data window has begun. */
function months(): string[] {
  const out: string[] = [];
  const last = new Date();
  last.setUTCDate(1);
  last.setUTCMonth(last.getUTCMonth() - 1);
  for (const d = new Date(Date.UTC(2025, 7, 1)); d <= last; d.setUTCMonth(d.getUTCMonth() + 1)) out.push(d.toISOString().slice(0, 7));
  return out;
}
const PERIODS = months();

/** Report i: a province's monthly report (4 values), its retail sales varied so that each is a new figure. */
export function reportBody(i: number) {
  const agency = PROVINCE_AGENCIES[i % 34]!;
  const period = PERIODS[Math.floor(i / 34) % PERIODS.length]!;
  const s = exampleSubmission(tinh, agency, period);
  return { ...s, values: s.values.map((v) => (v.indicator === 'PROV_RETAIL_SALES' ? { ...v, value: 1000 + (i % 100_000) } : v)) };
}

/** One submitter token per province (each posts a few a second, well inside its rate limit). */
export async function provinceTokens(server: ServerProcess): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const agency of PROVINCE_AGENCIES) {
    const r = await server.api<{ token: string }>('POST', '/api/v1/tokens', { role: 'submitter', agency, label: `soak ${agency}` });
    expect(r.status).toBe(201);
    tokens.set(agency, r.body.token);
  }
  return tokens;
}

/** The wall page's own reconnection settings (renderer/feed/reconnect.ts); the tests' walls use websocket only. */
export { WALL_RECONNECTION } from '../../renderer/feed/reconnect';

export interface Wall {
  socket: Socket;
  /** The seq the client stands at. */
  last: number | null;
  firstSnapshotSeq: number | null;
  seqs: number[];
  violations: string[];
  modes: string[];
  /** performance.now() of every subscribe answered ok. */
  subscribedAt: number[];
  /** submissionId → when its first change arrived here (performance.now()). */
  seen: Map<string, number>;
  /** Why it was disconnected or refused, and how often: printed with the figures. */
  incidents: Map<string, number>;
}

/** A wall client subscribed to everything, checking that each change follows the one before. */
export function openWall(url: string, token: string, options: Partial<ManagerOptions & SocketOptions> = {}): Wall {
  const wall: Wall = { socket: null as unknown as Socket, last: null, firstSnapshotSeq: null, seqs: [], violations: [], modes: [], subscribedAt: [], seen: new Map(), incidents: new Map() };
  const socket = io(`${url}/feed`, { auth: { token }, transports: ['websocket'], forceNew: true, ...options });
  wall.socket = socket;
  const subscribe = () => {
    void socket
      .timeout(10_000)
      .emitWithAck('subscribe', { lastSeq: wall.last, indicators: null, regions: null, compliance: true })
      .then((reply: SubscribeReply) => {
        if (!reply.ok) wall.violations.push(`subscribe refused: ${reply.error}`);
        else {
          wall.modes.push(reply.mode);
          wall.subscribedAt.push(performance.now());
        }
      })
      // Unanswered: asked again while connected (as the wall page does), else on the next connect.
      .catch(() => {
        if (socket.connected) subscribe();
      });
  };
  socket.on('connect', subscribe);
  const count = (what: string) => wall.incidents.set(what, (wall.incidents.get(what) ?? 0) + 1);
  socket.on('disconnect', (reason) => count(`disconnect: ${reason}`));
  socket.on('connect_error', (error) => count(`connect_error: ${error.message}`));
  socket.io.on('reconnect_error', (error) => count(`reconnect_error: ${error.message}`));
  socket.on('snapshot', (snapshot: Snapshot) => {
    if (wall.last !== null) wall.violations.push(`a snapshot at ${snapshot.seq} after ${wall.last}: a resuming client must get a replay`);
    wall.firstSnapshotSeq ??= snapshot.seq;
    wall.last = snapshot.seq;
  });
  let received = 0;
  socket.on('changes', (raw: ChangeBatch) => {
    const now = performance.now();
    // The wire format is checked on a sample: parsing every change of eight walls would make
    // this process, not the server, the bottleneck on two cores.
    const batch = received++ % 50 === 0 ? changeBatchSchema.parse(raw) : raw;
    for (const change of batch.changes) {
      if (wall.last !== null && change.seq !== wall.last + 1) wall.violations.push(`seq ${change.seq} after ${wall.last}`);
      wall.last = change.seq;
      wall.seqs.push(change.seq);
      const id = change.kind === 'observation' ? change.observation.provenance.submissionId : null;
      if (id && !wall.seen.has(id)) wall.seen.set(id, now);
    }
    if (batch.seq !== wall.last) wall.violations.push(`batch seq ${batch.seq} is not its last change ${wall.last}`);
  });
  return wall;
}

/** Paces the load generator (posts per second): not a wait for an outcome, which goes through waitFor. */
export const pace = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PostingResult {
  total: number;
  /** submissionId → answer time, seq. */
  accepted: Map<string, { at: number; seq: number }>;
  created: number;
  replayed: number;
  retried: number;
  refused: string[];
  maxInFlight: number;
  ms: number;
}

/**
 * Posts `total` reports at `rate` a second (at most `inFlight` awaiting an answer), each
 * with its own Idempotency-Key; a post that got no answer (the server is down, or died
 * mid-request), a 429 or a 5xx is retried with the same key once the server is ready.
 * `tick(elapsedMs)` runs between rounds: where a test kills and restarts the server.
 */
export async function postReports(
  server: ServerProcess,
  tokens: ReadonlyMap<string, string>,
  options: { rate: number; total: number; inFlight?: number; tick?: (elapsedMs: number) => Promise<void> | void },
): Promise<PostingResult> {
  const runId = randomBytes(4).toString('hex');
  const inFlightMax = options.inFlight ?? 256;
  const r: PostingResult = { total: options.total, accepted: new Map(), created: 0, replayed: 0, retried: 0, refused: [], maxInFlight: 0, ms: 0 };
  let inFlight = 0;
  const retry: number[] = [];
  const post = async (i: number): Promise<void> => {
    inFlight++;
    r.maxInFlight = Math.max(r.maxInFlight, inFlight);
    const b = reportBody(i);
    try {
      const response = await fetch(`${server.url}/api/v1/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.get(b.agency)}`, 'content-type': 'application/json', 'idempotency-key': `soak-${runId}-${i}` },
        body: JSON.stringify(b),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      if (response.status === 201 || response.status === 200) {
        const answer = JSON.parse(text) as { id: string; seq: number };
        r.accepted.set(answer.id, { at: performance.now(), seq: answer.seq });
        if (response.status === 201) r.created++;
        else r.replayed++;
      } else if (response.status === 429 || response.status >= 500) retry.push(i);
      else r.refused.push(`${response.status} ${text.slice(0, 300)}`);
    } catch {
      // No answer: stored or not, retry with the same key.
      retry.push(i);
    } finally {
      inFlight--;
    }
  };
  const started = performance.now();
  let next = 0;
  while (next < options.total || retry.length > 0 || inFlight > 0) {
    const elapsed = performance.now() - started;
    await options.tick?.(elapsed);
    const owed = Math.min(options.total, Math.floor((elapsed * options.rate) / 1000));
    while (next < owed && inFlight < inFlightMax) void post(next++);
    if (server.ready) {
      while (retry.length > 0 && inFlight < inFlightMax) {
        r.retried++;
        void post(retry.shift()!);
      }
    }
    await pace(retry.length > 0 && !server.ready ? 50 : 5);
    const budget = (options.total / options.rate) * 2000 + 60_000;
    if (performance.now() - started > budget) throw new Error(`posting did not finish: ${retry.length} to retry, ${inFlight} in flight`);
  }
  r.ms = performance.now() - started;
  return r;
}

/** With the server down: SQLite's own check of the data folder's store. */
export function integrityCheck(server: ServerProcess): string {
  const db = new Database(join(server.dataDir, 'toancanh.sqlite'));
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/**
 * Every wall ends at the head with every change after its first snapshot, in order, none
 * twice, and every accepted submission's observations; after its first subscribe it always
 * resumed with a replay.
 */
export function expectEveryChangeOnce(walls: readonly Wall[], head: number, posted: PostingResult): void {
  expect(posted.refused).toEqual([]);
  // Every logical post stored exactly once: 201 at once, or 200 to a retry (the stored one).
  expect(posted.accepted.size).toBe(posted.total);
  expect(posted.created + posted.replayed).toBe(posted.total);
  for (const w of walls) {
    expect(w.violations).toEqual([]);
    expect(w.last).toBe(head);
    const first = w.firstSnapshotSeq!;
    expect(w.seqs.length).toBe(head - first);
    expect(w.seqs[0]).toBe(first + 1);
    expect([...posted.accepted.keys()].filter((id) => !w.seen.has(id))).toEqual([]);
    expect(w.modes[0]).toBe('snapshot');
    expect(new Set(w.modes.slice(1))).toEqual(new Set(['replay']));
  }
}

/** Every wall's incidents, summed. */
export function incidents(walls: readonly Wall[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const w of walls) for (const [what, n] of w.incidents) out[what] = (out[what] ?? 0) + n;
  return out;
}

export function percentiles(values: readonly number[]): { n: number; p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return { n: sorted.length, p50: +at(50).toFixed(1), p99: +at(99).toFixed(1), max: +(sorted[sorted.length - 1] ?? Number.NaN).toFixed(1) };
}

/**
 * The log's head once every wall reached it (waited for without failing: the checks after
 * it say which wall missed what).
 */
export async function headOnceWallsCaughtUp(server: ServerProcess, walls: readonly Wall[]): Promise<number> {
  const head = (await server.api<{ seq: number }>('GET', '/api/v1/health', undefined, null)).body.seq;
  await waitFor(() => walls.every((w) => w.last === head), 30_000, 'every wall at the head').catch(() => undefined);
  return head;
}

/** From each submission's answer to its first change at each wall (ms). */
export function lagsOf(walls: readonly Wall[], posted: PostingResult): number[] {
  const lags: number[] = [];
  for (const w of walls) {
    for (const [id, answer] of posted.accepted) {
      const seenAt = w.seen.get(id);
      if (seenAt !== undefined) lags.push(seenAt - answer.at);
    }
  }
  return lags;
}

