import { z } from 'zod';
import type { ErrorCode } from '../../shared/errors';
import type { AuditActor, AuditLog, AuditOrigin } from '../audit/log';
import { fail } from '../http/reply';
import type { Db } from './open';

/**
 * Documents kept with versions, each version never changed (the tables' triggers): wall
 * profiles (migration 10) and briefings (migration 12). One head row per document (name,
 * head version, who created and last saved it), one row per version (the JSON, a note, who,
 * when). A save carries the version its editor started from: a stale one is refused with a
 * 409 naming who saved since, and nothing is written. Every change is one transaction with
 * its audit row. The layout library has the same shape plus a bin and templates
 * (server/library/store.ts).
 */

/** The body of a save route: the version the editor started from (null: a new document), a note, the document. */
export const saveEnvelopeSchema = z
  .object({ baseVersion: z.number().int().min(1).nullable(), note: z.string().trim().max(500).optional(), document: z.unknown() })
  .strict();

export interface DocumentAuthor {
  actor: AuditActor;
  origin: AuditOrigin;
}

export interface HeadRow {
  id: string;
  name: string;
  head_version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** A version without its document. */
export interface VersionMeta {
  version: number;
  note: string;
  by: string;
  at: string;
}

export interface StoredVersion<D> extends VersionMeta {
  document: D;
}

/** What differs between two kinds of document; the tables' and codes' names are constants of the code, never input. */
export interface DocumentKind<D extends { id: string; name: string }> {
  table: string;
  versionsTable: string;
  /** The versions table's column naming the document. */
  idColumn: string;
  /** Audit: object type and actions. */
  objectType: string;
  actions: { create: string; save: string };
  codes: {
    notFound: Extract<ErrorCode, `${string}.not_found`>;
    versionNotFound: Extract<ErrorCode, `${string}.version_not_found`>;
    exists: Extract<ErrorCode, `${string}.exists`>;
    conflict: Extract<ErrorCode, `${string}.version_conflict`>;
    idMismatch: Extract<ErrorCode, `${string}.id_mismatch`>;
  };
  /** Reads a stored document back; a message when a later release can no longer read it. */
  parse(json: unknown): { ok: true; value: D } | { ok: false; message: string };
  /** What the audit row of a new document says beyond its version, name and note. */
  created(document: D): Record<string, unknown>;
  /** A bounded diff for the audit row of a new version. */
  diff(before: D, after: D): Record<string, unknown>;
}

type Codes = DocumentKind<{ id: string; name: string }>['codes'];
// The catalogue's entries of these five shapes take the same parameters whatever the kind.
type FailWith = (code: Codes[keyof Codes], params: Record<string, string | number>, options?: { details?: Record<string, unknown> }) => never;
// Annotated, so that the compiler knows a call never returns.
const failWith: FailWith = fail as FailWith;

export class VersionedDocuments<D extends { id: string; name: string }> {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => number,
    private readonly kind: DocumentKind<D>,
  ) {}

  find(id: string): HeadRow | undefined {
    return this.db.prepare<[string], HeadRow>(`SELECT * FROM ${this.kind.table} WHERE id = ?`).get(id);
  }

  row(id: string): HeadRow {
    return this.find(id) ?? failWith(this.kind.codes.notFound, { id });
  }

  all(orderBy: 'id' | 'name'): HeadRow[] {
    return this.db.prepare<[], HeadRow>(`SELECT * FROM ${this.kind.table} ORDER BY ${orderBy === 'name' ? 'name, id' : 'id'}`).all();
  }

  versions(id: string): VersionMeta[] {
    this.row(id);
    return this.db
      .prepare<[string], VersionMeta>(`SELECT version, note, by, at FROM ${this.kind.versionsTable} WHERE ${this.kind.idColumn} = ? ORDER BY version DESC`)
      .all(id);
  }

