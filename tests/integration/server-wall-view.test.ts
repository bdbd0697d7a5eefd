import { afterEach, describe, expect, it } from 'vitest';
import { wallViewEventSchema, type WallViewEvent } from '../../shared/wall/view';
import { asPerson, createUser, signIn, TEST_SCRYPT } from '../helpers/accounts';
import { startHarness, tempDir, type Harness } from '../helpers/server-harness';
import { collect, waitFor } from '../helpers/wait';

let h: Harness | null = null;
let clock = Date.parse('2026-12-02T07:05:30Z');

afterEach(async () => {
  await h?.cleanup();
  h = null;
});

async function start(dataDir?: string): Promise<Harness> {
  h = await startHarness({ now: () => clock, scrypt: TEST_SCRYPT, loginRateLimit: { ratePerSecond: 100, burst: 100 }, ...(dataDir ? { dataDir } : {}) });
  return h;
}

const viewAudit = (harness: Harness) => harness.server.audit.list({ limit: 50 }).rows.filter((r) => r.action === 'wall.view');

describe('wall view over the API', () => {
  it('freezes at the server time and change-log sequence, drills, enlarges, and pushes each change to a wall socket', async () => {
    const h = await start();
    let pushed: WallViewEvent[] = [];
    await h.connect('/control', h.server.wallToken, (s) => {
      pushed = collect<WallViewEvent>(s, 'wallView');
    });
    await waitFor(() => pushed.length >= 1, 15_000, 'the view on connect');
    expect(wallViewEventSchema.parse(pushed[0])).toMatchObject({ freeze: null, province: null, enlargedTileId: null, revision: 0 });

    await createUser(h, 'trinh', ['presenter'], 'Phạm Trinh');
    const presenter = await signIn(h, 'trinh');
    const head = h.server.store.changes.head();
    const frozen = await asPerson(h, presenter, 'PUT', '/api/v1/wall/view', { freeze: true });
    expect(frozen.status, frozen.text).toBe(200);
    expect(frozen.body).toMatchObject({ freeze: { at: '2026-12-02T07:05:30.000Z', seq: head }, province: null, revision: 1, by: 'Phạm Trinh' });
    await waitFor(() => pushed.length >= 2, 15_000, 'the freeze pushed');
    expect(pushed[1]).toEqual(frozen.body);

    const tileId = h.server.wall.get().layout.tiles[0]!.id;
    clock += 60_000;
    const drilled = await asPerson(h, presenter, 'PUT', '/api/v1/wall/view', { province: '48', enlargedTileId: tileId });
    expect(drilled.body).toMatchObject({ freeze: { at: '2026-12-02T07:05:30.000Z' }, province: '48', enlargedTileId: tileId, revision: 2 });
    // The same command again changes nothing: no revision, no push, no audit row.
    const again = await asPerson(h, presenter, 'PUT', '/api/v1/wall/view', { province: '48' });
    expect(again.body).toMatchObject({ revision: 2 });
    const back = await asPerson(h, presenter, 'PUT', '/api/v1/wall/view', { freeze: false, province: null, enlargedTileId: null });
    expect(back.body).toMatchObject({ freeze: null, province: null, enlargedTileId: null, revision: 3 });
    await waitFor(() => pushed.length >= 4, 15_000, 'every change pushed');
    expect(pushed.map((v) => v.revision)).toEqual([0, 1, 2, 3]);

    const read = await asPerson(h, presenter, 'GET', '/api/v1/wall/view');
    expect(read.body).toEqual(back.body);
    // Audited with its author, what it was and what it became.
    const rows = viewAudit(h);
    expect(rows).toHaveLength(3);
    expect(rows[0]!.actor).toMatchObject({ kind: 'person', name: 'Phạm Trinh' });
    expect(rows[2]!.diff).toMatchObject({ from: { freeze: null }, to: { freeze: { seq: head } }, reason: 'PUT /api/v1/wall/view' });
  });

  it('lets presenters, operators and admins steer it; a viewer and a wall token get 403 and nothing changes', async () => {
    const h = await start();
    await createUser(h, 'xem', ['viewer'], 'Người Xem');
    await createUser(h, 'vanhanh', ['operator'], 'Vận Hành');
    const viewer = await signIn(h, 'xem');
    const operator = await signIn(h, 'vanhanh');
    const refused = await asPerson(h, viewer, 'PUT', '/api/v1/wall/view', { freeze: true });
    expect(refused.status).toBe(403);
    expect((await asPerson(h, viewer, 'GET', '/api/v1/wall/view')).status).toBe(200);
    expect((await h.api('PUT', '/api/v1/wall/view', { token: h.server.wallToken, body: { freeze: true } })).status).toBe(403);
    expect(h.server.wallView.get().revision).toBe(0);
    expect((await asPerson(h, operator, 'PUT', '/api/v1/wall/view', { province: '01' })).status).toBe(200);
    expect((await h.api('PUT', '/api/v1/wall/view', { body: { province: null } })).status).toBe(200); // the admin token
    expect(viewAudit(h).map((r) => r.actor.name)).toEqual(['admin (bootstrap)', 'Vận Hành']);
  });

  it('refuses a bad command with the field named (422) and leaves the view as it was', async () => {
    const h = await start();
    for (const [body, field] of [
      [{ province: '99' }, 'province'],
      [{ province: 'VN' }, 'province'],
      [{ enlargedTileId: 'Ô LỚN' }, 'enlargedTileId'],
      [{ zoom: 2 }, ''],
      [{}, ''],
    ] as const) {
      const r = await h.api<{ error: { code: string }; errors?: { path: string }[] }>('PUT', '/api/v1/wall/view', { body });
      expect(r.status, JSON.stringify(body)).toBe(422);
      if (field) expect(JSON.stringify(r.body.errors)).toContain(field);
    }
    const unknown = await h.api<{ error: { code: string; message_vi: string } }>('PUT', '/api/v1/wall/view', { body: { enlargedTileId: 'khong-co-o-nay' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('wall.view_tile_unknown');
    expect(unknown.body.error.message_vi).toContain('khong-co-o-nay');
    expect(h.server.wallView.get()).toMatchObject({ freeze: null, province: null, enlargedTileId: null, revision: 0 });
    expect(viewAudit(h)).toHaveLength(0);
  });

  it('keeps a frozen, drilled view across a restart, and the first push after it says so', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const set = await first.api('PUT', '/api/v1/wall/view', { body: { freeze: true, province: '48' } });
    expect(set.status).toBe(200);
    await first.stop();
    h = null;
    const second = await start(dataDir);
    expect(second.server.wallView.get()).toEqual(set.body);
    let pushed: WallViewEvent[] = [];
    await second.connect('/control', second.server.wallToken, (s) => {
      pushed = collect<WallViewEvent>(s, 'wallView');
    });
    await waitFor(() => pushed.length >= 1, 15_000, 'the view on connect');
    expect(pushed[0]).toEqual(set.body);
    // The briefing runner's entry point: the same function, its author in the audit log.
    const { changed, view } = second.server.wallView.setWallView({ freeze: false }, { actor: { kind: 'server', id: null, name: 'briefing' }, reason: 'scene 2' });
    expect(changed).toBe(true);
    expect(view).toMatchObject({ freeze: null, province: '48', revision: 2, by: 'briefing' });
    expect(viewAudit(second)[0]!.diff).toMatchObject({ reason: 'scene 2' });
  });
});
