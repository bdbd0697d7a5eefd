import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceEntryWire } from '../../shared/protocol/compliance';
import { changeBatchSchema, snapshotSchema, type ChangeBatch, type Snapshot } from '../../shared/protocol/feed';
import { complianceListSchema, regimeDetailSchema, validationFailureSchema } from '../../shared/protocol/report';
import { exampleSubmission } from '../../shared/regimes/example';
import { emitWithAck, startHarness, type Harness } from '../helpers/server-harness';
import { collect, nextEvent, waitFor } from '../helpers/wait';

/**
 * Compliance through the API against a calendar checked by hand (Viet Nam's time, UTC+7;
 * a deadline day ends at 23:59:59, a report in that last second is on time; lateness is
 * counted from 23:59:59). The server's clock is injected and moved by the test; the store
 * is created on 1 August 2025, so periods whose deadline fell before are not judged.
 *
 * A deadline on a Saturday or Sunday ends on the Monday (Civil Code art. 148): 6 and 20
 * September 2025 are Saturdays.
 *
 *   BCA-TNGT-THANG   monthly, window 15th → 14th, due the 20th of the period's month
 *                    2025-08: data 15 Jul – 14 Aug, due 20 Aug   2025-09: data 15 Aug – 14 Sep, due Mon 22 Sep
 *   CTK-KTXH-THANG   monthly, calendar month, due the 6th of the next month
 *                    2025-07: due 6 Aug                           2025-08: due Mon 8 Sep
 *   TINH-KTXH-THANG  the 34 provinces, window 15th → 14th, due the 20th: 2025-08 due 20 Aug
 *   BHXH-BHYT-QUY    quarterly, window 15th → 14th: 2025-Q3 data 15 Jun – 14 Sep, due Mon 22 Sep
 *   TINH-KTXH-9T     nine months, window 15 Dec → 14 Sep: 2025-9M due Mon 22 Sep
 */
const at = (text: string) => Date.parse(text);
let clock = at('2025-08-01T09:00:00+07:00');

let h: Harness;
const regime = (code: string) => h.server.catalog.regimes.find((r) => r.code === code)!;

