import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { ServerProcess } from './support/server';
import { gdpReport, openScreenPages, pagesShowing, readProfile, tileText, waitForValue, type ScreenPage } from './support/wall';

const profileFile = 'assets/profiles/wall-2x2-55in.json';
// The earlier KPI overview (a fixture of known tile ids): the briefing preset changes with content.
const layoutFile = 'tests/dom/fixtures/kpi-overview.layout.json';

/** Last month (its data window has begun whenever the test runs), e.g. "2026-10". */
function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

/** The monthly trade statistics of the customs department (CHQ-XNK-THANG): exports, imports and their sum and balance. */
const tradeReport = (exports: number, imports: number) => ({
  regime: 'CHQ-XNK-THANG',
  agency: 'CHQ',
  period: lastMonth(),
  values: [
    { indicator: 'EXPORTS', value: exports },
    { indicator: 'IMPORTS', value: imports },
    { indicator: 'TRADE_TOTAL', value: Math.round((exports + imports) * 100) / 100 },
    { indicator: 'TRADE_BALANCE', value: Math.round((exports - imports) * 100) / 100 },
  ],
});

/** Waits until every page given shows `text` as the tile's value. */
const waitForValues = (pages: ScreenPage[], tileId: string, text: string) => Promise.all(pages.map(({ page }) => waitForValue(page, tileId, text)));

/**
 * Kill the server under open pages, change data while they are away (through another
 * server process on the same data folder), start it again: the pages reconnect on
 * their own and show every change, without a reload.
 */
describe('reconnecting after the server dies', () => {
  const profile = readProfile(profileFile);
  let browser: Browser;
  let server: ServerProcess;
  let pages: ScreenPage[];

  beforeAll(async () => {
    server = new ServerProcess({ profile: profileFile, layout: layoutFile });
    await server.start();
    browser = await launchChromium();
    pages = await openScreenPages(browser, server, profile, { preview: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows every change made while the pages were away', async () => {
    for (const { page } of pages) await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
    await server.kill('SIGKILL');

    const meanwhile = new ServerProcess({
      dataDir: server.dataDir,
      adminToken: server.adminToken,
      wallToken: server.wallToken,
      profile: profileFile,
      layout: layoutFile,
    });
    await meanwhile.start();
    for (const report of [gdpReport(6.5), tradeReport(45.25, 41.5), gdpReport(6.75)]) {
      const response = await meanwhile.api('POST', '/api/v1/reports', report);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
    await meanwhile.stop();

    await server.start();
    await waitForValues(await pagesShowing(pages, 'gdp-growth'), 'gdp-growth', '6,75');
    const showingExports = await pagesShowing(pages, 'exports');
    expect(showingExports.map((p) => p.screenId).sort()).toEqual(['all', 's2']);
    // Each page reconnects on its own backoff: s2 may come back after s1 did.
    await waitForValues(showingExports, 'exports', '45,25');
    for (const { page, screenId } of showingExports) expect(await tileText(page, 'exports', 'value'), screenId).toBe('45,25');
    for (const { page, screenId } of pages) {
      expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded), screenId).toBe(true);
    }
  });

  it('keeps receiving live changes after the reconnect', async () => {
    const response = await server.api('POST', '/api/v1/reports', gdpReport(7.1));
    expect(response.status).toBe(201);
    // No time budget: how fast a change reaches the wall is measured in bench/, not asserted here.
    await waitForValues(await pagesShowing(pages, 'gdp-growth'), 'gdp-growth', '7,1');
  });
});
