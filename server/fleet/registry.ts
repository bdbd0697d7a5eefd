import type { FleetAlert, FleetBoard, FleetHost, FleetView } from '../../shared/fleet/board';
import { advanceBoard, classifyScreen, DEFAULT_THRESHOLDS, type HealthThresholds, type ObservedWindow, type ScreenHealth, type ScreenVerdict } from '../../shared/fleet/health';
import type { AgentReport, AgentStatus, AssignmentEvent, FleetDisplay, FleetWindow, StoredAssignment } from '../../shared/fleet/schema';
import type { FleetRecords } from './records';

/** Heap samples kept per window for the trend (one per status: a minute at the default cadence). */
const HEAP_SAMPLES = 12;
/** A status refreshes the stored report at most this often; hellos and goodbyes always write. */
const TOUCH_EVERY_MS = 60_000;

interface Member {
  report: AgentReport;
  reportedAt: number;
}

interface LiveHost {
  hostId: string;
  firstSeen: string;
  lastSeen: string;
  goneAt: string | null;
  /** One per socket: an agent has one, a browser with two wall tabs has two. */
  members: Map<string, Member>;
  /** What it said last, kept after it went (the board says "host gone", not "no window"). */
  last: Member;
  touchedAt: number;
}

interface WindowTrend {
  heap: number[];
  restarts: number;
  restartedAt: number | null;
}

/**
 * The live fleet: every host's sockets and what each last said, the trends the classifier
 * needs (heap samples, when restarts went up), and the board with the time each screen's
 * state changed. Pure of sockets: ./service.ts feeds it and sends what it returns.
 */
export class FleetRegistry {
  private readonly hosts = new Map<string, LiveHost>();
  private readonly socketHost = new Map<string, string>();
  private readonly trends = new Map<string, WindowTrend>();
  private board = new Map<string, ScreenHealth>();
  private evaluatedAt: string;

  constructor(
    private readonly records: FleetRecords,
    private readonly screenIds: () => readonly string[],
    private readonly now: () => number,
    private readonly thresholds: HealthThresholds = DEFAULT_THRESHOLDS,
  ) {
    this.evaluatedAt = new Date(now()).toISOString();
    // Hosts seen before this start are gone until they say hello again.
    for (const row of records.hosts()) {
      const last = { report: row.report, reportedAt: Date.parse(row.lastSeen) };
      this.hosts.set(row.hostId, { hostId: row.hostId, firstSeen: row.firstSeen, lastSeen: row.lastSeen, goneAt: row.goneAt ?? row.lastSeen, members: new Map(), last, touchedAt: 0 });
    }
  }

  hello(socketId: string, report: AgentReport): void {
    const at = this.now();
    const iso = new Date(at).toISOString();
    const previous = this.socketHost.get(socketId);
    if (previous !== undefined && previous !== report.hostId) this.leave(socketId);
    this.records.seen(report, iso);
    const member = { report, reportedAt: at };
    const host = this.hosts.get(report.hostId) ?? { hostId: report.hostId, firstSeen: iso, lastSeen: iso, goneAt: null, members: new Map(), last: member, touchedAt: at };
    host.members.set(socketId, member);
    host.last = member;
    host.lastSeen = iso;
    host.goneAt = null;
    host.touchedAt = at;
    this.hosts.set(report.hostId, host);
    this.socketHost.set(socketId, report.hostId);
    this.track(report.hostId, report.windows, at);
  }

  /** False when the socket never said hello as a fleet member. */
  status(socketId: string, status: AgentStatus): boolean {
    const hostId = this.socketHost.get(socketId);
    const host = hostId === undefined ? undefined : this.hosts.get(hostId);
    const member = host?.members.get(socketId);
    if (!host || !member) return false;
    const at = this.now();
    const report: AgentReport = { ...member.report, windows: status.windows, ...(status.displays ? { displays: status.displays } : {}) };
    const next = { report, reportedAt: at };
    host.members.set(socketId, next);
    host.last = next;
    host.lastSeen = new Date(at).toISOString();
    this.track(host.hostId, status.windows, at);
    if (at - host.touchedAt >= TOUCH_EVERY_MS) {
      host.touchedAt = at;
      this.records.touch(this.merged(host), host.lastSeen);
    }
    return true;
  }

  /** A socket closed; returns the host id when that was the host's last one (it is gone). */
  leave(socketId: string): string | null {
    const hostId = this.socketHost.get(socketId);
    this.socketHost.delete(socketId);
    const host = hostId === undefined ? undefined : this.hosts.get(hostId);
    if (!host) return null;
    host.members.delete(socketId);
    if (host.members.size > 0) return null;
    const iso = new Date(this.now()).toISOString();
    host.goneAt = iso;
    host.lastSeen = iso;
    this.records.gone(host.last.report, iso);
    return host.hostId;
  }

  knows(hostId: string): boolean {
    return this.hosts.has(hostId);
  }

  get size(): number {
    return this.hosts.size;
  }

