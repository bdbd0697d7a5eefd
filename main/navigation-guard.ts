import { schemeAndHost } from './app-origin';

/**
 * Where a wall window may go. It shows our pages and nothing else: a link, a redirect
 * or a script that tries to leave app://toancanh/ is stopped, because a foreign page
 * in a window would inherit the preload bridge and a full-screen spot on the wall.
 */
export function isAllowedNavigation(url: string, trustedOrigin: string): boolean {
  const trusted = schemeAndHost(trustedOrigin);
  const target = schemeAndHost(url);
  return trusted !== null && target !== null && target.scheme === trusted.scheme && target.host === trusted.host;
}

/**
 * window.open: never. The wall has no pop-ups, and every new window would be a second
 * full-screen surface outside the window plan. Our own URLs are refused too.
 */
export function isAllowedWindowOpen(_url: string): boolean {
  return false;
}
