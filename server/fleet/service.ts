import type { Socket } from 'socket.io';
import { appError, fieldError, type FieldError } from '../../shared/errors';
import { issuesToFieldErrors } from '../../shared/errors/issues';
import type { FleetView, Sighting } from '../../shared/fleet/board';
import { agentStatusSchema, type AgentReport, type Assignment, type AssignmentEvent, type StoredAssignment } from '../../shared/fleet/schema';
import type { ControlClientToServer, ControlServerToClient, FleetStatusReply, WatchFleetReply } from '../../shared/protocol/control';
import type { SocketAuthData } from '../auth/guard';
import { SETUP_ROLES, type Role } from '../../shared/protocol/roles';
import type { Logger } from '../../shared/log';
import type { AuditLog } from '../audit/log';
import type { Db } from '../db/open';
import type { ControlNamespace } from '../wall/control';
import type { WallStateStore } from '../wall/state';
import { replaceAssignments, type AssignAuthor } from './assign';
import { FleetRecords } from './records';
import { FleetRegistry } from './registry';

/** Who may say hello as a fleet member: the wall token the agents and wall pages hold (and an admin's, for scripts). */
export const AGENT_ROLES: readonly Role[] = ['wall', 'admin'];
/** The room of the consoles watching the board, and each host's room. */
const WATCHERS = 'fleet:watchers';
const hostRoom = (hostId: string) => `fleet:host:${hostId}`;
/** The board is evaluated this often: a screen gone dark is red (and alerted) within it, far inside the 10 s asked for. */
export const DEFAULT_FLEET_EVALUATE_MS = 1_000;
/** Hosts followed at once, connected or not; a new one past it takes the place of the one gone longest. */
export const MAX_FLEET_HOSTS = 256;

type ControlSocket = Socket<ControlClientToServer, ControlServerToClient, Record<string, never>, SocketAuthData & { hello?: unknown }>;

/**
 * The display fleet on the server: the live registry, the records in SQLite, the map of
 * displays to screens, and the timer that re-judges every screen and pushes the board and
 * its alerts to the consoles watching it (`watchFleet` on /control).
 */
