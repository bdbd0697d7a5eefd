import { createHash, randomBytes } from 'node:crypto';
import type { AuditOrigin } from '../audit/log';
import type { Db } from '../db/open';

/**
 * Sessions of people. The cookie holds 32 random bytes (base64url); only their SHA-256 is
 * stored, so a copy of the database cannot be replayed as a login. Each session has a CSRF
 * token (sent back by the console as X-CSRF-Token), a sliding idle expiry and an absolute
 * one. Revoked and expired rows are kept for a while (who was signed in when), then pruned.
 */
export interface SessionOptions {
  /** Without a request for this long, the session ends (sliding). */
  idleMs: number;
  /** The session ends this long after login whatever the activity. */
  absoluteMs: number;
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };
/** A busy console asks many times a second: the idle expiry is moved at most this often. */
const TOUCH_EVERY_MS = 5_000;
/** Ended sessions are deleted after this long. */
const KEEP_ENDED_MS = 30 * 24 * 3_600_000;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export interface SessionRow {
  id: number;
  userId: number;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
}

interface Row {
  id: number;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
  revoked_at: string | null;
}

export type RevokeReason = 'logout' | 'disabled' | 'password' | 'expired';

const iso = (ms: number) => new Date(ms).toISOString();
export const hashSessionId = (id: string) => createHash('sha256').update(id, 'utf8').digest('hex');

export class SessionStore {
  private readonly insertStmt;
  private readonly byHashStmt;
  private readonly byIdStmt;
  private readonly touchStmt;
  private readonly revokeStmt;
  private readonly revokeUserStmt;
  private readonly pruneStmt;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    readonly options: SessionOptions = DEFAULT_SESSION_OPTIONS,
  ) {
    if (!(options.idleMs > 0) || !(options.absoluteMs >= options.idleMs)) throw new Error('sessions: idle > 0 and absolute >= idle');
    this.insertStmt = db.prepare(
      `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, idle_expires_at, absolute_expires_at, address, user_agent)
       VALUES (@hash, @user, @csrf, @now, @now, @idle, @absolute, @address, @agent)`,
    );
    this.byHashStmt = db.prepare<[string], Row>('SELECT * FROM sessions WHERE id_hash = ?');
    this.byIdStmt = db.prepare<[number], Row>('SELECT * FROM sessions WHERE id = ?');
    this.touchStmt = db.prepare<[string, string, number]>('UPDATE sessions SET last_seen_at = ?, idle_expires_at = ? WHERE id = ?');
    this.revokeStmt = db.prepare<[string, string, number]>('UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL');
    this.revokeUserStmt = db.prepare<[number], { id: number }>('SELECT id FROM sessions WHERE user_id = ? AND revoked_at IS NULL');
    this.pruneStmt = db.prepare<[string, string]>('DELETE FROM sessions WHERE (revoked_at IS NOT NULL AND revoked_at < ?) OR absolute_expires_at < ?');
  }

  /** A new session; `id` goes in the cookie and is never stored. Call inside the login's transaction. */
  create(userId: number, origin: AuditOrigin): { id: string; session: SessionRow } {
    const t = this.now();
    const id = randomBytes(32).toString('base64url');
    const absolute = t + this.options.absoluteMs;
    const idle = Math.min(absolute, t + this.options.idleMs);
    const result = this.insertStmt.run({
      hash: hashSessionId(id),
      user: userId,
      csrf: randomBytes(32).toString('base64url'),
      now: iso(t),
      idle: iso(idle),
      absolute: iso(absolute),
      address: origin.address?.slice(0, 300) ?? null,
      agent: origin.userAgent?.slice(0, 300) ?? null,
    });
    this.pruneStmt.run(iso(t - KEEP_ENDED_MS), iso(t - KEEP_ENDED_MS));
    return { id, session: toSession(this.byHashStmt.get(hashSessionId(id))!, Number(result.lastInsertRowid)) };
  }

  /**
   * The live session of a cookie value, its idle expiry moved on; 'ended' when it existed
   * but expired or was revoked (the caller says "sign in again"), null when unknown.
   */
  resolve(cookieValue: string): SessionRow | 'ended' | null {
    if (!SESSION_ID.test(cookieValue)) return null;
    const row = this.byHashStmt.get(hashSessionId(cookieValue));
    if (!row) return null;
    if (row.revoked_at !== null) return 'ended';
    const t = this.now();
    const session = toSession(row, row.id);
    if (t >= session.idleExpiresAt || t >= session.absoluteExpiresAt) {
      this.revokeStmt.run(iso(t), 'expired', row.id);
      return 'ended';
    }
    if (t - session.lastSeenAt >= TOUCH_EVERY_MS) {
      session.lastSeenAt = t;
      session.idleExpiresAt = Math.min(session.absoluteExpiresAt, t + this.options.idleMs);
      this.touchStmt.run(iso(t), iso(session.idleExpiresAt), row.id);
    }
    return session;
  }

  /** Whether a session is neither revoked nor expired (its sockets are swept when not); does not move its expiry. */
  isLive(sessionId: number): boolean {
    const row = this.byIdStmt.get(sessionId);
    if (!row || row.revoked_at !== null) return false;
    const t = this.now();
    return t < Date.parse(row.idle_expires_at) && t < Date.parse(row.absolute_expires_at);
  }

  revoke(sessionId: number, reason: RevokeReason): boolean {
    return this.revokeStmt.run(iso(this.now()), reason, sessionId).changes > 0;
  }

  /** Ends every live session of a user (but `except`, the one changing its own password); returns the ids ended. */
  revokeUser(userId: number, reason: RevokeReason, except?: number): number[] {
    const ids = this.revokeUserStmt.all(userId).map((r) => r.id).filter((id) => id !== except);
    return this.db.transaction(() => ids.filter((id) => this.revoke(id, reason)))();
  }
}

function toSession(row: Row, id: number): SessionRow {
  return {
    id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: Date.parse(row.created_at),
    lastSeenAt: Date.parse(row.last_seen_at),
    idleExpiresAt: Date.parse(row.idle_expires_at),
    absoluteExpiresAt: Date.parse(row.absolute_expires_at),
  };
}
