import type { LayoutSummary, VersionInfo } from '../../shared/api/library';
import { canonical, diffLayouts, summariseDiff, type LayoutDiff } from '../../shared/layout/diff';
import { validateLayout } from '../../shared/layout/load';
import type { Layout, LocalizedText } from '../../shared/layout/schema';
import type { AuditActor, AuditLog, AuditOrigin } from '../audit/log';
import type { Db } from '../db/open';
import { fail } from '../http/reply';

/** Who asks for a change: the audit actor and origin, and the name rows keep. */
export interface Author {
  actor: AuditActor;
  origin: AuditOrigin;
}

interface LayoutRow {
  id: string;
  title: string;
  template: 0 | 1;
  head_version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  deleted_at: string | null;
  deleted_by: string | null;
}

interface VersionRow {
  layout_id: string;
  version: number;
  document: string;
  note: string;
  by: string;
  at: string;
}

export interface StoredVersion extends VersionInfo {
  document: Layout;
}

export interface Saved {
  layout: LayoutSummary;
  version: VersionInfo;
}

const ID_MAX = 64;
const COPY_VI = ' (bản sao)';
const COPY_EN = ' (copy)';

/**
 * The layout library (docs/console.md, "The layout library"): layouts with a stable id and
 * their versions, which are never changed (triggers in migration 7 refuse it). Every
 * change is one transaction with its audit row. The documents given here are already
 * validated layouts; stored ones are validated again when read (an older release's
 * options are migrated by the loader).
 */
