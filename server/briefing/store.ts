import type { BriefingSummary, BriefingVersionInfo } from '../../shared/api/briefings';
import { briefingSchema, type Briefing } from '../../shared/briefing/schema';
import { fieldError, type FieldError } from '../../shared/errors';
import type { AuditActor, AuditLog, AuditOrigin } from '../audit/log';
import type { Db } from '../db/open';
import { fail } from '../http/reply';
import type { LayoutLibrary } from '../library/store';

export interface BriefingAuthor {
  actor: AuditActor;
  origin: AuditOrigin;
}

interface BriefingRow {
  id: string;
  name: string;
  head_version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

interface VersionRow {
  briefing_id: string;
  version: number;
  document: string;
  note: string;
  by: string;
  at: string;
}

export interface StoredBriefingVersion extends BriefingVersionInfo {
  document: Briefing;
}

/**
 * Briefings with versions (migration 12), like the layout library and wall profiles: a
 * version is never changed (triggers), a save carries the version it started from, every
 * change is one transaction with its audit row. A save is refused whole when a scene names
 * a layout version that does not exist, or a tile its layout does not have.
 */
export class BriefingStore {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly library: LayoutLibrary,
    private readonly now: () => number,
  ) {}

  list(): BriefingSummary[] {
    return this.db.prepare<[], BriefingRow>('SELECT * FROM briefings ORDER BY name, id').all().map((r) => this.summary(r));
  }

  get(id: string): BriefingSummary {
    return this.summary(this.row(id));
  }

  versions(id: string): BriefingVersionInfo[] {
    this.row(id);
    return this.db
      .prepare<[string], Omit<VersionRow, 'document'>>('SELECT briefing_id, version, note, by, at FROM briefing_versions WHERE briefing_id = ? ORDER BY version DESC')
      .all(id)
      .map(info);
  }

  version(id: string, version: number): StoredBriefingVersion {
    this.row(id);
    const row = this.db.prepare<[string, number], VersionRow>('SELECT * FROM briefing_versions WHERE briefing_id = ? AND version = ?').get(id, version);
    if (!row) fail('briefing.version_not_found', { id, version });
    const parsed = briefingSchema.safeParse(JSON.parse(row.document));
    // Valid when written: one a later release cannot read is a server fault, said plainly.
    if (!parsed.success) throw new Error(`stored briefing ${id} version ${version} is no longer valid: ${parsed.error.issues[0]?.message}`);
    return { ...info(row), document: parsed.data };
  }

  head(id: string): StoredBriefingVersion {
    return this.version(id, this.row(id).head_version);
  }

  /** The faults of scenes against the library: a missing layout version, a tile to enlarge that its layout lacks. */
  referenceErrors(document: Briefing): FieldError[] {
    const errors: FieldError[] = [];
    document.scenes.forEach((scene, i) => {
      if (errors.length >= 100) return;
      const path = `$.document.scenes[${i}]`;
      const found = this.findLayoutVersion(scene.layoutId, scene.layoutVersion);
      if (!found) {
        errors.push(fieldError(`${path}.layoutVersion`, 'briefing.scene_layout_missing', { scene: i + 1, layout: scene.layoutId, version: scene.layoutVersion }));
        return;
      }
      if (scene.focus.kind === 'tile' && !found.tiles.some((t) => t.id === (scene.focus as { tileId: string }).tileId)) {
        errors.push(fieldError(`${path}.focus.tileId`, 'briefing.scene_tile_missing', { scene: i + 1, layout: scene.layoutId, tile: scene.focus.tileId }));
      }
    });
    return errors;
  }

