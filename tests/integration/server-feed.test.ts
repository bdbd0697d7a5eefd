import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeBatchSchema, snapshotSchema, type Change, type ChangeBatch, type Snapshot, type SubscribeReply } from '../../shared/protocol/feed';
import { exampleSubmission } from '../../shared/regimes/example';
import { emitWithAck, startHarness, tempDir, type Harness } from '../helpers/server-harness';
import { collect, nextEvent, waitFor } from '../helpers/wait';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.cleanup();
});

const PERIODS = ['2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
let month = 0;

/**
 * Posts a small valid report and returns its seq and the changes it logged: CTK's monthly
 * report (RETAIL_SALES = value, region VN) or a province's (PROV_RETAIL_SALES = value, its
 * own region). A new period each time (a new key), so that its compliance may change too.
 */
async function report(harness: Harness, agency: 'CTK' | 'P01' | 'P79' | 'P48' | 'P31', value: number): Promise<{ seq: number; changes: Change[] }> {
  const period = PERIODS[month++ % PERIODS.length]!;
  const before = harness.server.store.changes.head();
  const body =
    agency === 'CTK'
      ? {
          regime: 'CTK-KTXH-THANG',
          agency,
          period,
          values: [
            { indicator: 'IIP_GROWTH', value: 9 },
            { indicator: 'RETAIL_SALES', value },
            { indicator: 'CPI_AVG', value: 3 },
          ],
        }
      : {
          ...exampleSubmission(harness.server.catalog.regimes.find((r) => r.code === 'TINH-KTXH-THANG')!, agency, period),
          values: exampleSubmission(harness.server.catalog.regimes.find((r) => r.code === 'TINH-KTXH-THANG')!, agency, period).values.map((v) =>
            v.indicator === 'PROV_RETAIL_SALES' ? { ...v, value } : v,
          ),
        };
  const r = await harness.api<{ seq: number }>('POST', '/api/v1/reports', { body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { seq: r.body.seq, changes: harness.server.store.changes.after(before, 1000).filter((c) => c.seq <= r.body.seq) };
}

const seqs = (batches: ChangeBatch[]) => batches.flatMap((b) => b.changes.map((c) => c.seq));

interface Filter {
  indicators: string[] | null;
  regions: string[] | null;
  compliance?: boolean;
}
/** What a subscriber with this filter must receive of the log between two seqs (exclusive, inclusive). */
function expectedSeqs(harness: Harness, from: number, to: number, f: Filter): number[] {
  return harness.server.store.changes
    .after(from, 100_000)
    .filter((c) => c.seq <= to)
    .filter((c) => {
      if (c.kind === 'observation') return (!f.indicators || f.indicators.includes(c.observation.indicator)) && (!f.regions || f.regions.includes(c.observation.region));
      if (c.kind === 'indicator') return !f.indicators || f.indicators.includes(c.indicator.code);
      return f.compliance === true;
    })
    .map((c) => c.seq);
}
const retail = (changes: Change[]) => changes.find((c) => c.kind === 'observation' && /RETAIL_SALES$/.test(c.observation.indicator))!.seq;

/**
 * Posts one more CTK report (RETAIL_SALES, region VN: the subscriber's filter must let it
 * through) and waits until its change is in `batches`. The server emits in commit order and
 * a socket delivers in order, so from then on everything sent before the marker has
 * arrived: a check that nothing else came needs no sleep. Returns the marker's seq.
 */
async function marker(harness: Harness, batches: ChangeBatch[]): Promise<number> {
  const m = await report(harness, 'CTK', 999);
  await waitFor(() => seqs(batches).includes(retail(m.changes)), 3000, 'the marker change');
  return m.seq;
}

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
    // Without compliance in the request, none in the snapshot.
    expect(snapshot.compliance).toBeUndefined();
    socket.disconnect();
  });

  it('replays exactly the missed changes, in order, then goes live', async () => {
    const socket = await h.connect('/feed', h.server.wallToken);
    const filter = { indicators: ['RETAIL_SALES', 'PROV_RETAIL_SALES'], regions: ['VN', '79'] };
    const lastSeq = h.server.store.changes.head();
    await report(h, 'CTK', 1);
    await report(h, 'P01', 2);
    await report(h, 'P79', 3);
    await report(h, 'CTK', 4);
    const missed = h.server.store.changes.head();
    const batches = collect<ChangeBatch>(socket, 'changes');
    const reply = await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq, ...filter });
    expect(reply).toEqual({ ok: true, mode: 'replay', seq: missed });
    // Hà Nội's changes are filtered out; the batch still says where the client now stands.
    const expected = expectedSeqs(h, lastSeq, missed, filter);
    expect(expected).toHaveLength(3);
    expect(seqs(batches)).toEqual(expected);
    expect(batches.at(-1)!.seq).toBe(missed);
    for (const b of batches) changeBatchSchema.parse(b);

    const live = await report(h, 'CTK', 5);
    const hanoi = await report(h, 'P01', 6);
    const end = await marker(h, batches);
    // Live: CTK's change and the marker's, not Hà Nội's (filtered out), nothing twice.
    expect(seqs(batches)).toEqual(expectedSeqs(h, lastSeq, end, filter));
    expect(seqs(batches)).toContain(retail(live.changes));
    expect(seqs(batches)).not.toContain(retail(hanoi.changes));
    socket.disconnect();
  });

  it('splits a long replay into batches whose seq is where the client stands', async () => {
    const small = await startHarness({ feed: { batchSize: 2 } });
    try {
      const socket = await small.connect('/feed', small.server.wallToken);
      const from = small.server.store.changes.head();
      for (let i = 0; i < 5; i++) await report(small, 'CTK', i);
      const head = small.server.store.changes.head();
      const batches = collect<ChangeBatch>(socket, 'changes');
      await emitWithAck(socket, 'subscribe', { lastSeq: from, indicators: null, regions: null, compliance: true });
      // Pages of two changes of the log, in order; each batch's seq is the last change of its page.
      const all = expectedSeqs(small, from, head, { indicators: null, regions: null, compliance: true });
      const pages = Array.from({ length: Math.ceil(all.length / 2) }, (_, i) => all.slice(2 * i, 2 * i + 2));
      expect(batches.map((b) => b.changes.map((c) => c.seq))).toEqual(pages);
      expect(batches.map((b) => b.seq)).toEqual(pages.map((p) => p.at(-1)));
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
      expect(reply, JSON.stringify(bad)).toMatchObject({ ok: false, code: 'feed.subscribe_invalid', error: expect.stringMatching(/\S/), message_vi: expect.stringMatching(/\S/) });
    }
    // No ack function at all: nothing to answer, nothing breaks.
    socket.emit('subscribe', { nonsense: true });
    expect(h.log.lines).toContainEqual(expect.stringContaining('feed: refused subscribe'));
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
    let posted = false;
    const posting = (async () => {
      const agencies = ['CTK', 'P01', 'P79', 'P48', 'P31'] as const;
      for (let i = 0; i < 20; i++) await report(h, agencies[i % agencies.length]!, i);
      posted = true;
    })();
    // Fresh sockets subscribe from the same lastSeq while reports commit: each gets part
    // of the gap as replay and the rest live, and must end with every change exactly once.
    const clients: { socket: Awaited<ReturnType<Harness['connect']>>; batches: ChangeBatch[] }[] = [];
    for (let i = 0; i < 6; i++) {
      const socket = await h.connect('/feed', h.server.wallToken);
      const batches = collect<ChangeBatch>(socket, 'changes');
      clients.push({ socket, batches });
      await emitWithAck(socket, 'subscribe', { lastSeq: start, indicators: null, regions: null, compliance: true });
      // The same socket again, from a stale lastSeq: nothing twice.
      const subscribedAt = h.server.store.changes.head();
      await emitWithAck(socket, 'subscribe', { lastSeq: start, indicators: null, regions: null, compliance: true });
      // The next client subscribes after at least one more commit (or once posting is over).
      await waitFor(() => posted || h.server.store.changes.head() > subscribedAt, 3000, 'the next commit');
    }
    await posting;
    const end = await marker(h, clients[0]!.batches);
    const expected = Array.from({ length: end - start }, (_, i) => start + i + 1);
    for (const { socket, batches } of clients) {
      await waitFor(() => seqs(batches).includes(end), 3000, 'the marker change');
      expect(seqs(batches)).toEqual(expected);
      socket.disconnect();
    }
  });

  it('answers a live socket that narrows its filter with nothing twice, and one that widens it with a snapshot', async () => {
    const socket = await h.connect('/feed', h.server.wallToken);
    const batches = collect<ChangeBatch>(socket, 'changes');
    await emitWithAck(socket, 'subscribe', { lastSeq: null, indicators: ['RETAIL_SALES'], regions: null });
    const live = retail((await report(h, 'CTK', 7)).changes);
    await waitFor(() => seqs(batches).includes(live), 3000, 'the live change');
    const head = h.server.store.changes.head();
    // Narrower, from a stale lastSeq: what it already has is not sent again.
    expect(await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq: live - 5, indicators: ['RETAIL_SALES'], regions: ['VN'] })).toEqual({ ok: true, mode: 'replay', seq: head });
    // Wider: the new keys' history cannot come in seq order, so a snapshot.
    const snapshot = nextEvent<Snapshot>(socket, 'snapshot');
    expect(await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq: head, indicators: ['RETAIL_SALES', 'GDP_GROWTH'], regions: ['VN'] })).toMatchObject({ mode: 'snapshot' });
    expect((await snapshot).indicators.map((i) => i.code).sort()).toEqual(['GDP_GROWTH', 'RETAIL_SALES']);
    // Wider by compliance alone: a snapshot too, now with the compliance and the regimes.
    const withCompliance = nextEvent<Snapshot>(socket, 'snapshot');
    const wide = { indicators: ['RETAIL_SALES', 'GDP_GROWTH'], regions: ['VN'], compliance: true };
    const widened = await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq: head, ...wide });
    expect(widened).toMatchObject({ ok: true, mode: 'snapshot' });
    const snap = snapshotSchema.parse(await withCompliance);
    expect(snap.compliance!.length).toBeGreaterThan(0);
    expect(snap.regimes!.length).toBe(h.server.catalog.regimes.length);
    // Up to the snapshot, only the one live change; after it, what the wide filter lets through.
    const end = await marker(h, batches);
    expect(seqs(batches)).toEqual([live, ...expectedSeqs(h, widened.ok ? widened.seq : NaN, end, wide)]);
    socket.disconnect();
  });
});

