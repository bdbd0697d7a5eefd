import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PersonRole, Role, TokenRole } from '../../shared/protocol/roles';
import type { Db } from '../db/open';
import { StartupError } from '../errors';

/** A device token (a wall, an agency's system, a script): resolved from `Authorization: Bearer`. */
export interface TokenPrincipal {
  kind: 'token';
  tokenId: number;
  role: TokenRole;
  /** `[role]`: every principal has `roles`, which is what the guards check. */
  roles: readonly Role[];
  /** The agency a submitter reports for; null for the other roles. */
  agency: string | null;
  label: string;
  /** Everything this token submits is demo data (the simulator's tokens); it may backdate receivedAt. */
  demo: boolean;
}

/** A person signed in to the console: resolved from the session cookie (server/auth/sessions.ts). */
export interface PersonPrincipal {
  kind: 'person';
  userId: number;
  username: string;
  displayName: string;
  roles: readonly PersonRole[];
  /** sessions.id (the row, not the secret cookie value). */
  sessionId: number;
  /** The display name: what logs and the wall state's record show. */
  label: string;
  /** People report for no agency and never submit demo data. */
  agency: null;
  demo: false;
}

/** Who is calling: checked on every request and socket connection. */
export type Principal = TokenPrincipal | PersonPrincipal;

/** A token as the admin routes list it (never its secret). */
export interface TokenInfo {
  tokenId: number;
  role: TokenRole;
  agency: string | null;
  label: string;
  demo: boolean;
  createdAt: string;
  revokedAt: string | null;
  bootstrap: 'admin' | 'wall' | null;
}

interface Row {
  id: number;
  role: TokenRole;
  agency: string | null;
  label: string;
  bootstrap: 'admin' | 'wall' | null;
  created_at: string;
  revoked_at: string | null;
  demo: number;
}

/** 32 random bytes, base64url: 43 characters, 256 bits. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens are high-entropy random strings, so a plain SHA-256 is enough to make a stolen
 * database useless for calling the API (no salt or slow hash needed, unlike passwords),
 * and looking the hash up leaks nothing about the token through timing.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The same bounds as a window's configured token (shared/ipc.ts). */
export const TOKEN_PATTERN = /^[\x21-\x7e]{16,200}$/;

/** The most verified tokens kept in memory; past it the memory starts again empty. */
const VERIFIED_MAX = 1024;

export class TokenStore {
  /**
   * Principals of tokens verified before, by their hash: a province's system posting
   * report after report is not looked up in the database for each. Only this class writes
   * the tokens table, and every write of it empties this memory, so a revoked token is
   * refused from the next request on. An unknown hash is never kept (anyone can send one).
   */
  private readonly verified = new Map<string, TokenPrincipal>();
  private readonly byHash;
  private readonly insertStmt;
  private readonly listStmt;
  private readonly getStmt;
  private readonly revokeStmt;
  private readonly dropBootstrapStmt;

