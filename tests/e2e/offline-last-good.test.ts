import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, recordPageErrors } from './support/browser';
import { ServerProcess } from './support/server';
import { keptSeq, offlineMarkCoversNoFigure, waitForKeptSeq } from './support/offline';
import { gdpReport, waitForValue } from './support/wall';

const profileFile = 'assets/profiles/wall-2x2-55in.json';
const layoutFile = 'tests/dom/fixtures/kpi-overview.layout.json'; // known tile ids: the briefing preset changes with content

/**
 * A browser kiosk (a Chromium profile on disk, as a kiosk has) restarted while the server
 * is down: the service worker gives it its page, IndexedDB the last good wall and data,
 * and the page shows them with the offline mark. When the server comes back, the feed
 * resumes from the kept sequence and every change made meanwhile arrives, with no reload.
 */
describe('a browser wall restarted during an outage', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'toancanh-kiosk-'));
  let server: ServerProcess;
  let context: BrowserContext | null = null;

  const launchKiosk = async (): Promise<{ page: Page; errors: string[] }> => {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1920, height: 1080 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return { page, errors: recordPageErrors(page) };
  };

  beforeAll(async () => {
    server = new ServerProcess({ profile: profileFile, layout: layoutFile });
    await server.start();
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('shows the kept wall with the offline mark, then resumes from the kept seq', async () => {
    // A normal day: the kiosk shows the wall and keeps it.
    let kiosk = await launchKiosk();
    await kiosk.page.goto(server.wallUrl('s1'));
    await kiosk.page.waitForSelector('[data-screen-id="s1"] [data-tile-id="gdp-growth"]');
    expect((await server.api('POST', '/api/v1/reports', gdpReport(7.25))).status).toBe(201);
    await waitForValue(kiosk.page, 'gdp-growth', '7,25');
    const { body: before } = await server.api<{ seq: number }>('GET', '/api/v1/health', undefined, null);
    await waitForKeptSeq(kiosk.page, before.seq);
    // The service worker controls the page: its shell is kept.
    await kiosk.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context!.close();
    context = null;

    // The server goes down; the kiosk restarts.
    await server.kill('SIGKILL');
    kiosk = await launchKiosk();
    const started = Date.now();
    await kiosk.page.goto(server.wallUrl('s1'));
    await kiosk.page.waitForSelector('[data-offline="true"]');
    const shownAfterMs = Date.now() - started;
    console.log(`[offline] kept wall with the offline mark ${shownAfterMs} ms after the kiosk opened its page (server down)`);
    await waitForValue(kiosk.page, 'gdp-growth', '7,25');
    const mark = await kiosk.page.locator('[data-offline="true"]').innerText();
    expect(mark).toMatch(/Mất kết nối — số liệu lúc \d\d:\d\d/);
    expect(mark).toMatch(/Connection lost — figures as of \d\d:\d\d/);
    expect(await offlineMarkCoversNoFigure(kiosk.page)).toEqual([]);
    await kiosk.page.screenshot({ path: 'test-results/offline-kiosk-s1.png' });
    await kiosk.page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));

    // Meanwhile, reports reach the data folder through another server process.
    const meanwhile = new ServerProcess({ dataDir: server.dataDir, adminToken: server.adminToken, wallToken: server.wallToken, profile: profileFile, layout: layoutFile });
    await meanwhile.start();
    for (const growth of [7.5, 7.75]) expect((await meanwhile.api('POST', '/api/v1/reports', gdpReport(growth))).status).toBe(201);
    const { body: head } = await meanwhile.api<{ seq: number }>('GET', '/api/v1/health', undefined, null);
    await meanwhile.stop();
    expect(head.seq).toBeGreaterThan(before.seq);

    // The server is back on its address: the page resumes, nothing lost, nothing reloaded.
    await server.start();
    await waitForValue(kiosk.page, 'gdp-growth', '7,75');
    await kiosk.page.waitForSelector('[data-offline="true"]', { state: 'detached' });
    await waitForKeptSeq(kiosk.page, head.seq);
    expect(await keptSeq(kiosk.page)).toBe(head.seq);
    expect(await kiosk.page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    expect(kiosk.errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource|websocket|xhr poll error|net::/i.test(e))).toEqual([]);
  });
});
