import { io, type Socket } from 'socket.io-client';
import { assignmentEventSchema, DEFAULT_STATUS_EVERY_MS, type AssignmentEvent } from '../shared/fleet/schema';
import { CONTROL_NAMESPACE, type ControlClientToServer, type ControlHelloReply, type ControlServerToClient, type FleetStatusReply } from '../shared/protocol/control';
import type { Display } from './displays';
import { agentReport, agentStatus, displaysKey, StatusPacer, type AgentIdentity } from './fleet-report';
import type { Logger } from './log';
import type { WindowHealth } from './window-health';

/**
 * The agent's member of the fleet (issue 9): one socket on /control with the wall token,
 * a `hello` with the host's displays and windows on every (re)connection, a `status` on
 * the pacer's clock (main/fleet-report.ts StatusPacer), and the `assignment` the server
 * answers with or pushes later, handed to the agent, which re-plans its windows. A thin
 * adapter: what is said and when lives in fleet-report.ts.
 */

export interface FleetReporterOptions {
  serverUrl: string;
  token: string;
  identity: AgentIdentity;
  displays: () => Display[];
  windows: () => WindowHealth[];
  onAssignment: (event: AssignmentEvent) => void;
  log: Logger;
  now: () => number;
  /** The soonest a change is reported after the previous message. */
  minGapMs?: number;
}

const ACK_TIMEOUT_MS = 10_000;
const SERVER_KICK_RETRY_MS = 3_000;
export const DEFAULT_FLEET_MIN_GAP_MS = 1_000;

export class FleetReporter {
  private readonly socket: Socket<ControlServerToClient, ControlClientToServer>;
  private readonly pacer: StatusPacer;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private helloDone = false;
  private lastConnectError: string | null = null;

  constructor(private readonly options: FleetReporterOptions) {
    this.pacer = new StatusPacer(options.identity.statusEveryMs || DEFAULT_STATUS_EVERY_MS, options.minGapMs ?? DEFAULT_FLEET_MIN_GAP_MS);
    this.socket = io(`${options.serverUrl.replace(/\/+$/, '')}${CONTROL_NAMESPACE}`, {
      auth: { token: options.token },
      transports: ['websocket', 'polling'],
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      autoConnect: false,
    });
    this.socket.on('connect', () => {
      this.lastConnectError = null;
      this.hello();
    });
    this.socket.on('disconnect', (reason) => {
      this.helloDone = false;
      this.pacer.reset();
      options.log.info('fleet: /control closed', { reason });
      // The server hung up on purpose (restart, kick): socket.io leaves it to us to come back.
      if (reason === 'io server disconnect' && !this.stopped) this.later(() => this.socket.connect(), SERVER_KICK_RETRY_MS);
    });
    this.socket.on('connect_error', (error) => {
      // Said once per cause, not once per retry.
      if (error.message !== this.lastConnectError) options.log.warn('fleet: cannot reach /control; retrying', { error: error.message });
      this.lastConnectError = error.message;
    });
    this.socket.on('assignment', (raw: unknown) => this.accept(raw));
  }

  start(): void {
    this.socket.connect();
  }

  /** A window crashed, reloaded, opened or closed, or a display changed: report soon (paced). */
  nudge(): void {
    this.pacer.nudge();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private hello(): void {
    const { identity, log } = this.options;
    const displays = this.options.displays();
    let agent;
    try {
      agent = agentReport(identity, displays, this.options.windows());
    } catch (error) {
      log.error('fleet: not sending an invalid hello', { error: error instanceof Error ? error.message : String(error) });
      return;
    }
    const key = displaysKey(displays);
    this.socket.timeout(ACK_TIMEOUT_MS).emit('hello', { client: 'wall', screenId: null, host: identity.hostName.slice(0, 120), agent }, (error: Error | null, reply: ControlHelloReply) => {
      if (this.stopped) return;
      if (error) {
        log.warn('fleet: hello got no reply; saying it again', { timeoutMs: ACK_TIMEOUT_MS });
        if (this.socket.connected) this.hello();
        return;
      }
      if (!reply.ok) {
        log.error('fleet: the server refused the hello', { code: reply.code, error: reply.error, errors: reply.errors?.slice(0, 5) });
        return;
      }
      if (reply.fleetRefused) {
        log.error('fleet: the server does not list this host', { code: reply.fleetRefused.code, error: reply.fleetRefused.message_en });
        return;
      }
      this.helloDone = true;
      this.pacer.helloSent(this.options.now(), key);
      log.info('fleet: hello accepted', { hostId: identity.hostId, displays: agent.displays.length, windows: agent.windows.length });
      if (reply.assignment) this.accept(reply.assignment);
      this.schedule();
    });
  }

  private accept(raw: unknown): void {
    const parsed = assignmentEventSchema.safeParse(raw);
    if (!parsed.success || parsed.data.hostId !== this.options.identity.hostId) {
      this.options.log.warn('fleet: ignored an assignment not for this host or malformed', { ok: parsed.success });
      return;
    }
    this.options.log.info('fleet: assignment', { managed: parsed.data.managed, screens: parsed.data.screens.map((s) => `${s.screenId}@${s.displayId}`).join(', ') });
    this.options.onAssignment(parsed.data);
  }

  private schedule(): void {
    if (this.stopped || !this.helloDone) return;
    if (this.timer) clearTimeout(this.timer);
    const displays = this.options.displays();
    const key = displaysKey(displays);
    const next = this.pacer.next(this.options.now(), key);
    if (!next.send) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.schedule();
      }, Math.max(50, next.waitMs));
      return;
    }
    let status;
    try {
      status = agentStatus(next.withDisplays ? displays : null, this.options.windows());
    } catch (error) {
      this.options.log.error('fleet: not sending an invalid status', { error: error instanceof Error ? error.message : String(error) });
      this.pacer.sent(this.options.now(), key, next.withDisplays);
      this.schedule();
      return;
    }
    this.pacer.sent(this.options.now(), key, next.withDisplays);
    this.socket.emit('status', status, (reply: FleetStatusReply) => {
      if (!reply.ok) this.options.log.warn('fleet: the server refused a status', { code: reply.code, error: reply.error });
    });
    this.schedule();
  }

  private later(fn: () => void, ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) fn();
    }, ms);
  }
}