  constructor(private readonly db: Db) {
    this.byHash = db.prepare<[string], Row>('SELECT * FROM tokens WHERE hash = ? AND revoked_at IS NULL');
    this.insertStmt = db.prepare(
      'INSERT INTO tokens (hash, role, agency, label, bootstrap, created_at, demo) VALUES (@hash, @role, @agency, @label, @bootstrap, @created_at, @demo)',
    );
    this.listStmt = db.prepare<[], Row>('SELECT * FROM tokens ORDER BY id');
    this.getStmt = db.prepare<[number], Row>('SELECT * FROM tokens WHERE id = ?');
    this.revokeStmt = db.prepare<[string, number]>('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    this.dropBootstrapStmt = db.prepare<[string]>('DELETE FROM tokens WHERE bootstrap = ?');
  }

  verify(token: unknown): TokenPrincipal | null {
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null;
    const hash = hashToken(token);
    const known = this.verified.get(hash);
    if (known) return known;
    const row = this.byHash.get(hash);
    if (!row) return null;
    const principal = toPrincipal(row);
    if (this.verified.size >= VERIFIED_MAX) this.verified.clear();
    this.verified.set(hash, principal);
    return principal;
  }

  create(input: { role: TokenRole; agency: string | null; label: string; demo?: boolean }): { token: string; info: TokenInfo } {
    const token = generateToken();
    const id = this.insert(token, input, null);
    return { token, info: this.get(id)! };
  }

  /** The admin and wall tokens come from the environment or the data folder; the current one replaces the last. */
  installBootstrap(kind: 'admin' | 'wall', token: string): void {
    this.verified.clear();
    this.db.transaction(() => {
      this.dropBootstrapStmt.run(kind);
      this.insert(token, { role: kind, agency: null, label: `${kind} (bootstrap)` }, kind);
    })();
  }

  list(): TokenInfo[] {
    return this.listStmt.all().map(toInfo);
  }

  get(id: number): TokenInfo | null {
    const row = this.getStmt.get(id);
    return row ? toInfo(row) : null;
  }

  revoke(id: number): 'revoked' | 'not-found' | 'bootstrap' {
    const row = this.getStmt.get(id);
    if (!row || row.revoked_at) return 'not-found';
    if (row.bootstrap) return 'bootstrap';
    this.revokeStmt.run(new Date().toISOString(), id);
    this.verified.clear();
    return 'revoked';
  }

  private insert(token: string, input: { role: TokenRole; agency: string | null; label: string; demo?: boolean }, bootstrap: 'admin' | 'wall' | null): number {
    this.verified.clear();
    try {
      const result = this.insertStmt.run({
        hash: hashToken(token),
        role: input.role,
        agency: input.agency,
        label: input.label,
        bootstrap,
        created_at: new Date().toISOString(),
        demo: input.demo ? 1 : 0,
      });
      return Number(result.lastInsertRowid);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new StartupError(`the ${input.role} token is already in use by another token; every token must be different`, 'startup.token_invalid');
      }
      throw error;
    }
  }
}

/** Frozen: one principal serves every request of its token. */
function toPrincipal(row: Row): TokenPrincipal {
  return Object.freeze({ kind: 'token', tokenId: row.id, role: row.role, roles: Object.freeze([row.role]), agency: row.agency, label: row.label, demo: row.demo === 1 });
}

function toInfo(row: Row): TokenInfo {
  return { tokenId: row.id, role: row.role, agency: row.agency, label: row.label, demo: row.demo === 1, createdAt: row.created_at, revokedAt: row.revoked_at, bootstrap: row.bootstrap };
}

/**
 * The admin or wall token: from the environment when set, else from `<data>/<kind>-token`,
 * else generated on first start and written there, readable by its owner only.
 */
export function resolveBootstrapToken(
  kind: 'admin' | 'wall',
  fromEnv: string | undefined,
  dataDir: string,
): { token: string; source: 'env' | 'file' | 'generated'; file: string } {
  const file = join(dataDir, `${kind}-token`);
  const envName = kind === 'admin' ? 'TOANCANH_ADMIN_TOKEN' : 'TOANCANH_WALL_TOKEN';
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!TOKEN_PATTERN.test(fromEnv)) throw new StartupError(`${envName} must be 16 to 200 printable characters without spaces`, 'startup.token_invalid');
    return { token: fromEnv, source: 'env', file };
  }
  let existing: string | null = null;
  try {
    existing = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new StartupError(`cannot read ${file}: ${(error as Error).message}; fix its permissions or set ${envName}`, 'startup.token_invalid');
    }
  }
  if (existing !== null) {
    if (!TOKEN_PATTERN.test(existing)) throw new StartupError(`${file} does not hold a valid token; delete it to generate a new one, or set ${envName}`, 'startup.token_invalid');
    // Tighten a file someone loosened; on Windows the mode bits mean little and this is harmless.
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return { token: existing, source: 'file', file };
  }
  const token = generateToken();
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return { token, source: 'generated', file };
}

/** A submitter token reports for its own agency only (people are never submitters). */
export function isSubmitter(principal: Principal): principal is TokenPrincipal & { role: 'submitter' } {
  return principal.kind === 'token' && principal.role === 'submitter';
}
