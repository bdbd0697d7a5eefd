import { windowConfigSchema, type ToanCanhBridge, type WindowConfig } from '../../shared/ipc';
import { jsonPath } from '../../shared/validation/errors';
import { storedToken, storeToken } from '../api/endpoint';

export { forgetToken, storedToken, storeToken, TOKEN_STORAGE_KEY } from '../api/endpoint';

/**
 * Where a wall window gets its screen id, server and token.
 *
 * - In the display agent (Electron), the preload's bridge `window.toancanh` says all three.
 * - In a browser, the page is served by the server itself: the server is the page's
 *   origin, the screen is `?screen=…`, and the token arrives once in the URL fragment
 *   (`#token=…`, which browsers never send to a server). We keep it in sessionStorage and
 *   take it out of the address bar at once, so it is not bookmarked, shared, logged, or
 *   sent in any request URL.
 */

export const PREVIEW_SCREEN_ID = 'all';

export interface BootConfig {
  screenId: string;
  serverUrl: string;
  /** null: none known yet, ask the user. */
  token: string | null;
  source: 'bridge' | 'browser';
  bridge: ToanCanhBridge | null;
  /** From the display agent: this display does not fit the screen (shown as a technician notice). */
  displayMismatch?: WindowConfig['displayMismatch'];
  host?: string;
  displayId?: number;
}

declare global {
  interface Window {
    toancanh?: ToanCanhBridge;
  }
}

/** `?screen=s1` → "s1"; missing or empty → the preview of the whole wall. */
export function screenIdFromSearch(search: string): string {
  const value = new URLSearchParams(search).get('screen')?.trim();
  return value ? value.slice(0, 40) : PREVIEW_SCREEN_ID;
}

/**
 * Reads `#token=…` from the fragment, stores it, and removes it from the address bar
 * (keeping any other fragment parameters). Returns the token, if there was one.
 */
export function takeTokenFromFragment(win: Window): string | null {
  const hash = win.location.hash.replace(/^#/, '');
  if (!hash) return null;
  const params = new URLSearchParams(hash);
  const token = params.get('token')?.trim() || null;
  if (!params.has('token')) return null;
  params.delete('token');
  const rest = params.toString();
  const { pathname, search } = win.location;
  win.history.replaceState(win.history.state, '', `${pathname}${search}${rest ? `#${rest}` : ''}`);
  if (token) storeToken(win, token);
  return token;
}

/** The boot configuration of this page. Never logs the token. */
export async function resolveBootConfig(win: Window = window): Promise<BootConfig> {
  const bridge = win.toancanh ?? null;
  // Even under Electron a token must never stay in the address bar.
  const fragmentToken = takeTokenFromFragment(win);
  if (bridge) {
    const parsed = windowConfigSchema.safeParse(await bridge.getWindowConfig());
    if (!parsed.success) {
      throw new Error(`the display agent gave an invalid window configuration: ${parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`).join('; ')}`);
    }
    const { screenId, serverUrl, token, displayMismatch, host, displayId } = parsed.data;
    // A token typed after a rejection (kept for this session) beats the agent's one.
    return { screenId, serverUrl, token: storedToken(win) ?? token, source: 'bridge', bridge, ...(displayMismatch ? { displayMismatch } : {}), ...(host ? { host } : {}), ...(displayId !== undefined ? { displayId } : {}) };
  }
  return {
    screenId: screenIdFromSearch(win.location.search),
    serverUrl: win.location.origin,
    token: fragmentToken ?? storedToken(win),
    source: 'browser',
    bridge: null,
  };
}
