import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../shared/protocol/report';
import { liveBytes } from '../helpers/live-memory';
import { startHarness, type Harness } from '../helpers/server-harness';

/**
 * The bodies of issue 12's "found, to fix" list, posted to a real server: each must be
 * refused with a 4xx (never a 5xx), list at most 100 errors with their total, touch no row,
 * and leave the server up with its memory where it was.
 */
const NOW = Date.parse('2026-03-16T10:00:00+07:00');
const MAX_LISTED = 100;

let h: Harness;
let submitter: string;

beforeAll(async () => {
  h = await startHarness({ now: () => NOW, rateLimit: { ratePerSecond: 1000, burst: 1000 } });
  submitter = (await h.api<{ token: string }>('POST', '/api/v1/tokens', { body: { role: 'submitter', agency: 'CTK', label: 'CTK' } })).body.token;
});
afterAll(async () => {
  await h?.cleanup();
});

const report = (values: unknown) => ({ regime: 'CTK-KTXH-THANG', agency: 'CTK', period: '2026-02', status: 'official', values });

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** The CTK monthly template's header, then `rows` lines. */
function csv(header: string, rows: readonly string[]): string {
  return `${header}\r\n${rows.join('\r\n')}\r\n`;
}

interface Refusal {
  status: number;
  bytes: number;
  listed: number;
  total: number | undefined;
  code: string;
}

async function post(body: { json?: unknown; raw?: string; contentType?: string; headers?: Record<string, string> }): Promise<Refusal> {
  const before = h.server.store.fingerprint();
  const response = await h.api('POST', '/api/v1/reports?regime=CTK-KTXH-THANG&agency=CTK&period=2026-02&status=official', {
    token: submitter,
    ...(body.raw !== undefined ? { raw: body.raw } : { body: body.json }),
    headers: { ...(body.contentType ? { 'content-type': body.contentType } : {}), ...body.headers },
  });
  expect(h.server.store.fingerprint(), 'a refused body changed the store').toEqual(before);
  const parsed = apiErrorSchema.safeParse(response.body);
  const payload = response.body as { errors?: unknown[]; total?: number };
  return {
    status: response.status,
    bytes: response.text.length,
    listed: payload.errors?.length ?? 0,
    total: payload.total,
    code: parsed.success ? parsed.data.error.code : `(not the error shape: ${response.text.slice(0, 200)})`,
  };
}

describe('hostile bodies are refused whole, bounded, with nothing stored', () => {
  it('a report whose values are 5,000 nested arrays is a 4xx, not a stack overflow', async () => {
    const refusal = await post({ raw: JSON.stringify(report(null)).replace('null', nested(5000)) });
    expect(refusal).toMatchObject({ status: 400, code: 'request.json_too_deep' });
  });

  it('5,000 values with 24 unknown keys each: at most 100 errors listed, with the total', async () => {
    // Short keys so that the body stays under the 1 MiB limit (910 kB).
    const extra = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [String.fromCharCode(97 + i), 0]));
    const values = Array.from({ length: 5000 }, () => ({ indicator: 'IIP_GROWTH', value: 1, ...extra }));
    const refusal = await post({ json: report(values) });
    expect(refusal).toMatchObject({ status: 422 });
    expect(refusal.listed).toBeLessThanOrEqual(MAX_LISTED);
    expect(refusal.total).toBeGreaterThan(MAX_LISTED);
  });

  it('a CSV header of region and 150,000 commas: a bounded 422', async () => {
    const refusal = await post({ raw: csv(`region${','.repeat(150_000)}`, ['VN,1']), contentType: 'text/csv' });
    expect(refusal.status).toBe(422);
    expect(refusal.listed).toBeLessThanOrEqual(MAX_LISTED);
    expect(refusal.bytes).toBeLessThan(100_000);
  });

  it('50,000 bad CSV rows: a bounded 422', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `X${i},abc,def,ghi`);
    const refusal = await post({ raw: csv('region,IIP_GROWTH,RETAIL_SALES,CPI_AVG', rows), contentType: 'text/csv' });
    expect(refusal.status).toBe(422);
    expect(refusal.listed).toBeLessThanOrEqual(MAX_LISTED);
    expect(refusal.total).toBeGreaterThan(MAX_LISTED);
    expect(refusal.bytes).toBeLessThan(100_000);
  });

  it('a body labelled gzip that is not compressed is refused', async () => {
    const refusal = await post({ json: report([{ indicator: 'IIP_GROWTH', value: 1 }]), headers: { 'content-encoding': 'gzip' } });
    expect(refusal).toMatchObject({ status: 415, code: 'request.content_encoding_unsupported' });
  });
});

describe('the server after them', () => {
  it('is up, and its live memory is within 50 MB of where it was after the hostile bodies', async () => {
    const before = liveBytes();
    const rssBefore = process.memoryUsage().rss;
    const rows = Array.from({ length: 50_000 }, (_, i) => `X${i},abc,def,ghi`);
    for (let i = 0; i < 5; i++) {
      await post({ raw: csv('region,IIP_GROWTH,RETAIL_SALES,CPI_AVG', rows), contentType: 'text/csv' });
      await post({ raw: JSON.stringify(report(null)).replace('null', nested(5000)) });
    }
    expect((await h.api('GET', '/api/v1/health', { token: null })).status).toBe(200);
    const after = liveBytes();
    const MB = 1024 * 1024;
    // RSS printed beside it: the figure the issue names, read as how far the process grew.
    console.info(`[hostile] live ${(before / MB).toFixed(1)} → ${(after / MB).toFixed(1)} MB; RSS ${(rssBefore / MB).toFixed(0)} → ${(process.memoryUsage().rss / MB).toFixed(0)} MB`);
    expect(after - before).toBeLessThan(50 * MB);
  });
});

describe('socket.io surfaces', () => {
  it("socket.io's own HTTP answers carry the security headers", async () => {
    const response = await fetch(`${h.server.url}/socket.io/?EIO=4&transport=polling`);
    await response.text();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).not.toBeNull();
    expect(response.headers.get('content-security-policy')).not.toBeNull();
  });

  it('the root namespace refuses a connection without a token', async () => {
    const socket = io(h.server.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    const outcome = await new Promise<string>((resolve) => {
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', (error) => resolve(`refused: ${(error as Error & { data?: { code?: string } }).data?.code ?? error.message}`));
    });
    socket.close();
    expect(outcome).toBe('refused: socket.namespace_closed');
  });
});
