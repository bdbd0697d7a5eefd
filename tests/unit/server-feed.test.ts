import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeBatchSchema, snapshotSchema, type ChangeBatch, type Snapshot, type SubscribeReply } from '../../shared/protocol/feed';
import { collect, emitWithAck, nextEvent, sleep, startHarness, tempDir, waitFor, type Harness } from '../helpers/server-harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.cleanup();
});

let month = 0;
/** Posts a small valid report (a new vintage each time) and returns its seq. */
async function report(harness: Harness, values: { indicator: string; region?: string; value: number }[]): Promise<number> {
  const r = await harness.api<{ seq: number }>('POST', '/api/v1/reports', { body: { agency: 'CTK', period: `2024-${String((month++ % 12) + 1).padStart(2, '0')}`, values } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.seq;
}

const seqs = (batches: ChangeBatch[]) => batches.flatMap((b) => b.changes.map((c) => c.seq));

describe('/feed subscribe', () => {
  it('sends a snapshot of the newest vintages for lastSeq null, filtered, with the head seq', async () => {
    const socket = await h.connect('/feed', h.server.wallToken);
    const snapshotP = nextEvent<Snapshot>(socket, 'snapshot');
    const reply = await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq: null, indicators: ['GDP_GROWTH', 'CPI_AVG'], regions: ['VN'] });
    const snapshot = snapshotSchema.parse(await snapshotP);
    expect(reply).toEqual({ ok: true, mode: 'snapshot', seq: h.server.store.changes.head() });
    expect(snapshot.seq).toBe(h.server.store.changes.head());
    expect(snapshot.indicators.map((i) => i.code).sort()).toEqual(['CPI_AVG', 'GDP_GROWTH']);
    expect(new Set(snapshot.observations.map((o) => o.indicator))).toEqual(new Set(['GDP_GROWTH', 'CPI_AVG']));
    expect(snapshot.observations.find((o) => o.indicator === 'GDP_GROWTH' && o.period === '2024')?.value).toBe(7.09);
    socket.disconnect();
  });

  it('replays exactly the missed changes, in order, then goes live', async () => {
    const socket = await h.connect('/feed', h.server.wallToken);
    const lastSeq = h.server.store.changes.head();
    await report(h, [{ indicator: 'RETAIL_SALES', value: 1 }]);
    await report(h, [{ indicator: 'RETAIL_SALES', region: '01', value: 2 }]);
    await report(h, [
      { indicator: 'RETAIL_SALES', region: '79', value: 3 },
      { indicator: 'RETAIL_SALES', value: 4 },
    ]);
    const missed = h.server.store.changes.head();
    const batches = collect<ChangeBatch>(socket, 'changes');
    const reply = await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq, indicators: ['RETAIL_SALES'], regions: ['VN', '79'] });
    expect(reply).toEqual({ ok: true, mode: 'replay', seq: missed });
    // The region 01 change is filtered out; the batch still says where the client now stands.
    expect(seqs(batches)).toEqual([lastSeq + 1, lastSeq + 3, lastSeq + 4]);
    expect(batches.at(-1)!.seq).toBe(missed);
    for (const b of batches) changeBatchSchema.parse(b);

    const liveSeq = await report(h, [{ indicator: 'RETAIL_SALES', value: 5 }]);
    await report(h, [{ indicator: 'RETAIL_SALES', region: '01', value: 6 }]);
    await waitFor(() => seqs(batches).includes(liveSeq), 3000, 'the live change');
    await sleep(50);
    expect(seqs(batches)).toEqual([lastSeq + 1, lastSeq + 3, lastSeq + 4, liveSeq]);
    socket.disconnect();
  });

  it('splits a long replay into batches whose seq is where the client stands', async () => {
    const small = await startHarness({ feed: { batchSize: 2 } });
    try {
      const socket = await small.connect('/feed', small.server.wallToken);
      const from = small.server.store.changes.head();
      for (let i = 0; i < 5; i++) await report(small, [{ indicator: 'RETAIL_SALES', value: i }]);
      const batches = collect<ChangeBatch>(socket, 'changes');
      await emitWithAck(socket, 'subscribe', { lastSeq: from, indicators: null, regions: null });
      expect(batches.map((b) => b.changes.map((c) => c.seq))).toEqual([[from + 1, from + 2], [from + 3, from + 4], [from + 5]]);
      expect(batches.map((b) => b.seq)).toEqual([from + 2, from + 4, from + 5]);
    } finally {
      await small.cleanup();
    }
  });

  it('sends a snapshot instead when the gap is beyond the replay cap or ahead of the log', async () => {
    const capped = await startHarness({ feed: { replayCap: 3 } });
    try {
      const socket = await capped.connect('/feed', capped.server.wallToken);
      const head = capped.server.store.changes.head();
      expect(await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq: head - 3, indicators: null, regions: null })).toMatchObject({ mode: 'replay' });
      expect(await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq: head - 4, indicators: null, regions: null })).toMatchObject({ mode: 'snapshot' });
      // A client from another (e.g. wiped) store is ahead of us: start it over.
      expect(await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq: head + 100, indicators: null, regions: null })).toMatchObject({ mode: 'snapshot' });
    } finally {
      await capped.cleanup();
    }
  });

  it('answers a bad subscribe with ok:false, logs it, and keeps serving', async () => {
    const socket = await h.connect('/feed', h.server.wallToken);
    for (const bad of [null, 'x', { lastSeq: -1, indicators: null, regions: null }, { lastSeq: 0, indicators: ['gdp'], regions: null, extra: 1 }]) {
      const reply = await emitWithAck<SubscribeReply>(socket, 'subscribe', bad);
      expect(reply.ok).toBe(false);
      expect(!reply.ok && reply.error).toBeTruthy();
    }
    // No ack function at all: nothing to answer, nothing breaks.
    socket.emit('subscribe', { nonsense: true });
    expect(h.log.lines.some((l) => l.includes('feed: refused subscribe'))).toBe(true);
    expect((await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq: null, indicators: [], regions: null })).ok).toBe(true);
    expect((await h.api('GET', '/api/v1/health', { token: null })).status).toBe(200);
    socket.disconnect();
  });

  it('drops a socket that sends a message over 64 KiB, and keeps serving the others', async () => {
    const other = await h.connect('/feed', h.server.wallToken);
    const socket = await h.connect('/feed', h.server.wallToken);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    socket.emit('subscribe', { lastSeq: null, indicators: ['A'.repeat(70 * 1024)], regions: null });
    expect(await gone).toBe('transport close');
    expect((await emitWithAck<SubscribeReply>(other, 'subscribe', { lastSeq: null, indicators: [], regions: null })).ok).toBe(true);
    other.disconnect();
  });

  it('never delivers a change twice or out of order while reports commit during subscribes', async () => {
    const start = h.server.store.changes.head();
    const posting = (async () => {
      const regions = ['VN', '01', '79', '48', '31'];
      for (let i = 0; i < 20; i++) await report(h, [{ indicator: 'RETAIL_SALES', region: regions[i % regions.length], value: i }]);
    })();
    // Fresh sockets subscribe from the same lastSeq while reports commit: each gets part
    // of the gap as replay and the rest live, and must end with every change exactly once.
    const clients: { socket: Awaited<ReturnType<Harness['connect']>>; batches: ChangeBatch[] }[] = [];
    for (let i = 0; i < 6; i++) {
      const socket = await h.connect('/feed', h.server.wallToken);
      const batches = collect<ChangeBatch>(socket, 'changes');
      clients.push({ socket, batches });
      await emitWithAck(socket, 'subscribe', { lastSeq: start, indicators: null, regions: null });
      // The same socket again, from a stale lastSeq: nothing twice.
      await emitWithAck(socket, 'subscribe', { lastSeq: start, indicators: null, regions: null });
      await sleep(5);
    }
    await posting;
    const end = h.server.store.changes.head();
    const expected = Array.from({ length: end - start }, (_, i) => start + i + 1);
    for (const { socket, batches } of clients) {
      await waitFor(() => seqs(batches).includes(end), 3000, 'the last change');
      await sleep(20);
      expect(seqs(batches)).toEqual(expected);
      socket.disconnect();
    }
  });

  it('answers a live socket that narrows its filter with nothing twice, and one that widens it with a snapshot', async () => {
    const socket = await h.connect('/feed', h.server.wallToken);
    const batches = collect<ChangeBatch>(socket, 'changes');
    await emitWithAck(socket, 'subscribe', { lastSeq: null, indicators: ['RETAIL_SALES'], regions: null });
    const live = await report(h, [{ indicator: 'RETAIL_SALES', value: 7 }]);
    await waitFor(() => seqs(batches).includes(live), 3000, 'the live change');
    // Narrower, from a stale lastSeq: what it already has is not sent again.
    expect(await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq: live - 5, indicators: ['RETAIL_SALES'], regions: ['VN'] })).toEqual({ ok: true, mode: 'replay', seq: live });
    // Wider: the new keys' history cannot come in seq order, so a snapshot.
    const snapshot = nextEvent<Snapshot>(socket, 'snapshot');
    expect(await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq: live, indicators: ['RETAIL_SALES', 'GDP_GROWTH'], regions: ['VN'] })).toMatchObject({ mode: 'snapshot' });
    expect((await snapshot).indicators.map((i) => i.code).sort()).toEqual(['GDP_GROWTH', 'RETAIL_SALES']);
    await sleep(30);
    expect(seqs(batches)).toEqual([live]);
    socket.disconnect();
  });
});

