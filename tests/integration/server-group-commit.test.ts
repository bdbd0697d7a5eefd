import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ChangeBatch, SubscribeReply } from '../../shared/protocol/feed';
import type { ReportAccepted, ReportInput } from '../../shared/protocol/report';
import type { TokenPrincipal } from '../../server/auth/tokens';
import { HttpFailure } from '../../server/http/reply';
import { GroupCommit } from '../../server/reports/group-commit';
import type { Ingested, IngestInput } from '../../server/reports/ingest';
import { checkReport } from '../../server/reports/validate';
import { wrapPino } from '../../server/log';
import { emitWithAck, startHarness, waitFor, type Harness } from '../helpers/server-harness';

/**
 * Group commit (server/reports/group-commit.ts): reports validated together are stored in
 * one transaction and answered after that commit. Concurrent
 * submissions are stored once each with contiguous seqs that the feed delivers in order;
 * one refused inside the group does not fail its neighbours; a retry queued beside its
 * first attempt is a replay. (A crash mid-group: tests/integration/server-group-commit-crash.test.ts.)
 */
const NOW = Date.parse('2026-03-16T10:00:00+07:00');

let h: Harness;
let wall: Socket;
const seen: number[] = [];

const report = (retail: number): ReportInput => ({
  regime: 'CTK-KTXH-THANG',
  agency: 'CTK',
  period: '2026-02',
  status: 'official',
  values: [
    { indicator: 'IIP_GROWTH', value: 9.1 },
    { indicator: 'RETAIL_SALES', value: retail, unit: 'nghìn tỷ đồng' },
    { indicator: 'CPI_AVG', region: 'VN', value: 3.2 },
  ],
});

beforeAll(async () => {
  h = await startHarness({ now: () => NOW, rateLimit: { ratePerSecond: 10_000, burst: 10_000 } });
  wall = await h.connect('/feed', h.server.wallToken, (socket) => {
    socket.on('changes', (batch: ChangeBatch) => {
      for (const c of batch.changes) seen.push(c.seq);
    });
  });
  const reply = await emitWithAck<SubscribeReply>(wall, 'subscribe', { lastSeq: h.server.store.changes.head(), indicators: null, regions: null, compliance: true });
  expect(reply.ok).toBe(true);
});
afterAll(async () => {
  await h?.cleanup();
});

/** The seqs from `from` (exclusive) to the head, as the feed must have delivered them: each once, in order. */
async function expectFeedContiguous(from: number): Promise<number> {
  const head = h.server.store.changes.head();
  await waitFor(() => (seen[seen.length - 1] ?? 0) >= head, 5000, `the wall at seq ${head}`);
  const after = seen.filter((s) => s > from);
  expect(after).toEqual(Array.from({ length: head - from }, (_, i) => from + 1 + i));
  return head;
}

const post = (body: ReportInput, headers: Record<string, string> = {}) => h.api<ReportAccepted>('POST', '/api/v1/reports', { body, headers });

describe('group commit through POST /api/v1/reports', () => {
  it('stores 200 concurrent submissions once each, with contiguous seqs the feed delivers in order', async () => {
    const before = h.server.store.changes.head();
    const stored = h.server.store.tableCounts().submissions!;
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => post(report(1000 + i), { 'idempotency-key': `concurrent-${i}` })));
    expect(answers.map((a) => a.status).filter((s) => s !== 201)).toEqual([]);
    expect(h.server.store.tableCounts().submissions).toBe(stored + 200);
    // Each submission's seq is the last of its own changes; no two share one.
    const seqs = answers.map((a) => a.body.seq!);
    expect(new Set(seqs).size).toBe(200);
    const ids = answers.map((a) => a.body.submissionId);
    expect(new Set(ids).size).toBe(200);
    // The revisions of the one key were handed out once each, 1…200 after what was there.
    const revisions = answers.map((a) => a.body.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 200 }, (_, i) => revisions[0]! + i));
    await expectFeedContiguous(before);
  });

  it('answers a retry sent while its first attempt is queued as a replay: one stored, the same id', async () => {
    const stored = h.server.store.tableCounts().submissions!;
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(report(4242), { 'idempotency-key': 'twins' })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.submissionId)).size).toBe(1);
    expect(answers.filter((a) => a.body.replayed).length).toBe(7);
    expect(h.server.store.tableCounts().submissions).toBe(stored + 1);
  });
});

describe('one group, one transaction', () => {
  const principal: TokenPrincipal = { kind: 'token', tokenId: 1, role: 'admin', roles: ['admin'], agency: null, label: 'test', demo: false };
  const input = (retail: number, idempotencyKey: string | null, requestHash: string | null): IngestInput => {
    const checked = checkReport({ kind: 'json', body: report(retail) }, { principal, regime: (code) => h.server.compliance.regime(code), receivedMs: NOW });
    if (!checked.ok) throw new Error(`the test's report is refused: ${JSON.stringify(checked.errors)}`);
    return { regime: checked.regime, submission: checked.submission, principal, format: 'json', receivedMs: NOW, idempotencyKey, requestHash };
  };

  it('a submission refused inside the group fails alone: its neighbours commit, and the seqs have no gap', async () => {
    const groups: number[] = [];
    const log = wrapPino(h.server.app.log);
    const commits = new GroupCommit(h.server.store, h.server.compliance, { ...log, debug: (message, fields) => void (message === 'reports: group committed' && groups.push(Number(fields?.submissions))) });
    const before = h.server.store.changes.head();
    const stored = h.server.store.tableCounts().submissions!;
    // Queued in one turn of the event loop: one group. The third reuses the first's key with
    // another body (refused inside the transaction); the fourth is the first's exact retry.
    const settled = await Promise.allSettled([
      commits.submit(input(1, 'group-a', 'hash-a')),
      commits.submit(input(2, null, null)),
      commits.submit(input(3, 'group-a', 'hash-other')),
      commits.submit(input(1, 'group-a', 'hash-a')),
      commits.submit(input(5, null, null)),
    ]);
    expect(groups).toEqual([5]);
    const outcome = (s: PromiseSettledResult<Ingested>) =>
      s.status === 'fulfilled' ? (s.value.replayed ? 'replayed' : 'stored') : s.reason instanceof HttpFailure ? s.reason.error.code : String(s.reason);
    expect(settled.map(outcome)).toEqual(['stored', 'stored', 'request.idempotency_key_reused', 'replayed', 'stored']);
    const values = settled.map((s) => (s.status === 'fulfilled' ? s.value : null));
    expect(values[3]!.record.id).toBe(values[0]!.record.id);
    expect(h.server.store.tableCounts().submissions).toBe(stored + 3);
    // In the order queued: the first's changes, then the second's, then the fifth's.
    const seqs = [values[0]!.record.seq!, values[1]!.record.seq!, values[4]!.record.seq!];
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs[2]).toBe(h.server.store.changes.head());
    await expectFeedContiguous(before);
  });

  it('cuts a queue longer than the batch limit into groups of at most that many', async () => {
    const groups: number[] = [];
    const log = wrapPino(h.server.app.log);
    const commits = new GroupCommit(h.server.store, h.server.compliance, { ...log, debug: (message, fields) => void (message === 'reports: group committed' && groups.push(Number(fields?.submissions))) }, { maxBatch: 4 });
    const before = h.server.store.changes.head();
    const settled = await Promise.all(Array.from({ length: 10 }, (_, i) => commits.submit(input(100 + i, null, null))));
    expect(groups).toEqual([4, 4, 2]);
    expect(settled.map((s) => s.replayed)).toEqual(Array.from({ length: 10 }, () => false));
    await expectFeedContiguous(before);
  });
});