  /**
   * A new version when the editor started from the head (`baseVersion`), or a new
   * briefing (`baseVersion` null). Otherwise 409 with the head's version, author and time,
   * and nothing written.
   */
  save(id: string, baseVersion: number | null, document: Briefing, note: string, author: BriefingAuthor): { briefing: BriefingSummary; version: BriefingVersionInfo; created: boolean } {
    if (document.id !== id) fail('briefing.id_mismatch', { id, documentId: document.id });
    const errors = this.referenceErrors(document);
    if (errors.length > 0) fail('briefing.invalid', { count: errors.length }, { errors, total: errors.length });
    return this.db.transaction(() => {
      const row = this.find(id);
      const at = this.stamp();
      const by = author.actor.name;
      if (baseVersion === null) {
        if (row) fail('briefing.exists', { id });
        this.db.prepare('INSERT INTO briefings (id, name, head_version, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 1, ?, ?, ?, ?)').run(id, document.name, at, by, at, by);
        this.insertVersion(id, 1, document, note, by, at);
        this.audit.record({ ...author, action: 'briefing.create', objectType: 'briefing', objectId: id, diff: { version: 1, name: document.name, scenes: document.scenes.map((s) => s.id), note } });
        return { briefing: this.get(id), version: { briefingId: id, version: 1, note, by, at }, created: true };
      }
      if (!row) fail('briefing.not_found', { id });
      if (row.head_version !== baseVersion) {
        const head = this.db.prepare<[string, number], VersionRow>('SELECT * FROM briefing_versions WHERE briefing_id = ? AND version = ?').get(id, row.head_version)!;
        fail('briefing.version_conflict', { by: head.by, head: head.version, base: baseVersion }, { details: { headVersion: head.version, savedBy: head.by, savedAt: head.at, baseVersion } });
      }
      const before = this.version(id, row.head_version).document;
      const version = row.head_version + 1;
      this.insertVersion(id, version, document, note, by, at);
      this.db.prepare('UPDATE briefings SET head_version = ?, name = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(version, document.name, at, by, id);
      this.audit.record({ ...author, action: 'briefing.save', objectType: 'briefing', objectId: id, diff: { version, baseVersion, note, ...briefingDiff(before, document) } });
      return { briefing: this.get(id), version: { briefingId: id, version, note, by, at }, created: false };
    })();
  }

  private findLayoutVersion(layoutId: string, version: number): { tiles: ReadonlyArray<{ id: string }> } | null {
    if (!this.library.find(layoutId)) return null;
    try {
      return this.library.version(layoutId, version).document;
    } catch {
      return null;
    }
  }

  private insertVersion(id: string, version: number, document: Briefing, note: string, by: string, at: string): void {
    this.db.prepare('INSERT INTO briefing_versions (briefing_id, version, document, note, by, at) VALUES (?, ?, ?, ?, ?, ?)').run(id, version, JSON.stringify(document), note, by, at);
  }

  private find(id: string): BriefingRow | undefined {
    return this.db.prepare<[string], BriefingRow>('SELECT * FROM briefings WHERE id = ?').get(id);
  }

  private row(id: string): BriefingRow {
    const row = this.find(id);
    if (!row) fail('briefing.not_found', { id });
    return row;
  }

  private summary(row: BriefingRow): BriefingSummary {
    const scenes = this.db
      .prepare<[string, number], number>("SELECT json_array_length(document, '$.scenes') FROM briefing_versions WHERE briefing_id = ? AND version = ?")
      .pluck()
      .get(row.id, row.head_version);
    return { id: row.id, name: row.name, headVersion: row.head_version, scenes: scenes ?? 0, updatedAt: row.updated_at, updatedBy: row.updated_by };
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }
}

/** A bounded diff for the audit log: the scene order before and after (ids, at most 60 each) and the name. */
export function briefingDiff(before: Briefing, after: Briefing): Record<string, unknown> {
  const diff: Record<string, unknown> = { scenes: { from: before.scenes.map((s) => s.id), to: after.scenes.map((s) => s.id) } };
  const old = new Map(before.scenes.map((s) => [s.id, JSON.stringify(s)]));
  diff.scenesChanged = after.scenes.filter((s) => old.has(s.id) && old.get(s.id) !== JSON.stringify(s)).map((s) => s.id);
  if (before.name !== after.name) diff.name = { from: before.name, to: after.name };
  return diff;
}

const info = (row: Omit<VersionRow, 'document'>): BriefingVersionInfo => ({ briefingId: row.briefing_id, version: row.version, note: row.note, by: row.by, at: row.at });
