/**
 * Browser walls only: registers the service worker the server serves at /wall/sw.js
 * (source: renderer/sw/sw.ts), which keeps the page's shell and the boundary file so a
 * kiosk restarted during an outage still gets its page; the data comes from IndexedDB
 * (./last-good.ts). Then hands it the same-origin files this page has already loaded
 * (they were fetched before the worker controlled the page). Under the display agent
 * the shell is on disk already (app://), so nothing is registered there.
 */
export const SERVICE_WORKER_URL = '/wall/sw.js';
export const SERVICE_WORKER_SCOPE = '/wall/';

export function registerWallServiceWorker(win: Window = window): Promise<void> {
  return registerPageServiceWorker(SERVICE_WORKER_URL, SERVICE_WORKER_SCOPE, win);
}

/**
 * Registers the one service worker (renderer/sw/sw.ts) for a page's folder: the server
 * serves the same script at /wall/sw.js and /info/sw.js, and it keeps the shell of the
 * folder it was served from.
 */
export async function registerPageServiceWorker(url: string, scope: string, win: Window = window): Promise<void> {
  const container = win.navigator.serviceWorker;
  if (!container || !/^https?:$/.test(win.location.protocol)) return;
  try {
    await container.register(url, { scope });
    const ready = await container.ready;
    const urls = win.performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.startsWith(`${win.location.origin}/assets/`));
    ready.active?.postMessage({ type: 'keep', urls: [win.location.href.split('#')[0], ...urls].slice(0, 500) });
  } catch (error) {
    console.error('[toancanh] the offline service worker could not be registered', error);
  }
}
