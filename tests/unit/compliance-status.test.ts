import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../server/catalog/load';
import { PROVINCE_AGENCIES } from '../../shared/agencies';
import { complianceFor, complianceReport, queryCompliance, summarizeCompliance, type ReceivedSubmission } from '../../shared/compliance/status';
import { deadlineOf, duePeriods, toInstant } from '../../shared/regimes/calendar';
import type { Regime } from '../../shared/regimes/schema';

const catalog = loadCatalog();
const regime = (code: string): Regime => catalog.regimes.find((r) => r.code === code)!;
const ms = (iso: string) => toInstant(iso);
const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// The hand-checked calendar of BCA-TNGT-THANG (monthly, data from the 15th of the previous
// month to the 14th, due by the 20th at 23:59:59+07:00):
//   2025-01  window 2024-12-15..2025-01-14  deadline 2025-01-20T23:59:59+07:00
//   2025-02  window 2025-01-15..2025-02-14  deadline 2025-02-20T23:59:59+07:00
//   2025-03  window 2025-02-15..2025-03-14  deadline 2025-03-20T23:59:59+07:00
//   2025-04  window 2025-03-15..2025-04-14  the 20th is a Sunday: deadline 2025-04-21T23:59:59+07:00
describe('compliance of one ministry against a hand-checked calendar', () => {
  const traffic = regime('BCA-TNGT-THANG');
  const submissions: ReceivedSubmission[] = [
    // January: in at the very last second → on time.
    { regime: 'BCA-TNGT-THANG', agency: 'BCA', period: '2025-01', receivedAt: '2025-01-20T23:59:59+07:00', id: 'jan' },
    // February: 30 seconds after midnight → late by 31 s (counted from 23:59:59).
    { regime: 'BCA-TNGT-THANG', agency: 'BCA', period: '2025-02', receivedAt: '2025-02-21T00:00:30+07:00', id: 'feb' },
    // March: a refused attempt on the 19th counts for nothing; the first accepted one is
    // 25 March 10:00 → late by 4 days 10 h 0 min 1 s; the revision on the 26th changes nothing.
    { regime: 'BCA-TNGT-THANG', agency: 'BCA', period: '2025-03', receivedAt: '2025-03-19T09:00:00+07:00', accepted: false, id: 'mar-refused' },
    { regime: 'BCA-TNGT-THANG', agency: 'BCA', period: '2025-03', receivedAt: '2025-03-26T08:00:00+07:00', id: 'mar-revision' },
    { regime: 'BCA-TNGT-THANG', agency: 'BCA', period: '2025-03', receivedAt: '2025-03-25T10:00:00+07:00', id: 'mar' },
    // Noise: another regime, another period.
    { regime: 'CTK-KTXH-THANG', agency: 'CTK', period: '2025-04', receivedAt: '2025-04-01T00:00:00+07:00' },
    { regime: 'BCA-TNGT-THANG', agency: 'BCA', period: '2024-12', receivedAt: '2024-12-18T00:00:00+07:00' },
  ];
  const periods = ['2025-04', '2025-01', '2025-03', '2025-02', '2025-03'];

  it('checks the calendar it relies on', () => {
    expect(periods.map((p) => deadlineOf(traffic, p).at)).toEqual([
      '2025-04-21T23:59:59+07:00',
      '2025-01-20T23:59:59+07:00',
      '2025-03-20T23:59:59+07:00',
      '2025-02-20T23:59:59+07:00',
      '2025-03-20T23:59:59+07:00',
    ]);
  });

  it('on time, late by how long, not yet due — as of 20 April noon', () => {
    const entries = complianceFor({ regime: traffic, periods, submissions, now: '2025-04-20T12:00:00+07:00' });
    expect(entries).toEqual([
      {
        regime: 'BCA-TNGT-THANG',
        agency: 'BCA',
        period: '2025-01',
        status: 'on-time',
        deadline: '2025-01-20T23:59:59+07:00',
        deadlineMs: ms('2025-01-20T23:59:59+07:00'),
        receivedAt: '2025-01-20T23:59:59+07:00',
        revisions: 0,
        submissionId: 'jan',
      },
      {
        regime: 'BCA-TNGT-THANG',
        agency: 'BCA',
        period: '2025-02',
        status: 'late',
        deadline: '2025-02-20T23:59:59+07:00',
        deadlineMs: ms('2025-02-20T23:59:59+07:00'),
        receivedAt: '2025-02-21T00:00:30+07:00',
        lateByMs: 31 * SECOND,
        revisions: 0,
        submissionId: 'feb',
      },
      {
        regime: 'BCA-TNGT-THANG',
        agency: 'BCA',
        period: '2025-03',
        status: 'late',
        deadline: '2025-03-20T23:59:59+07:00',
        deadlineMs: ms('2025-03-20T23:59:59+07:00'),
        receivedAt: '2025-03-25T10:00:00+07:00',
        lateByMs: 4 * DAY + 10 * HOUR + SECOND,
        revisions: 1,
        submissionId: 'mar',
      },
      {
        regime: 'BCA-TNGT-THANG',
        agency: 'BCA',
        period: '2025-04',
        status: 'not-due',
        deadline: '2025-04-21T23:59:59+07:00',
        deadlineMs: ms('2025-04-21T23:59:59+07:00'),
        revisions: 0,
      },
    ]);
  });

  it('missing once the deadline day is over', () => {
    // Sunday 20 April is not the deadline: the report may still come on Monday 21.
    const sunday = complianceFor({ regime: traffic, periods: ['2025-04'], submissions, now: '2025-04-21T00:00:00+07:00' });
    expect(sunday[0]!.status).toBe('not-due');
    const lastSecond = complianceFor({ regime: traffic, periods: ['2025-04'], submissions, now: '2025-04-21T23:59:59.999+07:00' });
    expect(lastSecond[0]!.status).toBe('not-due');
    const midnight = complianceFor({ regime: traffic, periods: ['2025-04'], submissions, now: '2025-04-22T00:00:00+07:00' });
    expect(midnight[0]).toMatchObject({ status: 'missing', overdueByMs: SECOND });
    const later = complianceFor({ regime: traffic, periods: ['2025-04'], submissions, now: '2025-05-01T00:00:00+07:00' });
    // From 21 April 23:59:59 to 1 May 00:00:00: 9 days and 1 second.
    expect(later[0]).toMatchObject({ status: 'missing', overdueByMs: 9 * DAY + SECOND });
  });

  it('is "as of now": submissions received later do not count yet', () => {
    // On 24 March the first accepted March report (25 March) has not arrived: missing.
    const asOf24 = complianceFor({ regime: traffic, periods: ['2025-03'], submissions, now: '2025-03-24T00:00:00+07:00' });
    expect(asOf24[0]).toMatchObject({ status: 'missing', revisions: 0 });
    // On 25 March at noon it is in, late, with no revision yet.
    const asOf25 = complianceFor({ regime: traffic, periods: ['2025-03'], submissions, now: '2025-03-25T12:00:00+07:00' });
    expect(asOf25[0]).toMatchObject({ status: 'late', revisions: 0, submissionId: 'mar' });
  });

  it('a report sent before the window closes (an early estimate) is on time; former agency codes count', () => {
    const quarterly = regime('BHXH-BHYT-QUY'); // 2025-Q1: window 2024-12-15..2025-03-14, due 2025-03-20
    const early = complianceFor({
      regime: quarterly,
      periods: ['2025-Q1'],
      submissions: [{ regime: 'BHXH-BHYT-QUY', agency: 'BHXH', period: '2025-Q1', receivedAt: '2025-03-10T09:00:00+07:00' }],
      now: '2025-06-01T00:00:00+07:00',
    });
    expect(early[0]).toMatchObject({ status: 'on-time', deadline: '2025-03-20T23:59:59+07:00' });
    // 2025-03 due the 6th of April, a Sunday; Monday 7 April is Giỗ Tổ: Tuesday 8 April.
    const stats = regime('CTK-KTXH-THANG');
    const former = complianceFor({
      regime: stats,
      periods: ['2025-03'],
      submissions: [{ regime: 'CTK-KTXH-THANG', agency: 'TCTK', period: '2025-03', receivedAt: Date.parse('2025-04-05T02:00:00Z') }],
      now: '2025-05-01T00:00:00+07:00',
    });
    expect(former).toMatchObject([{ agency: 'CTK', status: 'on-time', deadline: '2025-04-08T23:59:59+07:00', receivedAt: '2025-04-05T09:00:00+07:00' }]);
  });

  it('judges a deadline that falls on Tết by the next working day (Tết 2026)', () => {
    // The provinces' February 2026 report is due Friday 20 February, mùng 4 Tết: Monday 23.
    const provinces = regime('TINH-KTXH-THANG');
    const entries = complianceFor({
      regime: provinces,
      agencies: ['P01', 'P79', 'P48'],
      periods: ['2026-02'],
      submissions: [
        { regime: 'TINH-KTXH-THANG', agency: 'P01', period: '2026-02', receivedAt: '2026-02-23T16:00:00+07:00' },
        { regime: 'TINH-KTXH-THANG', agency: 'P79', period: '2026-02', receivedAt: '2026-02-24T08:00:00+07:00' },
      ],
      now: '2026-02-25T00:00:00+07:00',
    });
    expect(entries).toMatchObject([
      { agency: 'P01', status: 'on-time', deadline: '2026-02-23T23:59:59+07:00' },
      // Late from the moved deadline, not from the 20th: 8 h and 1 s.
      { agency: 'P79', status: 'late', lateByMs: 8 * HOUR + SECOND },
      { agency: 'P48', status: 'missing', overdueByMs: DAY + SECOND },
    ]);
  });
});

