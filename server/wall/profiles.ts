import type { ProfileSummary, ProfileVersionInfo } from '../../shared/api/profiles';
import type { WallState } from '../../shared/protocol/control';
import type { WallProfile } from '../../shared/wall/profile';
import { validateWallProfile } from '../../shared/wall/validate';
import type { AuditActor, AuditLog, AuditOrigin } from '../audit/log';
import type { Db } from '../db/open';
import { fail } from '../http/reply';
import type { WallChange, WallStateStore } from './state';

export interface ProfileAuthor {
  actor: AuditActor;
  origin: AuditOrigin;
  /** How the wall state's record names them ("Nguyễn Văn A (van-a)", 'admin token "x"'). */
  by: string;
}

interface ProfileRow {
  id: string;
  name: string;
  head_version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

interface VersionRow {
  profile_id: string;
  version: number;
  document: string;
  note: string;
  by: string;
  at: string;
}

interface ActiveRow {
  profile_id: string;
  version: number;
  at: string;
  by: string;
}

export interface StoredProfileVersion extends ProfileVersionInfo {
  document: WallProfile;
}

/** Key order does not make two profiles different (a stored document against the wall's). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/**
 * Wall profiles with versions (migration 10), like the layout library: a version is never
 * changed (triggers), a save carries the version it started from, every change is one
 * transaction with its audit row. Activating a version hands its document to the wall
 * state store, whose listener sends it to every /control socket: the walls re-plan live.
 */
export class ProfileStore {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly wall: WallStateStore,
    private readonly now: () => number,
  ) {}

  /**
   * At start: the profile the wall uses goes into the store when its id is not there yet
   * (a first start, a --profile of a new id), as version 1, active. The server's own
   * start-up: returned for the log, not audited.
   */
  seedFromWall(): string | null {
    const profile = this.wall.get().profile;
    return this.db.transaction(() => {
      if (this.find(profile.id)) return null;
      const at = this.stamp();
      this.db
        .prepare('INSERT INTO wall_profiles (id, name, head_version, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 1, ?, ?, ?, ?)')
        .run(profile.id, profile.name, at, 'server', at, 'server');
      this.insertVersion(profile.id, 1, profile, 'hồ sơ tường đang dùng khi máy chủ khởi động', 'server', at);
      this.setActive(profile.id, 1, 'server', at);
      return profile.id;
    })();
  }

  list(): { profiles: ProfileSummary[]; active: { profileId: string; version: number; at: string; by: string } | null } {
    const rows = this.db.prepare<[], ProfileRow>('SELECT * FROM wall_profiles ORDER BY id').all();
    const active = this.active();
    return {
      profiles: rows.map((r) => this.summary(r, active)),
      active: active ? { profileId: active.profile_id, version: active.version, at: active.at, by: active.by } : null,
    };
  }

  get(id: string): ProfileSummary {
    return this.summary(this.row(id), this.active());
  }

  versions(id: string): ProfileVersionInfo[] {
    this.row(id);
    return this.db
      .prepare<[string], Omit<VersionRow, 'document'>>('SELECT profile_id, version, note, by, at FROM wall_profile_versions WHERE profile_id = ? ORDER BY version DESC')
      .all(id)
      .map(info);
  }

  version(id: string, version: number): StoredProfileVersion {
    this.row(id);
    const row = this.db.prepare<[string, number], VersionRow>('SELECT * FROM wall_profile_versions WHERE profile_id = ? AND version = ?').get(id, version);
    if (!row) fail('profile.version_not_found', { id, version });
    const checked = validateWallProfile(JSON.parse(row.document));
    // Valid when written: one a later release cannot read is a server fault, said plainly.
    if (!checked.ok) throw new Error(`stored wall profile ${id} version ${version} is no longer valid: ${checked.errors[0]?.path} ${checked.errors[0]?.message}`);
    return { ...info(row), document: checked.value };
  }

  head(id: string): StoredProfileVersion {
    return this.version(id, this.row(id).head_version);
  }