export class LayoutLibrary {
  /** The version live on the wall, for summaries (set by the publisher). */
  liveOf: () => { layoutId: string; version: number | null } = () => ({ layoutId: '', version: null });

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => number,
  ) {}

  list(): LayoutSummary[] {
    const rows = this.db.prepare<[], LayoutRow>('SELECT * FROM layouts WHERE deleted_at IS NULL ORDER BY template DESC, id').all();
    return rows.map((r) => this.summary(r)).sort((a, b) => Number(b.template) - Number(a.template) || a.title.vi.localeCompare(b.title.vi, 'vi'));
  }

  bin(): LayoutSummary[] {
    return this.db
      .prepare<[], LayoutRow>('SELECT * FROM layouts WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id')
      .all()
      .map((r) => this.summary(r));
  }

  /** The layout (in the bin too), or a 404. */
  get(id: string): LayoutSummary {
    return this.summary(this.row(id));
  }

  find(id: string): LayoutSummary | null {
    const row = this.db.prepare<[string], LayoutRow>('SELECT * FROM layouts WHERE id = ?').get(id);
    return row ? this.summary(row) : null;
  }

  versions(id: string): VersionInfo[] {
    this.row(id);
    return this.db
      .prepare<[string], Omit<VersionRow, 'document'>>('SELECT layout_id, version, note, by, at FROM layout_versions WHERE layout_id = ? ORDER BY version DESC')
      .all(id)
      .map(info);
  }

  version(id: string, version: number): StoredVersion {
    this.row(id);
    const row = this.db.prepare<[string, number], VersionRow>('SELECT * FROM layout_versions WHERE layout_id = ? AND version = ?').get(id, version);
    if (!row) fail('layout.version_not_found', { id, version });
    const checked = validateLayout(JSON.parse(row.document));
    // Stored versions were valid when written; one a later release cannot read is a server fault, said plainly.
    if (!checked.ok) throw new Error(`stored layout ${id} version ${version} is no longer valid: ${checked.errors[0]?.path} ${checked.errors[0]?.message}`);
    return { ...info(row), document: checked.value };
  }

  head(id: string): StoredVersion {
    return this.version(id, this.row(id).head_version);
  }

  diff(id: string, from: number, to: number): LayoutDiff {
    return diffLayouts(this.version(id, from).document, this.version(id, to).document);
  }

  /** A new layout from a document whose id is free (409 layout.exists otherwise). */
  create(document: Layout, note: string, author: Author, action: 'layout.create' | 'layout.import' = 'layout.create', extra: Record<string, unknown> = {}): Saved {
    return this.db.transaction(() => {
      if (this.db.prepare('SELECT 1 FROM layouts WHERE id = ?').get(document.id)) fail('layout.exists', { id: document.id });
      const saved = this.insertLayout(document, note, author.actor.name, false);
      this.audit.record({ ...author, action, objectType: 'layout', objectId: document.id, diff: { version: 1, title: document.title, tiles: document.tiles.length, ...extra } });
      return saved;
    })();
  }

  /** An imported file: its id when free, else the first free `<id>-2`, `<id>-3` … */
  import(document: Layout, author: Author): Saved & { renamedFrom: string | null } {
    return this.db.transaction(() => {
      const id = this.freeId(document.id, '');
      const saved = this.create({ ...document, id }, 'nhập từ tệp', author, 'layout.import', id === document.id ? {} : { renamedFrom: document.id });
      return { ...saved, renamedFrom: id === document.id ? null : document.id };
    })();
  }

  /** A copy: a version of this layout (or the document given), a new id, title "… (bản sao)". */
  duplicate(id: string, options: { version?: number; document?: Layout; title?: LocalizedText; note?: string }, author: Author): Saved {
    return this.db.transaction(() => {
      const source = this.row(id);
      const from = options.document ?? this.version(id, options.version ?? source.head_version).document;
      const title = options.title ?? copyTitle(parseTitle(source.title));
      const newId = this.freeId(id, '-copy');
      const document: Layout = { ...from, id: newId, title };
      const fromVersion = options.document ? null : (options.version ?? source.head_version);
      const note = options.note ?? (fromVersion === null ? `bản sao của ${id} (bản chưa lưu)` : `bản sao của ${id} phiên bản ${fromVersion}`);
      const saved = this.insertLayout(document, note, author.actor.name, false);
      this.audit.record({ ...author, action: 'layout.duplicate', objectType: 'layout', objectId: newId, diff: { from: id, fromVersion, title } });
      return saved;
    })();
  }

  rename(id: string, title: LocalizedText, author: Author): LayoutSummary {
    return this.db.transaction(() => {
      const row = this.row(id);
      this.writable(row);
      const before = parseTitle(row.title);
      this.db
        .prepare('UPDATE layouts SET title = ?, updated_at = ?, updated_by = ? WHERE id = ?')
        .run(JSON.stringify(title), this.stamp(), author.actor.name, id);
      this.audit.record({ ...author, action: 'layout.rename', objectType: 'layout', objectId: id, diff: { title: { from: before, to: title } } });
      return this.get(id);
    })();
  }

  /** To the bin; `inUse` says why it may not go (the wall shows it, the schedule names it). */
  delete(id: string, author: Author, inUse: (id: string) => string | null): LayoutSummary {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (row.template) fail('layout.template_read_only', { id });
      if (row.deleted_at) fail('layout.in_bin', { id });
      const use = inUse(id);
      if (use) fail('layout.in_use', { id, use });
      this.db.prepare('UPDATE layouts SET deleted_at = ?, deleted_by = ? WHERE id = ?').run(this.stamp(), author.actor.name, id);
      this.audit.record({ ...author, action: 'layout.delete', objectType: 'layout', objectId: id, diff: { headVersion: row.head_version } });
      return this.get(id);
    })();
  }

  undelete(id: string, author: Author): LayoutSummary {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (!row.deleted_at) fail('layout.not_in_bin', { id });
      this.db.prepare('UPDATE layouts SET deleted_at = NULL, deleted_by = NULL WHERE id = ?').run(id);
      this.audit.record({ ...author, action: 'layout.restore', objectType: 'layout', objectId: id, diff: { from: 'bin', deletedAt: row.deleted_at } });
      return this.get(id);
    })();
  }

  /**
   * A new version, if the editor started from the head: otherwise 409
   * layout.version_conflict with the head's version, author and time, and nothing written.
   */
  save(id: string, baseVersion: number, document: Layout, note: string, author: Author): Saved {
    return this.db.transaction(() => {
      const row = this.row(id);
      this.writable(row);
      if (document.id !== id) fail('layout.id_mismatch', { id, documentId: document.id });
      this.checkBase(row, baseVersion);
      const before = this.version(id, row.head_version).document;
      const diff = diffLayouts(before, document);
      const saved = this.appendVersion(row, document, note, author.actor.name);
      this.audit.record({ ...author, action: 'layout.save', objectType: 'layout', objectId: id, diff: { version: saved.version.version, baseVersion, note, ...diff } });
      return saved;
    })();
  }

  /** A new version copying version N (note "khôi phục phiên bản N"). */
  restoreVersion(id: string, version: number, options: { baseVersion?: number; note?: string }, author: Author): Saved {
    return this.db.transaction(() => {
      const row = this.row(id);
      this.writable(row);
      if (options.baseVersion !== undefined) this.checkBase(row, options.baseVersion);
      const old = this.version(id, version).document;
      const before = this.version(id, row.head_version).document;
      const note = options.note ?? `khôi phục phiên bản ${version}`;
      const saved = this.appendVersion(row, { ...old, id }, note, author.actor.name);
      this.audit.record({ ...author, action: 'layout.restore', objectType: 'layout', objectId: id, diff: { restored: version, version: saved.version.version, ...diffLayouts(before, old) } });
      return saved;
    })();
  }

  /**
   * A document from a script or a file (PUT /api/v1/wall/layout): a new version of its
   * layout when it differs from the head, the layout created when unknown. Returns the
   * version that holds the document, or null when it cannot be stored: its layout is a
   * template it does not match, or in the bin (the caller then shows it unversioned).
   */
  saveFromOutside(document: Layout, author: Author, note: string): { version: number | null; created: boolean; saved: boolean } {
    return this.db.transaction(() => {
      const row = this.db.prepare<[string], LayoutRow>('SELECT * FROM layouts WHERE id = ?').get(document.id);
      if (!row) {
        this.create(document, note, author);
        return { version: 1, created: true, saved: true };
      }
      const head = this.version(row.id, row.head_version).document;
      if (canonical(head) === canonical(document)) return { version: row.head_version, created: false, saved: false };
      if (row.template || row.deleted_at) return { version: null, created: false, saved: false };
      const saved = this.save(row.id, row.head_version, document, note, author);
      return { version: saved.version.version, created: false, saved: true };
    })();
  }

  /**
   * The presets of layouts/ as read-only templates: each one not yet in the library is
   * added; a template whose file a release changed gets a new version. A preset whose id a
   * person's layout already has is left out (returned, for the log).
   */
  syncTemplates(presets: readonly Layout[]): { added: string[]; updated: string[]; clashes: string[] } {
    const out = { added: [] as string[], updated: [] as string[], clashes: [] as string[] };
    this.db.transaction(() => {
      for (const preset of presets) {
        const row = this.db.prepare<[string], LayoutRow>('SELECT * FROM layouts WHERE id = ?').get(preset.id);
        if (!row) {
          // The server's own start-up, not a change through the console or the API: logged by the caller, not audited.
          this.insertLayout(preset, `bố cục mẫu từ layouts/${preset.id}.json`, 'server', true);
          out.added.push(preset.id);
        } else if (!row.template) {
          out.clashes.push(preset.id);
        } else if (canonical(this.version(row.id, row.head_version).document) !== canonical(preset)) {
          const before = this.version(row.id, row.head_version).document;
          const saved = this.appendVersion(row, preset, `bố cục mẫu cập nhật từ layouts/${preset.id}.json`, 'server');
          this.db.prepare('UPDATE layouts SET title = ? WHERE id = ?').run(JSON.stringify(preset.title), row.id);
          out.updated.push(`${preset.id} v${saved.version.version} (${summariseDiff(diffLayouts(before, preset))})`);
        }
      }
    })();
    return out;
  }

  private checkBase(row: LayoutRow, baseVersion: number): void {
    if (row.head_version === baseVersion) return;
    const head = this.db.prepare<[string, number], VersionRow>('SELECT * FROM layout_versions WHERE layout_id = ? AND version = ?').get(row.id, row.head_version)!;
    fail('layout.version_conflict', { by: head.by, head: head.version, base: baseVersion }, { details: { headVersion: head.version, savedBy: head.by, savedAt: head.at, baseVersion } });
  }

  private writable(row: LayoutRow): void {
    if (row.template) fail('layout.template_read_only', { id: row.id });
    if (row.deleted_at) fail('layout.in_bin', { id: row.id });
  }

  private row(id: string): LayoutRow {
    const row = this.db.prepare<[string], LayoutRow>('SELECT * FROM layouts WHERE id = ?').get(id);
    if (!row) fail('layout.not_found', { id });
    return row;
  }

  private insertLayout(document: Layout, note: string, by: string, template: boolean): Saved {
    const at = this.stamp();
    this.db
      .prepare(
        `INSERT INTO layouts (id, title, template, head_version, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, 1, ?, ?, ?, ?)`,
      )
      .run(document.id, JSON.stringify(document.title), template ? 1 : 0, at, by, at, by);
    this.insertVersion(document.id, 1, document, note, by, at);
    return { layout: this.get(document.id), version: { layoutId: document.id, version: 1, note, by, at } };
  }

  private appendVersion(row: LayoutRow, document: Layout, note: string, by: string): Saved {
    const at = this.stamp();
    const version = row.head_version + 1;
    this.insertVersion(row.id, version, document, note, by, at);
    this.db.prepare('UPDATE layouts SET head_version = ?, title = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(version, JSON.stringify(document.title), at, by, row.id);
    return { layout: this.get(row.id), version: { layoutId: row.id, version, note, by, at } };
  }

  private insertVersion(id: string, version: number, document: Layout, note: string, by: string, at: string): void {
    this.db
      .prepare('INSERT INTO layout_versions (layout_id, version, document, note, by, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, version, JSON.stringify(document), note, by, at);
  }

  /** `base` if free, else base + suffix, then base + suffix + "-2", "-3" … within the id's 64 characters. */
  private freeId(base: string, suffix: string): string {
    const taken = (id: string) => this.db.prepare('SELECT 1 FROM layouts WHERE id = ?').get(id) !== undefined;
    const make = (n: number) => {
      const tail = `${suffix}${n > 1 ? `-${n}` : ''}`;
      return `${base.slice(0, ID_MAX - tail.length).replace(/-+$/, '')}${tail}`;
    };
    if (suffix === '' && !taken(base)) return base;
    for (let n = suffix === '' ? 2 : 1; n < 1000; n++) if (!taken(make(n))) return make(n);
    fail('layout.no_free_id', { id: base });
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }

  private summary(row: LayoutRow): LayoutSummary {
    const live = this.liveOf();
    return {
      id: row.id,
      title: parseTitle(row.title),
      template: row.template === 1,
      headVersion: row.head_version,
      createdAt: row.created_at,
      createdBy: row.created_by,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
      deletedAt: row.deleted_at,
      liveVersion: live.layoutId === row.id ? live.version : null,
    };
  }
}

const info = (row: Omit<VersionRow, 'document'>): VersionInfo => ({ layoutId: row.layout_id, version: row.version, note: row.note, by: row.by, at: row.at });
const parseTitle = (text: string): LocalizedText => JSON.parse(text) as LocalizedText;

/** "… (bản sao)" in both languages, within the title's 200 characters. */
export function copyTitle(title: LocalizedText): LocalizedText {
  const add = (text: string, tail: string) => `${text.slice(0, 200 - tail.length)}${tail}`;
  return { vi: add(title.vi, COPY_VI), ...(title.en ? { en: add(title.en, COPY_EN) } : {}) };
}
