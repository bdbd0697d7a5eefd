import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetAlert } from '../../shared/fleet/board';
import type { AgentReportInput, AssignmentEvent } from '../../shared/fleet/schema';
import type { ControlHelloReply, WatchFleetReply } from '../../shared/protocol/control';
import { asPerson, createUser, personSocket, signIn, TEST_SCRYPT, type Person } from '../helpers/accounts';
import { emitWithAck, startHarness, tempDir, type Harness } from '../helpers/server-harness';
import { collect, waitFor } from '../helpers/wait';

const dataDir = tempDir();
let h: Harness;
let technician: Person;

beforeAll(async () => {
  h = await startHarness({ dataDir, scrypt: TEST_SCRYPT, fleetEvaluateMs: 200 });
  await createUser(h, 'ky-thuat', ['technician'], 'Kỹ thuật viên Lan');
  technician = await signIn(h, 'ky-thuat');
});
afterAll(async () => {
  await h?.cleanup();
});

const display = (id: number, x: number) => ({
  id,
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
  rotation: 0 as const,
  resolution: { width: 1920, height: 1080 },
  internal: false,
});
const window = (screenId: string, displayId: number) => ({ screenId, displayId, connection: 'connected', lastSeq: 12, fps: 60, heapMb: 80, restarts: 0, lastError: null });

function agent(hostId: string, screens: [string, number][]): AgentReportInput {
  return {
    kind: 'agent',
    hostId,
    hostName: `PC ${hostId}`,
    appVersion: '0.1.0',
    statusEveryMs: 1000,
    displays: [display(1, 0), display(2, 1920)],
    windows: screens.map(([s, d]) => window(s, d)) as AgentReportInput['windows'],
  };
}

/** A simulated display agent: says hello on /control and collects what the server tells it to open. */
async function startAgent(hostId: string, screens: [string, number][]): Promise<{ socket: Socket; assignments: AssignmentEvent[]; reply: ControlHelloReply }> {
  let assignments: AssignmentEvent[] = [];
  const socket = await h.connect('/control', h.server.wallToken, (s) => (assignments = collect<AssignmentEvent>(s, 'assignment')));
  const reply = await emitWithAck<ControlHelloReply>(socket, 'hello', { client: 'wall', screenId: null, host: hostId, agent: agent(hostId, screens) });
  return { socket, assignments, reply };
}

