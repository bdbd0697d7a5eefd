/**
 * The browser pages' service worker, served at /wall/sw.js (scope /wall/) and, the same
 * file, at /info/sw.js (scope /info/, the information page): the page it serves is the
 * folder it is served from. It keeps what a kiosk (or a phone) needs to draw its page
 * during an outage: the page shell (/wall/, whatever the ?screen=), the hashed bundles,
 * styles and fonts under /assets/, and the province boundary file. Data and wall state are not its business: the page keeps them in
 * IndexedDB (renderer/offline/last-good.ts) and resumes the feed from their seq.
 *
 *  - pages and the boundary file: network first, the kept copy when the network fails;
 *  - /assets/*: kept copy first (their names change with their content);
 *  - everything else (socket.io, the API): never touched.
 *
 * Built as its own entry without imports (a classic worker script); the DOM typings of
 * the renderer project do not describe a worker's scope, so the few parts used are
 * declared here.
 */

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEventLike extends ExtendableEventLike {
  readonly data: unknown;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

// A module for the type-checker (its names stay its own); the bundle has no import or export.
export {};

const scope = self as unknown as WorkerScope;
/** '/wall/' or '/info/': the folder this script was served from. */
const SHELL_PATH = scope.location.pathname.replace(/[^/]*$/, '');
const PAGE = SHELL_PATH.replace(/\//g, '') || 'wall';
/** Each page its own cache (toancanh-wall-shell-v1 as before for the wall), so one never deletes the other's. */
const CACHE_PREFIX = `toancanh-${PAGE}-`;
const CACHE = `${CACHE_PREFIX}shell-v1`;
const BOUNDARY_PATH = '/api/v1/geo/provinces';
/** A page request that takes longer than this falls back to the kept shell. */
const NETWORK_TIMEOUT_MS = 4_000;
const MAX_KEEP_URLS = 500;

const ownOrigin = scope.location.origin;

/** One key per page whatever its ?screen= or fragment: the shell is the same file. */
function keyOf(url: URL): string {
  if (isShell(url)) return `${ownOrigin}${SHELL_PATH}`;
  return `${url.origin}${url.pathname}`;
}

function isShell(url: URL): boolean {
  return url.pathname === SHELL_PATH || url.pathname === `${SHELL_PATH}index.html`;
}

function isKeptAsset(url: URL): boolean {
  return url.origin === ownOrigin && url.pathname.startsWith('/assets/');
}

function isNetworkFirst(url: URL, request: Request): boolean {
  if (url.origin !== ownOrigin) return false;
  return request.mode === 'navigate' || isShell(url) || url.pathname === BOUNDARY_PATH;
}

async function keep(key: string, response: Response): Promise<void> {
  if (!response.ok || response.type === 'opaque') return;
  const cache = await caches.open(CACHE);
  await cache.put(key, response);
}

async function kept(key: string): Promise<Response | undefined> {
  const cache = await caches.open(CACHE);
  // The boundary file is asked for with a token header; the kept copy answers any.
  return cache.match(key, { ignoreVary: true, ignoreSearch: true });
}

/**
 * The copy is written while the answer is already on its way (`waitUntil`): a page load
 * never waits on Cache Storage.
 */
async function networkFirst(event: ExtendableEventLike, request: Request, key: string): Promise<Response> {
  try {
    const response = await fetch(request, { signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS) });
    if (response.ok) event.waitUntil(keep(key, response.clone()));
    return response;
  } catch (error) {
    const copy = await kept(key);
    if (copy) return copy;
    throw error;
  }
}

async function keptFirst(event: ExtendableEventLike, request: Request, key: string): Promise<Response> {
  const copy = await kept(key);
  if (copy) return copy;
  const response = await fetch(request);
  if (response.ok) event.waitUntil(keep(key, response.clone()));
  return response;
}

scope.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      try {
        await keep(`${ownOrigin}${SHELL_PATH}`, await fetch(`${ownOrigin}${SHELL_PATH}`, { cache: 'no-cache' }));
      } catch {
        // Offline at install: the page itself will hand us its files once we run.
      }
      await scope.skipWaiting();
    })(),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE && name.startsWith(CACHE_PREFIX)) await caches.delete(name);
      await scope.clients.claim();
    })(),
  );
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (isNetworkFirst(url, request)) event.respondWith(networkFirst(event, request, keyOf(url)));
  else if (isKeptAsset(url)) event.respondWith(keptFirst(event, request, keyOf(url)));
});

/** The page lists the files it loaded before we controlled it: { type: 'keep', urls: [...] }. */
scope.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; urls?: unknown } | null;
  if (!data || data.type !== 'keep' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u): u is string => typeof u === 'string' && URL.canParse(u)).slice(0, MAX_KEEP_URLS);
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const text of urls) {
        const url = new URL(text);
        if (url.origin !== ownOrigin || !(isKeptAsset(url) || keyOf(url) === `${ownOrigin}${SHELL_PATH}`)) continue;
        const key = keyOf(url);
        if (await cache.match(key)) continue;
        try {
          await keep(key, await fetch(key));
        } catch {
          // Gone offline meanwhile: the next run tries again.
        }
      }
    })(),
  );
});
