import { duePeriods, deadlineOf, type Deadline, type RegimeTiming } from '../../../shared/regimes/calendar';
import { PROVINCES } from '../../../shared/regions';
import type { ServerProcess } from './server';

/**
 * Seeds a server for the widget gallery (layouts/trung-bay-o-hien-thi.json) through the
 * real API, as agencies would report: every value goes through POST /api/v1/reports and
 * its validation, the compliance service and the feed.
 *
 * Why explicit reports and not `--simulate`: the simulator is deterministic for a seed but
 * plays a year of every regime against the clock (hundreds of reports, slow on two cores),
 * keeps posting revisions while the test reads the wall, and its figures would have to be
 * recomputed to know what the wall should show. Here every figure and every receipt time is
 * chosen, so the test compares the wall with exactly what was sent.
 *
 * The figures are invented (quarter and month after the published national data), so they
 * are submitted with demo submitter tokens, one per reporting agency, and the wall marks
 * them «DEMO» (simulated data). Demo tokens are also the only ones that may date a report back
 * (`?receivedAt=`), which is how a realistic compliance history is built: on time, late by
 * a few days, missing. The national figures of the CSV seed stay as published (not demo).
 *
 * Everything is relative to the moment the seed runs (the server judges deadlines with the
 * same clock), so the test means the same on any day:
 * - CTK-GRDP-QUY (PROV_GRDP_GROWTH), compiled by the statistics office for all 34 provinces:
 *   one report of the newest quarter whose deadline has passed and one of the quarter before
 *   it (the previous figures), both on time;
 * - VPCP-TTHC-QUY (administrative procedures), the newest quarter whose deadline has passed:
 *   all 34 provinces, TTHC_LATE late by 1–9 days, the rest on time; the quarter before it:
 *   all on time (the start of the compliance history);
 * - TINH-KTXH-THANG, the newest month whose deadline has passed: 30 provinces report
 *   (TINH_LATE late), TINH_MISSING never do;
 * - BTC-NSNN-THANG (BUDGET_REVENUE, BUDGET_EXPENDITURE), the six newest due months, on time.
 */

/** GRDP growth of the newest due quarter, % year on year, by province code (demo figures). */
export const GRDP_GROWTH: Readonly<Record<string, number>> = {
  '01': 8.2,
  '04': 6.1,
  '08': 7.4,
  '11': 4.6,
  '12': 5.3,
  '14': 6.8,
  '15': 8.9,
  '19': 7.9,
  '20': 6.5,
  '22': 11.2,
  '24': 10.8,
  '25': 9.6,
  '31': 11.6,
  '33': 9.1,
  '37': 10.1,
  '38': 9.4,
  '40': 8.5,
  '42': 7.1,
  '44': 6.9,
  '46': 8.0,
  '48': 9.8,
  '51': 7.6,
  '52': 7.3,
  '56': 8.7,
  '66': 6.3,
  '68': 7.0,
  '75': 9.3,
  '79': 8.4,
  '80': 8.8,
  '82': 6.6,
  '86': 7.2,
  '91': 7.7,
  '92': 7.5,
  '96': 5.9,
};

/** Provinces whose administrative-procedure report (VPCP-TTHC-QUY) of the newest due quarter came in late, with how many days after the deadline day. */
export const TTHC_LATE: Readonly<Record<string, number>> = { '04': 6, '12': 1, '44': 2, '66': 3, '82': 4, '96': 9 };

/** Provinces that never sent the monthly socio-economic report (TINH-KTXH-THANG) of the newest due month. */
export const TINH_MISSING: readonly string[] = ['11', '12', '52', '96'];

/** Provinces whose monthly report came in late, days after the deadline day. */
export const TINH_LATE: Readonly<Record<string, number>> = { '04': 1, '20': 2, '44': 3, '68': 4, '86': 5 };

/** National budget revenue, year to date (nghìn tỷ đồng), newest month last. */
export const BUDGET_REVENUE = [1107.1, 1315.8, 1524.5, 1733.2, 1941.9, 2150.6] as const;

const DAY_MS = 86_400_000;

export interface GallerySeed {
  /** The instant the seed judged "now" by. */
  now: number;
  grdp: { regime: 'CTK-GRDP-QUY'; period: string; previous: string; deadline: Deadline; values: Readonly<Record<string, number>> };
  tthc: { regime: 'VPCP-TTHC-QUY'; period: string; deadline: Deadline };
  tinh: { regime: 'TINH-KTXH-THANG'; period: string; deadline: Deadline; reported: string[] };
  budget: { regime: 'BTC-NSNN-THANG'; periods: string[]; values: readonly number[] };
  /** What the compliance board (both regimes, their newest due period, 34 provinces) must count. */
  complianceCounts: { 'on-time': number; late: number; missing: number; 'not-due': number };
  /** Every late report, as the ticker names them: regime, province code, period, days late (as received, after any clamp to now). */
  lateReports: { regime: string; region: string; period: string; days: number; receivedAt: number }[];
}

