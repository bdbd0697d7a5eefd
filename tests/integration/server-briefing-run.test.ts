import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunState, ShownRow } from '../../shared/briefing/run';
import type { BriefingCommit, BriefingPrepare } from '../../shared/protocol/briefing';
import { createUser, signIn, asPerson, TEST_SCRYPT, type Person } from '../helpers/accounts';
import { emitWithAck, startHarness, tempDir, waitFor, type Harness } from '../helpers/server-harness';

/**
 * Running a briefing (issue 10): two wall sockets get "prepare" with each scene's layout
 * and focus, ack, then "commit at T" in server time ahead of now; the wall state and view
 * follow with the presenter as actor; a viewer cannot command; the record says which
 * scene, focus and data sequence the wall showed from when to when and who commanded;
 * the run survives a restart.
 */
const dataDir = tempDir();
let h: Harness;
let presenter: Person;
let viewer: Person;
const prepares: BriefingPrepare[][] = [[], []];
const commits: BriefingCommit[][] = [[], []];

const scenes = [
  { id: 'tong-quan', title: 'Tổng quan', layoutId: 'tong-quan-kinh-te-xa-hoi', layoutVersion: 1, focus: { kind: 'none' }, notes: { vi: 'Mở đầu' } },
  { id: 'gdp', title: 'Tăng trưởng GDP', layoutId: 'tong-quan-kinh-te-xa-hoi', layoutVersion: 1, focus: { kind: 'tile', tileId: 'tang-truong-gdp' }, notes: { vi: 'GDP' } },
  { id: 'da-nang', title: 'Đà Nẵng', layoutId: 'ban-tin-sang-3x2', layoutVersion: 1, focus: { kind: 'province', province: '48' }, notes: { vi: 'Địa phương' }, durationS: 3600 },
];

async function wallSocket(i: number): Promise<Socket> {
  const socket = await h.connect('/control', h.server.wallToken, (s) => {
    s.on('briefingPrepare', (p: BriefingPrepare, ack: (r: { switchId: number; ok: boolean }) => void) => {
      prepares[i]!.push(p);
      ack({ switchId: p.switchId, ok: true });
    });
    s.on('briefingCommit', (c: BriefingCommit) => commits[i]!.push(c));
  });
  await emitWithAck(socket, 'hello', { client: 'wall', screenId: `s${i}`, host: null });
  return socket;
}

const command = (body: unknown, who = presenter) => asPerson(h, who, 'POST', '/api/v1/briefing-run', body);

beforeAll(async () => {
  h = await startHarness({ dataDir, scrypt: TEST_SCRYPT, loginRateLimit: { ratePerSecond: 100, burst: 100 } });
  await createUser(h, 'trinh-bay', ['presenter'], 'Phạm Trình Bày');
  await createUser(h, 'xem', ['viewer'], 'Người Xem');
  await h.api('PUT', '/api/v1/briefings/ba-canh', { body: { baseVersion: null, document: { id: 'ba-canh', name: 'Ba cảnh', scenes } } });
  presenter = await signIn(h, 'trinh-bay');
  viewer = await signIn(h, 'xem');
  await wallSocket(0);
  await wallSocket(1);
});
afterAll(async () => {
  await h?.cleanup();
});

