import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallStateSchema, type WallState } from '../../shared/protocol/control';
import { gridProfile, panelById } from '../../shared/wall/catalogue';
import { createUser, signIn, asPerson, personSocket, TEST_SCRYPT, type Person } from '../helpers/accounts';
import { startHarness, waitFor, collect, type Harness } from '../helpers/server-harness';

/**
 * Wall profiles with versions (issue 9): a technician saves a 2×2 wall from the catalogue,
 * a stale save is refused with 409 and writes nothing, every change is in the audit log,
 * and activating a version reaches an open wall socket as a new wall state, no restart.
 */
let h: Harness;
let tech: Person;
let operator: Person;

const panel = panelById('lg-55vl5f')!;
const wall2x2 = gridProfile({ id: 'phong-hop-2x2', name: 'Phòng họp 2×2', viewingDistanceMm: 4000, rows: 2, columns: 2, panel });

type Saved = { profile: { id: string; headVersion: number; activeVersion: number | null }; version: { version: number; by: string; note: string } };

beforeAll(async () => {
  h = await startHarness({ scrypt: TEST_SCRYPT, loginRateLimit: { ratePerSecond: 100, burst: 100 } });
  await createUser(h, 'ky-thuat', ['technician'], 'Trần Kỹ Thuật');
  await createUser(h, 'van-hanh', ['operator'], 'Lê Vận Hành');
  tech = await signIn(h, 'ky-thuat');
  operator = await signIn(h, 'van-hanh');
});
afterAll(async () => {
  await h?.cleanup();
});