  /**
   * A new version when the editor started from the head (`baseVersion`), or a new profile
   * (`baseVersion` null). Otherwise 409 with the head's version, author and time, and
   * nothing written. Saving does not change the wall: activating does.
   */
  save(id: string, baseVersion: number | null, document: WallProfile, note: string, author: ProfileAuthor): { profile: ProfileSummary; version: ProfileVersionInfo; created: boolean } {
    if (document.id !== id) fail('profile.id_mismatch', { id, documentId: document.id });
    return this.db.transaction(() => {
      const row = this.find(id);
      const at = this.stamp();
      const by = author.actor.name;
      if (baseVersion === null) {
        if (row) fail('profile.exists', { id });
        this.db
          .prepare('INSERT INTO wall_profiles (id, name, head_version, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 1, ?, ?, ?, ?)')
          .run(id, document.name, at, by, at, by);
        this.insertVersion(id, 1, document, note, by, at);
        this.audit.record({ ...author, action: 'profile.create', objectType: 'wall_profile', objectId: id, diff: { version: 1, name: document.name, screens: document.screens.length, note } });
        return { profile: this.get(id), version: { profileId: id, version: 1, note, by, at }, created: true };
      }
      if (!row) fail('profile.not_found', { id });
      if (row.head_version !== baseVersion) {
        const head = this.db.prepare<[string, number], VersionRow>('SELECT * FROM wall_profile_versions WHERE profile_id = ? AND version = ?').get(id, row.head_version)!;
        fail('profile.version_conflict', { by: head.by, head: head.version, base: baseVersion }, { details: { headVersion: head.version, savedBy: head.by, savedAt: head.at, baseVersion } });
      }
      const before = this.version(id, row.head_version).document;
      const version = row.head_version + 1;
      this.insertVersion(id, version, document, note, by, at);
      this.db.prepare('UPDATE wall_profiles SET head_version = ?, name = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(version, document.name, at, by, id);
      this.audit.record({ ...author, action: 'profile.save', objectType: 'wall_profile', objectId: id, diff: { version, baseVersion, note, ...profileDiff(before, document) } });
      return { profile: this.get(id), version: { profileId: id, version, note, by, at }, created: false };
    })();
  }

  /**
   * Version N becomes the wall's profile. The audit row and the active mark are written
   * first; the wall state (its own nested transaction) last, so its listener (which sends
   * the new state to every wall) runs only once nothing else in the change can fail.
   */
  activate(id: string, version: number, author: ProfileAuthor): WallState {
    return this.db.transaction(() => {
      const chosen = this.version(id, version);
      const before = this.wall.get().profile;
      const at = this.stamp();
      this.setActive(id, version, author.actor.name, at);
      this.audit.record({
        ...author,
        action: 'profile.activate',
        objectType: 'wall_profile',
        objectId: id,
        diff: { version, from: before.id, ...profileDiff(before, chosen.document) },
      });
      const change: WallChange = { by: author.by, reason: `POST /api/v1/profiles/${id}/activate v${version}` };
      return this.wall.setProfile(chosen.document, change).state;
    })();
  }

  /** The active mark, when the wall still uses that version (a --profile at start may have replaced it). */
  private active(): ActiveRow | null {
    const row = this.db.prepare<[], ActiveRow>('SELECT profile_id, version, at, by FROM wall_profile_active WHERE id = 1').get();
    if (!row) return null;
    const stored = this.db.prepare<[string, number], { document: string }>('SELECT document FROM wall_profile_versions WHERE profile_id = ? AND version = ?').get(row.profile_id, row.version);
    return stored && canonical(JSON.parse(stored.document)) === canonical(this.wall.get().profile) ? row : null;
  }

  private setActive(id: string, version: number, by: string, at: string): void {
    this.db
      .prepare('INSERT INTO wall_profile_active (id, profile_id, version, at, by) VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET profile_id = excluded.profile_id, version = excluded.version, at = excluded.at, by = excluded.by')
      .run(id, version, at, by);
  }

  private insertVersion(id: string, version: number, document: WallProfile, note: string, by: string, at: string): void {
    this.db.prepare('INSERT INTO wall_profile_versions (profile_id, version, document, note, by, at) VALUES (?, ?, ?, ?, ?, ?)').run(id, version, JSON.stringify(document), note, by, at);
  }

  private find(id: string): ProfileRow | undefined {
    return this.db.prepare<[string], ProfileRow>('SELECT * FROM wall_profiles WHERE id = ?').get(id);
  }

  private row(id: string): ProfileRow {
    const row = this.find(id);
    if (!row) fail('profile.not_found', { id });
    return row;
  }

  private summary(row: ProfileRow, active: ActiveRow | null): ProfileSummary {
    const screens = this.db
      .prepare<[string, number], number>("SELECT json_array_length(document, '$.screens') FROM wall_profile_versions WHERE profile_id = ? AND version = ?")
      .pluck()
      .get(row.id, row.head_version);
    return {
      id: row.id,
      name: row.name,
      headVersion: row.head_version,
      screens: screens ?? 0,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
      activeVersion: active?.profile_id === row.id ? active.version : null,
    };
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }
}

/** A bounded diff for the audit log: screens added, removed, changed (ids, at most 64 each) and the name. */
export function profileDiff(before: WallProfile, after: WallProfile): Record<string, unknown> {
  const old = new Map(before.screens.map((s) => [s.id, canonical(s)]));
  const now = new Map(after.screens.map((s) => [s.id, canonical(s)]));
  const diff: Record<string, unknown> = {
    screensAdded: [...now.keys()].filter((id) => !old.has(id)),
    screensRemoved: [...old.keys()].filter((id) => !now.has(id)),
    screensChanged: [...now].filter(([id, s]) => old.has(id) && old.get(id) !== s).map(([id]) => id),
  };
  if (before.name !== after.name) diff.name = { from: before.name, to: after.name };
  if (before.viewingDistanceMm !== after.viewingDistanceMm) diff.viewingDistanceMm = { from: before.viewingDistanceMm, to: after.viewingDistanceMm };
  return diff;
}

const info = (row: Omit<VersionRow, 'document'>): ProfileVersionInfo => ({ profileId: row.profile_id, version: row.version, note: row.note, by: row.by, at: row.at });
