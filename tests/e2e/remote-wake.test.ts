import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asPerson, createUser, PASSWORD, signIn, TEST_SCRYPT, type Person } from '../helpers/accounts';
import { startHarness, tempDir, type Harness } from '../helpers/server-harness';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { eventually } from '../helpers/wait';
import { indicatorsCsvPath } from '../support/paths';
import { launchChromium, recordPageErrors } from './support/browser';
import { BRIEFING_ID, PROFILE_4X2, sceneLayout, seedBriefing } from './support/briefing';

const PRESENTER = 'trinh-bay';

/**
 * The presenter remote's wake path (renderer/remote/controller.ts): a tablet that slept
 * longer than WAKE_AFTER_MS comes back on a connection that is open at both ends but
 * carries nothing (the TCP proxy silences it: neither end hears that it is gone, as after
 * a sleep or a NAT's timeout, for the 45 s socket.io's heartbeat takes to notice). On
 * becoming visible the remote opens a new connection and shows where the briefing is now,
 * moved on meanwhile by someone else. The page's clock is moved on by the sleep's length
 * (Date.now), and its visibility set as a browser sets it, rather than waiting 5 s.
 */
describe('the presenter remote woken after a sleep on a dead connection', () => {
  let h: Harness;
  let proxy: TcpProxy;
  let browser: Browser;
  let remote: Page;
  let presenter: Person;
  let errors: string[];

  beforeAll(async () => {
    const start = join(tempDir(), 'khoi-dau.json');
    writeFileSync(start, JSON.stringify({ ...sceneLayout(0), id: 'khoi-dau' }));
    h = await startHarness({ scrypt: TEST_SCRYPT, indicatorsCsv: indicatorsCsvPath, profilePath: PROFILE_4X2, layout: { path: start, watch: false } });
    await createUser(h, PRESENTER, ['presenter'], 'Phạm Trình Bày');
    presenter = await signIn(h, PRESENTER);
    await seedBriefing((method, path, body) => h.api(method, path, { body }));
    proxy = await startTcpProxy({ port: Number(new URL(h.server.url).port) });
    browser = await launchChromium();
    const tablet = await browser.newContext({ viewport: { width: 1180, height: 820 }, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    remote = await tablet.newPage();
    errors = recordPageErrors(remote);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await h?.cleanup();
  });

  /** What the browser does as the tablet sleeps and wakes: the document's visibility, and the clock moved on by the sleep. */
  const setVisibility = (state: 'hidden' | 'visible', sleptMs = 0) =>
    remote.evaluate(
      ({ state, sleptMs }) => {
        const w = window as unknown as { __slept?: number; __realNow?: () => number };
        w.__realNow ??= Date.now.bind(Date);
        w.__slept = (w.__slept ?? 0) + sleptMs;
        const realNow = w.__realNow;
        Date.now = () => realNow() + (w.__slept ?? 0);
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      },
      { state, sleptMs },
    );

  it('opens a new connection on waking and shows the scene the briefing moved to while it slept', async () => {
    await remote.goto(`${proxy.url}/remote/`);
    await remote.fill('#remote-username', PRESENTER);
    await remote.fill('#remote-password', PASSWORD);
    await remote.tap('.remote-login button[type="submit"]');
    await remote.tap(`[data-start="${BRIEFING_ID}"]`);
    await remote.waitForSelector('.remote-run[data-index="0"]', { timeout: 20_000 });
    await remote.waitForSelector('[data-testid="connection"][data-connected="true"]');

    await setVisibility('hidden');
    // The tablet sleeps: its connections stay open at both ends and carry nothing.
    expect(proxy.blackhole()).toBeGreaterThan(0);
    expect((await asPerson(h, presenter, 'POST', '/api/v1/briefing-run', { action: 'jump', index: 2 })).status).toBe(200);
    const connectionsBefore = proxy.connections;

    await setVisibility('visible', 6_000);
    await remote.waitForSelector('.remote-run[data-index="2"]', { timeout: 20_000 });
    expect(await remote.locator('[data-testid="current-scene"]').getAttribute('data-scene-id')).toBe('canh-3');
    await remote.waitForSelector('[data-testid="connection"][data-connected="true"]');
    await eventually(() => expect(proxy.connections).toBeGreaterThan(connectionsBefore), 'the woken remote came back on a new connection', 10_000, 50);
    await remote.screenshot({ path: 'out/screenshots/remote-woken-dead-connection.png' });
    // The one 401 expected: the page asks who is signed in before anyone has (GET /api/v1/session).
    expect(errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
  });
});
