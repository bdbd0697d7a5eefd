import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../shared/protocol/report';
import { findProjectRoot, projectPaths } from '../../server/paths';
import { csvCell } from '../../shared/regimes/csv';
import { emitWithAck, startHarness, type Harness } from '../helpers/server-harness';

/**
 * The fuzz corpus (issue 12): seeded property-based inputs against a real server with a real
 * SQLite file. Reports as JSON and CSV, layouts, wall profiles and socket payloads; for each,
 * no 5xx and no crash, a refusal in the one error shape, and after a refusal the store byte
 * for byte unchanged (its fingerprint) and the wall state unchanged (its revision).
 *
 * `npm test` runs a few thousand cases with a fixed seed; `npm run fuzz` runs many more
 * (TOANCANH_FUZZ_RUNS, TOANCANH_FUZZ_SEED: a failure prints its seed and path to replay).
 */
const RUNS = Number(process.env.TOANCANH_FUZZ_RUNS ?? 400);
const SEED = Number(process.env.TOANCANH_FUZZ_SEED ?? 20261202);
const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true } as const;
/** The cheap cases (layouts, profiles, socket payloads) run twice as many times. */
const CHEAP = { ...settings, numRuns: RUNS * 2 } as const;
/** A fingerprint of the store per case is the cost: about 50 ms on a busy two-core machine. */
const BUDGET_MS = Math.max(180_000, RUNS * 300);

const NOW = Date.parse('2026-03-16T10:00:00+07:00');
const paths = projectPaths(findProjectRoot());
const preset = JSON.parse(readFileSync(join(paths.layoutsDir, 'tong-quan-kinh-te-xa-hoi.json'), 'utf8')) as Record<string, unknown>;
const profile = JSON.parse(readFileSync(paths.profile, 'utf8')) as Record<string, unknown>;

let h: Harness;
let submitter: string;
let operator: string;

beforeAll(async () => {
  h = await startHarness({ now: () => NOW, rateLimit: { ratePerSecond: 100_000, burst: 100_000 } });
  const token = async (body: object) => (await h.api<{ token: string }>('POST', '/api/v1/tokens', { body })).body.token;
  submitter = await token({ role: 'submitter', agency: 'CTK', label: 'CTK' });
  operator = await token({ role: 'operator', label: 'fuzz operator' });
});
afterAll(async () => {
  await h?.cleanup();
});

// ---- generators

/** Numbers as JSON text can write them, including what JavaScript cannot hold. */
const numberText = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer().map(String),
  fc.constantFrom('1e999', '-1e999', '-0', '0.0000000000000000000001', '123456789012345678901234567890', '1E+308', '5e-324'),
);
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '\ufeff', '=cmd|/c calc!A1', '+1+1', '-2+3', '@SUM(A1)', '<script>alert(1)</script>', '"', '""', ',', '\r\n', '\u0000', 'Tăng trưởng', 'đ'.repeat(300), '../../etc/passwd', '__proto__'),
);
const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''), fc.string({ maxLength: 12 }));
const indicatorCode = fc.oneof(fc.constantFrom('IIP_GROWTH', 'RETAIL_SALES', 'CPI_AVG', 'GDP_GROWTH'), nastyString);
const anyJson = fc.jsonValue({ maxDepth: 4 });

/** A report value: mostly the right keys with wrong or extreme contents, sometimes extra keys. */
const valueText = fc
  .record({
    indicator: fc.oneof(indicatorCode.map((s) => JSON.stringify(s)), anyJson.map((v) => JSON.stringify(v))),
    value: fc.oneof(numberText, anyJson.map((v) => JSON.stringify(v))),
    region: fc.option(fc.oneof(fc.constantFrom('"VN"', '"01"', '"79"', '"99"'), nastyString.map((s) => JSON.stringify(s))), { nil: undefined }),
    extra: fc.array(fc.tuple(hostileKey, anyJson), { maxLength: 3 }),
  })
  .map(({ indicator, value, region, extra }) => {
    const parts = [`"indicator":${indicator}`, `"value":${value}`, ...(region === undefined ? [] : [`"region":${region}`])];
    for (const [k, v] of extra) parts.push(`${JSON.stringify(k)}:${JSON.stringify(v)}`);
    return `{${parts.join(',')}}`;
  });

/** A JSON report as text: so that duplicate keys, a BOM, 1e999 and deep nesting can be written. */
const reportText = fc.oneof(
  fc
    .record({
      bom: fc.boolean(),
      regime: fc.oneof(fc.constant('"CTK-KTXH-THANG"'), anyJson.map((v) => JSON.stringify(v))),
      agency: fc.oneof(fc.constant('"CTK"'), fc.constant('"P01"'), nastyString.map((s) => JSON.stringify(s))),
      period: fc.oneof(fc.constantFrom('"2026-02"', '"2026-13"', '"2026"', '"0000-00"'), anyJson.map((v) => JSON.stringify(v))),
      status: fc.constantFrom('"official"', '"estimate"', '"final"', 'null', '1'),
      values: fc.array(valueText, { maxLength: 8 }),
      duplicate: fc.option(fc.constantFrom('"regime":"TINH-KTXH-THANG"', '"agency":"P79"', '"values":[]'), { nil: undefined }),
    })
    .map((r) => `${r.bom ? '\ufeff' : ''}{"regime":${r.regime},"agency":${r.agency},"period":${r.period},"status":${r.status},"values":[${r.values.join(',')}]${r.duplicate ? `,${r.duplicate}` : ''}}`),
  anyJson.map((v) => JSON.stringify(v)),
  fc.integer({ min: 60, max: 20_000 }).map((depth) => `{"regime":"CTK-KTXH-THANG","values":${'['.repeat(depth)}${']'.repeat(depth)}}`),
  nastyString,
);

