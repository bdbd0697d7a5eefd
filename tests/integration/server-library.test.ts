import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayoutDetail, LayoutSummary, VersionInfo } from '../../shared/api/library';
import type { LayoutDiff } from '../../shared/layout/diff';
import type { Layout } from '../../shared/layout/schema';
import type { WallState } from '../../shared/protocol/control';
import { findProjectRoot, projectPaths } from '../../server/paths';
import { collect, startHarness, waitFor, type Harness } from '../helpers/server-harness';

const paths = projectPaths(findProjectRoot());
const preset = JSON.parse(readFileSync(join(paths.layoutsDir, 'tong-quan-kinh-te-xa-hoi.json'), 'utf8')) as Layout;
const TEMPLATE = preset.id;

type Saved = { layout: LayoutSummary; version: VersionInfo };
type ErrorReply = { error: { code: string; message_vi: string; message_en: string; details?: Record<string, unknown> }; errors?: { path: string; message: string }[]; total?: number };

let h: Harness;
let alice: string;
let bob: string;
let viewer: string;

const token = async (role: string, label: string) => (await h.api<{ token: string }>('POST', '/api/v1/tokens', { body: { role, label } })).body.token;
/** What the library holds, to show a refusal changed nothing. */
const fingerprint = () => JSON.stringify([h.server.db.prepare('SELECT * FROM layouts ORDER BY id').all(), h.server.db.prepare('SELECT layout_id, version FROM layout_versions ORDER BY 1, 2').all()]);
const auditActions = (objectId: string) => h.server.audit.list({ objectId, limit: 200 }).rows.map((r) => `${r.action} by ${r.actor.name}`);

beforeAll(async () => {
  h = await startHarness();
  alice = await token('operator', 'Nguyễn Văn A');
  bob = await token('operator', 'Trần Thị B');
  viewer = await token('wall', 'tường chính');
}, 30_000);
afterAll(async () => {
  await h?.cleanup();
});