  /**
   * Makes room for a new host: forgets the one gone longest ago that shows no assigned
   * screen (its row and sightings too). Null when every host is connected or assigned.
   */
  forgetLongestGone(assignedHosts: ReadonlySet<string>): string | null {
    let oldest: LiveHost | null = null;
    for (const host of this.hosts.values()) {
      if (host.members.size > 0 || assignedHosts.has(host.hostId)) continue;
      if (!oldest || host.lastSeen < oldest.lastSeen) oldest = host;
    }
    if (!oldest) return null;
    this.hosts.delete(oldest.hostId);
    for (const key of this.trends.keys()) if (key.startsWith(`${oldest.hostId}\u0000`)) this.trends.delete(key);
    this.records.forget(oldest.hostId);
    return oldest.hostId;
  }

  hostOf(socketId: string): string | undefined {
    return this.socketHost.get(socketId);
  }

  assignmentFor(hostId: string, assignments: readonly StoredAssignment[]): AssignmentEvent {
    return {
      hostId,
      managed: assignments.length > 0,
      screens: assignments.filter((a) => a.hostId === hostId).map((a) => ({ screenId: a.screenId, displayId: a.displayId })),
    };
  }

  /** Classifies every screen of the profile; returns the changes and the alerts (a screen turned red, or left red). */
  evaluate(assignments: readonly StoredAssignment[]): { changed: boolean; alerts: FleetAlert[] } {
    const at = this.now();
    const iso = new Date(at).toISOString();
    const assigned = new Map(assignments.map((a) => [a.screenId, a.hostId]));
    const byScreen = new Map<string, ObservedWindow[]>();
    for (const host of this.hosts.values()) {
      const connected = host.members.size > 0;
      const members = connected ? [...host.members.values()] : [host.last];
      for (const member of members) {
        for (const window of member.report.windows) {
          const trend = this.trends.get(`${host.hostId}\u0000${window.screenId}`);
          const list = byScreen.get(window.screenId) ?? [];
          list.push({
            hostId: host.hostId,
            hostConnected: connected,
            window,
            reportedAt: member.reportedAt,
            statusEveryMs: member.report.statusEveryMs,
            heapSamples: trend?.heap ?? [],
            restartedAt: trend?.restartedAt ?? null,
          });
          byScreen.set(window.screenId, list);
        }
      }
    }
    const verdicts = new Map<string, ScreenVerdict>();
    for (const screenId of this.screenIds()) verdicts.set(screenId, classifyScreen(byScreen.get(screenId) ?? [], at, assigned.get(screenId) ?? null, this.thresholds));
    const { board, changes } = advanceBoard(this.board, verdicts, iso);
    this.board = board;
    this.evaluatedAt = iso;
    const alerts = changes
      // Dark, or back from dark; not the first verdicts after a start (every screen is red until its agent says hello).
      .filter((c) => c.from !== null && (c.to === 'red') !== (c.from === 'red'))
      .map((c) => ({ screenId: c.screenId, level: c.to, from: c.from, reasons: c.reasons, hostId: board.get(c.screenId)?.hostId ?? null, at: iso }));
    return { changed: changes.length > 0, alerts };
  }

  boardNow(): FleetBoard {
    return { screens: [...this.board.values()], evaluatedAt: this.evaluatedAt };
  }

  view(assignments: readonly StoredAssignment[]): FleetView {
    const hosts: FleetHost[] = [...this.hosts.values()]
      .map((host) => {
        const report = host.members.size > 0 ? this.merged(host) : host.last.report;
        return {
          hostId: host.hostId,
          hostName: report.hostName,
          kind: report.kind,
          appVersion: report.appVersion,
          connected: host.members.size > 0,
          firstSeen: host.firstSeen,
          lastSeen: host.lastSeen,
          goneAt: host.goneAt,
          displays: report.displays,
          windows: report.windows,
        };
      })
      .sort((a, b) => Number(b.connected) - Number(a.connected) || a.hostName.localeCompare(b.hostName, 'vi') || a.hostId.localeCompare(b.hostId));
    return { hosts, assignments: [...assignments], board: this.boardNow() };
  }

  /** The host as one report: every member's windows, displays by id (a browser's tabs share a screen). */
  private merged(host: LiveHost): AgentReport {
    const members = [...host.members.values()];
    const displays = new Map<number, FleetDisplay>();
    const windows: FleetWindow[] = [];
    for (const m of members) {
      for (const d of m.report.displays) displays.set(d.id, d);
      windows.push(...m.report.windows);
    }
    return { ...host.last.report, displays: [...displays.values()], windows };
  }

  private track(hostId: string, windows: readonly FleetWindow[], at: number): void {
    for (const w of windows) {
      const key = `${hostId}\u0000${w.screenId}`;
      const trend = this.trends.get(key);
      if (!trend) {
        this.trends.set(key, { heap: w.heapMb === null ? [] : [w.heapMb], restarts: w.restarts, restartedAt: null });
        continue;
      }
      if (w.heapMb !== null) {
        trend.heap.push(w.heapMb);
        if (trend.heap.length > HEAP_SAMPLES) trend.heap.shift();
      }
      if (w.restarts > trend.restarts) trend.restartedAt = at;
      trend.restarts = w.restarts;
    }
  }
}
