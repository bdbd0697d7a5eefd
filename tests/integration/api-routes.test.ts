import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes, buildPath, defineRoute, json, pathParams } from '../../shared/api';
import { errorBodySchema } from '../../shared/errors/wire';
import { installRestGuard } from '../../server/auth/guard';
import { TokenBuckets } from '../../server/auth/rate-limit';
import { TokenStore } from '../../server/auth/tokens';
import { Store } from '../../server/db/store';
import { installErrorHandling } from '../../server/http/errors';
import { createRouter, registeredRoutes } from '../../server/http/route';
import { projectRoot } from '../support/paths';
import { startHarness, tempDir, type Harness } from '../helpers/server-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.cleanup();
});

describe('the route table (shared/api/)', () => {
  it('names every route once, under /api/v1, with path parameters its params schema parses', () => {
    const names = allRoutes.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    const keys = allRoutes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of allRoutes) {
      expect(route.path, route.name).toMatch(/^\/api\/v1\//);
      const params = pathParams(route.path);
      if (params.length === 0) expect(route.params, route.name).toBeUndefined();
      else expect(route.params!.safeParse(Object.fromEntries(params.map((p) => [p, 'X1']))).success, route.name).toBe(true);
      expect(Object.keys(route.replies).length, route.name).toBeGreaterThan(0);
    }
  });

  it('is exactly what the server registers under /api, and the server refuses an /api route from anywhere else', () => {
    const registered = registeredRoutes(h.server.app).map((r) => r.name).sort();
    expect(registered).toEqual(allRoutes.map((r) => r.name).sort());
    for (const route of allRoutes) {
      expect(h.server.app.hasRoute({ method: route.method, url: route.path }), route.name).toBe(true);
    }
    const stray = Fastify();
    const dir = tempDir();
    const store = Store.open(join(dir, 'db.sqlite'));
    try {
      installRestGuard(stray, new TokenStore(store.db), new TokenBuckets());
      expect(() => stray.get('/api/v1/stray', async () => ({}))).toThrow(/not registered from the route table/);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds paths with their parameters encoded', () => {
    expect(buildPath('/api/v1/submissions/:id', { id: 'a b/c' })).toBe('/api/v1/submissions/a%20b%2Fc');
    expect(() => buildPath('/api/v1/regimes/:code', {})).toThrow(/missing path parameter code/);
  });

  it('leaves no inline error reply in the server: every error goes through the catalogue', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts')) files.push(path);
      }
    };
    walk(join(projectRoot, 'server'));
    const offenders = files.filter((f) => /\.send\(\s*\{\s*error\b|error_vi/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('the route helper (server/http/route.ts)', () => {
  let app: FastifyInstance;
  let dir: string;
  let store: Store;
  const token = 'route-helper-admin-token-0123456789';
  const echo = defineRoute({
    name: 'test.echo',
    method: 'POST',
    path: '/api/v1/test/echo/:n',
    access: ['admin'],
    summary: 'echo',
    params: z.object({ n: z.coerce.number().int().min(1) }),
    query: z.object({ twice: z.enum(['0', '1']).optional() }).strict(),
    body: { schema: z.object({ word: z.string().min(2) }).strict(), check: 'route' },
    replies: { 200: json(z.object({ words: z.array(z.string()) })) },
  });
  const liar = defineRoute({
    name: 'test.liar',
    method: 'GET',
    path: '/api/v1/test/liar',
    access: ['admin'],
    summary: 'a handler whose reply breaks its schema',
    replies: { 200: json(z.object({ count: z.number() })) },
  });

  beforeAll(async () => {
    dir = tempDir();
    store = Store.open(join(dir, 'db.sqlite'));
    const tokens = new TokenStore(store.db);
    tokens.installBootstrap('admin', token);
    app = Fastify();
    installErrorHandling(app);
    installRestGuard(app, tokens, new TokenBuckets());
    const router = createRouter(app, { checkResponses: true });
    router.route(echo).handle(({ params, query, body }) => ({ status: 200, body: { words: Array.from({ length: params.n * (query.twice === '1' ? 2 : 1) }, () => body.word) } }));
    // The cast stands for a handler that drifted from its schema at run time.
    router.route(liar).handle(() => ({ status: 200, body: { count: 'many' as unknown as number } }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (url: string, body?: unknown, auth = `Bearer ${token}`) =>
    app.inject({ method: body === undefined ? 'GET' : 'POST', url, headers: { authorization: auth, 'content-type': 'application/json' }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });

  it('hands the handler parsed params, query and body', async () => {
    const r = await call('/api/v1/test/echo/2?twice=1', { word: 'hi' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ words: ['hi', 'hi', 'hi', 'hi'] });
  });

  it('answers 422 with every fault of a body, 400 for a query, each with a code and both languages', async () => {
    const badBody = await call('/api/v1/test/echo/1', { word: 'x', extra: 1 });
    expect(badBody.statusCode).toBe(422);
    const body = errorBodySchema.parse(badBody.json());
    expect(body.error.code).toBe('request.invalid_body');
    expect(body.errors!.map((e) => e.path).sort()).toEqual(['$', '$.word']);
    for (const e of body.errors!) expect(e.code).toBe('validation.invalid');

    const badQuery = errorBodySchema.parse((await call('/api/v1/test/echo/1?twice=2&x=1', { word: 'hi' })).json());
    expect(badQuery.error.code).toBe('request.invalid_query');
    expect(badQuery.errors!.map((e) => e.path).sort()).toEqual(['?twice', '?x']);

    const badParams = await call('/api/v1/test/echo/zero', { word: 'hi' });
    expect(badParams.statusCode).toBe(400);
    expect(errorBodySchema.parse(badParams.json()).errors!.map((e) => e.path)).toEqual([':n']);
  });

  it('checks the token before anything else and refuses a reply that breaks its schema', async () => {
    const anonymous = await call('/api/v1/test/echo/1', { word: 'x' }, '');
    expect(anonymous.statusCode).toBe(401);
    expect(errorBodySchema.parse(anonymous.json()).error.code).toBe('auth.token_required');
    const liarReply = await call('/api/v1/test/liar');
    expect(liarReply.statusCode).toBe(500);
    expect(errorBodySchema.parse(liarReply.json()).error.code).toBe('server.reply_invalid');
  });
});
