import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/support/browser';
import { BenchServer } from '../wall/server';
import { summarize } from '../wall/stats';

/**
 * The information page's first view on a phone (390×844, touch, mobile viewport) against
 * the real server on loopback: from the navigation's start (performance.timeOrigin) to the
 * first animation frame after the first headline figure is in the document, the page being
 * signed in (a viewer's session cookie).
 *
 * - cold: a new browser context each load: no HTTP cache, no service worker, no kept
 *   figures; the page reads the session and the figures from the server;
 * - warm: the same context, loaded again: the service worker answers the shell and the
 *   bundles, IndexedDB the figures (painted before the server is asked).
 *
 * No CPU throttling: a loopback figure on this 2-core VM, to set against the 1 s budget.
 */
const { values } = parseArgs({ options: { loads: { type: 'string', default: '30' } } });
const LOADS = Math.max(1, Number(values.loads) || 30);
const PASSWORD = 'mật khẩu của người xem';

/** Records, in the page, when the first headline was first painted (ms since the navigation began). */
const PROBE = `(() => {
  const seen = () => {
    if (!document.querySelector('[data-headline]')) return false;
    requestAnimationFrame(() => { window.__firstHeadline = performance.now(); });
    return true;
  };
  const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
  document.addEventListener('DOMContentLoaded', () => { if (!seen()) observer.observe(document.body, { childList: true, subtree: true }); });
})();`;

async function main(): Promise<void> {
  const before = loadavg()[0]!;
  // bench/bundle-run.mjs runs this from the project's root.
  const server = new BenchServer(process.cwd(), []);
  await server.start();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const created = await fetch(`${server.url}/api/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-viewer', displayName: 'Người xem', roles: ['viewer'], password: PASSWORD }),
    });
    if (created.status !== 201) throw new Error(`creating the viewer: ${created.status}`);
    const login = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-viewer', password: PASSWORD }) });
    const cookie = /toancanh_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    if (!cookie) throw new Error(`login: ${login.status}`);

    const newContext = async (): Promise<BrowserContext> => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'vi-VN' });
      await context.addCookies([{ name: 'toancanh_session', value: cookie, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
      await context.addInitScript(PROBE);
      return context;
    };
    const ready: Record<'cold' | 'warm', number[]> = { cold: [], warm: [] };
    const load = async (context: BrowserContext, kind: 'cold' | 'warm'): Promise<number> => {
      const page = await context.newPage();
      await page.goto(`${server.url}/info/`);
      const handle = await page.waitForFunction(() => (window as unknown as { __firstHeadline?: number }).__firstHeadline, undefined, { timeout: 30_000 });
      const ms = (await handle.jsonValue()) as number;
      // When the page's scripts had run (DOMContentLoaded fires after the module scripts): the rest is the app's own work.
      ready[kind].push(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
      await page.close();
      return ms;
    };

    const cold: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await newContext();
      cold.push(await load(context, 'cold'));
      await context.close();
    }
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/info/`);
    // Warm: the worker controls the page and has kept every file; the figures are kept.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.waitForFunction(async () => {
      const cache = await caches.open('toancanh-info-shell-v1');
      const urls = [`${location.origin}/info/`, ...[...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="stylesheet"], link[rel="modulepreload"]')].map((e) => ('src' in e ? e.src : e.href))];
      return (await Promise.all(urls.map((u) => cache.match(u)))).every(Boolean);
    });
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('toancanh-info');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('figures')) return resolve(false);
            const count = db.transaction('figures').objectStore('figures').count();
            count.onsuccess = () => resolve(count.result > 0);
          };
          open.onerror = () => resolve(false);
        }),
    );
    await page.close();
    const warm: number[] = [];
    for (let i = 0; i < LOADS; i++) warm.push(await load(context, 'warm'));
    await context.close();

    const row = (name: string, v: number[], scripts: number[]) => {
      const s = summarize(v);
      return `| ${name} | ${s.n} | ${s.p50.toFixed(0)} ms | ${s.p95.toFixed(0)} ms | ${s.max.toFixed(0)} ms | ${summarize(scripts).p50.toFixed(0)} ms |`;
    };
    const cpu = cpus()[0]?.model ?? 'unknown';
    console.log(`- date: ${new Date().toISOString().slice(0, 10)}`);
    console.log(`- machine: ${cpus().length} × ${cpu}; 1-minute load average before → after: ${before.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`);
    console.log(`- Node ${process.version}; Chromium ${browser.version()} headless, 390×844 mobile viewport with touch, no CPU throttling; the server is node out/main/server.js with the seeded national figures`);
    console.log('');
    console.log('| load | n | first headline p50 | p95 | max | DOMContentLoaded p50 |');
    console.log('|---|---|---|---|---|---|');
    console.log(row('cold (new context: nothing cached)', cold, ready.cold));
    console.log(row('warm (service worker + kept figures)', warm, ready.warm));
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