interface RegimeDetail extends RegimeTiming {
  code: string;
  effectiveFrom: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** At most `limit` promises at a time (the server is on the same two cores as Chromium). */
async function inTurn<T>(jobs: (() => Promise<T>)[], limit = 4): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]!();
      }
    }),
  );
  return results;
}

export async function seedGallery(server: ServerProcess, now = Date.now()): Promise<GallerySeed> {
  const regime = async (code: string): Promise<RegimeDetail> => {
    const answer = await server.api<RegimeDetail>('GET', `/api/v1/regimes/${code}`);
    if (answer.status !== 200) throw new Error(`GET /api/v1/regimes/${code}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const [grdpRegime, tthcRegime, tinhRegime, budgetRegime] = await Promise.all([regime('CTK-GRDP-QUY'), regime('VPCP-TTHC-QUY'), regime('TINH-KTXH-THANG'), regime('BTC-NSNN-THANG')]);

  // One demo submitter token per reporting agency.
  const tokens = new Map<string, string>();
  const agencies = [...PROVINCES.map((p) => `P${p.code}`), 'BTC', 'CTK'];
  await inTurn(
    agencies.map((agency) => async () => {
      const answer = await server.api<{ token: string }>('POST', '/api/v1/tokens', { role: 'submitter', agency, label: `gallery ${agency}`, demo: true });
      if (answer.status !== 201) throw new Error(`creating the demo token of ${agency}: ${answer.status} ${JSON.stringify(answer.body)}`);
      tokens.set(agency, answer.body.token);
    }),
  );

  const post = async (agency: string, receivedAt: number, report: object) => {
    if (receivedAt > now) throw new Error(`seed: a report of ${agency} dated in the future`);
    const answer = await server.api('POST', `/api/v1/reports?receivedAt=${encodeURIComponent(iso(receivedAt))}`, report, tokens.get(agency)!);
    if (answer.status !== 201) throw new Error(`seed: ${agency} ${JSON.stringify(report).slice(0, 120)}… answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  };
  /** On time: `days` before the end of the deadline day. Late: `days` after it, but never after now. */
  const onTime = (deadline: Deadline, days: number) => deadline.ms - days * DAY_MS;
  const late = (deadline: Deadline, days: number) => Math.min(deadline.ms + days * DAY_MS, now - 60_000);
  /** Days late as walls count them: calendar days after the deadline day (see board-compliance's daysLate). */
  const daysAfter = (deadline: Deadline, at: number) => Math.max(1, Math.ceil((at - deadline.ms) / DAY_MS));

  // --- GRDP of every province, one report of the statistics office a quarter: the quarter before, then the newest due one.
  const grdpDue = duePeriods(grdpRegime, now);
  const grdpPeriod = grdpDue[grdpDue.length - 1]!;
  const grdpPrevious = grdpDue[grdpDue.length - 2]!;
  const grdpDeadline = deadlineOf(grdpRegime, grdpPeriod);
  const grdpValues = (shift: (i: number) => number) =>
    PROVINCES.map((p, i) => ({ indicator: 'PROV_GRDP_GROWTH', region: p.code, value: Math.round((GRDP_GROWTH[p.code]! + shift(i)) * 10) / 10 }));
  await post('CTK', onTime(deadlineOf(grdpRegime, grdpPrevious), 2), {
    regime: 'CTK-GRDP-QUY',
    agency: 'CTK',
    period: grdpPrevious,
    status: 'official',
    values: grdpValues((i) => -0.4 + (i % 3) * 0.3),
  });
  await post('CTK', onTime(grdpDeadline, 1), { regime: 'CTK-GRDP-QUY', agency: 'CTK', period: grdpPeriod, status: 'official', values: grdpValues(() => 0) });

  // --- Administrative procedures, by every province: the quarter before (all on time), then the newest due quarter.
  const tthcDue = duePeriods(tthcRegime, now);
  const tthcPeriod = tthcDue[tthcDue.length - 1]!;
  const tthcPrevious = tthcDue[tthcDue.length - 2]!;
  const tthcDeadline = deadlineOf(tthcRegime, tthcPeriod);
  const previousDeadline = deadlineOf(tthcRegime, tthcPrevious);
  const lateReports: GallerySeed['lateReports'] = [];
  const tthcValues = (i: number) => [
    { indicator: 'PROV_ONLINE_APPLICATION_RATE', value: 40 + ((i * 13) % 50) },
    { indicator: 'PROV_RECORDS_ON_TIME_RATE', value: 90 + ((i * 7) % 10) },
  ];
  await inTurn(
    PROVINCES.map((p, i) => () =>
      post(`P${p.code}`, onTime(previousDeadline, 1 + (i % 2)), { regime: 'VPCP-TTHC-QUY', agency: `P${p.code}`, period: tthcPrevious, status: 'official', values: tthcValues(i) }),
    ),
  );
  await inTurn(
    PROVINCES.map((p, i) => () => {
      const daysLate = TTHC_LATE[p.code];
      const at = daysLate === undefined ? onTime(tthcDeadline, 1 + (i % 3)) : late(tthcDeadline, daysLate);
      if (daysLate !== undefined) lateReports.push({ regime: 'VPCP-TTHC-QUY', region: p.code, period: tthcPeriod, days: daysAfter(tthcDeadline, at), receivedAt: at });
      return post(`P${p.code}`, at, { regime: 'VPCP-TTHC-QUY', agency: `P${p.code}`, period: tthcPeriod, status: 'official', values: tthcValues(i + 1) });
    }),
  );

  // --- The provinces' monthly socio-economic report: 30 of 34, a few late.
  const tinhDue = duePeriods(tinhRegime, now);
  const tinhPeriod = tinhDue[tinhDue.length - 1]!;
  const tinhDeadline = deadlineOf(tinhRegime, tinhPeriod);
  const reported = PROVINCES.filter((p) => !TINH_MISSING.includes(p.code));
  await inTurn(
    reported.map((p, i) => () => {
      const daysLate = TINH_LATE[p.code];
      const at = daysLate === undefined ? onTime(tinhDeadline, 1 + (i % 3)) : late(tinhDeadline, daysLate);
      if (daysLate !== undefined) lateReports.push({ regime: 'TINH-KTXH-THANG', region: p.code, period: tinhPeriod, days: daysAfter(tinhDeadline, at), receivedAt: at });
      // Revenue against the year's estimate, 62–118 %; revenue and retail sales in tỷ đồng.
      const rate = 62 + ((i * 37) % 57) + (i % 2) * 0.5;
      return post(`P${p.code}`, at, {
        regime: 'TINH-KTXH-THANG',
        agency: `P${p.code}`,
        period: tinhPeriod,
        status: 'official',
        values: [
          { indicator: 'PROV_BUDGET_REVENUE', value: 4200 + ((i * 1913) % 38000) },
          { indicator: 'PROV_BUDGET_REVENUE_ESTIMATE_RATE', value: rate },
          { indicator: 'PROV_RETAIL_SALES', value: 9800 + ((i * 2711) % 61000) },
          { indicator: 'PROV_IIP_GROWTH', value: Math.round((5 + ((i * 7) % 11) * 0.9) * 10) / 10 },
        ],
      });
    }),
  );

  // --- National budget revenue, the six newest due months, on time (a KPI that is fresh today).
  const budgetPeriods = duePeriods(budgetRegime, now).slice(-BUDGET_REVENUE.length);
  for (const [k, period] of budgetPeriods.entries()) {
    const revenue = BUDGET_REVENUE[k]!;
    await post('BTC', onTime(deadlineOf(budgetRegime, period), 1), {
      regime: 'BTC-NSNN-THANG',
      agency: 'BTC',
      period,
      status: 'official',
      values: [
        { indicator: 'BUDGET_REVENUE', value: revenue },
        { indicator: 'BUDGET_EXPENDITURE', value: Math.round(revenue * 0.86 * 10) / 10 },
      ],
    });
  }

  const tthcLate = Object.keys(TTHC_LATE).length;
  const tinhLate = Object.keys(TINH_LATE).length;
  return {
    now,
    grdp: { regime: 'CTK-GRDP-QUY', period: grdpPeriod, previous: grdpPrevious, deadline: grdpDeadline, values: GRDP_GROWTH },
    tthc: { regime: 'VPCP-TTHC-QUY', period: tthcPeriod, deadline: tthcDeadline },
    tinh: { regime: 'TINH-KTXH-THANG', period: tinhPeriod, deadline: tinhDeadline, reported: reported.map((p) => p.code) },
    budget: { regime: 'BTC-NSNN-THANG', periods: budgetPeriods, values: BUDGET_REVENUE },
    complianceCounts: {
      'on-time': PROVINCES.length - tthcLate + reported.length - tinhLate,
      late: tthcLate + tinhLate,
      missing: TINH_MISSING.length,
      'not-due': 0,
    },
    lateReports,
  };
}
