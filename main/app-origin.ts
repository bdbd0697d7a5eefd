/**
 * Our pages' origin. Windows load app://toancanh/… rather than file://: a file:// page
 * can read any file on the machine once compromised and has an opaque origin, while a
 * privileged standard scheme gives the pages a real origin that CSP, the IPC guard and
 * the navigation guard can name.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'toancanh';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The wall page for one screen ("all" for the preview). */
export function wallPageUrl(screenId: string): string {
  return `${APP_ORIGIN}/wall/index.html?screen=${encodeURIComponent(screenId)}`;
}

/**
 * Scheme and host of an origin-like URL. WHATWG URL gives non-special schemes such as
 * app: an opaque origin ("null"), so origins are compared by these two parts instead.
 * Null for anything with credentials or a port: our pages never have them.
 */
export function schemeAndHost(text: string): { scheme: string; host: string } | null {
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  return { scheme: url.protocol.replace(/:$/, '').toLowerCase(), host: url.hostname.toLowerCase() };
}