describe('the display fleet', () => {
  it('two agents appear, assigning their displays tells each what to open, stopping one turns its screens red and raises the alert', async () => {
    const [s1, s2, s3, s4] = h.server.wall.get().profile.screens.map((s) => s.id);
    const a = await startAgent('may-a', [[s1!, 1], [s2!, 2]]);
    const b = await startAgent('may-b', [[s3!, 1], [s4!, 2]]);
    expect(a.reply).toEqual({ ok: true, assignment: { hostId: 'may-a', managed: false, screens: [] } });

    const fleet = await asPerson(h, technician, 'GET', '/api/v1/fleet');
    expect(fleet.status).toBe(200);
    const hosts = (fleet.body as { hosts: { hostId: string; connected: boolean; displays: unknown[] }[] }).hosts;
    expect(hosts.map((x) => [x.hostId, x.connected, x.displays.length])).toEqual([['may-a', true, 2], ['may-b', true, 2]]);

    const assign = await asPerson(h, technician, 'PUT', '/api/v1/fleet/assignments', {
      assignments: [
        { screenId: s1, hostId: 'may-a', displayId: 1 },
        { screenId: s2, hostId: 'may-a', displayId: 2 },
        { screenId: s3, hostId: 'may-b', displayId: 1 },
        { screenId: s4, hostId: 'may-b', displayId: 2 },
      ],
    });
    expect(assign.status).toBe(200);
    await waitFor(() => a.assignments.length > 0 && b.assignments.length > 0, 3000, 'both agents are told what to open');
    expect(a.assignments.at(-1)).toEqual({ hostId: 'may-a', managed: true, screens: [{ screenId: s1, displayId: 1 }, { screenId: s2, displayId: 2 }] });
    expect(b.assignments.at(-1)).toEqual({ hostId: 'may-b', managed: true, screens: [{ screenId: s3, displayId: 1 }, { screenId: s4, displayId: 2 }] });
    expect(h.server.audit.list({ action: 'fleet.assign' }).rows[0]?.actor.name).toBe('Kỹ thuật viên Lan');

    // A console watching the board; every screen green first.
    const consoleSocket = personSocket(h, '/control', technician.cookie);
    await waitFor(() => consoleSocket.connected, 3000, 'the console socket connects');
    const alerts = collect<FleetAlert>(consoleSocket, 'fleetAlert');
    const watch = (await consoleSocket.timeout(3000).emitWithAck('watchFleet')) as WatchFleetReply;
    expect(watch.ok).toBe(true);
    const green = await asPerson(h, technician, 'GET', '/api/v1/fleet');
    expect((green.body as { board: { screens: { level: string }[] } }).board.screens.map((s) => s.level)).toEqual(['green', 'green', 'green', 'green']);

    const stoppedAt = Date.now();
    b.socket.disconnect();
    await waitFor(() => alerts.filter((x) => x.level === 'red').length === 2, 10_000, 'both screens of the stopped agent alerted');
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    expect(alerts.map((x) => [x.screenId, x.level, x.reasons])).toEqual([[s3, 'red', ['host-gone']], [s4, 'red', ['host-gone']]]);
    const sightings = await asPerson(h, technician, 'GET', '/api/v1/fleet/sightings?hostId=may-b');
    expect((sightings.body as { sightings: { event: string }[] }).sightings.map((x) => x.event)).toEqual(['gone', 'first-seen']);
    consoleSocket.disconnect();
    a.socket.disconnect();
  });

  it('refuses a faulty hello, status and display map with every error at its field', async () => {
    const socket = await h.connect('/control', h.server.wallToken);
    const bad = agent('may-c', []);
    const reply = await emitWithAck<ControlHelloReply>(socket, 'hello', { client: 'wall', screenId: null, host: null, agent: { ...bad, displays: [{ ...display(1, 0), scaleFactor: 99 }] } });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.errors?.map((e) => e.path)).toEqual(['$.agent.displays[0].scaleFactor']);
    const early = await emitWithAck<{ ok: boolean; code?: string }>(socket, 'status', { windows: [] });
    expect(early).toMatchObject({ ok: false, code: 'fleet.status_before_hello' });
    const status = await emitWithAck<{ ok: boolean; code?: string; errors?: { path: string }[] }>(socket, 'status', { windows: [{ ...window('x', 1), fps: -1 }] });
    expect(status.code).toBe('fleet.status_invalid');
    expect(status.errors?.map((e) => e.path)).toEqual(['$.windows[0].fps']);

    const [s1, s2] = h.server.wall.get().profile.screens.map((s) => s.id);
    const twice = await asPerson(h, technician, 'PUT', '/api/v1/fleet/assignments', {
      assignments: [
        { screenId: s1, hostId: 'may-a', displayId: 1 },
        { screenId: s2, hostId: 'may-a', displayId: 1 },
        { screenId: 'khong-co', hostId: 'may-a', displayId: 2 },
      ],
    });
    expect(twice.status).toBe(422);
    const body = twice.body as { error: { code: string }; errors: { path: string; code: string; message_en: string }[] };
    expect(body.error.code).toBe('fleet.assignments_invalid');
    expect(body.errors.map((e) => [e.path, e.code])).toEqual([
      ['$.assignments[1].displayId', 'fleet.display_assigned_twice'],
      ['$.assignments[2].screenId', 'fleet.screen_unknown'],
    ]);
    expect(body.errors[0]!.message_en).toContain(`"${s1}"`);
    expect(body.errors[0]!.message_en).toContain(`"${s2}"`);
    const noTwo = await asPerson(h, technician, 'PUT', '/api/v1/fleet/assignments', { assignments: [{ screenId: s1, hostId: 'may a', displayId: 1.5 }] });
    expect(noTwo.status).toBe(422);
  });

  it('keeps the display map and the hosts seen across a restart; an agent saying hello again is told its screens', async () => {
    const before = (await asPerson(h, technician, 'GET', '/api/v1/fleet')).body as { assignments: unknown[] };
    expect(before.assignments).toHaveLength(4);
    await h.stop();
    h = await startHarness({ dataDir, scrypt: TEST_SCRYPT, fleetEvaluateMs: 200 });
    technician = await signIn(h, 'ky-thuat');
    const after = (await asPerson(h, technician, 'GET', '/api/v1/fleet')).body as { assignments: unknown[]; hosts: { hostId: string; connected: boolean }[] };
    expect(after.assignments).toEqual(before.assignments);
    expect(after.hosts.map((x) => [x.hostId, x.connected])).toEqual([['may-a', false], ['may-b', false]]);
    const [s1, s2] = h.server.wall.get().profile.screens.map((s) => s.id);
    const a = await startAgent('may-a', [[s1!, 1], [s2!, 2]]);
    expect(a.reply).toEqual({ ok: true, assignment: { hostId: 'may-a', managed: true, screens: [{ screenId: s1, displayId: 1 }, { screenId: s2, displayId: 2 }] } });
    a.socket.disconnect();
  });

  it("a hello whose fleet part is refused still takes the wall, says why it is not listed, and lists nothing", async () => {
    // A person's session may watch the wall (the console's preview) but not report a host.
    const socket = personSocket(h, '/control', technician.cookie);
    await waitFor(() => socket.connected, 3000, 'the console socket connects');
    const reply = await emitWithAck<ControlHelloReply>(socket, 'hello', { client: 'wall', screenId: null, host: 'may-nguoi', agent: agent('may-nguoi', []) });
    expect(reply).toMatchObject({ ok: true, fleetRefused: { path: '$.agent', code: 'auth.role_forbidden' } });
    const fleet = await asPerson(h, technician, 'GET', '/api/v1/fleet');
    expect((fleet.body as { hosts: { hostId: string }[] }).hosts.map((x) => x.hostId)).not.toContain('may-nguoi');
    socket.disconnect();
  });

  it('follows at most 256 hosts: a new one takes the place of the one gone longest, and the board stays bounded', async () => {
    const socket = await h.connect('/control', h.server.wallToken);
    // One socket saying hello as ever new hosts: each hello leaves the previous host gone.
    for (let i = 0; i < 300; i++) {
      const reply = await emitWithAck<ControlHelloReply>(socket, 'hello', { client: 'wall', screenId: null, host: `flood-${i}`, agent: agent(`flood-${i}`, []) });
      expect(reply.ok).toBe(true);
    }
    const fleet = await asPerson(h, technician, 'GET', '/api/v1/fleet');
    const hosts = (fleet.body as { hosts: { hostId: string }[] }).hosts.map((x) => x.hostId);
    expect(hosts.length).toBeLessThanOrEqual(256);
    expect(hosts).toContain('flood-299');
    expect(hosts).not.toContain('flood-0');
    const sightings = await asPerson(h, technician, 'GET', '/api/v1/fleet/sightings?hostId=flood-0');
    expect((sightings.body as { sightings: unknown[] }).sightings).toEqual([]);
    socket.disconnect();
  });

  it('refuses a display of a browser wall page, which opens its screen from its address: the stored map is untouched', async () => {
    const socket = await h.connect('/control', h.server.wallToken);
    const hello = await emitWithAck<ControlHelloReply>(socket, 'hello', { client: 'wall', screenId: null, host: null, agent: { ...agent('trinh-duyet-1', []), kind: 'browser' } });
    expect(hello.ok).toBe(true);
    const before = (await asPerson(h, technician, 'GET', '/api/v1/fleet')).body as { assignments: unknown[] };
    const [s1] = h.server.wall.get().profile.screens.map((s) => s.id);
    const refused = await asPerson(h, technician, 'PUT', '/api/v1/fleet/assignments', { assignments: [{ screenId: s1, hostId: 'trinh-duyet-1', displayId: 1 }] });
    expect(refused.status).toBe(422);
    const body = refused.body as { errors: { path: string; code: string }[] };
    expect(body.errors.map((e) => [e.path, e.code])).toEqual([['$.assignments[0].hostId', 'fleet.display_of_browser']]);
    const after = (await asPerson(h, technician, 'GET', '/api/v1/fleet')).body as { assignments: unknown[] };
    expect(after.assignments).toEqual(before.assignments);
    socket.disconnect();
  });
});
