import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallStateSchema, type WallState } from '../../shared/protocol/control';
import type { Layout } from '../../shared/layout/schema';
import { validateLayout } from '../../shared/layout/load';
import { findProjectRoot, projectPaths } from '../../server/paths';
import { collect, emitWithAck, nextEvent, startHarness, tempDir, waitFor, type Harness } from '../helpers/server-harness';

const paths = projectPaths(findProjectRoot());
const preset = JSON.parse(readFileSync(join(paths.layoutsDir, 'tong-quan-kinh-te-xa-hoi.json'), 'utf8')) as Layout;
const profile = JSON.parse(readFileSync(paths.profile, 'utf8')) as Record<string, unknown>;

let h: Harness;
let operator: string;

beforeAll(async () => {
  h = await startHarness();
  operator = (await h.api<{ token: string }>('POST', '/api/v1/tokens', { body: { role: 'operator', label: 'console' } })).body.token;
});
afterAll(async () => {
  await h?.cleanup();
});

/** A layout with several faults at once: a wrong version, an unknown widget, a tile off the grid, an overlap. */
function brokenLayout(): unknown {
  const layout = structuredClone(preset) as unknown as { schemaVersion: number; tiles: Record<string, unknown>[] };
  layout.schemaVersion = 2;
  layout.tiles[0]!.widget = 'sparkle';
  layout.tiles[1]!.w = 99;
  layout.tiles[2]!.x = layout.tiles[1]!.x;
  return layout;
}

