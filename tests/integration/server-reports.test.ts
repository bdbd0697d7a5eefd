import { CENTRAL_AGENCIES } from '../../shared/agencies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeBatchSchema, snapshotSchema, type ChangeBatch, type Snapshot } from '../../shared/protocol/feed';
import type { Observation } from '../../shared/protocol/model';
import {
  agencyListSchema,
  apiErrorSchema,
  indicatorListSchema,
  observationListSchema,
  regimeDetailSchema,
  regimeListSchema,
  reportAcceptedSchema,
  submissionDetailSchema,
  submissionListSchema,
  validationFailureSchema,
  type ReportAccepted,
  type ReportInput,
} from '../../shared/protocol/report';
import { submissionToCsv } from '../../shared/regimes/csv';
import { exampleSubmission } from '../../shared/regimes/example';
import { provincesTopoPath } from '../support/paths';
import { emitWithAck, nextEvent, startHarness, type Harness } from '../helpers/server-harness';

/** Every request here runs at one instant of Viet Nam's time, so that periods and deadlines are fixed. */
const NOW = Date.parse('2026-03-16T10:00:00+07:00');

let h: Harness;
let hanoi: string;
let operator: string;
let demo: string;

const regime = (code: string) => h.server.catalog.regimes.find((r) => r.code === code)!;
const fingerprint = () => h.server.store.fingerprint();

/** CTK's monthly report (national, three required fields). */
const ctkMonthly = (period: string, retail: number, status: 'estimate' | 'official' = 'official'): ReportInput => ({
  regime: 'CTK-KTXH-THANG',
  agency: 'CTK',
  period,
  status,
  values: [
    { indicator: 'IIP_GROWTH', value: 9.1 },
    { indicator: 'RETAIL_SALES', value: retail, unit: 'nghìn tỷ đồng' },
    { indicator: 'CPI_AVG', region: 'VN', value: 3.2 },
  ],
});

beforeAll(async () => {
  h = await startHarness({ now: () => NOW, geoPath: provincesTopoPath, rateLimit: { ratePerSecond: 1000, burst: 1000 } });
  const token = async (body: object) => (await h.api<{ token: string }>('POST', '/api/v1/tokens', { body })).body.token;
  hanoi = await token({ role: 'submitter', agency: 'P01', label: 'Hà Nội' });
  operator = await token({ role: 'operator', label: 'console' });
  demo = await token({ role: 'submitter', agency: 'P79', label: 'demo HCMC', demo: true });
});
afterAll(async () => {
  await h?.cleanup();
});

