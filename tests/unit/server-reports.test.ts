import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeBatchSchema, type ChangeBatch } from '../../shared/protocol/feed';
import { observationSchema, type Observation } from '../../shared/protocol/model';
import type { ReportInput } from '../../shared/protocol/report';
import { emitWithAck, nextEvent, startHarness, type Harness } from '../helpers/server-harness';

let h: Harness;
let submitter: string;
let operator: string;

beforeAll(async () => {
  h = await startHarness();
  submitter = (await h.api<{ token: string }>('POST', '/api/v1/tokens', { body: { role: 'submitter', agency: 'P01', label: 'Hà Nội' } })).body.token;
  operator = (await h.api<{ token: string }>('POST', '/api/v1/tokens', { body: { role: 'operator', label: 'console' } })).body.token;
});
afterAll(async () => {
  await h?.cleanup();
});

/** Everything a rejected report must leave untouched. */
function storeFingerprint() {
  return { counts: h.server.store.tableCounts(), head: h.server.store.changes.head() };
}

describe('POST /api/v1/reports', () => {
  it('accepts a valid report, stores it, makes it queryable and pushes it to a subscribed wall', async () => {
    const wall = await h.connect('/feed', h.server.wallToken);
    const snapshot = nextEvent<{ seq: number }>(wall, 'snapshot');
    const ack = await emitWithAck<{ ok: boolean; seq: number }>(wall, 'subscribe', { lastSeq: null, indicators: ['RETAIL_SALES'], regions: null });
    expect(ack).toMatchObject({ ok: true, mode: 'snapshot' });
    const head = (await snapshot).seq;

    const live = nextEvent<ChangeBatch>(wall, 'changes');
    const report: ReportInput = {
      agency: 'P01',
      regime: 'BC-KTXH-THANG',
      period: '2025-10',
      status: 'estimate',
      values: [
        { indicator: 'RETAIL_SALES', region: '01', value: 61.5, unit: 'nghìn tỷ đồng' },
        { indicator: 'RETAIL_SALES', value: null },
      ],
    };
    const r = await h.api<{ submissionId: string; seq: number; observations: Observation[] }>('POST', '/api/v1/reports', { token: submitter, body: report });
    expect(r.status).toBe(201);
    expect(r.body.seq).toBe(head + 2);
    expect(r.body.observations).toHaveLength(2);
    for (const o of r.body.observations) {
      expect(observationSchema.parse(o)).toMatchObject({ period: '2025-10', status: 'estimate', demo: false, provenance: { submissionId: r.body.submissionId, agency: 'P01', regime: 'BC-KTXH-THANG' } });
    }

    const batch = changeBatchSchema.parse(await live);
    expect(batch.seq).toBe(head + 2);
    expect(batch.changes.map((c) => c.seq)).toEqual([head + 1, head + 2]);
    expect(batch.changes.map((c) => (c.kind === 'observation' ? [c.observation.region, c.observation.value] : null))).toEqual([
      ['01', 61.5],
      ['VN', null],
    ]);

    const q = await h.api<{ observations: Observation[] }>('GET', '/api/v1/observations?indicator=RETAIL_SALES&region=01&period=2025-10', { token: operator });
    expect(q.status).toBe(200);
    expect(q.body.observations).toEqual([r.body.observations[0]]);
    wall.disconnect();
  });

  it('keeps every vintage of a resubmission; the newest wins', async () => {
    const send = (value: number) =>
      h.api<{ seq: number }>('POST', '/api/v1/reports', { token: operator, body: { agency: 'P79', period: '2025-Q3', values: [{ indicator: 'GDP_GROWTH', region: '79', value }] } });
    expect((await send(8.1)).status).toBe(201);
    expect((await send(8.3)).status).toBe(201);
    const latest = await h.api<{ observations: Observation[] }>('GET', '/api/v1/observations?indicator=GDP_GROWTH&region=79');
    expect(latest.body.observations.map((o) => o.value)).toEqual([8.3]);
    const history = await h.api<{ observations: Observation[] }>('GET', '/api/v1/observations?indicator=GDP_GROWTH&region=79&history=1');
    expect(history.body.observations.map((o) => [o.value, o.status])).toEqual([
      [8.1, 'official'],
      [8.3, 'official'],
    ]);
    expect(history.body.observations[0]!.vintage <= history.body.observations[1]!.vintage).toBe(true);
    expect(new Set(history.body.observations.map((o) => o.provenance.submissionId)).size).toBe(2);
  });

  it('refuses a bad report with EVERY problem and a JSON path, and stores nothing', async () => {
    const before = storeFingerprint();
    const r = await h.api<{ error: string; errors: { path: string; message: string }[] }>('POST', '/api/v1/reports', {
      token: submitter,
      // 1e999 is valid JSON that parses to Infinity.
      raw: `{
        "agency": "P79",
        "period": "2025-Q2",
        "status": "maybe",
        "surprise": true,
        "values": [
          { "indicator": "NOT_AN_INDICATOR", "value": 1 },
          { "indicator": "GDP_GROWTH", "value": 1e999 },
          { "indicator": "GDP_VND", "value": 3, "unit": "tỷ USD" },
          { "indicator": "GDP_GROWTH", "value": 7 },
          { "indicator": "EXPORTS", "region": "Hanoi", "value": "12" },
          { "indicator": "GDP_GROWTH", "region": "99", "value": 6.5 }
        ]
      }`,
    });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatch(/nothing was stored/);
    const byPath = (path: string) => r.body.errors.filter((e) => e.path === path).map((e) => e.message);
    expect(byPath('$')).toEqual([expect.stringMatching(/surprise/)]);
    expect(byPath('$.status')).toHaveLength(1);
    expect(byPath('$.agency')).toEqual([expect.stringMatching(/reports for agency "P01" only/)]);
    expect(byPath('$.values[0].indicator')).toEqual(['unknown indicator "NOT_AN_INDICATOR"']);
    expect(byPath('$.values[1].value')).toEqual([expect.stringMatching(/Infinity/)]);
    expect(byPath('$.values[2].unit')).toEqual([expect.stringMatching(/differs from GDP_VND's unit "nghìn tỷ đồng"/)]);
    // GDP_VND is yearly: a quarter does not fit.
    expect(byPath('$.values[2].indicator')).toEqual([expect.stringMatching(/reported by year; period 2025-Q2 is a quarter/)]);
    expect(byPath('$.values[3]')).toEqual([expect.stringMatching(/already given at \$\.values\[1\]/)]);
    expect(byPath('$.values[4].region')).toHaveLength(1);
    expect(byPath('$.values[4].value')).toHaveLength(1);
    expect(byPath('$.values[4].indicator')).toEqual([expect.stringMatching(/EXPORTS is reported by year/)]);
    expect(byPath('$.values[5].region')).toEqual([expect.stringMatching(/"99" is not the code of one of the 34 provinces/)]);
    expect(r.body.errors.length).toBe(12);
    expect(storeFingerprint()).toEqual(before);
  });

  it('refuses periods that are not periods, do not fit, or have not started', async () => {
    const before = storeFingerprint();
    const send = (period: string, indicator = 'GDP_GROWTH') =>
      h.api<{ errors: { path: string; message: string }[] }>('POST', '/api/v1/reports', { token: operator, body: { agency: 'P01', period, values: [{ indicator, value: 1 }] } });
    expect((await send('2025-13')).body.errors).toEqual([{ path: '$.period', message: expect.stringMatching(/period: one of/) }]);
    expect((await send('2025-05')).body.errors).toEqual([{ path: '$.values[0].indicator', message: expect.stringMatching(/GDP_GROWTH is reported by quarter; period 2025-05 is a month/) }]);
    expect((await send('2999')).body.errors).toEqual([{ path: '$.period', message: expect.stringMatching(/has not started yet/) }]);
    expect((await send('2024', 'lower-case')).body.errors).toEqual([{ path: '$.values[0].indicator', message: expect.stringMatching(/upper-case/) }]);
    expect(storeFingerprint()).toEqual(before);
  });

  it('answers 400 for malformed JSON and 413 for a body over 1 MiB, storing nothing', async () => {
    const before = storeFingerprint();
    const malformed = await h.api<{ error: string }>('POST', '/api/v1/reports', { token: operator, raw: '{"agency": "P01", "period": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/not valid JSON/);
    const values = Array.from({ length: 40_000 }, (_, i) => ({ indicator: 'GDP_GROWTH', region: String(i % 100).padStart(2, '0'), value: i }));
    const huge = await h.api<{ error: string }>('POST', '/api/v1/reports', { token: operator, body: { agency: 'P01', period: '2024', values } });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toMatch(/larger than the limit of 1 MiB/);
    expect(storeFingerprint()).toEqual(before);
  });

  it('lets an operator report for any agency but a submitter only for its own', async () => {
    const body = { agency: 'P48', period: '2024', values: [{ indicator: 'EXPORTS', region: '48', value: 4.2 }] };
    expect((await h.api('POST', '/api/v1/reports', { token: submitter, body })).status).toBe(422);
    expect((await h.api('POST', '/api/v1/reports', { token: operator, body })).status).toBe(201);
  });
});

describe('GET /api/v1/observations', () => {
  it('filters by indicator, region and period and refuses a bad query', async () => {
    const r = await h.api<{ seq: number; observations: Observation[] }>('GET', '/api/v1/observations?indicator=GDP_GROWTH&region=VN&period=2024');
    expect(r.body.observations.map((o) => o.value)).toEqual([7.09]);
    expect(r.body.seq).toBe(h.server.store.changes.head());
    const bad = await h.api<{ errors: { path: string }[] }>('GET', '/api/v1/observations?indicator=gdp&period=2024-13&x=1');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(['$', '$.indicator', '$.period']);
  });
});
