import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeBatch, Snapshot, SubscribeReply } from '../../shared/protocol/feed';
import type { Observation } from '../../shared/protocol/model';
import { DEFAULT_FEED_OPTIONS } from '../../server/feed/hub';
import { pendingBytes } from '../../server/feed/pending';
import { emitWithAck, startHarness, waitFor, type Harness } from '../helpers/server-harness';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';

/**
 * A wall client that stops reading (a TCP proxy the test controls stops forwarding what the
 * server sends) while another keeps reading. The server's pending bytes for the stalled one
 * must stay bounded (the kernel's socket buffers take the first few MB, then the server holds
 * it back at `maxPendingBytes`), the other must get every change in order, the log must say
 * so, and once the stalled one reads again it is caught up: a replay from where it stood, or
 * a snapshot when it fell further behind than the replay cap.
 */
const LIMIT = DEFAULT_FEED_OPTIONS.maxPendingBytes;
/** Changes per write and writes: about 9 MB of feed, past the loopback's buffers (about 4 MB) and the limit. */
const PER_WRITE = 500;
const WRITES = 60;

interface Client {
  socket: Socket;
  seqs: number[];
  snapshots: number[];
  last: number;
}

let h: Harness | null = null;
let proxy: TcpProxy | null = null;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await proxy?.close();
  await h?.cleanup();
  proxy = null;
  h = null;
});

async function wall(url: string, token: string, lastSeq: number): Promise<Client> {
  const socket = io(`${url}/feed`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  const client: Client = { socket, seqs: [], snapshots: [], last: lastSeq };
  socket.on('changes', (batch: ChangeBatch) => {
    for (const c of batch.changes) client.seqs.push(c.seq);
    client.last = batch.seq;
  });
  socket.on('snapshot', (snapshot: Snapshot) => {
    client.snapshots.push(snapshot.seq);
    client.last = snapshot.seq;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const reply = await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq, indicators: null, regions: null, compliance: true });
  expect(reply.ok).toBe(true);
  return client;
}

/** One write of PER_WRITE revised figures: one commit, PER_WRITE changes (about 150 kB of feed). */
function write(harness: Harness, k: number): void {
  harness.server.store.write((tx) => {
    for (let i = 0; i < PER_WRITE; i++) {
      const observation: Observation = {
        indicator: 'RETAIL_SALES',
        region: 'VN',
        period: '2026-02',
        value: k * PER_WRITE + i,
        vintage: tx.now,
        status: 'official',
        demo: false,
        provenance: { submissionId: null, agency: 'CTK', regime: null, source: `backpressure test ${k}`, revision: 1 },
      };
      tx.observations.insert(observation, tx.now);
      tx.log({ kind: 'observation', observation });
    }
  });
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + 1 + i);
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('a client that stops reading', () => {
  it.each([
    ['a paced replay from where it stood', DEFAULT_FEED_OPTIONS.replayCap, 0],
    ['a snapshot, having fallen further behind than the replay cap', 5_000, 1],
  ])('is held back at a bounded buffer while the others get everything, then caught up with %s', async (_, replayCap, snapshots) => {
    h = await startHarness({ feed: { replayCap } });
    proxy = await startTcpProxy({ port: h.server.port });
    const start = h.server.store.changes.head();
    const fast = await wall(h.server.url, h.server.wallToken, start);
    const slow = await wall(proxy.url, h.server.wallToken, start);
    const onServer = h.server.io.of('/feed').sockets.get(slow.socket.id!);
    expect(onServer).toBeDefined();

    proxy.pause();
    let maxPending = 0;
    for (let k = 0; k < WRITES; k++) {
      write(h, k);
      maxPending = Math.max(maxPending, pendingBytes(onServer!));
      // Let the sockets write, as a busy server's event loop does between reports.
      await turn();
    }
    const head = h.server.store.changes.head();
    expect(head - start).toBe(WRITES * PER_WRITE);

    // The reading client got everything, in order, each once, while the other was stalled.
    await waitFor(() => fast.last === head, 10_000, 'the reading client at the head');
    expect(fast.seqs).toEqual(range(start, head));
    // The stalled one: held back, its buffer bounded by the limit plus the one commit that crossed it.
    console.log(`backpressure: ${JSON.stringify({ changes: head - start, maxPendingBytes: maxPending, limitBytes: LIMIT, slowClientHadSeq: slow.last })}`);
    expect(maxPending).toBeLessThan(LIMIT + 512 * 1024);
    expect(h.log.lines.filter((l) => l.includes('feed: slow client, holding its changes'))).toHaveLength(1);
    expect(slow.last).toBeLessThan(head);

    proxy.resume();
    await waitFor(() => slow.last === head, 15_000, 'the stalled client caught up');
    expect(h.log.lines.filter((l) => l.includes('feed: slow client caught up'))).toHaveLength(1);
    expect(slow.snapshots).toHaveLength(snapshots);
    // Every change in order and once: all of them after a replay; after a snapshot, those
    // before it that had reached the client and every one after it.
    const resumedAt = slow.snapshots[0] ?? head;
    const before = slow.seqs.filter((s) => s <= resumedAt);
    expect(before).toEqual(range(start, start + before.length));
    expect(slow.seqs.filter((s) => s > resumedAt)).toEqual(snapshots ? range(resumedAt, head) : []);
    if (!snapshots) expect(slow.seqs).toEqual(range(start, head));
  });
});