  version(id: string, version: number): StoredVersion<D> {
    this.row(id);
    const row = this.db
      .prepare<[string, number], VersionMeta & { document: string }>(`SELECT version, note, by, at, document FROM ${this.kind.versionsTable} WHERE ${this.kind.idColumn} = ? AND version = ?`)
      .get(id, version);
    if (!row) failWith(this.kind.codes.versionNotFound, { id, version });
    const parsed = this.kind.parse(JSON.parse(row.document));
    // Valid when written: one a later release cannot read is a server fault, said plainly.
    if (!parsed.ok) throw new Error(`stored ${this.kind.objectType} ${id} version ${version} is no longer valid: ${parsed.message}`);
    return { version: row.version, note: row.note, by: row.by, at: row.at, document: parsed.value };
  }

  head(id: string): StoredVersion<D> {
    return this.version(id, this.row(id).head_version);
  }

  /** A version path parameter: a positive integer, or the 404 of a version that does not exist. */
  versionParam(id: string, text: string): number {
    const n = /^[1-9]\d{0,9}$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n)) failWith(this.kind.codes.versionNotFound, { id, version: text });
    return n;
  }

  /** The JSON length of an array in the head version (a profile's screens, a briefing's scenes), for summaries. */
  headCount(row: HeadRow, arrayPath: string): number {
    return (
      this.db
        .prepare<[string, string, number], number>(`SELECT json_array_length(document, ?) FROM ${this.kind.versionsTable} WHERE ${this.kind.idColumn} = ? AND version = ?`)
        .pluck()
        .get(arrayPath, row.id, row.head_version) ?? 0
    );
  }

  /**
   * Version 1 of a new document, not audited: for the server's own start-up (a profile the
   * wall already uses). Call inside a transaction of the caller's when more goes with it.
   */
  insertFirst(document: D, note: string, by: string, at: string): void {
    this.db
      .prepare(`INSERT INTO ${this.kind.table} (id, name, head_version, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 1, ?, ?, ?, ?)`)
      .run(document.id, document.name, at, by, at, by);
    this.insertVersion(document.id, 1, document, note, by, at);
  }

  /**
   * A new version when the editor started from the head (`baseVersion`), or a new document
   * (`baseVersion` null). Otherwise 409 with the head's version, author and time, and
   * nothing written.
   */
  save(id: string, baseVersion: number | null, document: D, note: string, author: DocumentAuthor): { version: VersionMeta; created: boolean } {
    if (document.id !== id) failWith(this.kind.codes.idMismatch, { id, documentId: document.id });
    return this.db.transaction(() => {
      const row = this.find(id);
      const at = new Date(this.now()).toISOString();
      const by = author.actor.name;
      const audited = { ...author, objectType: this.kind.objectType, objectId: id };
      if (baseVersion === null) {
        if (row) failWith(this.kind.codes.exists, { id });
        this.insertFirst(document, note, by, at);
        this.audit.record({ ...audited, action: this.kind.actions.create, diff: { version: 1, name: document.name, ...this.kind.created(document), note } });
        return { version: { version: 1, note, by, at }, created: true };
      }
      if (!row) failWith(this.kind.codes.notFound, { id });
      if (row.head_version !== baseVersion) {
        const head = this.version(id, row.head_version);
        failWith(this.kind.codes.conflict, { by: head.by, head: head.version, base: baseVersion }, { details: { headVersion: head.version, savedBy: head.by, savedAt: head.at, baseVersion } });
      }
      const before = this.version(id, row.head_version).document;
      const version = row.head_version + 1;
      this.insertVersion(id, version, document, note, by, at);
      this.db.prepare(`UPDATE ${this.kind.table} SET head_version = ?, name = ?, updated_at = ?, updated_by = ? WHERE id = ?`).run(version, document.name, at, by, id);
      this.audit.record({ ...audited, action: this.kind.actions.save, diff: { version, baseVersion, note, ...this.kind.diff(before, document) } });
      return { version: { version, note, by, at }, created: false };
    })();
  }

  private insertVersion(id: string, version: number, document: D, note: string, by: string, at: string): void {
    this.db
      .prepare(`INSERT INTO ${this.kind.versionsTable} (${this.kind.idColumn}, version, document, note, by, at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(id, version, JSON.stringify(document), note, by, at);
  }
}
