import { createServer, type Server, type Socket } from 'node:net';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../renderer/api/client';
import { defineRoute, json, routes } from '../../shared/api';
import { sequenceSchema } from '../../shared/protocol/feed';
import { refusal } from '../helpers/api-refusal';
import { startHarness, type Harness } from '../helpers/server-harness';

/** The renderer's API client against the real server (real HTTP, real SQLite, real tokens). */
const NOW = Date.parse('2026-03-16T10:00:00+07:00');

let h: Harness;
let admin: ApiClient;

const ctkMonthly = (period: string) => ({
  regime: 'CTK-KTXH-THANG',
  agency: 'CTK',
  period,
  values: [
    { indicator: 'IIP_GROWTH', value: 9.1 },
    { indicator: 'RETAIL_SALES', value: 600, unit: 'nghìn tỷ đồng' },
    { indicator: 'CPI_AVG', value: 3.2 },
  ],
});

beforeAll(async () => {
  h = await startHarness({ now: () => NOW, rateLimit: { ratePerSecond: 1000, burst: 1000 } });
  admin = createApiClient({ serverUrl: h.server.url, token: h.server.adminToken });
});
afterAll(async () => {
  await h?.cleanup();
});

describe('the API client (renderer/api/client.ts)', () => {
  it('builds the URL from the table, sends the token, and returns the validated reply', async () => {
    const health = await createApiClient({ serverUrl: h.server.url, token: null }).call(routes.health.health, {});
    expect(health.status).toBe(200);
    expect(health.body.ok).toBe(true);

    const accepted = await admin.call(routes.reports.submit, { body: ctkMonthly('2026-01') });
    expect(accepted.status).toBe(201);
    const id = accepted.body.submissionId;
    const detail = await admin.call(routes.reports.submission, { params: { id } });
    expect(detail.body).toMatchObject({ id, regime: 'CTK-KTXH-THANG', revision: 1 });
    const history = await admin.call(routes.reads.observations, { query: { indicator: 'RETAIL_SALES', region: 'VN', history: '1' } });
    expect(history.body.observations.map((o) => o.provenance.submissionId)).toContain(id);

    // The same report as CSV, its envelope in the query.
    const csv = await admin.call(routes.reports.submit, {
      query: { regime: 'CTK-KTXH-THANG', agency: 'CTK', period: '2026-01' },
      body: { csv: 'region,IIP_GROWTH,RETAIL_SALES,CPI_AVG\r\nVN,9.2,601,3.1\r\n' },
    });
    expect(csv.body).toMatchObject({ format: 'csv', revision: 2 });

    const template = await admin.call(routes.catalogue.regimeTemplate, { params: { code: 'CTK-KTXH-THANG' }, query: { agency: 'CTK' } });
    expect(template.body.split('\r\n')[0]).toBe('region,IIP_GROWTH,RETAIL_SALES,CPI_AVG');
  });

  it('maps a 401 and a 403 to their auth codes', async () => {
    const anonymous = await refusal(createApiClient({ serverUrl: h.server.url, token: null }).call(routes.wall.state, {}));
    expect(anonymous).toMatchObject({ status: 401, code: 'auth.token_required', isAuthError: true });
    expect(anonymous.error.message_vi).toContain('Cần mã truy cập');
    const wrong = await refusal(createApiClient({ serverUrl: h.server.url, token: 'x'.repeat(43) }).call(routes.wall.state, {}));
    expect(wrong).toMatchObject({ status: 401, code: 'auth.token_invalid' });
    const wall = createApiClient({ serverUrl: h.server.url, token: h.server.wallToken });
    expect(await refusal(wall.call(routes.tokens.list, {}))).toMatchObject({ status: 403, code: 'auth.role_forbidden' });
  });

  it('carries a 422 with every fault, each with its path and code', async () => {
    const refusedToken = await refusal(admin.call(routes.tokens.create, { body: { role: 'submitter', label: '' } }));
    expect(refusedToken).toMatchObject({ status: 422, code: 'request.invalid_body' });
    expect(refusedToken.errors.map((e) => [e.path, e.code]).sort()).toEqual([
      ['$.agency', 'token.submitter_agency'],
      ['$.label', 'validation.invalid'],
    ]);

    const refusedReport = await refusal(admin.call(routes.reports.submit, { body: { ...ctkMonthly('2026-13'), agency: 'BTC' } }));
    expect(refusedReport).toMatchObject({ status: 422, code: 'report.refused' });
    expect(refusedReport.errors.map((e) => [e.path, e.code]).sort()).toEqual([
      ['$.agency', 'submission.agency_not_reporter'],
      ['$.period', 'submission.period_invalid'],
    ]);
    for (const e of refusedReport.errors) expect(e.message_vi).not.toBe(e.message_en);

    const badQuery = await refusal(admin.call(routes.reads.observations, { query: { indicator: 'gdp' } }));
    expect(badQuery).toMatchObject({ status: 400, code: 'request.invalid_query' });
    expect(badQuery.errors.map((e) => e.path)).toEqual(['?indicator']);
  });

  it('refuses a reply that does not match the route’s schema', async () => {
    // The real health route, read by a client that expects another shape of it.
    const stricter = defineRoute({ ...routes.health.health, replies: { 200: json(z.object({ ok: z.literal(true), seq: z.string() })) } });
    const refused = await refusal(admin.call(stricter, {}));
    expect(refused).toMatchObject({ status: 200, code: 'client.reply_invalid' });
    expect(refused.message).toMatch(/seq/);
    // …and a status the route does not declare is an error too, with the server's code.
    const missing = await refusal(admin.call(routes.reports.submission, { params: { id: 'no-such-id' } }));
    expect(missing).toMatchObject({ status: 404, code: 'submission.not_found' });
    expect(sequenceSchema.safeParse((await admin.call(routes.health.health, {})).body.seq).success).toBe(true);
  });

  it('sends a session credential as a cookie with the CSRF token on state-changing requests only', async () => {
    const seen: { method: string; headers: Record<string, string>; credentials: RequestCredentials | undefined }[] = [];
    const recording: typeof fetch = async (url, init) => {
      seen.push({ method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string>) }, credentials: init?.credentials });
      return fetch(url, init);
    };
    const session = createApiClient({ serverUrl: h.server.url, credential: { kind: 'session', csrfToken: 'csrf-123' }, fetch: recording });
    // The server has no sessions yet: both are refused as unauthenticated, which is the point.
    expect(await refusal(session.call(routes.wall.state, {}))).toMatchObject({ status: 401 });
    expect(await refusal(session.call(routes.wall.activatePreset, { body: { id: 'x' } }))).toMatchObject({ status: 401 });
    expect(seen.map((s) => [s.method, s.headers['X-CSRF-Token'], s.headers.Authorization, s.credentials])).toEqual([
      ['GET', undefined, undefined, 'same-origin'],
      ['POST', 'csrf-123', undefined, 'same-origin'],
    ]);
  });

  it('gives up a call the server never answers, or whose answer stops halfway, with client.timeout', async () => {
    // A server that takes the connection and then says nothing, or only the start of an answer
    // (a connection that died unheard looks the same from the client).
    const held: Socket[] = [];
    let halfway = false;
    const silent: Server = createServer((socket) => {
      held.push(socket);
      if (halfway) socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"status":');
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const client = createApiClient({ serverUrl: `http://127.0.0.1:${port}`, credential: { kind: 'token', token: 't'.repeat(43) }, timeoutMs: 300 });
      const asked = Date.now();
      expect(await refusal(client.call(routes.health.health, {}))).toMatchObject({ status: null, code: 'client.timeout', error: { message_en: 'the server did not answer within 1 s; try again' } });
      console.info(`[api-client] no answer: given up after ${Date.now() - asked} ms (limit 300 ms)`);
      halfway = true;
      // The call's own limit wins over the client's.
      expect(await refusal(client.call(routes.health.health, {}, { timeoutMs: 1_500 }))).toMatchObject({ status: null, code: 'client.timeout', error: { message_en: 'the server did not answer within 2 s; try again' } });
      // A caller's own abort is still an abort, not a timeout.
      const abort = new AbortController();
      const call = client.call(routes.health.health, {}, { signal: abort.signal, timeoutMs: 60_000 });
      abort.abort();
      await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      for (const s of held) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('says the server is unreachable, with no status', async () => {
    const down = createApiClient({ serverUrl: 'http://127.0.0.1:9', token: 't'.repeat(43) });
    expect(await refusal(down.call(routes.health.health, {}))).toMatchObject({ status: null, code: 'client.unreachable' });
  });
});