export class FleetService {
  readonly records: FleetRecords;
  readonly registry: FleetRegistry;
  private nsp: ControlNamespace | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly wall: WallStateStore,
    private readonly now: () => number,
    private readonly log: Logger,
    private readonly evaluateEveryMs = DEFAULT_FLEET_EVALUATE_MS,
  ) {
    this.records = new FleetRecords(db);
    this.registry = new FleetRegistry(this.records, () => this.screenIds(), now);
  }

  screenIds(): string[] {
    return this.wall.get().profile.screens.map((s) => s.id);
  }

  /** A fleet member's hello (already validated): recorded, and answered with what it must open. */
  hello(socket: ControlSocket, agent: AgentReport): AssignmentEvent | { refused: FieldError } {
    const principal = socket.data.principal;
    if (!principal.roles.some((r: Role) => AGENT_ROLES.includes(r))) {
      return { refused: fieldError('$.agent', 'auth.role_forbidden', { role: principal.roles.join(', ') }) };
    }
    if (!this.registry.knows(agent.hostId) && this.registry.size >= MAX_FLEET_HOSTS) {
      const forgotten = this.registry.forgetLongestGone(new Set(this.records.assignments().map((a) => a.hostId)));
      if (forgotten === null) {
        this.log.warn('fleet: refused a host, the fleet is full', { hostId: agent.hostId, max: MAX_FLEET_HOSTS });
        return { refused: fieldError('$.agent.hostId', 'fleet.too_many_hosts', { max: MAX_FLEET_HOSTS, hostId: agent.hostId }) };
      }
      this.log.info('fleet: forgot the host gone longest, to follow a new one', { forgotten, hostId: agent.hostId });
    }
    const previous = this.registry.hostOf(socket.id);
    if (previous !== undefined && previous !== agent.hostId) void socket.leave(hostRoom(previous));
    this.registry.hello(socket.id, agent);
    void socket.join(hostRoom(agent.hostId));
    this.log.info('fleet: hello', { socket: socket.id, hostId: agent.hostId, hostName: agent.hostName, kind: agent.kind, displays: agent.displays.length, windows: agent.windows.length });
    this.evaluate();
    return this.registry.assignmentFor(agent.hostId, this.records.assignments());
  }

  attach(nsp: ControlNamespace): void {
    this.nsp = nsp;
    nsp.on('connection', (socket) => {
      socket.on('status', (raw, ack) => this.onStatus(socket, raw, ack));
      // The ack is the last argument, whatever a client put before it.
      socket.on('watchFleet', (...args: unknown[]) => this.onWatch(socket, args.at(-1)));
      socket.on('disconnect', () => {
        const gone = this.registry.leave(socket.id);
        if (gone !== null) {
          this.log.info('fleet: host gone', { hostId: gone });
          this.evaluate();
        }
      });
    });
    this.evaluate();
    this.timer = setInterval(() => this.evaluate(), this.evaluateEveryMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  view(): FleetView {
    return this.registry.view(this.records.assignments());
  }

  sightings(hostId: string | undefined, limit: number): Sighting[] {
    return this.records.sightings(hostId, limit);
  }

  /** Stores the map (refused whole when faulty), then tells every connected host what it now opens. */
  assign(list: readonly Assignment[], author: AssignAuthor): StoredAssignment[] {
    const before = new Set(this.records.assignments().map((a) => a.hostId));
    const stored = replaceAssignments(this.db, this.records, this.audit, list, this.screenIds(), author, new Date(this.now()).toISOString());
    // Every host: a host that lost its screens must close them, and the others learn the wall is managed.
    const hosts = new Set([...before, ...stored.map((a) => a.hostId), ...this.registry.view(stored).hosts.filter((h) => h.connected).map((h) => h.hostId)]);
    for (const hostId of hosts) this.nsp?.to(hostRoom(hostId)).emit('assignment', this.registry.assignmentFor(hostId, stored));
    this.evaluate();
    return stored;
  }

  evaluate(): void {
    const { changed, alerts } = this.registry.evaluate(this.records.assignments());
    if (!this.nsp) return;
    if (changed) this.nsp.to(WATCHERS).emit('fleetBoard', this.registry.boardNow());
    for (const alert of alerts) {
      if (alert.level === 'red') this.log.warn('fleet: screen dark', { screenId: alert.screenId, reasons: alert.reasons, hostId: alert.hostId });
      else this.log.info('fleet: screen back', { screenId: alert.screenId, level: alert.level });
      this.nsp.to(WATCHERS).emit('fleetAlert', alert);
    }
  }

  private onStatus(socket: ControlSocket, raw: unknown, ack: unknown): void {
    const reply = (r: FleetStatusReply) => {
      if (typeof ack === 'function') (ack as (r: FleetStatusReply) => void)(r);
    };
    const parsed = agentStatusSchema.safeParse(raw);
    if (!parsed.success) {
      const errors = issuesToFieldErrors(parsed.error.issues, 'json', 20).map(({ path, code, message_vi, message_en }) => ({ path, code, message_vi, message_en }));
      const detail = errors.slice(0, 5).map((e) => `${e.path}: ${e.message_en}`).join('; ');
      const error = appError('fleet.status_invalid', { detail });
      this.log.warn('fleet: refused status', { code: error.code, socket: socket.id, detail });
      return reply({ ok: false, error: error.message_en, code: error.code, message_vi: error.message_vi, errors });
    }
    if (!this.registry.status(socket.id, parsed.data)) {
      const error = appError('fleet.status_before_hello');
      return reply({ ok: false, error: error.message_en, code: error.code, message_vi: error.message_vi });
    }
    reply({ ok: true });
  }

  private onWatch(socket: ControlSocket, ack: unknown): void {
    const reply = (r: WatchFleetReply) => {
      if (typeof ack === 'function') (ack as (r: WatchFleetReply) => void)(r);
    };
    if (!socket.data.principal.roles.some((r: Role) => SETUP_ROLES.includes(r))) {
      const error = appError('fleet.watch_forbidden');
      return reply({ ok: false, error: error.message_en, code: error.code, message_vi: error.message_vi });
    }
    void socket.join(WATCHERS);
    reply({ ok: true, board: this.registry.boardNow() });
  }
}
