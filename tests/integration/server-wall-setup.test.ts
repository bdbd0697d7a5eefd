import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyEventSchema, testPatternEventSchema, type TestPatternEvent, type WallState } from '../../shared/protocol/control';
import { asPerson, createUser, signIn, TEST_SCRYPT, type Person } from '../helpers/accounts';
import { collect, startHarness, waitFor, type Harness } from '../helpers/server-harness';

let h: Harness;
let technician: Person;
let viewer: Person;

beforeAll(async () => {
  h = await startHarness({ scrypt: TEST_SCRYPT });
  await createUser(h, 'ky-thuat', ['technician'], 'Kỹ thuật viên Lan');
  await createUser(h, 'xem', ['viewer']);
  technician = await signIn(h, 'ky-thuat');
  viewer = await signIn(h, 'xem');
});
afterAll(async () => {
  await h?.cleanup();
});

describe('identify and test patterns', () => {
  it('a technician starts and stops a pattern; every /control socket gets it, later sockets get the current one; each command audited', async () => {
    const socket = await h.connect('/control', h.server.wallToken);
    const seen = collect<TestPatternEvent>(socket, 'testPattern');
    const started = await asPerson(h, technician, 'PUT', '/api/v1/wall/test-pattern', { pattern: 'alignment-grid', screens: ['s1', 's2'] });
    expect(started.status).toBe(200);
    const event = testPatternEventSchema.parse(started.body);
    expect(event).toMatchObject({ pattern: 'alignment-grid', screens: ['s1', 's2'], by: 'Kỹ thuật viên Lan' });
    await waitFor(() => seen.some((e) => e.seq === event.seq), 3000, 'the pattern reaches the socket');

    // A page that connects now is told the current pattern at once.
    let late: TestPatternEvent[] = [];
    const second = await h.connect('/control', h.server.wallToken, (s) => (late = collect<TestPatternEvent>(s, 'testPattern')));
    await waitFor(() => late.some((e) => e.seq === event.seq), 3000, 'the late socket gets the current pattern');

    const stopped = await asPerson(h, technician, 'DELETE', '/api/v1/wall/test-pattern');
    expect(testPatternEventSchema.parse(stopped.body)).toMatchObject({ pattern: null });
    await waitFor(() => seen.at(-1)?.pattern === null, 3000, 'the stop reaches the socket');

    const actions = h.server.audit.list({ actor: 'Kỹ thuật viên Lan' }).rows.map((r) => [r.action, r.diff]);
    expect(actions).toContainEqual(['wall.test_pattern', { pattern: 'alignment-grid', screens: ['s1', 's2'] }]);
    expect(actions).toContainEqual(['wall.test_pattern_stop', { pattern: null }]);
    socket.disconnect();
    second.disconnect();
  });

  it('identify lasts the given seconds and is dismissed on request', async () => {
    const before = Date.now();
    const r = await asPerson(h, technician, 'POST', '/api/v1/wall/identify', { seconds: 20 });
    const event = identifyEventSchema.parse(r.body);
    expect(event.until).toBeGreaterThanOrEqual(before + 20_000);
    expect(event.screens).toBeUndefined();
    const stop = identifyEventSchema.parse((await asPerson(h, technician, 'DELETE', '/api/v1/wall/identify')).body);
    expect(stop.until).toBe(0);
    expect(stop.seq).toBeGreaterThan(event.seq);
    expect(h.server.audit.list({ actor: 'Kỹ thuật viên Lan' }).rows.map((row) => row.action)).toEqual(expect.arrayContaining(['wall.identify', 'wall.identify_stop']));
  });

  it('refuses viewers and wall tokens, unknown patterns and unbounded screen lists; nothing is sent or audited', async () => {
    const audited = h.server.audit.list().rows.length;
    expect((await asPerson(h, viewer, 'PUT', '/api/v1/wall/test-pattern', { pattern: 'checkerboard' })).status).toBe(403);
    expect((await h.api('PUT', '/api/v1/wall/test-pattern', { token: h.server.wallToken, body: { pattern: 'checkerboard' } })).status).toBe(403);
    const unknown = await asPerson(h, technician, 'PUT', '/api/v1/wall/test-pattern', { pattern: 'plaid' });
    expect(unknown.status).toBe(422);
    const many = await asPerson(h, technician, 'POST', '/api/v1/wall/identify', { screens: Array.from({ length: 65 }, (_, i) => `s${i}`) });
    expect(many.status).toBe(422);
    expect((await asPerson(h, technician, 'POST', '/api/v1/wall/identify', { seconds: 0 })).status).toBe(422);
    expect(h.server.audit.list().rows.length).toBe(audited);
  });
});

describe('profile refusals over REST', () => {
  it('answers an overlapping, rotation-45 profile with coded bilingual errors at their fields, and keeps the profile', async () => {
    const before = (await h.api<WallState>('GET', '/api/v1/wall')).body;
    const screen = (id: string, xMm: number, rotation = 0) => ({
      id,
      resolution: { width: 1920, height: 1080 },
      activeAreaMm: { width: 1209.6, height: 680.4 },
      bezelMm: { top: 2, right: 2, bottom: 2, left: 2 },
      rotation,
      placement: { kind: 'free', xMm, yMm: 0 },
    });
    const overlap = await h.api<{ error: { code: string }; errors: { path: string; code: string; message_vi: string; message_en: string }[] }>('PUT', '/api/v1/wall/profile', {
      body: { schemaVersion: 1, id: 'x', name: 'X', viewingDistanceMm: 4000, screens: [screen('a', 0), screen('b', 1000)] },
    });
    expect(overlap.status).toBe(422);
    expect(overlap.body.errors).toEqual([
      expect.objectContaining({ path: '$.screens[1].placement.xMm', code: 'profile.screens_overlap', message_vi: expect.stringContaining('"a"'), message_en: expect.stringContaining('screen "b" overlaps screen "a"') }),
    ]);
    const rotated = await h.api<{ errors: { path: string; code: string; message_en: string }[] }>('PUT', '/api/v1/wall/profile', {
      body: { schemaVersion: 1, id: 'x', name: 'X', viewingDistanceMm: 4000, screens: [screen('a', 0, 45)] },
    });
    expect(rotated.body.errors).toEqual([expect.objectContaining({ path: '$.screens[0].rotation', code: 'profile.rotation', message_en: expect.stringContaining('0, 90, 180, 270') })]);
    expect((await h.api<WallState>('GET', '/api/v1/wall')).body).toEqual(before);
  });
});