describe('a briefing run', () => {
  it('prepares every wall, commits at one server time ahead, and puts the scene live with the presenter as actor', async () => {
    const before = Date.now();
    const r = await command({ action: 'start', briefingId: 'ba-canh' });
    expect(r.status).toBe(200);
    expect((r.body as { run: RunState }).run).toMatchObject({ index: 0, held: false, commandedBy: 'Phạm Trình Bày', advanceAt: null });
    expect(prepares.map((p) => p.map((x) => x.layout.id))).toEqual([['tong-quan-kinh-te-xa-hoi'], ['tong-quan-kinh-te-xa-hoi']]);
    await waitFor(() => commits.every((c) => c.length === 1), 3000, 'a commit on each wall');
    expect(commits[0]![0]).toEqual(commits[1]![0]);
    expect(commits[0]![0]!.at).toBeGreaterThan(before);

    await command({ action: 'next' });
    expect(h.server.wallView.get()).toMatchObject({ enlargedTileId: 'tang-truong-gdp', province: null, by: 'Phạm Trình Bày' });
    await command({ action: 'jump', index: 2 });
    expect(h.server.wall.get().layout.id).toBe('ban-tin-sang-3x2');
    expect(h.server.wallView.get()).toMatchObject({ enlargedTileId: null, province: '48' });
    expect(prepares[1]!.map((p) => p.view)).toEqual([
      { enlargedTileId: null, province: null },
      { enlargedTileId: 'tang-truong-gdp', province: null },
      { enlargedTileId: null, province: '48' },
    ]);
    const held = await command({ action: 'hold', held: true });
    expect((held.body as { run: RunState }).run).toMatchObject({ held: true, advanceAt: null });
  });

  it('refuses a viewer (403) and a scene that does not exist (422)', async () => {
    expect((await command({ action: 'next' }, viewer)).status).toBe(403);
    const out = await command({ action: 'jump', index: 9 });
    expect(out.status).toBe(422);
    expect((out.body as { error: { code: string } }).error.code).toBe('briefing.scene_out_of_range');
  });

  it('keeps the record of what the wall showed, from when to when, on whose command', async () => {
    const runs = await asPerson(h, presenter, 'GET', '/api/v1/briefing-runs');
    const runId = (runs.body as { runs: { runId: number }[] }).runs[0]!.runId;
    const shown = await asPerson(h, presenter, 'GET', `/api/v1/briefing-runs/${runId}/shown`);
    const rows = (shown.body as { shown: ShownRow[] }).shown;
    expect(rows.map((s) => [s.sceneId, s.focus.kind, s.commandedBy, s.acks, s.windows])).toEqual([
      ['tong-quan', 'none', 'Phạm Trình Bày', 2, 2],
      ['gdp', 'tile', 'Phạm Trình Bày', 2, 2],
      ['da-nang', 'province', 'Phạm Trình Bày', 2, 2],
    ]);
    expect(rows.map((s) => s.to)).toEqual([rows[1]!.from, rows[2]!.from, null]);
    expect(rows.filter((s) => !(s.dataSeq >= 0))).toEqual([]);
    expect(h.server.audit.list({ action: 'briefing.run.' }).rows.map((a) => a.action)).toEqual(['briefing.run.hold', 'briefing.run.scene', 'briefing.run.scene', 'briefing.run.scene', 'briefing.run.start']);
  });

  it('records a freeze and a drill-down within a scene as their own stretches, with who commanded them', async () => {
    const runs = await asPerson(h, presenter, 'GET', '/api/v1/briefing-runs');
    const runId = (runs.body as { runs: { runId: number }[] }).runs[0]!.runId;
    const frozen = await asPerson(h, presenter, 'PUT', '/api/v1/wall/view', { freeze: true });
    expect(frozen.status).toBe(200);
    const freeze = h.server.wallView.get().freeze!;
    expect((await asPerson(h, presenter, 'PUT', '/api/v1/wall/view', { province: '01', enlargedTileId: null })).status).toBe(200);
    expect((await asPerson(h, presenter, 'PUT', '/api/v1/wall/view', { freeze: false })).status).toBe(200);
    const rows = ((await asPerson(h, presenter, 'GET', `/api/v1/briefing-runs/${runId}/shown`)).body as { shown: ShownRow[] }).shown;
    expect(rows.map((s) => [s.cause, s.sceneId, s.view.province, s.frozenAt, s.commandedBy])).toEqual([
      ['scene', 'tong-quan', null, null, 'Phạm Trình Bày'],
      ['scene', 'gdp', null, null, 'Phạm Trình Bày'],
      ['scene', 'da-nang', '48', null, 'Phạm Trình Bày'],
      ['view', 'da-nang', '48', freeze.at, 'Phạm Trình Bày'],
      ['view', 'da-nang', '01', freeze.at, 'Phạm Trình Bày'],
      ['view', 'da-nang', '01', null, 'Phạm Trình Bày'],
    ]);
    expect(rows[3]!.dataSeq).toBe(freeze.seq);
    expect(rows[1]!.view).toEqual({ province: null, enlargedTileId: 'tang-truong-gdp' });
    // Each stretch ends where the next begins; the last is still on the wall.
    expect(rows.map((s) => s.to)).toEqual([...rows.slice(1).map((s) => s.from), null]);
  });

  it('survives a restart where it was, then stops', async () => {
    const runsBefore = await asPerson(h, presenter, 'GET', '/api/v1/briefing-runs');
    const runId = (runsBefore.body as { runs: { runId: number }[] }).runs[0]!.runId;
    const shownBefore = (await asPerson(h, presenter, 'GET', `/api/v1/briefing-runs/${runId}/shown`)).body;
    const savedBefore = (await asPerson(h, presenter, 'GET', '/api/v1/briefings/ba-canh')).body;
    await h.stop();
    h = await startHarness({ dataDir, scrypt: TEST_SCRYPT });
    presenter = await signIn(h, 'trinh-bay');
    // What people saved and what the wall showed are as they were: the briefing, and the run's record.
    expect((await asPerson(h, presenter, 'GET', '/api/v1/briefings/ba-canh')).body).toEqual(savedBefore);
    expect((await asPerson(h, presenter, 'GET', `/api/v1/briefing-runs/${runId}/shown`)).body).toEqual(shownBefore);
    const now = await asPerson(h, presenter, 'GET', '/api/v1/briefing-run');
    expect((now.body as { run: RunState }).run).toMatchObject({ briefingId: 'ba-canh', index: 2, held: true });
    const stopped = await command({ action: 'stop' });
    expect(stopped.body).toEqual({ run: null });
    expect((await command({ action: 'next' })).status).toBe(409);
  });

  it('refuses to start on a layout binned since the briefing was saved: no window is told to switch, no run is opened', async () => {
    const copy = await h.api<{ layout: { id: string }; version: { version: number } }>('POST', '/api/v1/library/layouts/tong-quan-kinh-te-xa-hoi/duplicate', { body: {} });
    expect(copy.status).toBe(201);
    const { id } = copy.body.layout;
    const scene = { ...scenes[0]!, layoutId: id, layoutVersion: copy.body.version.version };
    expect((await h.api('PUT', '/api/v1/briefings/thung-rac', { body: { baseVersion: null, document: { id: 'thung-rac', name: 'Thùng rác', scenes: [scene] } } })).status).toBe(201);
    expect((await h.api('DELETE', `/api/v1/library/layouts/${id}`)).status).toBe(200);
    const wall = await wallSocket(0);
    const preparedBefore = prepares[0]!.length;
    const out = await command({ action: 'start', briefingId: 'thung-rac' });
    expect(out.status).toBe(409);
    expect((out.body as { error: { code: string } }).error.code).toBe('layout.in_bin');
    expect(((await asPerson(h, presenter, 'GET', '/api/v1/briefing-run')).body as { run: RunState | null }).run).toBeNull();
    // The refusal came back after the command; a prepare would have been sent before it.
    expect(prepares[0]!.length).toBe(preparedBefore);
    wall.disconnect();
  });
});
