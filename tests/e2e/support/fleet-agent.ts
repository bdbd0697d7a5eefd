import { io, type Socket } from 'socket.io-client';
import type { AgentReportInput, AssignmentEvent, FleetWindow } from '../../../shared/fleet/schema';
import { CONTROL_NAMESPACE, type ControlHelloReply } from '../../../shared/protocol/control';

/**
 * A simulated display agent for browser tests: it says hello on /control with the wall
 * token, its displays and no windows, records every `assignment` the server sends, and
 * "opens" what it is told: from then on its status reports a healthy window per assigned
 * screen, every `statusEveryMs`, as main/ does. Stopping it closes the socket, as a PC
 * that loses power or network does.
 */
export interface SimulatedAgent {
  hostId: string;
  /** Every assignment received, oldest first (the hello's reply first). */
  assignments: AssignmentEvent[];
  stop(): void;
}

const display = (id: number, x: number) => ({
  id,
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
  rotation: 0 as const,
  resolution: { width: 1920, height: 1080 },
  internal: false,
});

export async function startSimulatedAgent(serverUrl: string, token: string, hostId: string, hostName: string, statusEveryMs = 1_000): Promise<SimulatedAgent> {
  const socket: Socket = io(`${serverUrl}${CONTROL_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false });
  const assignments: AssignmentEvent[] = [];
  let windows: FleetWindow[] = [];
  let seq = 0;
  const open = (event: AssignmentEvent) => {
    assignments.push(event);
    windows = event.screens.map((s) => ({ screenId: s.screenId, displayId: s.displayId, connection: 'connected', lastSeq: seq, fps: 60, heapMb: 90, restarts: 0, lastError: null }));
    socket.emit('status', { windows });
  };
  socket.on('assignment', open);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const agent: AgentReportInput = { kind: 'agent', hostId, hostName, appVersion: '0.9.0-test', statusEveryMs, displays: [display(1, 0), display(2, 1920)], windows: [] };
  const reply = (await socket.timeout(5_000).emitWithAck('hello', { client: 'wall', screenId: null, host: hostName, agent })) as ControlHelloReply;
  if (!reply.ok) throw new Error(`hello refused: ${reply.code} ${reply.error}`);
  if (reply.assignment) open(reply.assignment);
  const timer = setInterval(() => {
    seq += 1;
    socket.emit('status', { windows: windows.map((w) => ({ ...w, lastSeq: seq })) });
  }, statusEveryMs);
  return {
    hostId,
    assignments,
    stop() {
      clearInterval(timer);
      socket.disconnect();
    },
  };
}