async function submit(code: string, agency: string, period: string, when: string) {
  clock = at(when);
  const r = await h.api<{ compliance: ComplianceEntryWire | null }>('POST', '/api/v1/reports', { body: exampleSubmission(regime(code), agency, period) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.compliance!;
}

async function compliance(query: string) {
  const r = await h.api('GET', `/api/v1/compliance?${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return complianceListSchema.parse(r.body);
}

beforeAll(async () => {
  h = await startHarness({ now: () => clock, compliance: { tickMs: 20 }, rateLimit: { ratePerSecond: 1000, burst: 1000 } });
});
afterAll(async () => {
  await h?.cleanup();
});

describe('compliance against a hand-checked calendar', () => {
  it('judges the open periods as not due, and not the ones due before the store existed', async () => {
    const bca = await compliance('regime=BCA-TNGT-THANG');
    // 2025-07 was due on 20 July, before the store was created; 2025-09's window opens on 15 August.
    expect(bca.entries).toEqual([
      { regime: 'BCA-TNGT-THANG', agency: 'BCA', period: '2025-08', status: 'not-due', deadline: '2025-08-20T23:59:59+07:00', receivedAt: null, lateByMs: null, overdueByMs: null, revisions: 0 },
    ]);
    const ctk = await compliance('regime=CTK-KTXH-THANG');
    expect(ctk.entries.map((e) => [e.period, e.status, e.deadline])).toEqual([
      ['2025-07', 'not-due', '2025-08-06T23:59:59+07:00'],
      ['2025-08', 'not-due', '2025-09-08T23:59:59+07:00'],
    ]);
    const tinh = await compliance('regime=TINH-KTXH-THANG&period=2025-08');
    expect(tinh.entries).toHaveLength(34);
    expect(new Set(tinh.entries.map((e) => e.status))).toEqual(new Set(['not-due']));
    expect((await compliance('regime=BHXH-BHYT-QUY')).entries.map((e) => [e.period, e.deadline])).toEqual([['2025-Q3', '2025-09-22T23:59:59+07:00']]);
    expect((await compliance('regime=TINH-KTXH-9T&agency=P48')).entries.map((e) => [e.period, e.deadline])).toEqual([['2025-9M', '2025-09-22T23:59:59+07:00']]);
  });

  it('opens the next 15th-to-14th window on the 15th, and refuses a period whose window has not opened', async () => {
    clock = at('2025-08-14T23:59:59+07:00');
    const early = await h.api('POST', '/api/v1/reports', { body: exampleSubmission(regime('BCA-TNGT-THANG'), 'BCA', '2025-09') });
    expect(validationFailureSchema.parse(early.body).errors).toEqual([expect.objectContaining({ path: '$.period', message: expect.stringMatching(/2025-09 has not begun \(its data window opens 2025-08-15\)/) })]);
    expect(regimeDetailSchema.parse((await h.api('GET', '/api/v1/regimes/BCA-TNGT-THANG')).body).openPeriods).toEqual(['2025-08']);

    const wall = await h.connect('/feed', h.server.wallToken);
    const batches = collect<ChangeBatch>(wall, 'changes');
    await emitWithAck(wall, 'subscribe', { lastSeq: null, indicators: [], regions: null, compliance: true });
    clock = at('2025-08-15T00:00:00+07:00');
    await waitFor(() => batches.some((b) => b.changes.some((c) => c.kind === 'compliance' && c.entry.regime === 'BCA-TNGT-THANG' && c.entry.period === '2025-09')), 3000, 'the new period');
    expect(regimeDetailSchema.parse((await h.api('GET', '/api/v1/regimes/BCA-TNGT-THANG')).body).openPeriods).toEqual(['2025-08', '2025-09']);
    expect((await compliance('regime=BCA-TNGT-THANG&period=2025-09')).entries[0]).toMatchObject({ status: 'not-due', deadline: '2025-09-22T23:59:59+07:00' });
    wall.disconnect();
  });

  it('calls a report received in the last second of the deadline day on time, and one a second later late by the difference from 23:59:59', async () => {
    // Hà Nội reports before its window even closes (an early estimate): on time.
    expect(await submit('TINH-KTXH-THANG', 'P01', '2025-08', '2025-08-14T10:00:00+07:00')).toMatchObject({ status: 'on-time', receivedAt: '2025-08-14T10:00:00+07:00', lateByMs: null });
    expect(await submit('BCA-TNGT-THANG', 'BCA', '2025-08', '2025-08-20T23:59:59.500+07:00')).toMatchObject({ status: 'on-time', receivedAt: '2025-08-20T23:59:59.500+07:00' });
    expect(await submit('CTK-KTXH-THANG', 'CTK', '2025-07', '2025-08-07T00:00:30+07:00')).toMatchObject({ status: 'late', lateByMs: 31_000 });
  });

  it('turns the not-due into missing when the deadline passes, and pushes the change to walls', async () => {
    clock = at('2025-08-20T23:59:59.999+07:00');
    const wall = await h.connect('/feed', h.server.wallToken);
    const snapshotP = nextEvent<Snapshot>(wall, 'snapshot');
    const batches = collect<ChangeBatch>(wall, 'changes');
    await emitWithAck(wall, 'subscribe', { lastSeq: null, indicators: [], regions: null, compliance: true });
    const snapshot = snapshotSchema.parse(await snapshotP);
    expect(snapshot.regimes!.map((r) => r.code)).toContain('TINH-KTXH-THANG');
    const inSnapshot = snapshot.compliance!.filter((e) => e.regime === 'TINH-KTXH-THANG' && e.period === '2025-08');
    expect(inSnapshot.filter((e) => e.status === 'not-due')).toHaveLength(33);

    clock = at('2025-08-21T00:00:00+07:00');
    const missing = () =>
      batches.flatMap((b) => b.changes).filter((c) => c.kind === 'compliance' && c.entry.regime === 'TINH-KTXH-THANG' && c.entry.period === '2025-08' && c.entry.status === 'missing');
    await waitFor(() => missing().length === 33, 3000, '33 provinces missing');
    for (const b of batches) changeBatchSchema.parse(b);
    const pushed = missing()[0]!;
    expect(pushed.kind === 'compliance' && pushed.entry.overdueByMs).toBe(1000);

    // P79 reports at midnight: late by one second; the change reaches the wall too.
    expect(await submit('TINH-KTXH-THANG', 'P79', '2025-08', '2025-08-21T00:00:00+07:00')).toMatchObject({ status: 'late', lateByMs: 1000 });
    await waitFor(() => batches.some((b) => b.changes.some((c) => c.kind === 'compliance' && c.entry.agency === 'P79' && c.entry.status === 'late')), 3000, "P79's late report");

    clock = at('2025-08-22T12:00:00+07:00');
    const overdue = await compliance('regime=TINH-KTXH-THANG&period=2025-08&status=missing');
    expect(overdue.entries).toHaveLength(32);
    expect(new Set(overdue.entries.map((e) => e.overdueByMs))).toEqual(new Set([clock - at('2025-08-20T23:59:59+07:00')]));
    const summary = (await compliance('regime=TINH-KTXH-THANG&period=2025-08&summary=regime')).summary!;
    expect(summary).toEqual([{ key: 'TINH-KTXH-THANG', counts: { 'on-time': 1, late: 1, missing: 32, 'not-due': 0 }, due: 34, onTimeRate: 1 / 34, maxLateByMs: 1000 }]);
    wall.disconnect();
  });

  it('judges timeliness on the first report: a revision counts, but changes no status and pushes nothing', async () => {
    const wall = await h.connect('/feed', h.server.wallToken);
    const batches = collect<ChangeBatch>(wall, 'changes');
    await emitWithAck(wall, 'subscribe', { lastSeq: h.server.store.changes.head(), indicators: [], regions: null, compliance: true });
    expect(await submit('BCA-TNGT-THANG', 'BCA', '2025-08', '2025-08-25T08:00:00+07:00')).toMatchObject({ status: 'on-time', receivedAt: '2025-08-20T23:59:59.500+07:00', revisions: 1 });
    // A later first report as a marker (Hải Phòng's, late): once its change is in, whatever
    // the revision pushed would be in too, since one socket delivers in commit order.
    expect(await submit('TINH-KTXH-THANG', 'P31', '2025-08', '2025-08-25T08:00:00+07:00')).toMatchObject({ status: 'late' });
    const changes = () => batches.flatMap((b) => b.changes).filter((c) => c.kind === 'compliance');
    await waitFor(() => changes().some((c) => c.kind === 'compliance' && c.entry.agency === 'P31' && c.entry.status === 'late'), 3000, "the marker: P31's late report");
    expect(changes().filter((c) => c.kind === 'compliance' && c.entry.regime === 'BCA-TNGT-THANG' && c.entry.period === '2025-08')).toEqual([]);
    wall.disconnect();
  });

  it('counts quarterly and nine-month deadlines from their 15th-to-14th windows', async () => {
    expect(await submit('TINH-KTXH-9T', 'P48', '2025-9M', '2025-09-20T16:00:00+07:00')).toMatchObject({ status: 'on-time' });
    // On Sunday 21 September the quarter's report is not overdue: the 20th was a Saturday.
    clock = at('2025-09-21T08:00:00+07:00');
    expect((await compliance('regime=BHXH-BHYT-QUY&period=2025-Q3')).entries).toEqual([expect.objectContaining({ status: 'not-due', deadline: '2025-09-22T23:59:59+07:00' })]);
    // Eight hours and a second after 23:59:59 on Monday 22 September.
    expect(await submit('BHXH-BHYT-QUY', 'BHXH', '2025-Q3', '2025-09-23T08:00:00+07:00')).toMatchObject({ status: 'late', lateByMs: 8 * 3_600_000 + 1000 });
    const nine = await compliance('regime=TINH-KTXH-9T&period=2025-9M&agency=P48,P01');
    expect(nine.entries.map((e) => [e.agency, e.status])).toEqual([
      ['P01', 'missing'],
      ['P48', 'on-time'],
    ]);
    // A submitter sees its own agency's compliance only.
    const token = (await h.api<{ token: string }>('POST', '/api/v1/tokens', { body: { role: 'submitter', agency: 'P48', label: 'Đà Nẵng' } })).body.token;
    const own = complianceListSchema.parse((await h.api('GET', '/api/v1/compliance?regime=TINH-KTXH-9T', { token })).body);
    expect(own.entries.map((e) => e.agency)).toEqual(['P48']);
    expect((await h.api('GET', '/api/v1/compliance?agency=P01', { token })).status).toBe(403);
  });

  it('keeps its statuses across a restart and catches up with the calendar on start', async () => {
    const dataDir = h.dataDir;
    await h.stop();
    clock = at('2025-09-23T09:00:00+07:00');
    h = await startHarness({ dataDir, now: () => clock, compliance: { tickMs: 20 } });
    // CTK's August report was due on 6 September (a Saturday: Monday 8) and never came; September's month has begun.
    expect((await compliance('regime=CTK-KTXH-THANG')).entries.map((e) => [e.period, e.status])).toEqual([
      ['2025-07', 'late'],
      ['2025-08', 'missing'],
      ['2025-09', 'not-due'],
    ]);
    // BCA's September report was due on the 20th (a Saturday: Monday 22); October's window opened on 15 September.
    expect((await compliance('regime=BCA-TNGT-THANG')).entries.map((e) => [e.period, e.status])).toEqual([
      ['2025-08', 'on-time'],
      ['2025-09', 'missing'],
      ['2025-10', 'not-due'],
    ]);
  });
});