describe('wall state', () => {
  it('starts from the configured profile and layout and sends it to every /control socket on connect', async () => {
    const state = await h.api<WallState>('GET', '/api/v1/wall', { token: h.server.wallToken });
    expect(wallStateSchema.parse(state.body)).toMatchObject({ profile: { id: profile.id }, layout: { id: preset.id } });
    let first: Promise<WallState> | null = null;
    const socket = await h.connect('/control', h.server.wallToken, (s) => (first = nextEvent<WallState>(s, 'wallState')));
    expect(wallStateSchema.parse(await first!)).toEqual(state.body);
    expect(await emitWithAck(socket, 'hello', { client: 'wall', screenId: 's1', host: null })).toEqual({ ok: true });
    expect(await emitWithAck<{ ok: boolean }>(socket, 'hello', { client: 'toaster' })).toMatchObject({ ok: false });
    socket.disconnect();
  });

  it('refuses an invalid layout with every error (422) and keeps the active one', async () => {
    const before = h.server.wall.get();
    const r = await h.api<{ error: { code: string; message_en: string }; errors: { path: string; message: string }[] }>('PUT', '/api/v1/wall/layout', { token: operator, body: brokenLayout() });
    expect(r.status).toBe(422);
    const paths = r.body.errors.map((e) => e.path);
    expect(paths).toContain('$.schemaVersion');
    expect(paths).toContain('$.tiles[0].widget');
    expect(paths).toContain('$.tiles[1].w');
    expect(r.body.errors).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/overlaps/) }));
    expect(r.body.error).toMatchObject({ code: 'wall.layout_invalid', message_en: expect.stringMatching(/keeps its layout/) });
    expect(h.server.wall.get()).toBe(before);
    expect((await h.api<WallState>('GET', '/api/v1/wall')).body).toEqual(before);
  });

  it('takes a valid layout, raises the revision and pushes it on /control', async () => {
    let states: WallState[] = [];
    const socket = await h.connect('/control', h.server.wallToken, (s) => (states = collect<WallState>(s, 'wallState')));
    await waitFor(() => states.length === 1, 3000, 'the initial wall state');
    const before = h.server.wall.get().revision;
    const next = { ...structuredClone(preset), title: { vi: 'Bố cục thử', en: 'Test layout' } };
    const r = await h.api<WallState>('PUT', '/api/v1/wall/layout', { token: operator, body: next });
    expect(r.status).toBe(200);
    expect(r.body.revision).toBe(before + 1);
    await waitFor(() => states.length === 2, 3000, 'the pushed wall state');
    expect(wallStateSchema.parse(states[1])).toMatchObject({ revision: before + 1, layout: { title: { vi: 'Bố cục thử' } } });
    // The same layout again is not a change.
    expect((await h.api<WallState>('PUT', '/api/v1/wall/layout', { token: operator, body: next })).body.revision).toBe(before + 1);
    socket.disconnect();
  });

  it('checks a profile the same way', async () => {
    const bad = { ...profile, schemaVersion: 3, viewingDistanceMm: -1, screens: [] };
    const r = await h.api<{ errors: { path: string }[] }>('PUT', '/api/v1/wall/profile', { token: operator, body: bad });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e) => e.path).sort()).toEqual(['$.schemaVersion', '$.screens', '$.viewingDistanceMm']);
    const before = h.server.wall.get().revision;
    const ok = await h.api<WallState>('PUT', '/api/v1/wall/profile', { token: operator, body: { ...profile, name: 'Tường thử' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ revision: before + 1, profile: { name: 'Tường thử' } });
  });

  it('lists the presets and activates one by id', async () => {
    const list = await h.api<{ layouts: { id: string; title: { vi: string } }[]; active: string }>('GET', '/api/v1/layouts', { token: operator });
    expect(list.body.layouts).toContainEqual({ id: preset.id, title: preset.title });
    const activated = await h.api<WallState>('POST', '/api/v1/wall/layout/activate', { token: operator, body: { id: preset.id } });
    expect(activated.status).toBe(200);
    // The preset as the loader reads it (widget options with their defaults filled in).
    const loaded = validateLayout(preset);
    expect(loaded.ok).toBe(true);
    expect(activated.body.layout).toEqual(loaded.ok ? loaded.value : null);
    expect((await h.api('POST', '/api/v1/wall/layout/activate', { token: operator, body: { id: 'no-such-layout' } })).status).toBe(404);
    expect((await h.api('POST', '/api/v1/wall/layout/activate', { token: operator, body: { id: '../etc/passwd' } })).status).toBe(422);
  });

  it('keeps what was set through the API across a restart, with who set it', async () => {
    const dataDir = tempDir();
    try {
      const a = await startHarness({ dataDir });
      const op = (await a.api<{ token: string }>('POST', '/api/v1/tokens', { body: { role: 'operator', label: 'trực ban' } })).body.token;
      const layout = { ...structuredClone(preset), title: { vi: 'Bố cục đã đặt' } };
      expect((await a.api('PUT', '/api/v1/wall/layout', { token: op, body: layout })).status).toBe(200);
      expect((await a.api('PUT', '/api/v1/wall/profile', { token: op, body: { ...profile, name: 'Tường đã sửa' } })).status).toBe(200);
      const set = a.server.wall.get();
      await a.stop();

      // A plain restart (no --profile, no --layout): the wall shows what the operator set.
      const b = await startHarness({ dataDir });
      expect(b.server.wall.get()).toEqual(set);
      expect(b.server.wall.record()).toMatchObject({ changedBy: 'operator token "trực ban"', reason: 'PUT /api/v1/wall/profile' });
      const viaApi = await b.api<WallState>('GET', '/api/v1/wall', { token: b.server.wallToken });
      expect(viaApi.body).toMatchObject({ revision: set.revision, layout: { title: { vi: 'Bố cục đã đặt' } }, profile: { name: 'Tường đã sửa' } });
      // An activated preset is kept too.
      const activated = await b.api<WallState>('POST', '/api/v1/wall/layout/activate', { token: b.server.adminToken, body: { id: 'trung-bay-o-hien-thi' } });
      expect(activated.status).toBe(200);
      await b.stop();
      const c = await startHarness({ dataDir });
      expect(c.server.wall.get()).toMatchObject({ revision: activated.body.revision, layout: { id: 'trung-bay-o-hien-thi' } });
      await c.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('applies a layout or profile chosen at start over the stored state, as a new revision', async () => {
    const dataDir = tempDir();
    try {
      const a = await startHarness({ dataDir });
      const first = a.server.wall.get();
      await a.stop();
      const b = await startHarness({ dataDir, layout: { path: join(paths.layoutsDir, 'trung-bay-o-hien-thi.json'), watch: false } });
      expect(b.server.wall.get()).toMatchObject({ revision: first.revision + 1, layout: { id: 'trung-bay-o-hien-thi' } });
      expect(b.server.wall.record()).toMatchObject({ changedBy: 'server', reason: 'command line' });
      await b.stop();
      // The same choice again is no change.
      const c = await startHarness({ dataDir, layout: { path: join(paths.layoutsDir, 'trung-bay-o-hien-thi.json'), watch: false } });
      expect(c.server.wall.get().revision).toBe(first.revision + 1);
      await c.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('starts from the defaults when the stored state is unreadable, says so, and keeps the stored row', async () => {
    const dataDir = tempDir();
    try {
      const a = await startHarness({ dataDir });
      const first = a.server.wall.get();
      // A row written by some other release whose layout this one cannot read.
      a.server.db
        .prepare('INSERT INTO wall_states (revision, profile, layout, changed_by, changed_at, reason) VALUES (?, ?, ?, ?, ?, ?)')
        .run(first.revision + 1, JSON.stringify(first.profile), JSON.stringify({ ...first.layout, schemaVersion: 99 }), 'someone', new Date().toISOString(), 'test');
      await a.stop();
      const b = await startHarness({ dataDir });
      expect(b.server.wall.get()).toMatchObject({ revision: first.revision + 2, layout: { id: first.layout.id } });
      const complaint = b.log.lines.find((line) => line.includes('the stored wall state cannot be used'));
      expect(complaint).toContain('layout $.schemaVersion');
      const kept = b.server.db.prepare<[number], { changed_by: string }>('SELECT changed_by FROM wall_states WHERE revision = ?').get(first.revision + 1);
      expect(kept?.changed_by).toBe('someone');
      await b.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start with an invalid profile or layout, listing every problem', async () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir, 'bad-layout.json'), JSON.stringify(brokenLayout()));
      writeFileSync(join(dir, 'bad-profile.json'), '{ "schemaVersion": 1,');
      const attempt = startHarness({ dataDir: join(dir, 'data'), layout: { path: join(dir, 'bad-layout.json'), watch: false }, profilePath: join(dir, 'bad-profile.json') });
      await expect(attempt).rejects.toThrow(/bad-profile\.json: 1 error\(s\)[\s\S]*not valid JSON[\s\S]*--profile[\s\S]*bad-layout\.json: \d+ error\(s\)[\s\S]*\$\.schemaVersion[\s\S]*\$\.tiles\[0\]\.widget/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('startup', () => {
  it('says so when the port is taken', async () => {
    const dir = tempDir();
    try {
      await expect(startHarness({ dataDir: join(dir, 'data'), port: h.server.port })).rejects.toThrow(new RegExp(`port ${h.server.port} on 127.0.0.1 is in use; pass another --port`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('layout file watch', () => {
  it('keeps the last good layout on an invalid edit and takes a valid one', async () => {
    const dir = tempDir();
    const file = join(dir, 'my-wall.json');
    writeFileSync(file, JSON.stringify(preset, null, 2));
    const w = await startHarness({ dataDir: join(dir, 'data'), layout: { path: file, watch: true }, watchDebounceMs: 30 });
    try {
      let states: WallState[] = [];
      const socket = await w.connect('/control', w.server.wallToken, (s) => (states = collect<WallState>(s, 'wallState')));
      await waitFor(() => states.length === 1, 3000, 'the initial wall state');
      const start = w.server.wall.get();

      writeFileSync(file, JSON.stringify(brokenLayout()));
      await waitFor(() => w.log.lines.some((l) => l.includes('layout file refused')), 3000, 'the refusal in the log');
      const refusal = w.log.lines.find((l) => l.includes('layout file refused'))!;
      expect(refusal).toContain('$.schemaVersion');
      expect(refusal).toContain('$.tiles[0].widget');
      expect(w.server.wall.get()).toBe(start);

      // A half-written file (an editor mid-save) is refused the same way.
      writeFileSync(file, '{"schemaVersion": 1, "id": ');
      await waitFor(() => w.log.lines.filter((l) => l.includes('layout file refused')).length >= 2, 3000, 'the second refusal');
      expect(w.server.wall.get()).toBe(start);

      // Saved the way editors do: a new file renamed over the old one.
      const next = { ...structuredClone(preset), title: { vi: 'Đã sửa', en: 'Edited' } };
      writeFileSync(`${file}.tmp`, JSON.stringify(next));
      renameSync(`${file}.tmp`, file);
      await waitFor(() => states.length === 2, 3000, 'the new wall state');
      expect(states[1]).toMatchObject({ revision: start.revision + 1, layout: { title: { vi: 'Đã sửa' } } });
      expect(w.server.wall.get().layout.title.vi).toBe('Đã sửa');
      socket.disconnect();
    } finally {
      await w.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('static files', () => {
  it('answers 503 with what to run when the renderer is not built, with the security headers', async () => {
    const dir = tempDir();
    const w = await startHarness({ dataDir: join(dir, 'data'), rendererDir: join(dir, 'no-renderer') });
    try {
      const r = await w.api('GET', '/wall/', { token: null });
      expect(r.status).toBe(503);
      expect(r.text).toMatch(/npm run build/);
      expect((await w.api('GET', '/info/', { token: null })).status).toBe(503);
      expect((await w.api('GET', '/remote/', { token: null })).status).toBe(503);
      expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    } finally {
      await w.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves the built renderer: /wall/ is wall/index.html, assets under /assets/', async () => {
    const dir = tempDir();
    const renderer = join(dir, 'renderer');
    mkdirSync(join(renderer, 'wall'), { recursive: true });
    mkdirSync(join(renderer, 'assets'));
    writeFileSync(join(renderer, 'wall', 'index.html'), '<!doctype html><title>wall</title>');
    writeFileSync(join(renderer, 'assets', 'wall-abc123.js'), 'console.log(1)');
    const w = await startHarness({ dataDir: join(dir, 'data'), rendererDir: renderer });
    try {
      const page = await w.api('GET', '/wall/?screen=all', { token: null });
      expect(page.status).toBe(200);
      expect(page.text).toContain('<title>wall</title>');
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const redirect = await w.api('GET', '/wall', { token: null });
      expect(redirect.status).toBe(301);
      expect(redirect.headers.get('location')).toBe('/wall/');
      const asset = await w.api('GET', '/assets/wall-abc123.js', { token: null });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toMatch(/immutable/);
      expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await w.api('GET', '/../../etc/passwd', { token: null })).status).toBe(404);
      expect((await w.api('GET', '/api/v1/health', { token: null })).status).toBe(200);
    } finally {
      await w.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves the information page at /info/ and the remote at /remote/ with the same headers, and the one service worker at /info/sw.js', async () => {
    const dir = tempDir();
    const renderer = join(dir, 'renderer');
    mkdirSync(join(renderer, 'wall'), { recursive: true });
    mkdirSync(join(renderer, 'info'));
    writeFileSync(join(renderer, 'wall', 'index.html'), '<!doctype html><title>wall</title>');
    writeFileSync(join(renderer, 'wall', 'sw.js'), '/* the worker */');
    writeFileSync(join(renderer, 'info', 'index.html'), '<!doctype html><title>info</title>');
    mkdirSync(join(renderer, 'remote'));
    writeFileSync(join(renderer, 'remote', 'index.html'), '<!doctype html><title>remote</title>');
    const w = await startHarness({ dataDir: join(dir, 'data'), rendererDir: renderer });
    try {
      const wallPage = await w.api('GET', '/wall/', { token: null });
      const page = await w.api('GET', '/info/', { token: null });
      expect(page.status).toBe(200);
      expect(page.text).toContain('<title>info</title>');
      expect(page.headers.get('content-security-policy')).toBe(wallPage.headers.get('content-security-policy'));
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      const worker = await w.api('GET', '/info/sw.js', { token: null });
      expect(worker.status).toBe(200);
      expect(worker.text).toBe('/* the worker */');
      expect(worker.headers.get('content-type')).toMatch(/javascript/);
      expect(worker.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      // The presenter's remote: the same headers, no worker of its own (it never shows a kept copy).
      const remote = await w.api('GET', '/remote/', { token: null });
      expect(remote.status).toBe(200);
      expect(remote.text).toContain('<title>remote</title>');
      expect(remote.headers.get('content-security-policy')).toBe(wallPage.headers.get('content-security-policy'));
      expect(remote.headers.get('cache-control')).toBe('no-cache');
      expect((await w.api('GET', '/remote/sw.js', { token: null })).status).toBe(404);
    } finally {
      await w.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
