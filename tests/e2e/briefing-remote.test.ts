import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunState } from '../../shared/briefing/run';
import { deadlineOf, duePeriods, type RegimeTiming } from '../../shared/regimes/calendar';
import { PROVINCES } from '../../shared/regions';
import type { Observation } from '../../shared/protocol/model';
import { asPerson, createUser, PASSWORD, signIn, TEST_SCRYPT, type Person } from '../helpers/accounts';
import { startHarness, tempDir, type Harness } from '../helpers/server-harness';
import { indicatorsCsvPath } from '../support/paths';
import { launchChromium, recordPageErrors } from './support/browser';
import { BRIEFING_ID, percentile, PROFILE_4X2, readSwap, sceneLayout, SCREENS_4X2, seedBriefing, showsScene, spread, type Swap } from './support/briefing';
import { GRDP_GROWTH } from './support/seed-gallery';
import { gdpReport, tileText, waitForValue } from './support/wall';

/**
 * The presenter's remote (/remote/) on a tablet (touch, mobile viewport) steering a wall
 * of 8 pages (the 4 × 2 bench profile, one page per screen) through a three-scene
 * briefing against the real server: every page shows each scene; freeze from the remote,
 * then a report: the walls keep the figure and count it; drill into Đà Nẵng; a viewer
 * cannot command (403); the remote, put to sleep and woken, shows the server's state.
 * The spread of each swap across the 8 pages (their own frame timestamps) is printed,
 * never asserted; bench/briefing/ measures more switches.
 */
const SHOTS = 'out/screenshots';
const PRESENTER = 'trinh-bay';
const VIEWER = 'lanh-dao';
const DA_NANG = '48';