describe('restart', () => {
  it('continues the sequence on the same data folder and replays the gap to a resuming client', async () => {
    const dataDir = tempDir();
    try {
      const first = await startHarness({ dataDir });
      const filter = { indicators: ['RETAIL_SALES'], regions: null };
      const socket = await first.connect('/feed', first.server.wallToken);
      const got = collect<ChangeBatch>(socket, 'changes');
      await emitWithAck(socket, 'subscribe', { lastSeq: null, ...filter });
      const seen = retail((await report(first, 'CTK', 1)).changes);
      await waitFor(() => seqs(got).includes(seen), 3000, 'the first change');
      socket.disconnect();
      // Missed while the client was away, then the server restarts.
      const missed1 = await report(first, 'CTK', 2);
      const wallToken = first.server.wallToken;
      await first.stop();

      const second = await startHarness({ dataDir });
      try {
        expect(second.server.wallToken).toBe(wallToken);
        expect(second.server.store.changes.head()).toBe(missed1.seq);
        const missed2 = await report(second, 'CTK', 3);
        expect(missed2.changes[0]!.seq).toBe(missed1.seq + 1);

        const again = await second.connect('/feed', wallToken);
        const replayed = collect<ChangeBatch>(again, 'changes');
        const reply = await emitWithAck<SubscribeReply>(again, 'subscribe', { lastSeq: seen, ...filter });
        expect(reply).toEqual({ ok: true, mode: 'replay', seq: missed2.seq });
        expect(seqs(replayed)).toEqual([retail(missed1.changes), retail(missed2.changes)]);
        expect(replayed.flatMap((b) => b.changes.map((c) => (c.kind === 'observation' ? c.observation.value : null)))).toEqual([2, 3]);
        // Nothing was seeded twice.
        const health = await second.api<{ seq: number }>('GET', '/api/v1/health', { token: null });
        expect(health.body.seq).toBe(missed2.seq);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
