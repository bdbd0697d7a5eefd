import type { BriefingSummary, BriefingVersionInfo } from '../../shared/api/briefings';
import { briefingSchema, type Briefing } from '../../shared/briefing/schema';
import { fieldError, type FieldError } from '../../shared/errors';
import type { AuditLog } from '../audit/log';
import { VersionedDocuments, type DocumentAuthor, type DocumentKind, type HeadRow } from '../db/versioned-documents';
import type { Db } from '../db/open';
import { fail } from '../http/reply';
import type { LayoutLibrary } from '../library/store';

export type BriefingAuthor = DocumentAuthor;

export interface StoredBriefingVersion extends BriefingVersionInfo {
  document: Briefing;
}

const BRIEFINGS: DocumentKind<Briefing> = {
  table: 'briefings',
  versionsTable: 'briefing_versions',
  idColumn: 'briefing_id',
  objectType: 'briefing',
  actions: { create: 'briefing.create', save: 'briefing.save' },
  codes: { notFound: 'briefing.not_found', versionNotFound: 'briefing.version_not_found', exists: 'briefing.exists', conflict: 'briefing.version_conflict', idMismatch: 'briefing.id_mismatch' },
  parse(json) {
    const parsed = briefingSchema.safeParse(json);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? 'invalid' };
  },
  created: (document) => ({ scenes: document.scenes.map((s) => s.id) }),
  diff: (before, after) => briefingDiff(before, after),
};

/**
 * Briefings with versions (migration 12; server/db/versioned-documents.ts, as wall
 * profiles): a version is never changed, a save carries the version it started from, every
 * change is one transaction with its audit row. A save is refused whole when a scene names
 * a layout version that does not exist, or a tile its layout does not have.
 */
export class BriefingStore {
  readonly documents: VersionedDocuments<Briefing>;

  constructor(
    db: Db,
    audit: AuditLog,
    private readonly library: LayoutLibrary,
    now: () => number,
  ) {
    this.documents = new VersionedDocuments(db, audit, now, BRIEFINGS);
  }

  list(): BriefingSummary[] {
    return this.documents.all('name').map((r) => this.summary(r));
  }

  get(id: string): BriefingSummary {
    return this.summary(this.documents.row(id));
  }

  versions(id: string): BriefingVersionInfo[] {
    return this.documents.versions(id).map((v) => ({ briefingId: id, ...v }));
  }

  version(id: string, version: number): StoredBriefingVersion {
    return { briefingId: id, ...this.documents.version(id, version) };
  }

  head(id: string): StoredBriefingVersion {
    return { briefingId: id, ...this.documents.head(id) };
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

  /** A new version (or a new briefing), refused whole when a scene names what the library lacks; 409 on a stale base. */
  save(id: string, baseVersion: number | null, document: Briefing, note: string, author: BriefingAuthor): { briefing: BriefingSummary; version: BriefingVersionInfo; created: boolean } {
    const errors = this.referenceErrors(document);
    if (errors.length > 0) fail('briefing.invalid', { count: errors.length }, { errors, total: errors.length });
    const saved = this.documents.save(id, baseVersion, document, note, author);
    return { briefing: this.get(id), version: { briefingId: id, ...saved.version }, created: saved.created };
  }

  private findLayoutVersion(layoutId: string, version: number): { tiles: ReadonlyArray<{ id: string }> } | null {
    if (!this.library.find(layoutId)) return null;
    try {
      return this.library.version(layoutId, version).document;
    } catch {
      return null;
    }
  }

  private summary(row: HeadRow): BriefingSummary {
    return { id: row.id, name: row.name, headVersion: row.head_version, scenes: this.documents.headCount(row, '$.scenes'), updatedAt: row.updated_at, updatedBy: row.updated_by };
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