describe('the layout library', { timeout: 30_000 }, () => {
  it('imports the presets of layouts/ as read-only templates, and refuses saving over one', async () => {
    const list = await h.api<{ layouts: LayoutSummary[] }>('GET', '/api/v1/library/layouts', { token: viewer });
    expect(list.status).toBe(200);
    const template = list.body.layouts.find((l) => l.id === TEMPLATE)!;
    expect(template).toMatchObject({ template: true, headVersion: 1, createdBy: 'server', deletedAt: null });
    const before = fingerprint();
    const r = await h.api<ErrorReply>('POST', `/api/v1/library/layouts/${TEMPLATE}/versions`, { token: alice, body: { baseVersion: 1, document: preset } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('layout.template_read_only');
    expect(r.body.error.message_en).toMatch(/duplicate it first/);
    expect((await h.api<ErrorReply>('DELETE', `/api/v1/library/layouts/${TEMPLATE}`, { token: alice })).body.error.code).toBe('layout.template_read_only');
    expect(fingerprint()).toBe(before);
  });

  it('creates, duplicates, renames, bins and restores, every change audited with its author', async () => {
    const doc = { ...structuredClone(preset), id: 'hop-giao-ban', title: { vi: 'Họp giao ban' } };
    const created = await h.api<Saved>('POST', '/api/v1/library/layouts', { token: alice, body: { document: doc, note: 'bản đầu' } });
    expect(created.status).toBe(201);
    expect(created.body.version).toMatchObject({ layoutId: 'hop-giao-ban', version: 1, note: 'bản đầu', by: 'Nguyễn Văn A' });
    expect((await h.api<ErrorReply>('POST', '/api/v1/library/layouts', { token: bob, body: { document: doc } })).body.error.code).toBe('layout.exists');

    const copy = await h.api<Saved>('POST', '/api/v1/library/layouts/hop-giao-ban/duplicate', { token: bob, body: {} });
    expect(copy.status).toBe(201);
    expect(copy.body.layout).toMatchObject({ id: 'hop-giao-ban-copy', title: { vi: 'Họp giao ban (bản sao)' }, headVersion: 1, template: false, createdBy: 'Trần Thị B' });
    const copied = await h.api<LayoutDetail>('GET', '/api/v1/library/layouts/hop-giao-ban-copy', { token: viewer });
    const original = await h.api<LayoutDetail>('GET', '/api/v1/library/layouts/hop-giao-ban', { token: viewer });
    expect(copied.body.head.document.tiles).toEqual(original.body.head.document.tiles);
    expect(copied.body.head.document.id).toBe('hop-giao-ban-copy');

    const renamed = await h.api<LayoutSummary>('PATCH', '/api/v1/library/layouts/hop-giao-ban-copy', { token: bob, body: { title: { vi: 'Giao ban chiều', en: 'Afternoon briefing' } } });
    expect(renamed.body).toMatchObject({ id: 'hop-giao-ban-copy', title: { vi: 'Giao ban chiều' }, headVersion: 1 });

    const binned = await h.api<LayoutSummary>('DELETE', '/api/v1/library/layouts/hop-giao-ban-copy', { token: bob });
    expect(binned.status).toBe(200);
    expect(binned.body.deletedAt).not.toBeNull();
    const list = (await h.api<{ layouts: LayoutSummary[] }>('GET', '/api/v1/library/layouts', { token: viewer })).body.layouts.map((l) => l.id);
    expect(list).not.toContain('hop-giao-ban-copy');
    expect((await h.api<{ layouts: LayoutSummary[] }>('GET', '/api/v1/library/bin', { token: viewer })).body.layouts.map((l) => l.id)).toEqual(['hop-giao-ban-copy']);
    const inBin = await h.api<ErrorReply>('POST', '/api/v1/library/layouts/hop-giao-ban-copy/versions', { token: bob, body: { baseVersion: 1, document: { ...doc, id: 'hop-giao-ban-copy' } } });
    expect(inBin.body.error.code).toBe('layout.in_bin');
    expect((await h.api<LayoutSummary>('POST', '/api/v1/library/bin/hop-giao-ban-copy/restore', { token: bob })).body.deletedAt).toBeNull();

    expect(auditActions('hop-giao-ban')).toEqual(['layout.create by Nguyễn Văn A']);
    expect(auditActions('hop-giao-ban-copy')).toEqual(['layout.restore by Trần Thị B', 'layout.delete by Trần Thị B', 'layout.rename by Trần Thị B', 'layout.duplicate by Trần Thị B']);
  });

  it('keeps every save as a version: list, show, diff and restore one', async () => {
    const v1 = (await h.api<LayoutDetail>('GET', '/api/v1/library/layouts/hop-giao-ban', { token: alice })).body.head.document;
    const v2doc: Layout = { ...v1, tiles: v1.tiles.map((t, i) => (i === 0 ? { ...t, y: t.y, x: t.x, binding: { indicators: ['CPI'], region: 'VN' } } : t)).slice(0, -1) } as Layout;
    const v2 = await h.api<Saved>('POST', '/api/v1/library/layouts/hop-giao-ban/versions', { token: alice, body: { baseVersion: 1, document: v2doc, note: 'đổi chỉ tiêu' } });
    expect(v2.status).toBe(201);
    expect(v2.body.version.version).toBe(2);

    const versions = await h.api<{ versions: VersionInfo[] }>('GET', '/api/v1/library/layouts/hop-giao-ban/versions', { token: viewer });
    expect(versions.body.versions.map((v) => [v.version, v.note, v.by])).toEqual([
      [2, 'đổi chỉ tiêu', 'Nguyễn Văn A'],
      [1, 'bản đầu', 'Nguyễn Văn A'],
    ]);
    const diff = await h.api<{ diff: LayoutDiff }>('GET', '/api/v1/library/layouts/hop-giao-ban/diff?from=1&to=2', { token: viewer });
    expect(diff.body.diff.removed.map((t) => t.id)).toEqual([v1.tiles.at(-1)!.id]);
    expect(diff.body.diff.rebound).toEqual([{ id: v1.tiles[0]!.id, from: v1.tiles[0]!.binding ?? null, to: { indicators: ['CPI'], region: 'VN' } }]);

    const restored = await h.api<Saved>('POST', '/api/v1/library/layouts/hop-giao-ban/versions/1/restore', { token: bob, body: {} });
    expect(restored.body.version).toMatchObject({ version: 3, note: 'khôi phục phiên bản 1', by: 'Trần Thị B' });
    const v3 = await h.api<{ document: Layout }>('GET', '/api/v1/library/layouts/hop-giao-ban/versions/3', { token: viewer });
    expect(v3.body.document).toEqual(v1);
    expect((await h.api<ErrorReply>('GET', '/api/v1/library/layouts/hop-giao-ban/versions/9', { token: viewer })).status).toBe(404);
    expect((await h.api<ErrorReply>('GET', '/api/v1/library/layouts/nothing/versions', { token: viewer })).body.error.code).toBe('layout.not_found');

    // A version is never changed, not even by a stray statement.
    expect(() => h.server.db.prepare("UPDATE layout_versions SET note = 'sửa' WHERE layout_id = 'hop-giao-ban'").run()).toThrow(/never changed/);
    expect(() => h.server.db.prepare("DELETE FROM layout_versions WHERE layout_id = 'hop-giao-ban'").run()).toThrow(/never deleted/);

    // The save's audit row carries the diff.
    const save = h.server.audit.list({ objectId: 'hop-giao-ban' }).rows.find((r) => r.action === 'layout.save')!;
    expect(save.actor.name).toBe('Nguyễn Văn A');
    expect(save.diff).toMatchObject({ version: 2, baseVersion: 1, counts: { removed: 1, rebound: 1 } });
  });

  it('refuses a stale save with 409 and who saved the head; nothing is lost and mine can be saved as a copy', async () => {
    const head = (await h.api<LayoutDetail>('GET', '/api/v1/library/layouts/hop-giao-ban', { token: alice })).body;
    const base = head.layout.headVersion;
    const aliceDoc = { ...head.head.document, title: { vi: 'Bản của A' } };
    const bobDoc = { ...head.head.document, title: { vi: 'Bản của B' } };
    expect((await h.api<Saved>('POST', '/api/v1/library/layouts/hop-giao-ban/versions', { token: alice, body: { baseVersion: base, document: aliceDoc } })).status).toBe(201);
    const before = fingerprint();
    const stale = await h.api<ErrorReply>('POST', '/api/v1/library/layouts/hop-giao-ban/versions', { token: bob, body: { baseVersion: base, document: bobDoc } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('layout.version_conflict');
    expect(stale.body.error.details).toMatchObject({ headVersion: base + 1, savedBy: 'Nguyễn Văn A', baseVersion: base });
    expect(typeof stale.body.error.details!.savedAt).toBe('string');
    expect(stale.body.error.message_vi).toMatch(/Nguyễn Văn A/);
    expect(fingerprint()).toBe(before);
    expect((await h.api<LayoutDetail>('GET', '/api/v1/library/layouts/hop-giao-ban', { token: bob })).body.head.document.title).toEqual({ vi: 'Bản của A' });

    const asCopy = await h.api<Saved>('POST', '/api/v1/library/layouts/hop-giao-ban/duplicate', { token: bob, body: { document: bobDoc, title: { vi: 'Bản của B' } } });
    expect(asCopy.status).toBe(201);
    const mine = (await h.api<LayoutDetail>('GET', `/api/v1/library/layouts/${asCopy.body.layout.id}`, { token: bob })).body;
    expect(mine.head.document.tiles).toEqual(bobDoc.tiles); // bobDoc came from a stored (normalised) version
    expect(mine.layout.title).toEqual({ vi: 'Bản của B' });
  });

  it('exports a version as a file and imports it back; bad files are refused whole with nothing stored', async () => {
    const exported = await h.api<Layout>('GET', '/api/v1/library/layouts/hop-giao-ban/versions/1/export', { token: viewer });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="hop-giao-ban-v1.json"');
    const imported = await h.api<Saved & { renamedFrom: string | null }>('POST', '/api/v1/library/import', { token: alice, raw: exported.text });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ renamedFrom: 'hop-giao-ban', layout: { id: 'hop-giao-ban-2' } });
    const back = (await h.api<{ document: Layout }>('GET', '/api/v1/library/layouts/hop-giao-ban-2/versions/1', { token: viewer })).body.document;
    expect({ ...back, id: 'hop-giao-ban' }).toEqual(exported.body);
    expect(auditActions('hop-giao-ban-2')).toEqual(['layout.import by Nguyễn Văn A']);

    const before = fingerprint();
    const malformed = await h.api<ErrorReply>('POST', '/api/v1/library/import', { token: alice, raw: '{"schemaVersion": 1, "tiles": [' });
    expect(malformed.status).toBe(400);
    const unknownWidget = structuredClone(preset) as unknown as { id: string; tiles: Record<string, unknown>[] };
    unknownWidget.id = 'la';
    unknownWidget.tiles[0]!.widget = 'sparkle';
    const refused = await h.api<ErrorReply>('POST', '/api/v1/library/import', { token: alice, body: unknownWidget });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('layout.invalid');
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ path: '$.tiles[0].widget', message: expect.stringMatching(/unknown widget "sparkle"/) }));
    const newer = await h.api<ErrorReply>('POST', '/api/v1/library/import', { token: alice, body: { ...preset, id: 'moi', schemaVersion: 2 } });
    expect(newer.body.error).toMatchObject({ code: 'layout.newer_schema', message_en: expect.stringMatching(/schemaVersion 2; this one reads 1/) });
    const newerOptions = structuredClone(preset) as unknown as { id: string; tiles: Record<string, unknown>[] };
    newerOptions.id = 'moi';
    newerOptions.tiles[0]!.optionsVersion = 99;
    const newerTile = await h.api<ErrorReply>('POST', '/api/v1/library/import', { token: alice, body: newerOptions });
    expect(newerTile.body.errors!.map((e) => e.message).join('\n')).toMatch(/options version 99 is newer than this wall knows/);
    const oversize = await h.api<ErrorReply>('POST', '/api/v1/library/import', { token: alice, raw: JSON.stringify({ ...preset, pad: 'x'.repeat(3 * 1024 * 1024) }) });
    expect(oversize.status).toBe(413);
    const badSave = await h.api<ErrorReply>('POST', '/api/v1/library/layouts/hop-giao-ban/versions', { token: alice, body: { baseVersion: 99, document: unknownWidget } });
    expect(badSave.status).toBe(422);
    expect(badSave.body.errors).toContainEqual(expect.objectContaining({ path: '$.document.tiles[0].widget' }));
    expect((await h.api<ErrorReply>('POST', '/api/v1/library/layouts', { token: viewer, body: { document: preset } })).status).toBe(403);
    expect(fingerprint()).toBe(before);
  });

  it('pushes a version live to every /control socket and says what is live and why', async () => {
    const socket = await h.connect('/control', viewer);
    const states = collect<WallState>(socket, 'wallState');
    const r = await h.api<{ layoutId: string; version: number; source: string; by: string }>('POST', '/api/v1/publish', { token: alice, body: { layoutId: 'hop-giao-ban', version: 2 } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ layoutId: 'hop-giao-ban', version: 2, source: 'manual', by: 'Nguyễn Văn A' });
    await waitFor(() => states.some((s) => s.layout.id === 'hop-giao-ban' && s.layoutVersion === 2), 3000, 'the published wall state');
    const wall = await h.api<WallState>('GET', '/api/v1/wall', { token: viewer });
    expect(wall.body).toMatchObject({ layout: { id: 'hop-giao-ban' }, layoutVersion: 2 });
    expect((await h.api<ErrorReply>('DELETE', '/api/v1/library/layouts/hop-giao-ban', { token: alice })).body.error.code).toBe('layout.in_use');
    expect(auditActions('hop-giao-ban')[0]).toBe('layout.publish by Nguyễn Văn A');
    socket.disconnect();
  });

  it('saves a PUT /api/v1/wall/layout document as a new version of its layout and publishes it', async () => {
    const head = (await h.api<LayoutDetail>('GET', '/api/v1/library/layouts/hop-giao-ban', { token: alice })).body;
    const doc = { ...head.head.document, title: { vi: 'Từ kịch bản' } };
    const r = await h.api<WallState>('PUT', '/api/v1/wall/layout', { token: bob, body: doc });
    expect(r.status).toBe(200);
    expect(r.body.layoutVersion).toBe(head.layout.headVersion + 1);
    const fresh = { ...structuredClone(preset), id: 'tu-kich-ban', title: { vi: 'Mới từ kịch bản' } };
    const created = await h.api<WallState>('PUT', '/api/v1/wall/layout', { token: bob, body: fresh });
    expect(created.body).toMatchObject({ layout: { id: 'tu-kich-ban' }, layoutVersion: 1 });
    expect((await h.api<LayoutSummary>('GET', '/api/v1/library/layouts/tu-kich-ban', { token: viewer })).status).toBe(200);
  });

  it('tells the consoles that have a layout open who else has it', async () => {
    const a = await h.connect('/control', alice);
    const b = await h.connect('/control', bob);
    const seenByA = collect<{ layoutId: string; viewers: { name: string }[] }>(a, 'presence');
    const first = await a.timeout(3000).emitWithAck('openLayout', { layoutId: 'hop-giao-ban' });
    expect(first.presence.viewers.map((v: { name: string }) => v.name)).toEqual(['Nguyễn Văn A']);
    await b.timeout(3000).emitWithAck('openLayout', { layoutId: 'hop-giao-ban' });
    await waitFor(() => seenByA.some((p) => p.viewers.length === 2), 3000, 'presence of two');
    expect(seenByA.at(-1)!.viewers.map((v) => v.name)).toEqual(['Nguyễn Văn A', 'Trần Thị B']);
    const bad = await b.timeout(3000).emitWithAck('openLayout', { layoutId: '../../etc', extra: 1 });
    expect(bad).toMatchObject({ ok: false, code: 'control.open_layout_invalid' });
    b.disconnect();
    await waitFor(() => seenByA.at(-1)!.viewers.length === 1, 3000, 'presence after a disconnect');
    a.disconnect();
  });
});
