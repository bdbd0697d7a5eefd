import { apiErrorSchema } from '../../shared/protocol/report';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens';
import { TokenBuckets } from '../../server/auth/rate-limit';
import { startHarness, tempDir, type Harness } from '../helpers/server-harness';

let h: Harness;
let operator: string;
let submitter: string;

beforeAll(async () => {
  h = await startHarness({ rateLimit: { ratePerSecond: 50, burst: 200 } });
  const op = await h.api<{ token: string }>('POST', '/api/v1/tokens', { body: { role: 'operator', label: 'console' } });
  const sub = await h.api<{ token: string }>('POST', '/api/v1/tokens', { body: { role: 'submitter', agency: 'P01', label: 'Hà Nội' } });
  operator = op.body.token;
  submitter = sub.body.token;
});
afterAll(async () => {
  await h?.cleanup();
});

describe('REST authentication and roles', () => {
  it('answers 401 without a token or with a bad one, on every /api route, before reading the body', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/wall'],
      ['GET', '/api/v1/indicators'],
      ['POST', '/api/v1/reports'],
      ['POST', '/api/v1/tokens'],
      ['GET', '/api/v1/no-such-route'],
    ] as const) {
      const raw = method === 'GET' ? undefined : '{not json';
      const none = await h.api(method, path, { token: null, raw });
      expect(none.status, `${method} ${path}`).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      const bad = await h.api(method, path, { token: 'x'.repeat(43), raw });
      expect(bad.status, `${method} ${path}`).toBe(401);
    }
    expect((await h.api('GET', '/api/v1/wall', { token: null, headers: { authorization: `Basic ${h.server.adminToken}` } })).status).toBe(401);
  });

  it('needs no token for health only', async () => {
    const health = await h.api<{ ok: boolean; seq: number }>('GET', '/api/v1/health', { token: null });
    expect(health.status).toBe(200);
    expect(health.body.ok).toBe(true);
    expect(health.body.seq).toBeGreaterThan(0);
  });

  it('answers 403 for the wrong role', async () => {
    expect((await h.api('GET', '/api/v1/wall', { token: submitter })).status).toBe(403);
    expect((await h.api('GET', '/api/v1/observations', { token: submitter })).status).toBe(403);
    expect((await h.api('POST', '/api/v1/tokens', { token: operator, body: { role: 'admin', label: 'x' } })).status).toBe(403);
    expect((await h.api('PUT', '/api/v1/wall/layout', { token: h.server.wallToken, body: {} })).status).toBe(403);
    expect((await h.api('POST', '/api/v1/reports', { token: h.server.wallToken, body: {} })).status).toBe(403);
    // ...and lets the right roles through.
    expect((await h.api('GET', '/api/v1/wall', { token: h.server.wallToken })).status).toBe(200);
    expect((await h.api('GET', '/api/v1/indicators', { token: submitter })).status).toBe(200);
    // Authenticated callers of an unknown route get the 404.
    expect((await h.api('GET', '/api/v1/no-such-route')).status).toBe(404);
  });
});