describe('restart', () => {
  it('continues the sequence on the same data folder and replays the gap to a resuming client', async () => {
    const dataDir = tempDir();
    try {
      const first = await startHarness({ dataDir });
      const socket = await first.connect('/feed', first.server.wallToken);
      const got = collect<ChangeBatch>(socket, 'changes');
      await emitWithAck(socket, 'subscribe', { lastSeq: null, indicators: null, regions: null });
      const seen = await report(first, [{ indicator: 'RETAIL_SALES', value: 1 }]);
      await waitFor(() => seqs(got).includes(seen), 3000, 'the first change');
      socket.disconnect();
      // Missed while the client was away, then the server restarts.
      const missed1 = await report(first, [{ indicator: 'RETAIL_SALES', value: 2 }]);
      const wallToken = first.server.wallToken;
      await first.stop();

      const second = await startHarness({ dataDir });
      try {
        expect(second.server.wallToken).toBe(wallToken);
        expect(second.server.store.changes.head()).toBe(missed1);
        const missed2 = await report(second, [{ indicator: 'RETAIL_SALES', value: 3 }]);
        expect(missed2).toBe(missed1 + 1);

        const again = await second.connect('/feed', wallToken);
        const replayed = collect<ChangeBatch>(again, 'changes');
        const reply = await emitWithAck<SubscribeReply>(again, 'subscribe', { lastSeq: seen, indicators: null, regions: null });
        expect(reply).toEqual({ ok: true, mode: 'replay', seq: missed2 });
        expect(seqs(replayed)).toEqual([missed1, missed2]);
        expect(replayed.flatMap((b) => b.changes.map((c) => (c.kind === 'observation' ? c.observation.value : null)))).toEqual([2, 3]);
        // Nothing was seeded twice.
        const health = await second.api<{ seq: number }>('GET', '/api/v1/health', { token: null });
        expect(health.body.seq).toBe(missed2);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