const csvCellText = fc.oneof(numberText, nastyString, fc.constantFrom('VN', '01', 'region', 'IIP_GROWTH', '"unclosed', 'a"b', '"x""y"'));
const csvText = fc
  .record({
    bom: fc.boolean(),
    header: fc.oneof(fc.constant(['region', 'IIP_GROWTH', 'RETAIL_SALES', 'CPI_AVG']), fc.array(csvCellText, { maxLength: 8 })),
    rows: fc.array(fc.array(csvCellText, { maxLength: 8 }), { maxLength: 20 }),
    eol: fc.constantFrom('\r\n', '\n', '\r'),
  })
  .map(({ bom, header, rows, eol }) => `${bom ? '\ufeff' : ''}${[header, ...rows].map((r) => r.join(',')).join(eol)}${eol}`);

/** A document with one value somewhere replaced (a path of keys and indexes into it). */
function mutated(document: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 4 }), fc.oneof(anyJson, nastyString, fc.constant(null)), hostileKey).map(([steps, value, key]) => {
    const copy = structuredClone(document) as Record<string, unknown>;
    let node: unknown = copy;
    for (let i = 0; i < steps.length; i++) {
      if (node === null || typeof node !== 'object') break;
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const k = keys[steps[i]! % keys.length]!;
      if (i === steps.length - 1) {
        // Either replace that member or add a hostile key beside it.
        if (steps[i]! % 3 === 0) (node as Record<string, unknown>)[key] = value;
        else (node as Record<string, unknown>)[k] = value;
      } else {
        node = (node as Record<string, unknown>)[k];
      }
    }
    return copy;
  });
}

// ---- the properties

interface Outcome {
  status: number;
  body: unknown;
}

async function send(method: string, path: string, token: string, raw: string, contentType = 'application/json'): Promise<Outcome> {
  const response = await h.api(method, path, { token, raw, headers: { 'content-type': contentType } });
  return { status: response.status, body: response.body };
}

/** Refused or accepted, never a 5xx; a refusal has the one error shape. */
function judged(outcome: Outcome, what: string): boolean {
  if (outcome.status >= 500) throw new Error(`${what}: ${outcome.status} ${JSON.stringify(outcome.body).slice(0, 300)}`);
  if (outcome.status >= 400 && !apiErrorSchema.safeParse(outcome.body).success) throw new Error(`${what}: a ${outcome.status} not in the error shape`);
  return outcome.status < 300;
}

describe(`fuzz (seed ${SEED}, ${RUNS} runs each)`, () => {
  it('JSON reports: never a 5xx, and a refusal stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(reportText, async (text) => {
        const before = h.server.store.fingerprint();
        const accepted = judged(await send('POST', '/api/v1/reports', submitter, text), 'report');
        if (!accepted) expect(h.server.store.fingerprint()).toEqual(before);
      }),
      settings,
    );
  }, BUDGET_MS);

  it('CSV reports: never a 5xx, and a refusal stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        const before = h.server.store.fingerprint();
        const accepted = judged(await send('POST', '/api/v1/reports?regime=CTK-KTXH-THANG&agency=CTK&period=2026-02&status=official', submitter, text, 'text/csv'), 'csv');
        if (!accepted) expect(h.server.store.fingerprint()).toEqual(before);
      }),
      settings,
    );
  }, BUDGET_MS);

  it('layouts and wall profiles: never a 5xx, and a refusal leaves the wall as it was', async () => {
    const documents = fc.oneof(
      mutated(preset).map((doc) => ({ path: '/api/v1/wall/layout', doc })),
      mutated(profile).map((doc) => ({ path: '/api/v1/wall/profile', doc })),
    );
    await fc.assert(
      fc.asyncProperty(documents, async ({ path, doc }) => {
        const before = h.server.wall.get().revision;
        const accepted = judged(await send('PUT', path, operator, JSON.stringify(doc)), path);
        if (!accepted) expect(h.server.wall.get().revision).toBe(before);
      }),
      CHEAP,
    );
  }, BUDGET_MS);

  it('socket payloads: a bad subscribe or hello is answered or dropped, and the server stays up', async () => {
    const feed: Socket = await h.connect('/feed', h.server.wallToken);
    const control: Socket = await h.connect('/control', h.server.wallToken);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('subscribe', 'hello'), fc.oneof(anyJson, fc.record({ since: anyJson, indicators: anyJson, regions: anyJson })), async (event, payload) => {
        const socket = event === 'subscribe' ? feed : control;
        if (!socket.connected) return; // a payload bad enough to drop the socket is a fine answer
        const reply = await Promise.race([emitWithAck(socket, event, payload), new Promise((resolve) => socket.once('disconnect', () => resolve('dropped')))]);
        expect(reply).toBeDefined();
      }),
      CHEAP,
    );
    expect((await h.api('GET', '/api/v1/health', { token: null })).status).toBe(200);
  }, BUDGET_MS);
});

describe('CSV written by the server neutralises formulas', () => {
  it('prefixes text a spreadsheet would run, keeps numbers (negative ones too) as they are', () => {
    expect(csvCell('=cmd|/c calc!A1')).toBe("'=cmd|/c calc!A1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('=1,2')).toBe('"\'=1,2"');
    expect(csvCell('-3.25')).toBe('-3.25');
    expect(csvCell('+4e-3')).toBe('+4e-3');
    expect(csvCell('Tăng trưởng')).toBe('Tăng trưởng');
  });

  it('never writes a cell that starts a formula, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const cell = csvCell(text).replace(/^"/, '');
        const numeric = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text);
        expect(numeric || !/^[=+\-@\t\r]/.test(cell)).toBe(true);
      }),
      settings,
    );
  });
});
