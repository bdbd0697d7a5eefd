import { PROVINCES } from '../../shared/regions';
import { NATIONAL } from './headlines';
import type { Lang } from './text';

/**
 * What the page remembers on the device between visits (localStorage): the language, the
 * region picked, and whether someone signed in here, which lets the kept figures show at
 * once before the server confirms the session. Never a password or the session id (the
 * cookie is HttpOnly).
 */
const LANG = 'toancanh.info.lang';
const REGION = 'toancanh.info.region';
const SIGNED_IN = 'toancanh.info.signedIn';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readLang(): Lang {
  return storage()?.getItem(LANG) === 'en' ? 'en' : 'vi';
}

export function saveLang(lang: Lang): void {
  storage()?.setItem(LANG, lang);
}

export function isRegion(code: string): boolean {
  return code === NATIONAL || PROVINCES.some((p) => p.code === code);
}

export function readRegion(): string {
  const kept = storage()?.getItem(REGION) ?? NATIONAL;
  return isRegion(kept) ? kept : NATIONAL;
}

export function saveRegion(region: string): void {
  storage()?.setItem(REGION, region);
}

export function wasSignedIn(): boolean {
  return storage()?.getItem(SIGNED_IN) === '1';
}

export function markSignedIn(signedIn: boolean): void {
  if (signedIn) storage()?.setItem(SIGNED_IN, '1');
  else storage()?.removeItem(SIGNED_IN);
}
