import type { ProfileSummary, ProfileVersionInfo } from '../../shared/api/profiles';
import type { WallState } from '../../shared/protocol/control';
import type { WallProfile } from '../../shared/wall/profile';
import { validateWallProfile } from '../../shared/wall/validate';
import type { AuditLog } from '../audit/log';
import { VersionedDocuments, type DocumentAuthor, type DocumentKind, type HeadRow } from '../db/versioned-documents';
import type { Db } from '../db/open';
import type { WallChange, WallStateStore } from './state';

export interface ProfileAuthor extends DocumentAuthor {
  /** How the wall state's record names them ("Nguyễn Văn A (van-a)", 'admin token "x"'). */
  by: string;
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

const PROFILES: DocumentKind<WallProfile> = {
  table: 'wall_profiles',
  versionsTable: 'wall_profile_versions',
  idColumn: 'profile_id',
  objectType: 'wall_profile',
  actions: { create: 'profile.create', save: 'profile.save' },
  codes: { notFound: 'profile.not_found', versionNotFound: 'profile.version_not_found', exists: 'profile.exists', conflict: 'profile.version_conflict', idMismatch: 'profile.id_mismatch' },
  parse(json) {
    const checked = validateWallProfile(json);
    return checked.ok ? { ok: true, value: checked.value } : { ok: false, message: `${checked.errors[0]?.path} ${checked.errors[0]?.message}` };
  },
  created: (document) => ({ screens: document.screens.length }),
  diff: (before, after) => profileDiff(before, after),
};

/**
 * Wall profiles with versions (migration 10; server/db/versioned-documents.ts, as
 * briefings): a version is never changed, a save carries the version it started from,
 * every change is one transaction with its audit row. Activating a version hands its
 * document to the wall state store, whose listener sends it to every /control socket: the
 * walls re-plan live.
 */
export class ProfileStore {
  private readonly documents: VersionedDocuments<WallProfile>;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly wall: WallStateStore,
    private readonly now: () => number,
  ) {
    this.documents = new VersionedDocuments(db, audit, now, PROFILES);
  }

  /**
   * At start: the profile the wall uses goes into the store when its id is not there yet
   * (a first start, a --profile of a new id), as version 1, active. The server's own
   * start-up: returned for the log, not audited.
   */
  seedFromWall(): string | null {
    const profile = this.wall.get().profile;
    return this.db.transaction(() => {
      if (this.documents.find(profile.id)) return null;
      const at = this.stamp();
      this.documents.insertFirst(profile, 'hồ sơ tường đang dùng khi máy chủ khởi động', 'server', at);
      this.setActive(profile.id, 1, 'server', at);
      return profile.id;
    })();
  }

  list(): { profiles: ProfileSummary[]; active: { profileId: string; version: number; at: string; by: string } | null } {
    const active = this.active();
    return {
      profiles: this.documents.all('id').map((r) => this.summary(r, active)),
      active: active ? { profileId: active.profile_id, version: active.version, at: active.at, by: active.by } : null,
    };
  }

  get(id: string): ProfileSummary {
    return this.summary(this.documents.row(id), this.active());
  }

  versions(id: string): ProfileVersionInfo[] {
    return this.documents.versions(id).map((v) => ({ profileId: id, ...v }));
  }

  version(id: string, version: number): StoredProfileVersion {
    return { profileId: id, ...this.documents.version(id, version) };
  }

  head(id: string): StoredProfileVersion {
    return { profileId: id, ...this.documents.head(id) };
  }

  /** A version path parameter: a positive integer, or the 404 of a version that does not exist. */
  versionParam(id: string, text: string): number {
    return this.documents.versionParam(id, text);
  }

  /**
   * A new version when the editor started from the head (`baseVersion`), or a new profile
   * (`baseVersion` null). Otherwise 409 with the head's version, author and time, and
   * nothing written. Saving does not change the wall: activating does.
   */
  save(id: string, baseVersion: number | null, document: WallProfile, note: string, author: ProfileAuthor): { profile: ProfileSummary; version: ProfileVersionInfo; created: boolean } {
    const saved = this.documents.save(id, baseVersion, document, note, author);
    return { profile: this.get(id), version: { profileId: id, ...saved.version }, created: saved.created };
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

  private summary(row: HeadRow, active: ActiveRow | null): ProfileSummary {
    return {
      id: row.id,
      name: row.name,
      headVersion: row.head_version,
      screens: this.documents.headCount(row, '$.screens'),
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