describe('the presenter remote steering an 8-page wall', () => {
  let h: Harness;
  let browser: Browser;
  let tablet: BrowserContext;
  let remote: Page;
  let presenter: Person;
  const walls: { screenId: string; page: Page; errors: string[] }[] = [];
  let remoteErrors: string[];
  const swaps: Swap[] = [];
  let lastSwitch = 0;

  const wallPages = () => walls.map((w) => w.page);
  const page = (screenId: string) => walls.find((w) => w.screenId === screenId)!.page;
  const serverRun = async () => ((await asPerson(h, presenter, 'GET', '/api/v1/briefing-run')).body as { run: RunState | null }).run;
  /** After a command: every page swapped (their frame times kept), then every page shows scene n, and the remote says so. */
  const switched = async (n: number) => {
    const swap = await readSwap(wallPages(), lastSwitch);
    lastSwitch = swap.switchId;
    swaps.push(swap);
    for (const w of walls) await w.page.waitForFunction((k) => document.querySelector(`.wall-canvas:not([data-scene-prepared]) [data-tile-id^="c${k}-"]`) !== null && document.querySelectorAll('.wall-canvas').length === 1, n, { timeout: 20_000, polling: 50 });
    for (const w of walls) expect(await showsScene(w.page, n), `${w.screenId} shows scene ${n}`).toBe(true);
    await remote.waitForSelector(`.remote-run[data-index="${n - 1}"]`, { timeout: 10_000 });
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The wall starts on a plain layout (the scenes' first, under another id), not the 3D-map preset: 8 pages share two cores.
    const dir = tempDir();
    const start = join(dir, 'khoi-dau.json');
    writeFileSync(start, JSON.stringify({ ...sceneLayout(0), id: 'khoi-dau' }));
    h = await startHarness({ scrypt: TEST_SCRYPT, indicatorsCsv: indicatorsCsvPath, profilePath: PROFILE_4X2, layout: { path: start, watch: false }, loginRateLimit: { ratePerSecond: 100, burst: 100 } });
    await createUser(h, PRESENTER, ['presenter'], 'Phạm Trình Bày');
    await createUser(h, VIEWER, ['viewer'], 'Lãnh đạo');
    presenter = await signIn(h, PRESENTER);
    await seedBriefing((method, path, body) => h.api(method, path, { body }));
    // GRDP growth of every province for the newest due quarter (what the drill-down shows).
    const regime = (await h.api<RegimeTiming>('GET', '/api/v1/regimes/CTK-GRDP-QUY')).body;
    const due = duePeriods(regime, Date.now());
    const period = due[due.length - 1]!;
    expect(deadlineOf(regime, period).ms).toBeLessThan(Date.now());
    const grdp = await h.api('POST', '/api/v1/reports', {
      body: { regime: 'CTK-GRDP-QUY', agency: 'CTK', period, status: 'official', values: PROVINCES.map((p) => ({ indicator: 'PROV_GRDP_GROWTH', region: p.code, value: GRDP_GROWTH[p.code] })) },
    });
    expect(grdp.status, grdp.text).toBe(201);

    browser = await launchChromium();
    for (const screenId of SCREENS_4X2) {
      const context = await browser.newContext({ viewport: { width: 640, height: 360 }, reducedMotion: 'reduce' });
      const p = await context.newPage();
      const errors = recordPageErrors(p);
      await p.goto(`${h.server.url}/wall/?screen=${screenId}#token=${h.server.wallToken}`);
      await p.waitForSelector(`[data-screen-id="${screenId}"] [data-tile-id^="c0-"]`, { timeout: 30_000 });
      walls.push({ screenId, page: p, errors });
    }
    await waitForValue(page('s1'), 'c0-gdp', '8,02');
    tablet = await browser.newContext({ viewport: { width: 1180, height: 820 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    remote = await tablet.newPage();
    remoteErrors = recordPageErrors(remote);
  }, 180_000);

  afterAll(async () => {
    const line = (label: string, values: number[]) => `${label}: p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
    if (swaps.length) {
      console.info(`[briefing] swap spread across ${walls.length} pages over ${swaps.length} switches (frame timestamps) — ${line('spread', swaps.map((s) => spread(s.frames)))}`);
      console.info(`[briefing] per switch (frame / callback): ${swaps.map((s) => `#${s.switchId} ${spread(s.frames).toFixed(1)} / ${spread(s.callbacks).toFixed(1)} ms`).join(', ')}`);
    }
    await browser?.close();
    await h?.cleanup();
  });

  it('signs in on the tablet, starts the briefing and steps through its three scenes by tapping; every page shows each scene', async () => {
    await remote.goto(`${h.server.url}/remote/`);
    await remote.waitForSelector('[data-testid="login-form"]');
    await remote.screenshot({ path: `${SHOTS}/remote-login.png` });
    await remote.fill('#remote-username', PRESENTER);
    await remote.fill('#remote-password', PASSWORD);
    await remote.tap('.remote-login button[type="submit"]');
    await remote.waitForSelector(`[data-start="${BRIEFING_ID}"]`);
    await remote.screenshot({ path: `${SHOTS}/remote-start.png` });

    await remote.tap(`[data-start="${BRIEFING_ID}"]`);
    await switched(1);
    expect(await remote.locator('[data-testid="current-scene"] h2').innerText()).toContain('1. Tổng quan kinh tế');
    expect(await remote.locator('[data-testid="next-scene"] h2').innerText()).toContain('2. Tăng trưởng các địa phương');
    await remote.waitForSelector('[data-testid="current-scene"] svg[data-thumb-layout="canh-1"]');
    await remote.waitForSelector('[data-testid="next-scene"] svg[data-thumb-layout="canh-2"]');
    // An untitled KPI is named in the picture by its indicator, not by its tile id.
    expect(await remote.locator('[data-testid="current-scene"] [data-thumb-tile="c1-gdp"] text').textContent()).toMatch(/GDP/);
    expect(await remote.locator('[data-testid="notes"]').innerText()).toContain('Ghi chú cảnh 1');

    await remote.tap('[data-action="next"]');
    await switched(2);
    // Scene 2 loops after 90 s: the remote shows its duration and what is left of it.
    expect(await remote.locator('[data-timer="duration"]').innerText()).toMatch(/^1:30\s*· tự chuyển sau 1:\d\d/);
    await remote.tap('[data-action="hold"]');
    await remote.waitForSelector('.remote-run[data-held="true"]');
    expect((await serverRun())!.held).toBe(true);
    await remote.screenshot({ path: `${SHOTS}/remote-scene-2-held.png` });

    await remote.tap('[data-action="next"]');
    await switched(3);
    expect(await remote.locator('[data-testid="next-scene"] h2').innerText()).toContain('Cảnh cuối');
    // Back by keyboard (a presenter's clicker sends PageUp), and by the list.
    await remote.keyboard.press('PageUp');
    await switched(2);
    await remote.tap('[data-jump="0"]');
    await switched(1);
    expect((await serverRun())!).toMatchObject({ index: 0, commandedBy: 'Phạm Trình Bày' });
    for (const w of walls) expect(await w.page.locator('button').count(), `${w.screenId} shows no controls`).toBe(0);
  });

  it('freeze from the remote: a new report does not move the wall’s figure, the walls and the remote count it; back to live shows it', async () => {
    await remote.tap('[data-action="freeze"]');
    await remote.waitForSelector('[data-testid="freeze-state"][data-frozen="true"]');
    await Promise.all(wallPages().map((p) => p.waitForSelector('[data-view-field="frozen-at"]', { timeout: 20_000 })));
    const frozenAt = await page('s1').locator('[data-view-field="frozen-at"]').innerText();
    expect(await remote.locator('[data-testid="freeze-state"] strong').innerText()).toBe(frozenAt);

    const report = await h.api('POST', '/api/v1/reports', { body: { ...gdpReport(8.31), status: 'estimate' } });
    expect(report.status, report.text).toBe(201);
    await Promise.all(wallPages().map((p) => p.waitForFunction(() => document.querySelector('[data-view-field="changed"]')?.getAttribute('data-count') === '1', undefined, { timeout: 20_000 })));
    expect(await tileText(page('s1'), 'c1-gdp', 'value')).toBe('8,02');
    await remote.waitForSelector('[data-testid="freeze-state"][data-count="1"]', { timeout: 20_000 });
    expect(await remote.locator('[data-testid="freeze-state"]').innerText()).toBe(`${frozenAt} · 1 số liệu mới`);
    await remote.screenshot({ path: `${SHOTS}/remote-frozen.png` });
    await page('s1').screenshot({ path: `${SHOTS}/remote-wall-s1-frozen.png` });

    await remote.tap('[data-action="freeze"]');
    await waitForValue(page('s1'), 'c1-gdp', '8,31');
    await remote.waitForSelector('[data-testid="freeze-state"][data-frozen="false"]');
    for (const p of wallPages()) expect(await p.locator('[data-view-field="frozen-at"]').count()).toBe(0);
  });

  it('drills into Đà Nẵng from the remote: the province KPI shows its figure as the API gives it; back to national', async () => {
    const api = await asPerson(h, presenter, 'GET', `/api/v1/observations?indicator=PROV_GRDP_GROWTH&region=${DA_NANG}`);
    const latest = (api.body as { observations: Observation[] }).observations.sort((a, b) => a.period.localeCompare(b.period)).at(-1)!;
    await remote.tap('[data-action="province"]');
    await remote.waitForSelector('[data-testid="province-picker"]');
    expect(await remote.locator('[data-testid="province-picker"] [data-province]').count()).toBe(35);
    await remote.screenshot({ path: `${SHOTS}/remote-provinces.png` });
    await remote.tap(`[data-province="${DA_NANG}"]`);
    await remote.waitForSelector(`[data-testid="province-state"][data-province="${DA_NANG}"]`);
    expect(await remote.locator('[data-testid="province-state"]').innerText()).toBe('Tường đang xem: Đà Nẵng');
    const s2 = page('s2');
    await s2.waitForFunction(() => document.querySelector('[data-tile-id="c1-grdp"] .kpi')?.getAttribute('data-region') === '48', undefined, { timeout: 20_000 });
    expect(Number((await tileText(s2, 'c1-grdp', 'value'))!.replace(/\./g, '').replace(',', '.'))).toBe(latest.value);
    expect(await tileText(s2, 'c1-grdp', 'scope')).toBe('Đà Nẵng');
    for (const p of wallPages()) await p.waitForSelector('[data-view-field="province"]', { timeout: 20_000 });
    await s2.screenshot({ path: `${SHOTS}/remote-wall-s2-da-nang.png` });

    await remote.tap('[data-action="national"]');
    await s2.waitForFunction(() => document.querySelector('[data-tile-id="c1-grdp"] .kpi')?.getAttribute('data-region') === '01', undefined, { timeout: 20_000 });
    await remote.waitForSelector('[data-testid="province-state"][data-province=""]');
  });

  it('a viewer cannot command: 403 on the run and the view, and the remote says it may only watch', async () => {
    const viewer = await signIn(h, VIEWER);
    for (const [method, path, body] of [
      ['POST', '/api/v1/briefing-run', { action: 'next' }],
      ['PUT', '/api/v1/wall/view', { freeze: true }],
    ] as const) {
      const r = await asPerson(h, viewer, method, path, body);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect((r.body as { error: { code: string } }).error.code).toBe('auth.role_forbidden');
    }
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    const p = await phone.newPage();
    await p.goto(`${h.server.url}/remote/`);
    await p.fill('#remote-username', VIEWER);
    await p.fill('#remote-password', PASSWORD);
    await p.tap('.remote-login button[type="submit"]');
    await p.waitForSelector('[data-testid="read-only"]');
    await p.waitForSelector('.remote-run');
    expect(await p.locator('[data-action="next"]').isDisabled()).toBe(true);
    await p.screenshot({ path: `${SHOTS}/remote-phone-viewer.png`, fullPage: true });
    // English second: the header's switch changes the whole page.
    await p.tap('[data-testid="language"]');
    await p.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await p.locator('[data-action="next"]').innerText()).toBe('Next ▶');
    expect(await p.locator('[data-testid="read-only"]').innerText()).toBe('This account may watch only; it cannot command the wall.');
    await p.screenshot({ path: `${SHOTS}/remote-phone-viewer-en.png` });
    await phone.close();
    expect((await serverRun())!.index).toBe(0);
  });

  it('asleep and woken (reloaded), the remote shows the state the server holds, not what it last showed', async () => {
    await remote.goto('about:blank');
    // While the tablet sleeps: someone else moves the briefing on and freezes the wall.
    expect((await asPerson(h, presenter, 'POST', '/api/v1/briefing-run', { action: 'jump', index: 2 })).status).toBe(200);
    const swap = await readSwap(wallPages(), lastSwitch);
    lastSwitch = swap.switchId;
    swaps.push(swap);
    expect((await asPerson(h, presenter, 'PUT', '/api/v1/wall/view', { freeze: true })).status).toBe(200);
    await remote.goto(`${h.server.url}/remote/`);
    await remote.waitForSelector('.remote-run[data-index="2"]', { timeout: 20_000 });
    await remote.waitForSelector('[data-testid="freeze-state"][data-frozen="true"]');
    await remote.waitForSelector('[data-testid="connection"][data-connected="true"]');
    expect(await remote.locator('[data-testid="current-scene"]').getAttribute('data-scene-id')).toBe('canh-3');
    // Nothing changed since the freeze: the woken remote counts what the walls count (none), not every figure it received.
    await remote.waitForFunction(() => document.querySelector('[data-testid="freeze-state"]')?.getAttribute('data-count') === '0');
    for (const p of wallPages()) expect(await p.locator('[data-view-field="changed"]').count()).toBe(0);
    await remote.screenshot({ path: `${SHOTS}/remote-woken.png` });
    expect((await asPerson(h, presenter, 'PUT', '/api/v1/wall/view', { freeze: false })).status).toBe(200);
    await remote.waitForSelector('[data-testid="freeze-state"][data-frozen="false"]');

    // The one 401 expected: the page asks who is signed in before anyone has (GET /api/v1/session).
    expect(remoteErrors.filter((e) => !e.includes('status of 401'))).toEqual([]);
    for (const w of walls) expect(w.errors, w.screenId).toEqual([]);
  });
});