// TINH-KTXH-THANG: the 34 provinces, monthly, cutoff 15, due the 20th. August 2025:
// window 2025-07-15..2025-08-14, deadline 2025-08-20T23:59:59+07:00.
describe('compliance of the 34 provinces', () => {
  const provinces = regime('TINH-KTXH-THANG');
  const agencies = PROVINCE_AGENCIES.map((a) => a.code);
  const late = new Map([
    ['P01', '2025-08-21T08:00:00+07:00'], // late by 8 h 0 min 1 s
    ['P79', '2025-08-22T23:59:59+07:00'], // late by exactly 2 days
    ['P96', '2025-08-21T00:00:00+07:00'], // late by 1 s
  ]);
  const missing = new Set(['P04']);
  const submissions: ReceivedSubmission[] = agencies
    .filter((a) => !missing.has(a))
    .map((agency) => ({ regime: 'TINH-KTXH-THANG', agency, period: '2025-08', receivedAt: late.get(agency) ?? '2025-08-18T15:00:00+07:00' }));
  const now = '2025-09-01T00:00:00+07:00';
  const entries = complianceFor({ regime: provinces, periods: duePeriods(provinces, now), submissions, now });

  it("judges every province for every period due since the regime's start", () => {
    // Due by 1 September: July (20 Jul) and August (20 Aug); nobody sent July.
    expect(entries).toHaveLength(34 * 2);
    expect(new Set(queryCompliance(entries, { period: '2025-07' }).map((e) => e.status))).toEqual(new Set(['missing']));
    const august = queryCompliance(entries, { period: '2025-08' });
    expect(august.filter((e) => e.status === 'on-time')).toHaveLength(30);
    expect(queryCompliance(august, { status: 'late' }).map((e) => [e.agency, e.lateByMs])).toEqual([
      ['P01', 8 * HOUR + SECOND],
      ['P79', 2 * DAY],
      ['P96', SECOND],
    ]);
    expect(queryCompliance(august, { status: 'missing' }).map((e) => e.agency)).toEqual(['P04']);
  });

  it('answers queries by any combination of regime, agency, period and status', () => {
    expect(queryCompliance(entries, { agency: ['P01', 'P04'], period: '2025-08' }).map((e) => e.status)).toEqual(['late', 'missing']);
    expect(queryCompliance(entries, { status: ['late', 'missing'], period: '2025-08' })).toHaveLength(4);
    expect(queryCompliance(entries, { regime: 'BCA-TNGT-THANG' })).toEqual([]);
    expect(queryCompliance(entries)).toHaveLength(68);
  });

  it('summarises by period and by agency', () => {
    const byPeriod = summarizeCompliance(entries, 'period');
    expect(byPeriod.map((s) => s.key)).toEqual(['2025-07', '2025-08']);
    expect(byPeriod[1]).toEqual({ key: '2025-08', counts: { 'on-time': 30, late: 3, missing: 1, 'not-due': 0 }, due: 34, onTimeRate: 30 / 34, maxLateByMs: 2 * DAY });
    expect(byPeriod[0]).toMatchObject({ counts: { missing: 34 }, onTimeRate: 0 });
    const hanoi = summarizeCompliance(entries, 'agency').find((s) => s.key === 'P01')!;
    expect(hanoi.counts).toEqual({ 'on-time': 0, late: 1, missing: 1, 'not-due': 0 });
    const notDue = summarizeCompliance(complianceFor({ regime: provinces, periods: ['2025-09'], submissions: [], now }), 'regime');
    expect(notDue).toEqual([{ key: 'TINH-KTXH-THANG', counts: { 'on-time': 0, late: 0, missing: 0, 'not-due': 34 }, due: 0, onTimeRate: null, maxLateByMs: 0 }]);
  });
});

