import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, asPerson, TEST_SCRYPT, type Person } from '../helpers/accounts';
import { startHarness, type Harness } from '../helpers/server-harness';

/**
 * Briefings with versions (issue 10): an operator saves a three-scene briefing of published
 * layout versions, a stale save is 409 and writes nothing, a scene naming a version or a
 * tile that does not exist is refused whole, a presenter reads but cannot edit, every
 * change is audited and a version row is never changed.
 */
let h: Harness;
let operator: Person;
let presenter: Person;

const scenes = [
  { id: 'tong-quan', title: 'Tổng quan', layoutId: 'tong-quan-kinh-te-xa-hoi', layoutVersion: 1, focus: { kind: 'none' }, notes: { vi: 'Mở đầu' }, durationS: 30 },
  { id: 'gdp', title: 'Tăng trưởng GDP', layoutId: 'tong-quan-kinh-te-xa-hoi', layoutVersion: 1, focus: { kind: 'tile', tileId: 'tang-truong-gdp' }, notes: { vi: 'GDP quý', en: 'Quarterly GDP' } },
  { id: 'da-nang', title: 'Đà Nẵng', layoutId: 'ban-tin-sang-3x2', layoutVersion: 1, focus: { kind: 'province', province: '48' }, notes: { vi: 'Địa phương' } },
];
const briefing = { id: 'giao-ban-thang', name: 'Giao ban tháng 12', scenes };

beforeAll(async () => {
  h = await startHarness({ scrypt: TEST_SCRYPT, loginRateLimit: { ratePerSecond: 100, burst: 100 } });
  await createUser(h, 'van-hanh', ['operator'], 'Lê Vận Hành');
  await createUser(h, 'trinh-bay', ['presenter'], 'Phạm Trình Bày');
  operator = await signIn(h, 'van-hanh');
  presenter = await signIn(h, 'trinh-bay');
});
afterAll(async () => {
  await h?.cleanup();
});

describe('briefings', () => {
  it('saves versions, refuses a stale base with 409 and writes nothing, audits each', async () => {
    const created = await asPerson(h, operator, 'PUT', '/api/v1/briefings/giao-ban-thang', { baseVersion: null, document: briefing, note: 'bản đầu' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ briefing: { id: 'giao-ban-thang', headVersion: 1, scenes: 3 }, version: { version: 1, by: 'Lê Vận Hành', note: 'bản đầu' } });

    const reordered = { ...briefing, scenes: [scenes[1], scenes[0], scenes[2]] };
    const second = await asPerson(h, operator, 'PUT', '/api/v1/briefings/giao-ban-thang', { baseVersion: 1, document: reordered });
    expect(second.status).toBe(200);

    const stale = await asPerson(h, operator, 'PUT', '/api/v1/briefings/giao-ban-thang', { baseVersion: 1, document: { ...briefing, name: 'Bản cũ' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'briefing.version_conflict', details: { headVersion: 2, baseVersion: 1, savedBy: 'Lê Vận Hành' } } });

    const versions = await asPerson(h, presenter, 'GET', '/api/v1/briefings/giao-ban-thang/versions');
    expect((versions.body as { versions: { version: number }[] }).versions.map((v) => v.version)).toEqual([2, 1]);
    const head = await asPerson(h, presenter, 'GET', '/api/v1/briefings/giao-ban-thang');
    expect((head.body as { head: { document: { scenes: { id: string }[] } } }).head.document.scenes.map((s) => s.id)).toEqual(['gdp', 'tong-quan', 'da-nang']);

    const audit = h.server.audit.list({ objectType: 'briefing' }).rows;
    expect(audit.map((r) => r.action)).toEqual(['briefing.save', 'briefing.create']);
    expect(audit[0]).toMatchObject({ actor: { kind: 'person', name: 'Lê Vận Hành' }, objectId: 'giao-ban-thang', diff: { version: 2, baseVersion: 1, scenes: { from: ['tong-quan', 'gdp', 'da-nang'], to: ['gdp', 'tong-quan', 'da-nang'] } } });
    expect(() => h.server.db.prepare("UPDATE briefing_versions SET note = 'x' WHERE briefing_id = 'giao-ban-thang'").run()).toThrow(/never changed/);
  });

  it('refuses a scene whose layout version or tile does not exist, naming each, with nothing stored', async () => {
    const bad = {
      ...briefing,
      id: 'sai',
      scenes: [
        { ...scenes[0], layoutVersion: 99 },
        { ...scenes[1], focus: { kind: 'tile', tileId: 'khong-co' } },
      ],
    };
    const r = await asPerson(h, operator, 'PUT', '/api/v1/briefings/sai', { baseVersion: null, document: bad });
    expect(r.status).toBe(422);
    const body = r.body as { error: { code: string }; errors: { path: string; code: string }[] };
    expect(body.error.code).toBe('briefing.invalid');
    expect(body.errors.map((e) => [e.path, e.code])).toEqual([
      ['$.document.scenes[0].layoutVersion', 'briefing.scene_layout_missing'],
      ['$.document.scenes[1].focus.tileId', 'briefing.scene_tile_missing'],
    ]);
    const shape = await asPerson(h, operator, 'PUT', '/api/v1/briefings/sai', { baseVersion: null, document: { ...bad, scenes: [{ ...scenes[0], durationS: 1, extra: true }] } });
    expect(shape.status).toBe(422);
    expect((shape.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual(['$.document.scenes[0]', '$.document.scenes[0].durationS']);
    const missing = await asPerson(h, operator, 'GET', '/api/v1/briefings/sai');
    expect(missing.status).toBe(404);
  });

  it('lets a presenter read but not edit', async () => {
    const r = await asPerson(h, presenter, 'PUT', '/api/v1/briefings/giao-ban-thang', { baseVersion: 2, document: briefing });
    expect(r.status).toBe(403);
    const list = await asPerson(h, presenter, 'GET', '/api/v1/briefings');
    expect((list.body as { briefings: { id: string }[] }).briefings.map((b) => b.id)).toEqual(['giao-ban-thang']);
  });
});
