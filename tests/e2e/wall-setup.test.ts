import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallProfile } from '../../shared/wall/profile';
import { projectRoot } from '../support/paths';
import { activeAreasMm } from '../support/mm-prediction';
import { expectAlignmentLines } from './support/alignment';
import { launchChromium } from './support/browser';
import { ServerProcess } from './support/server';
import { openScreenPages, readProfile, type ScreenPage } from './support/wall';

/** Git-ignored (out/): look at them after a run. */
const shots = resolve(projectRoot, 'out/screenshots/wall-setup');
const layoutFile = 'tests/e2e/fixtures/across-bezels.layout.json';

/** Waits until this page has applied command `seq` (the server's sequence), not a fixed time. */
async function waitForSeq(page: Page, attribute: 'data-pattern-seq' | 'data-identify-seq', seq: number): Promise<void> {
  await page.waitForFunction(
    ([name, want]) => Number(document.querySelector('.wall-screen')?.getAttribute(name as string) ?? -1) >= (want as number),
    [attribute, seq] as const,
    { timeout: 20_000 },
  );
}

describe.each([
  { name: '3×2 wall of 1080p panels, 2.5 mm bezels (grid placement)', profileFile: 'tests/e2e/fixtures/wall-3x2.profile.json', tolerance: 1 },
  { name: 'free placement: 1080p, a portrait 43", a 4K panel', profileFile: 'tests/e2e/fixtures/wall-free-mixed.profile.json', tolerance: 0.5 },
])('identify and test patterns on $name', ({ profileFile, tolerance }) => {
  const profile: WallProfile = readProfile(profileFile);
  let browser: Browser;
  let server: ServerProcess;
  let pages: ScreenPage[];

  beforeAll(async () => {
    server = new ServerProcess({ profile: profileFile, layout: layoutFile });
    await server.start();
    browser = await launchChromium();
    pages = await openScreenPages(browser, server, profile);
    mkdirSync(shots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(`draws the alignment grid on every page without reload; its lines meet across every bezel within ${tolerance} px of the millimetre prediction`, async () => {
    const loads = pages.map(() => 0);
    pages.forEach(({ page }, i) => page.on('load', () => loads[i]!++));
    const r = await server.api<{ seq: number }>('PUT', '/api/v1/wall/test-pattern', { pattern: 'alignment-grid' });
    expect(r.status).toBe(200);
    for (const { page, screenId } of pages) {
      await waitForSeq(page, 'data-pattern-seq', r.body.seq);
      await page.waitForSelector('[data-test-pattern="alignment-grid"]');
      await page.screenshot({ path: resolve(shots, `${profile.id}-alignment-${screenId}.png`) });
    }
    expect(loads).toEqual(pages.map(() => 0));

    for (const { page, screenId } of pages) await expectAlignmentLines(page, profile, screenId, tolerance);
  });

  it('shows the other patterns on every page (screenshots to look at)', async () => {
    for (const pattern of ['checkerboard', 'colour-bars', 'grey-ramp', 'text-ladder'] as const) {
      const r = await server.api<{ seq: number }>('PUT', '/api/v1/wall/test-pattern', { pattern });
      for (const { page, screenId } of pages) {
        await waitForSeq(page, 'data-pattern-seq', r.body.seq);
        await page.waitForSelector(`[data-test-pattern="${pattern}"]`);
        await page.screenshot({ path: resolve(shots, `${profile.id}-${pattern}-${screenId}.png`) });
      }
    }
    const stop = await server.api<{ seq: number }>('DELETE', '/api/v1/wall/test-pattern');
    for (const { page } of pages) {
      await waitForSeq(page, 'data-pattern-seq', stop.body.seq);
      expect(await page.locator('[data-test-pattern]').count()).toBe(0);
    }
  });

  it('identify shows each page its own screen id, the host and the resolution, and is dismissed on request', async () => {
    const r = await server.api<{ seq: number }>('POST', '/api/v1/wall/identify', { seconds: 120 });
    expect(r.status).toBe(200);
    for (const { page, screenId } of pages) {
      await waitForSeq(page, 'data-identify-seq', r.body.seq);
      expect(await page.locator('[data-field="identify-screen"]').innerText()).toBe(screenId);
      expect(await page.locator('[data-field="identify-host"]').innerText()).toBe(`127.0.0.1:${server.port}`);
      const screen = activeAreasMm(profile).find((a) => a.id === screenId)!;
      expect(await page.locator('[data-field="identify-display"]').innerText()).toContain(`${screen.pixelWidth}×${screen.pixelHeight}`);
      await page.screenshot({ path: resolve(shots, `${profile.id}-identify-${screenId}.png`) });
    }
    const stop = await server.api<{ seq: number }>('DELETE', '/api/v1/wall/identify');
    for (const { page } of pages) {
      await waitForSeq(page, 'data-identify-seq', stop.body.seq);
      expect(await page.locator('[data-identify]').count()).toBe(0);
    }
  });

  it('renders without page errors', () => {
    for (const { errors, screenId } of pages) expect(errors, screenId).toEqual([]);
  });
});
