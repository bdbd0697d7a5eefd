import { describe, expect, it } from 'vitest';
import { cookieValues, serializeSessionCookie, SESSION_COOKIE } from '../../server/auth/cookie';
import { dummyHash, hashPassword, parseHash, passwordProblem, verifyPassword } from '../../server/auth/passwords';
import { TEST_SCRYPT } from '../helpers/accounts';

describe('password hashes (server/auth/passwords.ts)', () => {
  it('stores scrypt$N$r$p$salt$hash in base64url, a new 16-byte salt each time', async () => {
    const a = await hashPassword('một mật khẩu dài', TEST_SCRYPT);
    const b = await hashPassword('một mật khẩu dài', TEST_SCRYPT);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(parseHash(a)!.salt).toHaveLength(16);
  });

  it('verifies the right password only, by the parameters stored with the hash', async () => {
    const stored = await hashPassword('một mật khẩu dài', { N: 2048, r: 4, p: 2 });
    expect(await verifyPassword('một mật khẩu dài', stored)).toBe(true);
    expect(await verifyPassword('một mật khẩu dàI', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    // NFC and NFD spellings of the same Vietnamese text are the same password.
    expect(await verifyPassword('một mật khẩu dài'.normalize('NFD'), stored)).toBe(true);
  });

  it('refuses stored values it did not write, or with parameters that would exhaust memory, without running them', async () => {
    const good = await hashPassword('một mật khẩu dài', TEST_SCRYPT);
    const [, , r, p, salt, key] = good.split('$');
    for (const bad of ['', 'plain', `scrypt$${2 ** 24}$${r}$${p}$${salt}$${key}`, `scrypt$1000$${r}$${p}$${salt}$${key}`, `scrypt$1024$0$${p}$${salt}$${key}`, `bcrypt$1024$${r}$${p}$${salt}$${key}`, `${good}$extra`]) {
      expect(parseHash(bad), bad).toBeNull();
      expect(await verifyPassword('một mật khẩu dài', bad)).toBe(false);
    }
  });

  it('hashes and verifies at the production cost (N=2^15, r=8: above Node’s default scrypt memory limit)', async () => {
    const stored = await hashPassword('một mật khẩu dài');
    expect(stored.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('một mật khẩu dài', stored)).toBe(true);
  });

  it('has one dummy hash per cost for unknown names, and asks for 10 characters at least', async () => {
    expect(await dummyHash(TEST_SCRYPT)).toBe(await dummyHash(TEST_SCRYPT));
    expect(parseHash(await dummyHash(TEST_SCRYPT))).toMatchObject({ N: 1024, r: 8, p: 1 });
    expect(passwordProblem('ngắn quá')).toMatch(/at least 10/);
    expect(passwordProblem('đủ mười ký tự')).toBeNull();
  });
});

describe('the session cookie (server/auth/cookie.ts)', () => {
  const id = 'A'.repeat(43);
  it('finds the session among other cookies, with spaces, and every copy of it', () => {
    expect(cookieValues(`theme=dark; ${SESSION_COOKIE}=${id};other=1`, SESSION_COOKIE)).toEqual([id]);
    expect(cookieValues([`a=1`, `${SESSION_COOKIE}= ${id} `], SESSION_COOKIE)).toEqual([id]);
    expect(cookieValues(`${SESSION_COOKIE}=x1; ${SESSION_COOKIE}=${id}`, SESSION_COOKIE)).toEqual(['x1', id]);
    expect(cookieValues(undefined, SESSION_COOKIE)).toEqual([]);
  });

  it('ignores hostile input: quoted or encoded values, names that only resemble ours, and anything past its bounds', () => {
    expect(cookieValues(`${SESSION_COOKIE}="${id}"; ${SESSION_COOKIE}=%41%41; x${SESSION_COOKIE}=${id}; ${SESSION_COOKIE}`, SESSION_COOKIE)).toEqual([]);
    expect(cookieValues(`${SESSION_COOKIE}=${'a'.repeat(201)}`, SESSION_COOKIE)).toEqual([]);
    // Past the first 64 pairs, or the first 8 KiB, nothing is read.
    expect(cookieValues(`${'a=1; '.repeat(64)}${SESSION_COOKIE}=${id}`, SESSION_COOKIE)).toEqual([]);
    expect(cookieValues(`pad=${'p'.repeat(9000)}; ${SESSION_COOKIE}=${id}`, SESSION_COOKIE)).toEqual([]);
    // At most a few copies are tried.
    expect(cookieValues(Array(20).fill(`${SESSION_COOKIE}=${id}`).join('; '), SESSION_COOKIE)).toHaveLength(4);
    // A megabyte of separators is bounded too (and quick: only 8 KiB is split).
    expect(cookieValues(';'.repeat(1_000_000), SESSION_COOKIE)).toEqual([]);
  });

  it('writes HttpOnly, SameSite=Strict, Path=/, Secure only over TLS, and deletes with Max-Age=0', () => {
    expect(serializeSessionCookie(id, { maxAge: 43_200, secure: false })).toBe(`${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200`);
    expect(serializeSessionCookie(id, { maxAge: 60, secure: true })).toBe(`${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure`);
    expect(serializeSessionCookie('', { maxAge: 0, secure: false })).toMatch(/=; .*Max-Age=0$/);
    expect(() => serializeSessionCookie('a;b', { maxAge: 1, secure: false })).toThrow(/plain token/);
  });
});
