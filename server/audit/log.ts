import type { Db } from '../db/open';

/**
 * Who made a change. A person signs in to the console; a token is a wall, an agency's
 * system or a script; 'server' is the process itself (a start-up default, a schedule slot).
 */
export interface AuditActor {
  kind: 'person' | 'token' | 'server';
  /** users.id or tokens.id; null for the server. */
  id: number | null;
  /** The display name or token label at the time of the change (kept if renamed later). */
  name: string;
}

/** Where the request came from; null for changes the server makes on its own. */
export interface AuditOrigin {
  address: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  origin: AuditOrigin;
  /** `<object>.<verb>`: 'layout.save', 'layout.publish', 'user.create', 'session.login_failed' … */
  action: string;
  objectType: string;
  objectId: string | null;
  /** What changed, as JSON: bounded (see AUDIT_DIFF_MAX_BYTES), never the secret itself. */
  diff?: unknown;
}

export interface AuditRow extends AuditEntry {
  id: number;
  at: string;
}

export interface AuditFilter {
  /** An actor's name, as shown in the console (exact). */
  actor?: string;
  objectType?: string;
  objectId?: string;
  /** One action, or every action starting with it when it ends with a dot ("layout."). */
  action?: string;
  /** ISO 8601 bounds, inclusive since, exclusive until. */
  since?: string;
  until?: string;
  /** Paging: rows older than this id (newest first). */
  before?: number;
  limit?: number;
}

export const AUDIT_ACTION_PATTERN = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
/** A diff larger than this is replaced by its size and its top-level keys: the log stays small and fast to page. */
export const AUDIT_DIFF_MAX_BYTES = 16 * 1024;
export const AUDIT_PAGE_MAX = 200;
/** Actor names and user agents are copied in, trimmed to this length. */
const TEXT_MAX = 300;

interface Row {
  id: number;
  at: string;
  actor_kind: AuditActor['kind'];
  actor_id: number | null;
  actor_name: string;
  address: string | null;
  user_agent: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  diff: string | null;
}

export const SERVER_ACTOR: AuditActor = { kind: 'server', id: null, name: 'server' };
export const NO_ORIGIN: AuditOrigin = { address: null, userAgent: null };

/**
 * The record of every accepted change. `record` is synchronous so that callers write it
 * inside the transaction of the change itself (better-sqlite3 transactions nest as
 * savepoints): a change without its row, or a row without its change, cannot happen.
 */
export class AuditLog {
  private readonly insertStmt;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.insertStmt = db.prepare(
      `INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, address, user_agent, action, object_type, object_id, diff)
       VALUES (@at, @actor_kind, @actor_id, @actor_name, @address, @user_agent, @action, @object_type, @object_id, @diff)`,
    );
  }

  record(entry: AuditEntry): number {
    if (!AUDIT_ACTION_PATTERN.test(entry.action)) throw new Error(`audit action "${entry.action}" is not <object>.<verb>`);
    const result = this.insertStmt.run({
      at: new Date(this.now()).toISOString(),
      actor_kind: entry.actor.kind,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name.slice(0, TEXT_MAX),
      address: entry.origin.address?.slice(0, TEXT_MAX) ?? null,
      user_agent: entry.origin.userAgent?.slice(0, TEXT_MAX) ?? null,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId,
      diff: entry.diff === undefined ? null : boundedDiff(entry.diff),
    });
    return Number(result.lastInsertRowid);
  }

  /** Newest first; `next` is the `before` of the following page, null on the last one. */
  list(filter: AuditFilter = {}): { rows: AuditRow[]; next: number | null } {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    const bounds: Array<[keyof AuditFilter, string, string | number | undefined]> = [
      ['actor', 'actor_name = @actor', filter.actor],
      ['objectType', 'object_type = @objectType', filter.objectType],
      ['objectId', 'object_id = @objectId', filter.objectId],
      // "layout." is a prefix: every action of that object. The pattern allows no % but does allow _, a LIKE wildcard: escaped.
      filter.action?.endsWith('.')
        ? ['action', "action LIKE @action ESCAPE '\\'", `${filter.action.replace(/_/g, '\\_')}%`]
        : ['action', 'action = @action', filter.action],
      ['since', 'at >= @since', filter.since === undefined ? undefined : canonicalInstant(filter.since)],
      ['until', 'at < @until', filter.until === undefined ? undefined : canonicalInstant(filter.until)],
      ['before', 'id < @before', filter.before],
    ];
    for (const [name, clause, value] of bounds) {
      if (value === undefined) continue;
      where.push(clause);
      params[name] = value;
    }
    const limit = Math.max(1, Math.min(AUDIT_PAGE_MAX, filter.limit ?? 50));
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit + 1}`;
    const found = this.db.prepare<Record<string, string | number>, Row>(sql).all(params);
    const rows = found.slice(0, limit).map(toAuditRow);
    return { rows, next: found.length > limit ? rows[rows.length - 1]!.id : null };
  }
}

/**
 * Rows store toISOString() (milliseconds, Z); a bound written '…T00:03:00Z' or with an offset
 * must compare as the same instant, not as text ('.' sorts before 'Z').
 */
function canonicalInstant(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`"${value}" is not an ISO 8601 instant`);
  return new Date(ms).toISOString();
}

/** The diff as stored: its JSON when small enough, else a summary that says so. */
export function boundedDiff(diff: unknown): string {
  const json = JSON.stringify(diff) ?? 'null';
  if (Buffer.byteLength(json, 'utf8') <= AUDIT_DIFF_MAX_BYTES) return json;
  const keys = diff !== null && typeof diff === 'object' ? Object.keys(diff).slice(0, 50) : [];
  return JSON.stringify({ truncated: true, bytes: Buffer.byteLength(json, 'utf8'), keys });
}

function toAuditRow(row: Row): AuditRow {
  return {
    id: row.id,
    at: row.at,
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    origin: { address: row.address, userAgent: row.user_agent },
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    ...(row.diff === null ? {} : { diff: JSON.parse(row.diff) as unknown }),
  };
}