describe('compliance properties', () => {
  const traffic = regime('BCA-TNGT-THANG');
  const deadline = deadlineOf(traffic, '2025-03').ms;

  it('on time exactly up to the end of the deadline second; lateness counted from 23:59:59', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40 * DAY, max: 40 * DAY }), fc.integer({ min: 0, max: 60 * DAY }), (offset, after) => {
        const received = deadline + offset;
        const now = Math.max(received, deadline) + after;
        const [entry] = complianceFor({ regime: traffic, periods: ['2025-03'], submissions: [{ regime: traffic.code, agency: 'BCA', period: '2025-03', receivedAt: received }], now });
        if (offset < SECOND) expect(entry).toMatchObject({ status: 'on-time' });
        else expect(entry).toMatchObject({ status: 'late', lateByMs: offset });
      }),
    );
  });

  it('without a report: not due, then missing; the order of submissions never matters', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40 * DAY, max: 40 * DAY }), (offset) => {
        const [entry] = complianceFor({ regime: traffic, periods: ['2025-03'], submissions: [], now: deadline + offset });
        expect(entry!.status).toBe(offset < SECOND ? 'not-due' : 'missing');
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5 * DAY, max: 5 * DAY }), { minLength: 1, maxLength: 6 }), (offsets) => {
        const subs = offsets.map((o) => ({ regime: traffic.code, agency: 'BCA', period: '2025-03', receivedAt: deadline + o }));
        const now = deadline + 6 * DAY;
        const a = complianceFor({ regime: traffic, periods: ['2025-03'], submissions: subs, now });
        const b = complianceFor({ regime: traffic, periods: ['2025-03'], submissions: [...subs].reverse(), now });
        expect(a).toEqual(b);
        expect(a[0]!.revisions).toBe(offsets.length - 1);
        expect(a[0]!.status).toBe(Math.min(...offsets) < SECOND ? 'on-time' : 'late');
      }),
    );
  });
});

