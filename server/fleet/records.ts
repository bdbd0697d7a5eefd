import type { Sighting } from '../../shared/fleet/board';
import type { AgentReport, Assignment, StoredAssignment } from '../../shared/fleet/schema';
import type { Db } from '../db/open';

export interface HostRow {
  hostId: string;
  hostName: string;
  kind: AgentReport['kind'];
  appVersion: string;
  firstSeen: string;
  lastSeen: string;
  goneAt: string | null;
  report: AgentReport;
}

interface RawHost {
  host_id: string;
  host_name: string;
  kind: AgentReport['kind'];
  app_version: string;
  first_seen: string;
  last_seen: string;
  gone_at: string | null;
  report: string;
}

/**
 * The fleet in SQLite (migration 11): hosts with what they last reported, their sightings
 * (first seen, seen again, gone), and the map of displays to wall screens. The live fleet is
 * in memory (./registry.ts); this is what survives a restart and what the technician audits.
 */
/** Sightings kept: the newest; a host reconnecting all day must not grow the file without end. */
export const MAX_SIGHTINGS = 20_000;

export class FleetRecords {
  constructor(
    private readonly db: Db,
    private readonly maxSightings = MAX_SIGHTINGS,
  ) {}

  hosts(): HostRow[] {
    return this.db
      .prepare<[], RawHost>('SELECT * FROM fleet_hosts ORDER BY host_name, host_id')
      .all()
      .map((r) => ({ hostId: r.host_id, hostName: r.host_name, kind: r.kind, appVersion: r.app_version, firstSeen: r.first_seen, lastSeen: r.last_seen, goneAt: r.gone_at, report: JSON.parse(r.report) as AgentReport }));
  }

  /** A hello: the host's row created or refreshed, and a sighting; returns whether it is new. */
  seen(report: AgentReport, at: string): boolean {
    return this.db.transaction(() => {
      const known = this.db.prepare('SELECT 1 FROM fleet_hosts WHERE host_id = ?').get(report.hostId) !== undefined;
      const json = JSON.stringify(report);
      if (known) {
        this.db
          .prepare('UPDATE fleet_hosts SET host_name = ?, kind = ?, app_version = ?, last_seen = ?, gone_at = NULL, report = ? WHERE host_id = ?')
          .run(report.hostName, report.kind, report.appVersion, at, json, report.hostId);
      } else {
        this.db
          .prepare('INSERT INTO fleet_hosts (host_id, host_name, kind, app_version, first_seen, last_seen, gone_at, report) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)')
          .run(report.hostId, report.hostName, report.kind, report.appVersion, at, at, json);
      }
      this.sighting(report.hostId, known ? 'seen' : 'first-seen', at, json);
      return !known;
    })();
  }

  /** A status update: only the last-seen time and the report (no sighting: they come every few seconds). */
  touch(report: AgentReport, at: string): void {
    this.db.prepare('UPDATE fleet_hosts SET last_seen = ?, report = ? WHERE host_id = ?').run(at, JSON.stringify(report), report.hostId);
  }

  gone(report: AgentReport, at: string): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE fleet_hosts SET last_seen = ?, gone_at = ?, report = ? WHERE host_id = ?').run(at, at, JSON.stringify(report), report.hostId);
      this.sighting(report.hostId, 'gone', at, JSON.stringify(report));
    })();
  }

  sightings(hostId: string | undefined, limit: number): Sighting[] {
    const rows = hostId
      ? this.db.prepare<[string, number], { id: number; host_id: string; event: Sighting['event']; at: string; report: string }>('SELECT * FROM fleet_sightings WHERE host_id = ? ORDER BY id DESC LIMIT ?').all(hostId, limit)
      : this.db.prepare<[number], { id: number; host_id: string; event: Sighting['event']; at: string; report: string }>('SELECT * FROM fleet_sightings ORDER BY id DESC LIMIT ?').all(limit);
    return rows.map((r) => ({ id: r.id, hostId: r.host_id, event: r.event, at: r.at, report: JSON.parse(r.report) as unknown }));
  }

  assignments(): StoredAssignment[] {
    return this.db
      .prepare<[], { screen_id: string; host_id: string; display_id: number; by: string; at: string }>('SELECT * FROM fleet_assignments ORDER BY screen_id')
      .all()
      .map((r) => ({ screenId: r.screen_id, hostId: r.host_id, displayId: r.display_id, by: r.by, at: r.at }));
  }

  /** Replaces the map; an entry that did not change keeps who set it and when. Call inside the audit's transaction. */
  replaceAssignments(next: readonly Assignment[], by: string, at: string): StoredAssignment[] {
    const before = new Map(this.assignments().map((a) => [a.screenId, a]));
    this.db.prepare('DELETE FROM fleet_assignments').run();
    const insert = this.db.prepare('INSERT INTO fleet_assignments (screen_id, host_id, display_id, by, at) VALUES (?, ?, ?, ?, ?)');
    for (const a of next) {
      const old = before.get(a.screenId);
      const same = old !== undefined && old.hostId === a.hostId && old.displayId === a.displayId;
      insert.run(a.screenId, a.hostId, a.displayId, same ? old.by : by, same ? old.at : at);
    }
    return this.assignments();
  }

  /** A host no longer followed (./registry.ts forgets the longest gone when the fleet is full): its row and sightings. */
  forget(hostId: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM fleet_sightings WHERE host_id = ?').run(hostId);
      this.db.prepare('DELETE FROM fleet_hosts WHERE host_id = ?').run(hostId);
    })();
  }

  private sighting(hostId: string, event: Sighting['event'], at: string, report: string): void {
    const { lastInsertRowid } = this.db.prepare('INSERT INTO fleet_sightings (host_id, event, at, report) VALUES (?, ?, ?, ?)').run(hostId, event, at, report);
    this.db.prepare('DELETE FROM fleet_sightings WHERE id <= ?').run(Number(lastInsertRowid) - this.maxSightings);
  }
}