describe('POST /api/v1/reports', () => {
  it('accepts a valid JSON report, stores it with its provenance, pushes it to a wall and makes it queryable', async () => {
    const wall = await h.connect('/feed', h.server.wallToken);
    const snapshot = nextEvent<Snapshot>(wall, 'snapshot');
    expect(await emitWithAck(wall, 'subscribe', { lastSeq: null, indicators: ['RETAIL_SALES'], regions: null })).toMatchObject({ ok: true, mode: 'snapshot' });
    const head = snapshotSchema.parse(await snapshot).seq;

    const live = nextEvent<ChangeBatch>(wall, 'changes');
    const r = await h.api<ReportAccepted>('POST', '/api/v1/reports', { token: operator, body: ctkMonthly('2026-01', 612.4, 'estimate') });
    expect(r.status, r.text).toBe(201);
    const accepted = reportAcceptedSchema.parse(r.body);
    expect(accepted).toMatchObject({ regime: 'CTK-KTXH-THANG', agency: 'CTK', period: '2026-01', status: 'estimate', revision: 1, demo: false, format: 'json', valueCount: 3, replayed: false });
    expect(accepted.receivedAt).toBe(new Date(NOW).toISOString());
    expect(accepted.observations).toHaveLength(3);
    for (const o of accepted.observations) {
      expect(o).toMatchObject({ region: 'VN', period: '2026-01', status: 'estimate', demo: false, vintage: accepted.receivedAt });
      expect(o.provenance).toEqual({ submissionId: accepted.id, agency: 'CTK', regime: 'CTK-KTXH-THANG', source: null, revision: 1 });
    }
    // The deadline of January (6 February) has passed: received 16 March, it is late.
    expect(accepted.compliance).toMatchObject({ status: 'late', deadline: '2026-02-06T23:59:59+07:00' });

    // Only the subscribed indicator reaches the wall, in one batch whose seq is the submission's.
    const batch = changeBatchSchema.parse(await live);
    expect(batch.seq).toBe(accepted.seq);
    expect(batch.changes).toHaveLength(1);
    expect(batch.changes[0]).toMatchObject({ kind: 'observation', observation: { indicator: 'RETAIL_SALES', value: 612.4 } });
    expect(batch.changes[0]!.seq).toBeGreaterThan(head);

    const q = await h.api('GET', '/api/v1/observations?indicator=RETAIL_SALES&region=VN&period=2026-01', { token: operator });
    expect(observationListSchema.parse(q.body).observations).toEqual([accepted.observations[1]]);
    wall.disconnect();
  });

  it('accepts the same report as CSV, with the envelope in the query', async () => {
    const csv = 'region,IIP_GROWTH,RETAIL_SALES,CPI_AVG\r\nVN,8.7,598.25,3.05\r\n';
    const r = await h.api<ReportAccepted>('POST', '/api/v1/reports?regime=CTK-KTXH-THANG&agency=TCTK&period=2026-02&status=official', {
      token: operator,
      raw: csv,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(r.status, r.text).toBe(201);
    // TCTK is the statistics office's former code: stored under its current one.
    expect(reportAcceptedSchema.parse(r.body)).toMatchObject({ agency: 'CTK', period: '2026-02', format: 'csv', valueCount: 3 });
    expect(r.body.observations.map((o) => [o.indicator, o.value])).toEqual([
      ['IIP_GROWTH', 8.7],
      ['RETAIL_SALES', 598.25],
      ['CPI_AVG', 3.05],
    ]);
  });

  it('keeps every revision; the newest wins in the observations API and in a snapshot', async () => {
    const first = await h.api<ReportAccepted>('POST', '/api/v1/reports', { token: operator, body: ctkMonthly('2025-12', 600, 'estimate') });
    const second = await h.api<ReportAccepted>('POST', '/api/v1/reports', { token: operator, body: ctkMonthly('2025-12', 605.5) });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect([first.body.revision, second.body.revision]).toEqual([1, 2]);
    expect(second.body.compliance).toMatchObject({ revisions: 1 });

    const latest = await h.api<{ observations: Observation[] }>('GET', '/api/v1/observations?indicator=RETAIL_SALES&period=2025-12');
    expect(latest.body.observations.map((o) => [o.value, o.status, o.provenance.revision])).toEqual([[605.5, 'official', 2]]);
    const history = await h.api<{ observations: Observation[] }>('GET', '/api/v1/observations?indicator=RETAIL_SALES&period=2025-12&history=1');
    expect(history.body.observations.map((o) => [o.value, o.status, o.provenance.submissionId])).toEqual([
      [600, 'estimate', first.body.id],
      [605.5, 'official', second.body.id],
    ]);

    const detail = await h.api('GET', `/api/v1/submissions/${first.body.id}`, { token: operator });
    const parsed = submissionDetailSchema.parse(detail.body);
    expect(parsed.revisions.map((s) => [s.id, s.revision])).toEqual([
      [first.body.id, 1],
      [second.body.id, 2],
    ]);
    expect(parsed.values).toContainEqual({ indicator: 'RETAIL_SALES', region: 'VN', value: 600, unit: 'nghìn tỷ đồng' });

    const wall = await h.connect('/feed', h.server.wallToken);
    const snapshot = nextEvent<Snapshot>(wall, 'snapshot');
    await emitWithAck(wall, 'subscribe', { lastSeq: null, indicators: ['RETAIL_SALES'], regions: ['VN'] });
    const dec = (await snapshot).observations.filter((o) => o.period === '2025-12');
    expect(dec.map((o) => o.value)).toEqual([605.5]);
    wall.disconnect();
  });

  it('refuses a bad report with EVERY problem, in Vietnamese and English, and stores nothing', async () => {
    const before = fingerprint();
    const r = await h.api('POST', '/api/v1/reports', {
      token: hanoi,
      // 1e999 is valid JSON that parses to Infinity.
      raw: `{
        "regime": "TINH-KTXH-THANG",
        "agency": "P79",
        "period": "2026-Q1",
        "status": "maybe",
        "surprise": true,
        "values": [
          { "indicator": "NOT_AN_INDICATOR", "value": 1 },
          { "indicator": "PROV_BUDGET_REVENUE", "value": 1e999 },
          { "indicator": "PROV_RETAIL_SALES", "value": 3, "unit": "nghìn tỷ đồng" },
          { "indicator": "PROV_BUDGET_REVENUE_ESTIMATE_RATE", "value": 400 },
          { "indicator": "PROV_IIP_GROWTH", "region": "Hanoi", "value": "12" }
        ]
      }`,
    });
    expect(r.status).toBe(422);
    const failure = validationFailureSchema.parse(r.body);
    expect(failure.error).toMatchObject({ code: 'report.refused', message_en: expect.stringMatching(/nothing was stored/) });
    expect(failure.error.message_vi).toMatch(/không có gì được lưu/);
    const byPath = (path: string) => failure.errors.filter((e) => e.path === path).map((e) => e.message);
    expect(byPath('$.surprise')).toEqual(['unknown property "surprise"']);
    expect(byPath('$.status')).toHaveLength(1);
    // Hà Nội's token reports for Hà Nội; and P79 would not be the one to say so either way.
    expect(byPath('$.agency')).toEqual([expect.stringMatching(/this token reports for agency P01 only, not P79/)]);
    expect(byPath('$.period')).toEqual([expect.stringMatching(/regime TINH-KTXH-THANG is monthly/)]);
    expect(byPath('$.values[0].indicator')).toEqual([expect.stringMatching(/"NOT_AN_INDICATOR" is not a field of the template/)]);
    expect(byPath('$.values[1].value')).toEqual([expect.stringMatching(/not Infinity/)]);
    expect(byPath('$.values[2].unit')).toEqual([expect.stringMatching(/the unit of PROV_RETAIL_SALES is "tỷ đồng", not "nghìn tỷ đồng"/)]);
    expect(byPath('$.values[3].value')).toEqual([expect.stringMatching(/outside the allowed range \[0, 300\]/)]);
    expect(byPath('$.values[4].region')).toHaveLength(1);
    expect(byPath('$.values[4].value')).toHaveLength(1);
    for (const e of failure.errors) {
      expect(e.message_vi && e.message_en).toBeTruthy();
      expect(e.message).toBe(e.message_en);
    }
    expect(fingerprint()).toEqual(before);
  });

  it('requires the regime, and refuses an unknown one', async () => {
    const before = fingerprint();
    const { regime: _regime, ...noRegime } = ctkMonthly('2026-01', 1);
    const missing = await h.api('POST', '/api/v1/reports', { token: operator, body: noRegime });
    expect(missing.status).toBe(422);
    expect(validationFailureSchema.parse(missing.body).errors.map((e) => [e.path, e.message])).toEqual([['$.regime', 'regime is required']]);
    const unknown = await h.api('POST', '/api/v1/reports', { token: operator, body: { ...ctkMonthly('2026-01', 1), regime: 'BC-KTXH-THANG' } });
    expect(validationFailureSchema.parse(unknown.body).errors.map((e) => e.path)).toEqual(['$.regime']);
    const csv = await h.api('POST', '/api/v1/reports?agency=CTK&period=2026-01', { token: operator, raw: 'region,RETAIL_SALES\nVN,1\n', headers: { 'content-type': 'text/csv' } });
    expect(validationFailureSchema.parse(csv.body).errors.map((e) => e.path)).toEqual(['?regime']);
    expect(fingerprint()).toEqual(before);
  });

  it('refuses a period of another kind, one not begun, and one before the regime', async () => {
    const before = fingerprint();
    const send = async (period: string) => validationFailureSchema.parse((await h.api('POST', '/api/v1/reports', { token: operator, body: ctkMonthly(period, 1) })).body).errors;
    expect(await send('2026-13')).toEqual([expect.objectContaining({ path: '$.period', message: expect.stringMatching(/is not a period/) })]);
    expect(await send('2026-Q1')).toEqual([expect.objectContaining({ path: '$.period', message: expect.stringMatching(/monthly: the period looks like 2025-03/) })]);
    expect(await send('2026-04')).toEqual([expect.objectContaining({ path: '$.period', message: expect.stringMatching(/has not begun/) })]);
    expect(await send('2022-12')).toEqual([expect.objectContaining({ path: '$.period', message: expect.stringMatching(/precedes regime/) })]);
    expect(fingerprint()).toEqual(before);
  });

  it('answers 400 for malformed JSON, 413 for a body over 1 MiB and 415 for another content type, storing nothing', async () => {
    const before = fingerprint();
    const malformed = await h.api('POST', '/api/v1/reports', { token: operator, raw: '{"agency": "P01", "period": ' });
    expect(malformed.status).toBe(400);
    expect(apiErrorSchema.parse(malformed.body).error.message_en).toMatch(/not valid JSON/);
    const values = Array.from({ length: 40_000 }, (_, i) => ({ indicator: 'PROV_RETAIL_SALES', region: String(i % 100).padStart(2, '0'), value: i }));
    const huge = await h.api('POST', '/api/v1/reports', { token: operator, body: { regime: 'TINH-KTXH-THANG', agency: 'P01', period: '2026-01', values } });
    expect(huge.status).toBe(413);
    expect(apiErrorSchema.parse(huge.body).error.message_en).toMatch(/larger than the limit of 1 MiB/);
    const text = await h.api('POST', '/api/v1/reports', { token: operator, raw: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(apiErrorSchema.parse(text.body).error.message_en).toMatch(/application\/json, or text\/csv/);
    expect(fingerprint()).toEqual(before);
  });

  it('lets a submitter report for its own agency only, anyone for a regime\'s reporters only, and a wall not at all', async () => {
    const tinh = regime('TINH-KTXH-THANG');
    const own = exampleSubmission(tinh, 'P01', '2026-01');
    expect((await h.api('POST', '/api/v1/reports', { token: hanoi, body: own })).status).toBe(201);
    const before = fingerprint();
    const other = await h.api('POST', '/api/v1/reports', { token: hanoi, body: exampleSubmission(tinh, 'P48', '2026-01') });
    expect(validationFailureSchema.parse(other.body).errors.map((e) => e.path)).toContain('$.agency');
    // Not a reporter of the regime: an error for the admin too.
    const foreign = await h.api('POST', '/api/v1/reports', { body: { ...exampleSubmission(regime('CTK-KTXH-THANG'), 'CTK', '2026-01'), agency: 'BTC' } });
    expect(validationFailureSchema.parse(foreign.body).errors).toEqual([expect.objectContaining({ path: '$.agency', message: expect.stringMatching(/Ministry of Finance \(BTC\) is not a reporting agency of regime CTK-KTXH-THANG/) })]);
    expect((await h.api('POST', '/api/v1/reports', { token: h.server.wallToken, body: own })).status).toBe(403);
    expect(fingerprint()).toEqual(before);
  });

  it('stores a repeated Idempotency-Key once and answers it with the stored submission', async () => {
    const body = ctkMonthly('2025-11', 590);
    const first = await h.api<ReportAccepted>('POST', '/api/v1/reports', { token: operator, body, headers: { 'idempotency-key': 'ctk-2025-11-a' } });
    expect(first.status).toBe(201);
    const before = fingerprint();
    const again = await h.api<ReportAccepted>('POST', '/api/v1/reports', { token: operator, body, headers: { 'idempotency-key': 'ctk-2025-11-a' } });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(reportAcceptedSchema.parse(again.body)).toEqual({ ...first.body, replayed: true });
    // The same key for another report is a mistake, not a replay.
    const conflict = await h.api('POST', '/api/v1/reports', { token: operator, body: ctkMonthly('2025-11', 591), headers: { 'idempotency-key': 'ctk-2025-11-a' } });
    expect(conflict.status).toBe(409);
    expect(fingerprint()).toEqual(before);
  });
});

describe('demo data', () => {
  it('marks everything a demo token submits as demo, and lets only it backdate receivedAt, within 400 days', async () => {
    const tinh = regime('TINH-KTXH-THANG');
    const when = '2025-11-19T15:30:00+07:00';
    const r = await h.api<ReportAccepted>('POST', `/api/v1/reports?receivedAt=${encodeURIComponent(when)}`, { token: demo, body: exampleSubmission(tinh, 'P79', '2025-11') });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ demo: true, receivedAt: new Date(when).toISOString() });
    expect(r.body.observations.filter((o) => !(o.demo && o.vintage === new Date(when).toISOString()))).toEqual([]);
    // Received the day before the deadline of 20 November: on time.
    expect(r.body.compliance).toMatchObject({ status: 'on-time', receivedAt: '2025-11-19T15:30:00+07:00' });
    const demoObs = await h.api<{ observations: Observation[] }>('GET', '/api/v1/observations?demo=1&region=79&period=2025-11'); // the seeded DEMO rankings of HCMC are other periods
    expect(demoObs.body.observations.length).toBe(r.body.observations.length);

    const demoHanoi = (await h.api<{ token: string }>('POST', '/api/v1/tokens', { body: { role: 'submitter', agency: 'P01', label: 'demo HN', demo: true } })).body.token;
    const before = fingerprint();
    const refuse = async (token: string, receivedAt: string) =>
      validationFailureSchema.parse((await h.api('POST', `/api/v1/reports?receivedAt=${encodeURIComponent(receivedAt)}`, { token, body: exampleSubmission(tinh, 'P01', '2025-12') })).body).errors.find((e) => e.path === '?receivedAt')?.message;
    expect(await refuse(hanoi, when)).toMatch(/only a demo token may set receivedAt/);
    expect(await refuse(demoHanoi, '2025-01-01T00:00:00+07:00')).toMatch(/at most 400 days ago/);
    expect(await refuse(demoHanoi, '2026-03-17T00:00:00+07:00')).toMatch(/not be in the future/);
    expect(await refuse(demoHanoi, 'yesterday')).toMatch(/not an ISO 8601 instant/);
    expect(fingerprint()).toEqual(before);
  });
});

describe('reading', () => {
  it('filters observations by indicator, region, period, from/to, agency, regime, status and demo', async () => {
    const q = async (query: string) => observationListSchema.parse((await h.api('GET', `/api/v1/observations?${query}`, { token: operator })).body).observations;
    expect((await q('indicator=GDP_GROWTH&region=VN&period=2024')).map((o) => o.value)).toEqual([7.09]);
    expect((await q('indicator=GDP_GROWTH&from=2024&to=2024')).map((o) => o.period)).toEqual(['2024', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect((await q('indicator=GDP_GROWTH,GDP_VND&period=2025')).map((o) => o.indicator)).toEqual(['GDP_GROWTH', 'GDP_VND']);
    // The seeded figures name the regime that covers them.
    expect((await q('regime=CTK-KTXH-QUY&indicator=GDP_GROWTH&from=2025-01-01&to=2025-06-30')).map((o) => [o.period, o.provenance.agency, o.provenance.source])).toEqual([
      ['2025-Q1', 'CTK', expect.any(String)],
      ['2025-Q2', 'CTK', expect.any(String)],
    ]);
    expect((await q('agency=CTK&status=estimate&demo=0&from=2026-01')).map((o) => [o.indicator, o.period])).toEqual([
      ['CPI_AVG', '2026-01'],
      ['IIP_GROWTH', '2026-01'],
      ['RETAIL_SALES', '2026-01'],
    ]);
    const bad = await h.api<{ errors: { path: string }[] }>('GET', '/api/v1/observations?indicator=gdp&period=2024-13&x=1');
    expect(bad.status).toBe(400);
    // Query faults are named by their parameter (an unknown one too).
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(['?indicator', '?period', '?x']);
  });

  it('lists submissions with filters and pages, and shows a submitter its own only', async () => {
    const all = submissionListSchema.parse((await h.api('GET', '/api/v1/submissions?agency=CTK&limit=2', { token: operator })).body);
    expect(all.submissions).toHaveLength(2);
    expect(all.next).toBe(all.submissions[1]!.id);
    const page2 = submissionListSchema.parse((await h.api('GET', `/api/v1/submissions?agency=CTK&limit=100&before=${all.next}`, { token: operator })).body);
    expect(page2.submissions.some((s) => all.submissions.some((t) => t.id === s.id))).toBe(false);
    expect(new Set(page2.submissions.map((s) => s.agency))).toEqual(new Set(['CTK']));

    const mine = submissionListSchema.parse((await h.api('GET', '/api/v1/submissions', { token: hanoi })).body);
    expect(mine.submissions.length).toBeGreaterThan(0);
    expect(new Set(mine.submissions.map((s) => s.agency))).toEqual(new Set(['P01']));
    expect((await h.api('GET', '/api/v1/submissions?agency=CTK', { token: hanoi })).status).toBe(403);
    expect((await h.api('GET', `/api/v1/submissions/${all.submissions[0]!.id}`, { token: hanoi })).status).toBe(404);
    expect((await h.api('GET', '/api/v1/submissions/nope')).status).toBe(404);
    expect(submissionListSchema.parse((await h.api('GET', '/api/v1/submissions?demo=1')).body).submissions.filter((s) => !s.demo)).toEqual([]);
  });

  it('describes the catalogue: regimes with their templates, agencies, indicators with plan targets', async () => {
    const regimes = regimeListSchema.parse((await h.api('GET', '/api/v1/regimes', { token: hanoi })).body).regimes;
    expect(regimes.length).toBeGreaterThanOrEqual(15);
    expect(new Set(regimes.map((r) => r.owner)).size + new Set(regimes.flatMap((r) => r.reporters)).size).toBeGreaterThan(8);
    const detail = regimeDetailSchema.parse((await h.api('GET', '/api/v1/regimes/BCA-TNGT-THANG', { token: hanoi })).body);
    expect(detail).toMatchObject({ periodicity: 'month', window: { kind: 'cutoff', day: 15 }, deadline: { kind: 'day-of-month', day: 20, monthOffset: 0 }, reporters: ['BCA'] });
    expect(detail.csvHeader).toBe('region,TRAFFIC_ACCIDENTS,TRAFFIC_DEATHS,TRAFFIC_INJURED,PROV_TRAFFIC_ACCIDENTS,PROV_TRAFFIC_DEATHS,PROV_TRAFFIC_INJURED');
    // 16 March: February's window (15 Jan – 14 Feb) is past its deadline (20 Feb); March's (15 Feb – 14 Mar) is due on the 20th, April's opened on the 15th.
    expect(detail.openPeriods).toEqual(['2026-03', '2026-04']);
    expect(detail.nextDeadline).toEqual({ period: '2026-03', deadline: '2026-03-20T23:59:59+07:00', nominal: '2026-03-20', movedOver: [] });
    // The nine-month window is marked as the provinces' practice (Decree 09 has none), with
    // its note; its deadline, Sunday 20 September 2026, moves to Monday 21.
    const nine = regimeDetailSchema.parse((await h.api('GET', '/api/v1/regimes/TINH-KTXH-9T', { token: hanoi })).body);
    expect(nine.window).toMatchObject({ kind: 'cutoff', day: 15, basis: 'local-practice', note: { vi: expect.stringContaining('thông lệ'), en: expect.stringContaining('practice') } });
    expect(nine.reportingYear).toMatchObject({ starts: '01-01' });
    expect(nine.nextDeadline).toEqual({
      period: '2026-9M',
      deadline: '2026-09-21T23:59:59+07:00',
      nominal: '2026-09-20',
      movedOver: [{ date: '2026-09-20', kind: 'weekend', name: { vi: 'Chủ nhật', en: 'Sunday' } }],
    });
    expect(regimeDetailSchema.parse((await h.api('GET', '/api/v1/regimes/BTP-THADS-THANG', { token: hanoi })).body).reportingYear).toMatchObject({ starts: '10-01' });
    expect((await h.api('GET', '/api/v1/regimes/NOPE')).status).toBe(404);
    // An empty CSV to fill in: the caller's own agency by default.
    const template = await h.api('GET', '/api/v1/regimes/TINH-KTXH-THANG/template.csv', { token: hanoi });
    expect(template.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(template.text).toBe('region,PROV_BUDGET_REVENUE,PROV_BUDGET_REVENUE_ESTIMATE_RATE,PROV_RETAIL_SALES,PROV_IIP_GROWTH\r\n01,,,,\r\n');
    expect((await h.api('GET', '/api/v1/regimes/TINH-KTXH-THANG/template.csv?agency=BCA')).status).toBe(400);

    const agencies = agencyListSchema.parse((await h.api('GET', '/api/v1/agencies', { token: hanoi })).body).agencies;
    expect(agencies).toHaveLength(CENTRAL_AGENCIES.length + 34);
    expect(agencies.find((a) => a.code === 'CTK')).toMatchObject({ formerCodes: ['TCTK'], parent: 'BTC', regimes: ['CTK-GRDP-QUY', 'CTK-KTXH-NAM', 'CTK-KTXH-QUY', 'CTK-KTXH-THANG'] });
    expect(agencies.find((a) => a.code === 'CHQ')).toMatchObject({ kind: 'ministry-unit', parent: 'BTC', regimes: ['CHQ-XNK-THANG'] });
    expect(agencies.find((a) => a.code === 'VTV')).toMatchObject({ kind: 'government-agency', regimes: [] });
    expect(agencies.find((a) => a.code === 'P79')!.regimes).toContain('TINH-KTXH-THANG');

    const indicators = indicatorListSchema.parse((await h.api('GET', '/api/v1/indicators', { token: hanoi })).body).indicators;
    expect(indicators.length).toBeGreaterThanOrEqual(60);
    expect(new Set(indicators.map((i) => i.group)).size).toBe(9);
    expect(indicators.find((i) => i.code === 'GDP_GROWTH')!.targets).toContainEqual(expect.objectContaining({ period: '2026', value: 10, kind: 'at-least' }));
    expect(indicators.find((i) => i.code === 'GDP_PER_CAPITA')!.targets).toEqual([{ period: '2026', value: 5400, upper: 5500, kind: 'at-least', source: 'Nghị quyết 244/2025/QH15 (GDP bình quân đầu người 5.400–5.500 USD)' }]);
  });

  it('serves the province boundaries to walls with an ETag, and says which flag when the file is missing', async () => {
    const first = await h.api<{ type: string }>('GET', '/api/v1/geo/provinces', { token: h.server.wallToken });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.body.type).toBe('Topology');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await h.api('GET', '/api/v1/geo/provinces', { token: h.server.wallToken, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect((await h.api('GET', '/api/v1/geo/provinces', { token: hanoi })).status).toBe(403);

    const without = await startHarness({ geoPath: '/nowhere/provinces.topo.json' });
    try {
      const missing = await without.api('GET', '/api/v1/geo/provinces');
      expect(missing.status).toBe(404);
      expect(apiErrorSchema.parse(missing.body).error.message_en).toMatch(/\/nowhere\/provinces\.topo\.json is missing; pass --geo <file> or set TOANCANH_GEO/);
    } finally {
      await without.cleanup();
    }
  });
});

/** The CSV of a full example submission parses back into the same values (the helpers the tests rely on agree). */
describe('CSV helper', () => {
  it('round-trips an example submission of a by-province regime', async () => {
    const r = regime('BCA-TNGT-THANG');
    const s = exampleSubmission(r, 'BCA', '2026-02');
    const csv = submissionToCsv(r, s.values, 'VN');
    const answer = await h.api<ReportAccepted>('POST', '/api/v1/reports?regime=BCA-TNGT-THANG&agency=BCA&period=2026-02', { raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.valueCount).toBe(s.values.length);
  });
});