describe('compliance across the catalogue', () => {
  const now = '2025-09-01T00:00:00+07:00';
  const submissions: ReceivedSubmission[] = [
    { regime: 'BCA-TNGT-THANG', agency: 'BCA', period: '2025-08', receivedAt: '2025-08-19T10:00:00+07:00' },
    { regime: 'BNNMT-THIENTAI', agency: 'P38', period: '2025-08-20..2025-08-26', receivedAt: '2025-08-28T07:00:00+07:00' },
    { regime: 'BNNMT-THIENTAI', agency: 'P40', period: '2025-08-20..2025-08-26', receivedAt: '2025-08-27T20:00:00+07:00' },
  ];
  const entries = complianceReport({ regimes: catalog.regimes, submissions, now, from: '2025-07', to: '2025-09' });

  it('judges every regular regime × reporter × period begun by now, from the regime\'s start', () => {
    // BCA-TNGT-THANG: July, August, September (its window 15 Aug–14 Sep has begun).
    expect(queryCompliance(entries, { regime: 'BCA-TNGT-THANG' }).map((e) => [e.period, e.status])).toEqual([
      ['2025-07', 'missing'],
      ['2025-08', 'on-time'],
      ['2025-09', 'not-due'],
    ]);
    // CTK-KTXH-THANG (calendar months, due the 6th of the next month): July is missing since 6 August;
    // August is due on 6 September; September's window begins on 1 September, so it is listed too.
    expect(queryCompliance(entries, { regime: 'CTK-KTXH-THANG' }).map((e) => [e.period, e.status])).toEqual([
      ['2025-07', 'missing'],
      ['2025-08', 'not-due'],
      ['2025-09', 'not-due'],
    ]);
    // The provinces' monthly regime: 34 × 3 entries. The yearly ones: nothing wholly inside July–September.
    expect(queryCompliance(entries, { regime: 'TINH-KTXH-THANG' })).toHaveLength(34 * 3);
    expect(queryCompliance(entries, { regime: 'CTK-KTXH-NAM' })).toEqual([]);
  });

  it('judges ad-hoc reports only where a report names the event', () => {
    // The window 20–26 August is due on the 27th: Nghệ An (P40) on time, Thanh Hóa (P38) late by 7 h 0 min 1 s.
    expect(queryCompliance(entries, { regime: 'BNNMT-THIENTAI' }).map((e) => [e.agency, e.status, e.lateByMs])).toEqual([
      ['P38', 'late', 7 * HOUR + SECOND],
      ['P40', 'on-time', undefined],
    ]);
  });
});
