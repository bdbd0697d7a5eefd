import { windowConfigSchema } from '../../shared/ipc';

/**
 * Where this page's server is and which credential it shows: the one answer every module
 * of a page uses (the feed's socket, the boundary file, revision history), instead of each
 * looking the server and token up on its own.
 *
 * - Under the display agent (Electron), the preload's bridge says both.
 * - In a browser, the page's own origin is the server; the token arrived once in the URL
 *   fragment and is kept in sessionStorage (see wall/boot.ts), never in a URL.
 * - A token typed after a rejection (kept for this session) beats the agent's one.
 */
export interface Endpoint {
  serverUrl: string;
  /** null: none known yet (a request without one is answered 401). */
  token: string | null;
}

export const TOKEN_STORAGE_KEY = 'toancanh.wall.token';

function safeSessionStorage(win: Window): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    return null;
  }
}

export function storeToken(win: Window, token: string): void {
  safeSessionStorage(win)?.setItem(TOKEN_STORAGE_KEY, token);
}

export function storedToken(win: Window): string | null {
  return safeSessionStorage(win)?.getItem(TOKEN_STORAGE_KEY) || null;
}

export function forgetToken(win: Window): void {
  safeSessionStorage(win)?.removeItem(TOKEN_STORAGE_KEY);
}

let configured: Endpoint | null = null;

/** The page's boot code says which server and token it runs with, once it knows. */
export function configureEndpoint(endpoint: Endpoint | null): void {
  configured = endpoint;
}

/**
 * This page's endpoint: the configured one, else worked out from the page as boot does.
 * null when the page cannot talk to a server at all (not served over http(s), no bridge).
 */
export async function pageEndpoint(win: Window = window): Promise<Endpoint | null> {
  if (configured) return configured;
  const kept = storedToken(win);
  if (win.toancanh) {
    const parsed = windowConfigSchema.safeParse(await win.toancanh.getWindowConfig());
    return parsed.success ? { serverUrl: parsed.data.serverUrl, token: kept ?? parsed.data.token } : null;
  }
  return /^https?:$/.test(win.location.protocol) ? { serverUrl: win.location.origin, token: kept } : null;
}