describe('tokens', () => {
  it('stores only hashes, shows a new token once, and lists and revokes them', async () => {
    const created = await h.api<{ token: string; tokenId: number; role: string; agency: string | null }>('POST', '/api/v1/tokens', {
      body: { role: 'wall', label: 'lobby screen' },
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const hashes = h.server.db.prepare('SELECT hash FROM tokens').pluck().all() as string[];
    expect(hashes).toContain(hashToken(created.body.token));
    expect(JSON.stringify(h.server.db.prepare('SELECT * FROM tokens').all())).not.toContain(created.body.token);

    const listed = await h.api<{ tokens: { tokenId: number; label: string }[] }>('GET', '/api/v1/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect(listed.body.tokens.map((t) => t.label)).toContain('lobby screen');

    // Used before (so the server knows it without a lookup), then revoked: refused from the next request on.
    expect((await h.api('GET', '/api/v1/wall', { token: created.body.token })).status).toBe(200);
    const socket = await h.connect('/feed', created.body.token);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect((await h.api('DELETE', `/api/v1/tokens/${created.body.tokenId}`)).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expect((await h.api('GET', '/api/v1/wall', { token: created.body.token })).status).toBe(401);
    const adminId = listed.body.tokens.find((t) => t.label === 'admin (bootstrap)')!.tokenId;
    expect((await h.api('DELETE', `/api/v1/tokens/${adminId}`)).status).toBe(409);
  });

  it('refuses a token request that is not valid, listing every problem', async () => {
    const r = await h.api<{ errors: { path: string }[] }>('POST', '/api/v1/tokens', { body: { role: 'submitter', label: '', extra: 1 } });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e) => e.path).sort()).toEqual(['$', '$.agency', '$.label'].sort());
    const r2 = await h.api('POST', '/api/v1/tokens', { body: { role: 'operator', agency: 'P01', label: 'x' } });
    expect(r2.status).toBe(422);
  });

  it('writes generated admin and wall tokens to the data folder, owner-only, and reuses them', async () => {
    for (const kind of ['admin', 'wall'] as const) {
      const file = join(h.dataDir, `${kind}-token`);
      expect(readFileSync(file, 'utf8').trim()).toBe(kind === 'admin' ? h.server.adminToken : h.server.wallToken);
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    }
  });

  it('takes the tokens from the environment when given', async () => {
    const dataDir = tempDir();
    const other = await startHarness({ dataDir, adminToken: 'admin-token-from-env-0123456789', wallToken: 'wall-token-from-env-0123456789' });
    try {
      expect((await other.api('GET', '/api/v1/wall', { token: 'wall-token-from-env-0123456789' })).status).toBe(200);
      expect((await other.api('GET', '/api/v1/tokens', { token: 'admin-token-from-env-0123456789' })).status).toBe(200);
    } finally {
      await other.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    await expect(startHarness({ dataDir: tempDir(), adminToken: 'short' })).rejects.toThrow(/TOANCANH_ADMIN_TOKEN must be 16 to 200/);
  });

  it('never writes a token to the log', () => {
    const log = h.log.lines.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const token of [h.server.adminToken, h.server.wallToken, operator, submitter]) expect(log).not.toContain(token);
  });
});

describe('socket authentication', () => {
  it('refuses a connection without a token or with a bad one (401), and a submitter (403)', async () => {
    for (const ns of ['/feed', '/control'] as const) {
      await expect(h.connect(ns, undefined)).rejects.toMatchObject({ message: 'unauthorized', data: { status: 401 } });
      await expect(h.connect(ns, 'not-a-real-token-at-all')).rejects.toMatchObject({ message: 'unauthorized', data: { status: 401 } });
      await expect(h.connect(ns, submitter)).rejects.toMatchObject({ message: 'forbidden', data: { status: 403 } });
    }
  });

  it('lets wall, operator and admin in', async () => {
    for (const token of [h.server.wallToken, operator, h.server.adminToken]) {
      const socket = await h.connect('/feed', token);
      expect(socket.connected).toBe(true);
      socket.disconnect();
    }
  });
});

describe('rate limit', () => {
  it('refills a token bucket at its rate up to its burst', () => {
    let t = 0;
    const buckets = new TokenBuckets({ ratePerSecond: 2, burst: 3 }, () => t);
    expect([1, 2, 3].map(() => buckets.take('a').ok)).toEqual([true, true, true]);
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.take('b').ok).toBe(true);
    t = 500;
    expect(buckets.take('a').ok).toBe(true);
    expect(buckets.take('a').ok).toBe(false);
  });

  it('answers 429 with Retry-After once a token has spent its burst', async () => {
    const limited = await startHarness({ rateLimit: { ratePerSecond: 0.5, burst: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.api('GET', '/api/v1/indicators')).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const last = await limited.api('GET', '/api/v1/indicators');
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(apiErrorSchema.parse(last.body).error).toMatchObject({ code: 'auth.rate_limited', message_en: expect.stringMatching(/too many requests/) });
      // Per token: another token is not affected, and health is never limited.
      expect((await limited.api('GET', '/api/v1/wall', { token: limited.server.wallToken })).status).toBe(200);
      expect((await limited.api('GET', '/api/v1/health', { token: null })).status).toBe(200);
    } finally {
      await limited.cleanup();
    }
  });
});
