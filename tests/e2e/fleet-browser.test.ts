import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetHost, FleetView } from '../../shared/fleet/board';
import { eventually } from '../helpers/wait';
import { projectRoot } from '../support/paths';
import { launchChromium, recordPageErrors } from './support/browser';
import { ServerProcess } from './support/server';

const SHOTS = resolve(projectRoot, 'out/screenshots');

/**
 * A wall page in a plain browser as a member of the fleet (issue 9): it says hello on
 * /control with a host id kept in localStorage, its display as the browser sees it and its
 * window's health; GET /api/v1/fleet lists it; a reload and a second tab of the same browser
 * are the same host.
 */
describe('a browser wall page in the fleet', () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: ServerProcess;

  const browserHosts = async (): Promise<FleetHost[]> => {
    const { status, body } = await server.api<FleetView>('GET', '/api/v1/fleet');
    expect(status).toBe(200);
    return body.hosts.filter((h) => h.kind === 'browser');
  };
  const waitTiles = (page: import('playwright-core').Page, screenId: string) => page.waitForSelector(`[data-screen-id="${screenId}"] [data-tile-id]`, { timeout: 30_000 });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = new ServerProcess({ profile: 'assets/profiles/wall-2x2-55in.json', layout: 'layouts/tong-quan-kinh-te-xa-hoi.json' });
    await server.start();
    browser = await launchChromium();
    // A 1920×1080 monitor at 200 %: the page has 960×540 CSS pixels of window on it.
    context = await browser.newContext({ viewport: { width: 960, height: 540 }, screen: { width: 1920, height: 1080 }, deviceScaleFactor: 2 });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('appears with its display and window, keeps its host id across a reload, and a second tab joins the same host', async () => {
    const page = await context.newPage();
    const errors = recordPageErrors(page);
    await page.goto(server.wallUrl('s2'));
    await waitTiles(page, 's2');
    const first = await eventually(
      async () => {
        const hosts = await browserHosts();
        expect(hosts).toHaveLength(1);
        expect(hosts[0]!.windows.map((w) => [w.screenId, w.connection])).toEqual([['s2', 'connected']]);
        return hosts[0]!;
      },
      'the fleet lists the browser with its window connected',
      30_000,
      200,
    );
    expect(first.hostId).toMatch(/^browser-[0-9a-f]{12}$/);
    expect(first).toMatchObject({ connected: true, appVersion: '0.1.0', hostName: expect.stringContaining('Trình duyệt') });
    expect(first.displays).toEqual([
      { id: 0, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: expect.objectContaining({ width: 1920, height: 1080 }), scaleFactor: 2, rotation: 0, resolution: { width: 3840, height: 2160 }, internal: false },
    ]);
    expect(await page.evaluate(() => localStorage.getItem('toancanh.fleet.hostId'))).toBe(first.hostId);
    await page.screenshot({ path: resolve(SHOTS, 'fleet-browser-s2.png') });

    await page.reload();
    await waitTiles(page, 's2');
    await eventually(
      async () => {
        const hosts = await browserHosts();
        expect(hosts.map((h) => [h.hostId, h.connected, h.windows.map((w) => w.screenId)])).toEqual([[first.hostId, true, ['s2']]]);
      },
      'the reloaded page is the same host',
      30_000,
      200,
    );

    // A second tab of the same browser (the next screen of the same PC): one host, two windows.
    const second = await context.newPage();
    await second.goto(server.wallUrl('s3'));
    await waitTiles(second, 's3');
    await eventually(
      async () => {
        const hosts = await browserHosts();
        expect(hosts).toHaveLength(1);
        expect(hosts[0]!.windows.map((w) => w.screenId).sort()).toEqual(['s2', 's3']);
      },
      'both tabs under one host',
      30_000,
      200,
    );
    const { body } = await server.api<{ sightings: { event: string }[] }>('GET', `/api/v1/fleet/sightings?hostId=${first.hostId}`);
    expect(body.sightings.map((s) => s.event)).toContain('first-seen');
    expect(body.sightings.filter((s) => s.event === 'first-seen')).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
