import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyByCode } from '../../shared/agencies';
import { reportAcceptedSchema, validationFailureSchema } from '../../shared/protocol/report';
import { submissionToCsv } from '../../shared/regimes/csv';
import { reportersOf } from '../../shared/regimes/reporters';
import { loadCatalog } from '../../server/catalog/load';
import { startHarness, type Harness } from '../helpers/server-harness';
import { foreignAgency, regimeSample, wrongPeriod } from '../support/regimes';

/**
 * Every regime of the catalogue, through the HTTP API of a real server on a real SQLite
 * file: a valid JSON and a valid CSV submission are accepted; one carrying five faults at
 * once (a wrong unit, a value out of range, a period of another periodicity, an unknown
 * field, an agency that does not report under the regime) is refused with every fault, in
 * Vietnamese and English, and so is its CSV form (a CSV has no unit column: the four
 * others). After all the refusals, not one row of any table has changed.
 */
const catalog = loadCatalog();

/** The server's clock: 16 March 2026, 10:00 in Viet Nam. Every sample period has begun by then. */
const NOW = Date.parse('2026-03-16T10:00:00+07:00');


let h: Harness;
/** One submitter token per reporting agency. */
const tokens = new Map<string, string>();

beforeAll(async () => {
  h = await startHarness({ now: () => NOW, rateLimit: { ratePerSecond: 2000, burst: 2000 } });
  for (const agency of new Set(catalog.regimes.map((r) => reportersOf(r)[0]!))) {
    const created = await h.api<{ token: string }>('POST', '/api/v1/tokens', { body: { role: 'submitter', agency, label: agency } });
    tokens.set(agency, created.body.token);
  }
});
afterAll(async () => {
  await h?.cleanup();
});

it('has a catalogue of at least 15 regimes across at least 8 agencies', () => {
  expect(catalog.regimes.length).toBeGreaterThanOrEqual(15);
  const agencies = new Set(catalog.regimes.flatMap((r) => [r.owner, ...reportersOf(r)]));
  expect(agencies.size).toBeGreaterThanOrEqual(8);
});

describe.each(catalog.regimes.map((r) => [r.code, r] as const))('regime %s', (_code, r) => {
  // The field whose faults we plant is the first (tests/support/regimes.ts).
  const { agency, period, valid, target, outOfRange } = regimeSample(r);

  it('accepts a valid JSON submission from its agency and a valid CSV one from an operator', async () => {
    const json = await h.api('POST', '/api/v1/reports', { token: tokens.get(agency)!, body: valid() });
    expect(json.status, json.text).toBe(201);
    expect(reportAcceptedSchema.parse(json.body)).toMatchObject({ regime: r.code, agency, period, revision: 1, format: 'json' });

    const s = valid();
    const csv = submissionToCsv(r, s.values, agencyByCode(agency)!.region);
    const query = new URLSearchParams({ regime: r.code, agency, period, status: 'official' });
    const answer = await h.api('POST', `/api/v1/reports?${query}`, { raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(answer.status, answer.text).toBe(201);
    expect(reportAcceptedSchema.parse(answer.body)).toMatchObject({ regime: r.code, agency, period, revision: 2, format: 'csv', valueCount: s.values.length });
  });

  it('refuses five faults at once, in JSON and in CSV, listing every one in both languages, and stores nothing', async () => {
    const before = h.server.store.fingerprint();

    const s = { ...valid(), period: wrongPeriod(r), agency: foreignAgency(r) };
    s.values[0]!.unit = 'đơn vị khác';
    s.values[0]!.value = outOfRange;
    s.values.push({ indicator: 'NOT_A_FIELD', value: 1 });
    const json = await h.api('POST', '/api/v1/reports', { body: s });
    expect(json.status).toBe(422);
    const errors = validationFailureSchema.parse(json.body).errors;
    expect(errors.map((e) => e.path).sort()).toEqual(['$.agency', '$.period', '$.values[0].unit', '$.values[0].value', `$.values[${s.values.length - 1}].indicator`].sort());
    for (const e of errors) {
      expect(e.message_vi!.length).toBeGreaterThan(5);
      expect(e.message_en!.length).toBeGreaterThan(5);
      expect(e.message_vi).not.toBe(e.message_en);
      expect(e.message).toBe(e.message_en);
    }
    expect(errors.find((e) => e.path === '$.agency')!.message).toContain('is not a reporting agency');
    expect(errors.find((e) => e.path === '$.values[0].value')!.message).toContain('outside the allowed range');

    const bad = valid();
    bad.values[0]!.value = outOfRange;
    const csv = submissionToCsv(r, bad.values, agencyByCode(agency)!.region)
      .split('\r\n')
      .map((line, i) => (line === '' ? line : i === 0 ? `${line},NOT_A_FIELD` : `${line},`))
      .join('\r\n');
    const query = new URLSearchParams({ regime: r.code, agency: foreignAgency(r), period: wrongPeriod(r) });
    const answer = await h.api('POST', `/api/v1/reports?${query}`, { raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(answer.status).toBe(422);
    const csvErrors = validationFailureSchema.parse(answer.body).errors;
    const cell = csvErrors.find((e) => e.path.endsWith(`].${target.indicator}`));
    expect(cell).toMatchObject({ column: 2, message: expect.stringContaining('outside the allowed range') });
    expect(csvErrors.map((e) => e.path).sort()).toEqual(['?agency', '?period', 'csv[1].NOT_A_FIELD', cell!.path].sort());
    expect(csvErrors.find((e) => e.path === 'csv[1].NOT_A_FIELD')).toMatchObject({ row: 1, column: r.fields.length + 2 });
    for (const e of csvErrors) {
      expect(e.message_vi).toMatch(/\S/);
      expect(e.message_en).toMatch(/\S/);
      expect(e.message_vi).not.toBe(e.message_en);
    }

    expect(h.server.store.fingerprint()).toEqual(before);
  });
});
