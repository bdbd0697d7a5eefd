import type { UserInfo } from '../../shared/api/session';
import type { PersonRole } from '../../shared/protocol/roles';
import type { AuditActor, AuditLog, AuditOrigin } from '../audit/log';
import type { Db } from '../db/open';
import { fail } from '../http/reply';

/**
 * Console accounts. Every accepted change writes its audit row in the same transaction
 * (`by` says who and from where). Hashing is the caller's (async, outside the
 * transaction): this store only keeps the hash.
 */
export interface ChangeBy {
  actor: AuditActor;
  origin: AuditOrigin;
}

export interface UserRecord extends UserInfo {
  passwordHash: string;
  failedLogins: number;
}

export interface LockoutOptions {
  /** Wrong passwords in a row that lock the account. */
  attempts: number;
  /** How long it stays locked. */
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutOptions = { attempts: 5, lockMs: 15 * 60_000 };

interface Row {
  id: number;
  username: string;
  display_name: string;
  roles: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  failed_logins: number;
  locked_until: string | null;
}

export interface UserPatch {
  displayName?: string;
  roles?: PersonRole[];
  disabled?: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class UserStore {
  private readonly byNameStmt;
  private readonly byIdStmt;
  private readonly listStmt;
  private readonly countStmt;
  private readonly insertStmt;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => number,
  ) {
    this.byNameStmt = db.prepare<[string], Row>('SELECT * FROM users WHERE username = ?');
    this.byIdStmt = db.prepare<[number], Row>('SELECT * FROM users WHERE id = ?');
    this.listStmt = db.prepare<[], Row>('SELECT * FROM users ORDER BY username');
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
    this.insertStmt = db.prepare(
      `INSERT INTO users (username, display_name, roles, password_hash, created_at, updated_at)
       VALUES (@username, @displayName, @roles, @hash, @now, @now)`,
    );
  }

  count(): number {
    return this.countStmt.get()!.n;
  }

  byUsername(username: string): UserRecord | null {
    const row = this.byNameStmt.get(username.trim().toLowerCase());
    return row ? toRecord(row, this.now()) : null;
  }

  get(id: number): UserRecord | null {
    const row = this.byIdStmt.get(id);
    return row ? toRecord(row, this.now()) : null;
  }

  list(): UserInfo[] {
    return this.listStmt.all().map((row) => toInfo(toRecord(row, this.now())));
  }

  create(input: { username: string; displayName: string; roles: PersonRole[]; passwordHash: string }, by: ChangeBy): UserInfo {
    return this.db.transaction(() => {
      if (this.byNameStmt.get(input.username)) fail('user.username_taken', { username: input.username });
      const id = Number(this.insertStmt.run({ ...input, roles: JSON.stringify(input.roles), hash: input.passwordHash, now: iso(this.now()) }).lastInsertRowid);
      this.audit.record({
        ...by,
        action: 'user.create',
        objectType: 'user',
        objectId: String(id),
        diff: { username: input.username, displayName: input.displayName, roles: input.roles },
      });
      return toInfo(this.get(id)!);
    })();
  }

  /** Refuses to leave the store without an active admin (nobody could manage accounts). */
  update(id: number, patch: UserPatch, by: ChangeBy): { user: UserInfo; changed: boolean; disabledNow: boolean } {
    return this.db.transaction(() => {
      const before = this.get(id) ?? fail('user.not_found', { id: String(id) });
      const after = { displayName: patch.displayName ?? before.displayName, roles: patch.roles ?? before.roles, disabled: patch.disabled ?? before.disabled };
      const diff: Record<string, { from: unknown; to: unknown }> = {};
      if (after.displayName !== before.displayName) diff.displayName = { from: before.displayName, to: after.displayName };
      if (JSON.stringify(after.roles) !== JSON.stringify(before.roles)) diff.roles = { from: before.roles, to: after.roles };
      if (after.disabled !== before.disabled) diff.disabled = { from: before.disabled, to: after.disabled };
      if (Object.keys(diff).length === 0) return { user: toInfo(before), changed: false, disabledNow: false };
      const wasAdmin = before.roles.includes('admin') && !before.disabled;
      const isAdmin = after.roles.includes('admin') && !after.disabled;
      if (wasAdmin && !isAdmin && this.activeAdmins() <= 1) fail('user.last_admin');
      this.db
        .prepare('UPDATE users SET display_name = ?, roles = ?, disabled = ?, updated_at = ?, failed_logins = CASE WHEN ? THEN 0 ELSE failed_logins END, locked_until = CASE WHEN ? THEN NULL ELSE locked_until END WHERE id = ?')
        // Enabling an account again also lifts a lock-out: the admin has looked at it.
        .run(after.displayName, JSON.stringify(after.roles), after.disabled ? 1 : 0, iso(this.now()), before.disabled && !after.disabled ? 1 : 0, before.disabled && !after.disabled ? 1 : 0, id);
      this.audit.record({ ...by, action: 'user.update', objectType: 'user', objectId: String(id), diff: { username: before.username, ...diff } });
      return { user: toInfo(this.get(id)!), changed: true, disabledNow: after.disabled && !before.disabled };
    })();
  }

  /** The hash only; the audit row says that it changed, never what to. */
  setPassword(id: number, passwordHash: string, by: ChangeBy): UserInfo {
    return this.db.transaction(() => {
      const user = this.get(id) ?? fail('user.not_found', { id: String(id) });
      this.db.prepare('UPDATE users SET password_hash = ?, updated_at = ?, failed_logins = 0, locked_until = NULL WHERE id = ?').run(passwordHash, iso(this.now()), id);
      this.audit.record({ ...by, action: 'user.password', objectType: 'user', objectId: String(id), diff: { username: user.username } });
      return toInfo(this.get(id)!);
    })();
  }

  /** One more wrong password in a row; locks the account when it reaches the count. Returns the lock's end, if any. */
  recordFailure(id: number, lockout: LockoutOptions): { failures: number; lockedUntil: number | null } {
    const user = this.get(id)!;
    const failures = user.failedLogins + 1;
    if (failures >= lockout.attempts) {
      const until = this.now() + lockout.lockMs;
      this.db.prepare('UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?').run(iso(until), id);
      return { failures, lockedUntil: until };
    }
    this.db.prepare('UPDATE users SET failed_logins = ? WHERE id = ?').run(failures, id);
    return { failures, lockedUntil: null };
  }

  recordSuccess(id: number): void {
    this.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?').run(iso(this.now()), id);
  }

  private activeAdmins(): number {
    return this.listStmt.all().filter((row) => row.disabled === 0 && (JSON.parse(row.roles) as string[]).includes('admin')).length;
  }
}

function toRecord(row: Row, now: number): UserRecord {
  const locked = row.locked_until !== null && Date.parse(row.locked_until) > now ? row.locked_until : null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as PersonRole[],
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
    lockedUntil: locked,
    passwordHash: row.password_hash,
    failedLogins: row.failed_logins,
  };
}

export function toInfo(user: UserRecord): UserInfo {
  const { passwordHash: _hash, failedLogins: _failures, ...info } = user;
  return info;
}
