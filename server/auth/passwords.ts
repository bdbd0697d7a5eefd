import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../shared/api/session';

/**
 * Password hashes: scrypt from Node's own crypto, a 16-byte random salt per hash, the
 * parameters stored with it (`scrypt$N$r$p$salt$hash`, salt and hash base64url), so that
 * raising the cost later leaves old hashes verifiable. The async scrypt runs on libuv's
 * thread pool: a login never blocks the event loop (walls' sockets keep flowing).
 */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** ~32 MiB and some tens of ms per hash on a small server: slow for a guesser, fine for a login. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Hashes with parameters beyond these are refused rather than run (a tampered row must not exhaust memory). */
const MAX_N = 2 ** 20;
const MAX_RP = 64;

export { PASSWORD_MAX, PASSWORD_MIN };

function scrypt(password: string, salt: Buffer, keylen: number, params: ScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is just short of N=2^15, r=8.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 128 * params.N * params.r * 2 + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, KEY_BYTES, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

interface Parsed extends ScryptParams {
  salt: Buffer;
  key: Buffer;
}

/** Null for anything that is not a hash this module wrote (never throws on a bad row). */
export function parseHash(stored: string): Parsed | null {
  const m = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{16,64})\$([A-Za-z0-9_-]{16,128})$/.exec(stored);
  if (!m) return null;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (N < 2 || N > MAX_N || (N & (N - 1)) !== 0 || r < 1 || r > MAX_RP || p < 1 || p > MAX_RP) return null;
  return { N, r, p, salt: Buffer.from(m[4]!, 'base64url'), key: Buffer.from(m[5]!, 'base64url') };
}

/** Whether `password` matches `stored`; the comparison takes the same time wherever the bytes differ. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed.key.length, parsed);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/**
 * The hash an unknown login name is checked against: the same scrypt work as a real
 * account, so the reply time does not tell whether a name exists. Made once per params.
 */
const dummies = new Map<string, Promise<string>>();
export function dummyHash(params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const key = `${params.N}/${params.r}/${params.p}`;
  let hash = dummies.get(key);
  if (!hash) {
    hash = hashPassword(randomBytes(18).toString('base64url'), params);
    dummies.set(key, hash);
  }
  return hash;
}

/** A refusal reason for a new password, or null when acceptable. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < PASSWORD_MIN) return `at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `at most ${PASSWORD_MAX} characters`;
  return null;
}