describe('wall profiles', () => {
  it('has the profile the wall started with as version 1, active', async () => {
    const list = await asPerson(h, tech, 'GET', '/api/v1/profiles');
    const body = list.body as { profiles: { id: string; headVersion: number; activeVersion: number | null }[]; active: { profileId: string } | null };
    const current = h.server.wall.get().profile.id;
    expect(body.profiles).toEqual([expect.objectContaining({ id: current, headVersion: 1, activeVersion: 1 })]);
    expect(body.active).toMatchObject({ profileId: current, version: 1 });
  });

  it('saves versions with who and a note, refuses a stale base with 409 and writes nothing, audits each', async () => {
    const created = await asPerson(h, tech, 'PUT', '/api/v1/profiles/phong-hop-2x2', { baseVersion: null, document: wall2x2, note: 'tường 2×2 mới' });
    expect(created.status).toBe(201);
    expect((created.body as Saved).version).toMatchObject({ version: 1, by: 'Trần Kỹ Thuật', note: 'tường 2×2 mới' });

    const again = await asPerson(h, tech, 'PUT', '/api/v1/profiles/phong-hop-2x2', { baseVersion: null, document: wall2x2 });
    expect(again.status).toBe(409);
    expect((again.body as { error: { code: string } }).error.code).toBe('profile.exists');

    const closer = { ...wall2x2, viewingDistanceMm: 3000 };
    const second = await asPerson(h, tech, 'PUT', '/api/v1/profiles/phong-hop-2x2', { baseVersion: 1, document: closer, note: 'người xem ngồi gần hơn' });
    expect(second.status).toBe(200);
    expect((second.body as Saved).profile.headVersion).toBe(2);

    const auditBefore = h.server.audit.list({ objectType: 'wall_profile' }).rows.length;
    const stale = await asPerson(h, tech, 'PUT', '/api/v1/profiles/phong-hop-2x2', { baseVersion: 1, document: { ...wall2x2, name: 'Bản cũ' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'profile.version_conflict', details: { headVersion: 2, baseVersion: 1, savedBy: 'Trần Kỹ Thuật' } } });
    const versions = await asPerson(h, tech, 'GET', '/api/v1/profiles/phong-hop-2x2/versions');
    expect((versions.body as { versions: { version: number; note: string }[] }).versions.map((v) => [v.version, v.note])).toEqual([
      [2, 'người xem ngồi gần hơn'],
      [1, 'tường 2×2 mới'],
    ]);
    const audit = h.server.audit.list({ objectType: 'wall_profile' }).rows;
    expect(audit.length).toBe(auditBefore);
    expect(audit.map((r) => r.action)).toEqual(['profile.save', 'profile.create']);
    expect(audit[0]).toMatchObject({ actor: { kind: 'person', name: 'Trần Kỹ Thuật' }, objectId: 'phong-hop-2x2', diff: { version: 2, baseVersion: 1, viewingDistanceMm: { from: 4000, to: 3000 } } });
    // A version row is never changed, even by hand.
    expect(() => h.server.db.prepare("UPDATE wall_profile_versions SET note = 'x' WHERE profile_id = 'phong-hop-2x2'").run()).toThrow(/never changed/);
  });

  it('refuses an invalid profile with every fault at its field, overlaps naming both screens', async () => {
    const overlapping = {
      ...wall2x2,
      screens: wall2x2.screens.map((s, i) => ({ ...s, placement: { kind: 'free', xMm: i === 1 ? 1000 : (i % 2) * 1213.1, yMm: Math.floor(i / 2) * 683.9 } })),
    };
    const r = await asPerson(h, tech, 'PUT', '/api/v1/profiles/phong-hop-2x2', { baseVersion: 2, document: overlapping });
    expect(r.status).toBe(422);
    const errors = (r.body as { error: { code: string }; errors: { path: string; code: string; message_vi: string }[] }).errors;
    expect((r.body as { error: { code: string } }).error.code).toBe('profile.invalid');
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '$.document.screens[1].placement.xMm', code: 'profile.screens_overlap', message_vi: expect.stringMatching(/"s2".*"s1"/) }),
      ]),
    );
    // zod checks the fields first: a rotation of 45 is named at its field (the cross-screen checks wait for valid fields).
    const turned = { ...wall2x2, screens: wall2x2.screens.map((s, i) => (i === 3 ? { ...s, rotation: 45 } : s)) };
    const rotation = await asPerson(h, tech, 'PUT', '/api/v1/profiles/phong-hop-2x2', { baseVersion: 2, document: turned });
    expect(rotation.status).toBe(422);
    expect((rotation.body as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ path: '$.document.screens[3].rotation', code: 'profile.rotation' })]);
    expect(((await asPerson(h, tech, 'GET', '/api/v1/profiles/phong-hop-2x2')).body as { profile: { headVersion: number } }).profile.headVersion).toBe(2);
  });

  it('bounds what it reads: 65 screens, a long note and unknown fields are refused, nothing stored', async () => {
    const many = gridProfile({ id: 'qua-lon', name: 'Quá lớn', viewingDistanceMm: 4000, rows: 5, columns: 13, panel });
    const big = await asPerson(h, tech, 'PUT', '/api/v1/profiles/qua-lon', { baseVersion: null, document: many });
    expect(big.status).toBe(422);
    expect((big.body as { error: { code: string } }).error.code).toBe('profile.invalid');
    const note = await asPerson(h, tech, 'PUT', '/api/v1/profiles/qua-lon', { baseVersion: null, document: wall2x2, note: 'x'.repeat(501) });
    expect(note.status).toBe(422);
    expect((note.body as { error: { code: string } }).error.code).toBe('request.invalid_body');
    const extra = await asPerson(h, tech, 'PUT', '/api/v1/profiles/phong-hop-2x2', { baseVersion: 2, document: wall2x2, force: true });
    expect(extra.status).toBe(422);
    const mismatch = await asPerson(h, tech, 'PUT', '/api/v1/profiles/khac', { baseVersion: null, document: wall2x2 });
    expect((mismatch.body as { error: { code: string } }).error.code).toBe('profile.id_mismatch');
    expect((await asPerson(h, tech, 'GET', '/api/v1/profiles/qua-lon')).status).toBe(404);
    expect((await asPerson(h, tech, 'GET', '/api/v1/profiles/khac')).status).toBe(404);
  });

  it('an operator reads but may not save or activate', async () => {
    expect((await asPerson(h, operator, 'GET', '/api/v1/profiles')).status).toBe(200);
    expect((await asPerson(h, operator, 'PUT', '/api/v1/profiles/phong-hop-2x2', { baseVersion: 2, document: wall2x2 })).status).toBe(403);
    expect((await asPerson(h, operator, 'POST', '/api/v1/profiles/phong-hop-2x2/activate', { version: 2 })).status).toBe(403);
  });

  it('activating a version reaches an open wall socket as a new wall state, without a restart', async () => {
    let states: WallState[] = [];
    await h.connect('/control', h.server.wallToken, (socket) => {
      states = collect<WallState>(socket, 'wallState');
    });
    await waitFor(() => states.length > 0, 3000, 'the first wall state');
    const before = states.at(-1)!;
    const consoleSocket = personSocket(h, '/control', tech.cookie);
    const seenByConsole = collect<WallState>(consoleSocket, 'wallState');

    const r = await asPerson(h, tech, 'POST', '/api/v1/profiles/phong-hop-2x2/activate', { version: 2 });
    expect(r.status).toBe(200);
    const state = wallStateSchema.parse(r.body);
    expect(state).toMatchObject({ revision: before.revision + 1, profile: { id: 'phong-hop-2x2', viewingDistanceMm: 3000 } });
    expect(state.layout).toEqual(before.layout);

    await waitFor(() => states.some((s) => s.revision === state.revision), 3000, 'the new profile on the wall socket');
    expect(states.find((s) => s.revision === state.revision)!.profile.screens.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
    await waitFor(() => seenByConsole.some((s) => s.revision === state.revision), 3000, 'the new profile on the console socket');
    consoleSocket.close();

    expect(h.server.wall.record()).toMatchObject({ changedBy: 'Trần Kỹ Thuật (ky-thuat)', reason: 'POST /api/v1/profiles/phong-hop-2x2/activate v2' });
    const [row] = h.server.audit.list({ objectType: 'wall_profile' }).rows;
    expect(row).toMatchObject({ action: 'profile.activate', objectId: 'phong-hop-2x2', actor: { name: 'Trần Kỹ Thuật' }, diff: { version: 2 } });
    const list = (await asPerson(h, tech, 'GET', '/api/v1/profiles')).body as { active: { profileId: string; version: number } };
    expect(list.active).toMatchObject({ profileId: 'phong-hop-2x2', version: 2 });

    const missing = await asPerson(h, tech, 'POST', '/api/v1/profiles/phong-hop-2x2/activate', { version: 9 });
    expect(missing.status).toBe(404);
    expect(h.server.wall.get().revision).toBe(state.revision);
  });
});
