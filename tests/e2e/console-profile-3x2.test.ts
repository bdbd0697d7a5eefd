import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallProfileSchema, type WallProfile } from '../../shared/wall/profile';
import { projectRoot } from '../support/paths';
import { predictTilesOnScreens, wallMmToScreen } from '../support/mm-prediction';
import { expectAlignmentLines, type DrawnLine } from './support/alignment';
import { launchChromium, recordPageErrors } from './support/browser';
import { createConsoleUser, signInConsole, typeIntoField } from './support/console';
import { activate, tabTo } from './support/keyboard';
import { ServerProcess } from './support/server';
import { openScreenPages, readLayout, readProfile, tileBoxes, type ScreenPage } from './support/wall';

/**
 * Issue 9, first check: a technician builds a 3×2 wall from a panel model of the catalogue,
 * changes a bezel, turns one screen a quarter (free placement: a grid holds one rotation for
 * the whole wall), saves and activates. Six wall pages, one per screen, re-plan without a
 * reload; every element box is where the millimetres put it within 1 px; the alignment grid,
 * shown from the console's own control, meets across every bezel within 1 px. Predictions
 * come from tests/support/mm-prediction (millimetres alone, never shared/geometry).
 */
const shots = resolve(projectRoot, 'out/screenshots/console-profile-3x2');
const PASSWORD = 'mật khẩu dài đủ 10';
const startProfile = 'assets/profiles/wall-3x2-55in.json';
const layoutFile = 'tests/e2e/fixtures/across-bezels.layout.json';

let server: ServerProcess;
let browser: Browser;
let pages: ScreenPage[];
const contexts: BrowserContext[] = [];

const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

/** The wall's canvas element on a page, in the page's pixels. */
const canvasBox = (page: Page) =>
  page.$eval('.wall-canvas', (e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });

describe('technician: a 3×2 wall with a portrait screen and a changed bezel, from the console to six wall pages', () => {
  beforeAll(async () => {
    server = new ServerProcess({ profile: startProfile, layout: layoutFile });
    await server.start();
    await createConsoleUser(server, { username: 'ky-thuat', displayName: 'Trần Kỹ Thuật', roles: ['technician'], password: PASSWORD });
    browser = await launchChromium();
    // Screens s1…s6 exist from the start (another 3×2 wall), so each page is open before the change.
    pages = await openScreenPages(browser, server, readProfile(startProfile));
    for (const { page } of pages) await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    mkdirSync(shots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('builds, rotates, changes a bezel, saves and activates; six pages re-plan without reload to the millimetre geometry; the alignment grid meets across every bezel', async () => {
    const revisions = await Promise.all(pages.map(({ page }) => page.getAttribute('.wall-screen', 'data-wall-revision').then(Number)));

    const context = await browser.newContext({ viewport: { width: 1600, height: 2000 } });
    contexts.push(context);
    const page = await context.newPage();
    const errors = recordPageErrors(page);
    await signInConsole(page, server, 'ky-thuat', PASSWORD);
    await page.goto(`${server.url}/console/#/profile`);
    await page.waitForSelector('[data-testid="wall-drawing"]');

    // The wall and the panel model from the catalogue, keyboard only.
    await typeIntoField(page, 'id', 'phong-dieu-hanh-3x2');
    await typeIntoField(page, 'name', 'Phòng điều hành 3×2, một màn dựng đứng');
    await typeIntoField(page, 'distance', '5000');
    await page.focus('[name="panel"]');
    await page.keyboard.press('ArrowDown');
    expect(await page.$eval('[name="panel"]', (e) => (e as HTMLSelectElement).value)).toBe('lg-55vl5f');
    await expect.poll(() => page.textContent('[data-testid="panel-source"]')).toContain('LG 55VL5F');
    await typeIntoField(page, 'rows', '2');
    await typeIntoField(page, 'columns', '3');
    await expect.poll(() => page.locator('[data-testid="wall-drawing"] g[data-screen]').count()).toBe(6);

    // A bezel as measured on the real panel: right side 3 mm instead of the datasheet's 1.25.
    await typeIntoField(page, 'bezel-right', '3');
    await expect.poll(() => page.textContent('[data-testid="bezel-explained"]')).toContain('trên 2,25 · phải 3 · dưới 1,25 · trái 2,25 mm; khe ngang = 5,25 mm');
    // By hand: a frame 2.25 + 1209.6 + 3 = 1214.85 mm wide, 2.25 + 680.4 + 1.25 = 683.9 mm high;
    // 3 × 1214.85 = 3644.55 mm, which the drawing shows to a tenth.
    await expect.poll(() => page.textContent('[data-testid="wall-size-mm"]')).toMatch(/3\.644,[56] × 1\.367,8 mm/);

    // A grid has one rotation for every screen: free placement, from the radio group with the arrow key.
    await page.focus('input[name="mode"][value="grid"]');
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('[name="screen-5-x"]');
    expect(await page.inputValue('[name="screen-5-id"]')).toBe('s6');
    expect(await page.inputValue('[name="screen-5-x"]')).toBe('2429.7');
    expect(await page.inputValue('[name="screen-5-y"]')).toBe('683.9');
    // s6, bottom right, turned a quarter clockwise: 683.9 mm wide and 1214.85 mm high from the
    // same corner, so it hangs below the wall's bottom edge and overlaps nothing.
    await page.focus('[name="screen-5-rotation"]');
    await page.keyboard.press('ArrowDown');
    expect(await page.$eval('[name="screen-5-rotation"]', (e) => (e as HTMLSelectElement).value)).toBe('90');
    await expect.poll(() => page.textContent('[data-testid="fault-count"]')).toBe('Hồ sơ hợp lệ.');
    // 683.9 + 1214.85 = 1898.75 mm high.
    await expect.poll(() => page.textContent('[data-testid="wall-size-mm"]')).toMatch(/3\.644,[56] × 1\.898,[78] mm/);
    await page.screenshot({ path: resolve(shots, 'console-free-rotated.png'), fullPage: true });

    await typeIntoField(page, 'note', 'LG 55VL5F, viền phải đo được 3 mm, s6 dựng đứng');
    await page.focus('button.primary');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Đã lưu phiên bản 1.');
    await page.focus('li[data-version="1"] button');
    const activatedAt = Date.now();
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Tường đang dùng hồ sơ phong-dieu-hanh-3x2 phiên bản 1');
    await page.screenshot({ path: resolve(shots, 'console-activated.png'), fullPage: true });

    // What the wall now runs, read back and checked against what was typed.
    const state = await server.api<{ profile: unknown }>('GET', '/api/v1/wall');
    const profile: WallProfile = wallProfileSchema.parse(state.body.profile);
    expect(profile.id).toBe('phong-dieu-hanh-3x2');
    expect(profile.screens.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    expect(profile.screens.map((s) => s.rotation)).toEqual([0, 0, 0, 0, 0, 90]);
    for (const s of profile.screens) expect(s.bezelMm).toEqual({ top: 2.25, right: 3, bottom: 1.25, left: 2.25 });
    expect(profile.screens[5]!.placement).toEqual({ kind: 'free', xMm: 2429.7, yMm: 683.9 });

    // Every page re-plans over its socket; s6's window then takes its display's new shape
    // (the display agent sizes the window to the turned display), still without a reload.
    for (const [i, { page: wall }] of pages.entries()) {
      await wall.waitForFunction((before) => Number(document.querySelector('.wall-screen')?.getAttribute('data-wall-revision') ?? -1) > before, revisions[i]!, { timeout: 20_000 });
    }
    console.log(`six wall pages re-planned ${Date.now() - activatedAt} ms after the technician pressed Enter on activate`);
    await pages.find((p) => p.screenId === 's6')!.page.setViewportSize({ width: 1080, height: 1920 });

    const layout = readLayout(layoutFile);
    const predicted = predictTilesOnScreens(profile, layout.grid, layout.tiles);
    let compared = 0;
    for (const { page: wall, screenId } of pages) {
      expect(await notReloaded(wall), `${screenId} was not reloaded`).toBe(true);
      const size = wall.viewportSize()!;
      await wall.waitForFunction(([w, h]) => window.innerWidth === w && window.innerHeight === h && document.querySelector('.wall-screen[data-scale="1"]') !== null, [size.width, size.height] as const);
      // The canvas: wall millimetre 0,0 and the wall's far corner (3644.55 × 1898.75 mm), in this screen's pixels.
      const box = await canvasBox(wall);
      const origin = wallMmToScreen(profile, screenId, 0, 0);
      const far = wallMmToScreen(profile, screenId, 3644.55, 1898.75);
      for (const [got, want, edge] of [
        [box.left, origin.x, 'left'],
        [box.top, origin.y, 'top'],
        [box.right, far.x, 'right'],
        [box.bottom, far.y, 'bottom'],
      ] as const) {
        expect(Math.abs(got - want), `${screenId} canvas ${edge}: ${got} vs ${want.toFixed(3)}`).toBeLessThanOrEqual(1);
      }
      // The tiles: exactly those the millimetres put on this screen, each edge within 1 px.
      const boxes = await tileBoxes(wall);
      const here = predicted.filter((p) => p.screenId === screenId);
      expect([...boxes.keys()].sort(), `${screenId} tiles`).toEqual(here.map((p) => p.tileId).sort());
      for (const { tileId, box: want } of here) {
        const got = boxes.get(tileId)!;
        for (const [a, b, edge] of [
          [got.x, want.x, 'left'],
          [got.y, want.y, 'top'],
          [got.x + got.width, want.x + want.width, 'right'],
          [got.y + got.height, want.y + want.height, 'bottom'],
        ] as const) {
          expect(Math.abs(a - b), `${screenId} ${tileId} ${edge}: ${a} vs ${b.toFixed(3)}`).toBeLessThanOrEqual(1);
          compared++;
        }
      }
      await wall.screenshot({ path: resolve(shots, `wall-${screenId}.png`) });
    }
    expect(compared).toBeGreaterThan(0);

    // The alignment grid from the console's control (the audited PUT /api/v1/wall/test-pattern), keyboard only.
    await page.focus('select[name="pattern"]');
    expect(await page.$eval('select[name="pattern"]', (e) => (e as HTMLSelectElement).value)).toBe('alignment-grid');
    await activate(page, { selector: 'button', text: 'Hiện mẫu thử' });
    await page.waitForSelector('text=Mẫu thử đang hiện trên cả tường.');
    const drawn = new Map<string, DrawnLine[]>();
    for (const { page: wall, screenId } of pages) {
      await wall.waitForSelector('[data-test-pattern="alignment-grid"]', { timeout: 20_000 });
      drawn.set(screenId, await expectAlignmentLines(wall, profile, screenId, 1));
      await wall.screenshot({ path: resolve(shots, `alignment-${screenId}.png`) });
      expect(await notReloaded(wall), `${screenId} was not reloaded`).toBe(true);
    }
    // Every bezel: neighbours side by side share horizontal lines, stacked ones vertical lines,
    // each already within 1 px of the prediction on both sides of the bezel.
    const bezels = [
      ['s1', 's2', 'horizontal'], ['s2', 's3', 'horizontal'], ['s4', 's5', 'horizontal'], ['s5', 's6', 'horizontal'],
      ['s1', 's4', 'vertical'], ['s2', 's5', 'vertical'], ['s3', 's6', 'vertical'],
    ] as const;
    for (const [a, b, kind] of bezels) {
      const on = (id: string) => new Set(drawn.get(id)!.filter((l) => l.kind === kind).map((l) => l.mm));
      const shared = [...on(a)].filter((mm) => on(b).has(mm));
      expect(shared.length, `${kind} lines across the bezel ${a}|${b}`).toBeGreaterThan(2);
    }

    // Back to the layout, and both commands are in the audit log under the technician's name.
    await tabTo(page, { selector: 'button', text: 'Tắt mẫu thử' });
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Tường trở lại bố cục.');
    for (const { page: wall } of pages) await wall.waitForFunction(() => document.querySelector('[data-test-pattern]') === null, undefined, { timeout: 20_000 });
    const audit = await server.api<{ rows: { action: string; actor: { name: string }; diff?: unknown }[] }>('GET', '/api/v1/audit?action=wall.');
    const byTechnician = audit.body.rows.filter((r) => r.actor.name === 'Trần Kỹ Thuật').map((r) => r.action);
    expect(byTechnician).toEqual(expect.arrayContaining(['wall.test_pattern', 'wall.test_pattern_stop']));

    const known = (e: string) => e.includes('status of 401');
    expect(errors.filter((e) => !known(e))).toEqual([]);
    for (const { errors: wallErrors, screenId } of pages) expect(wallErrors, screenId).toEqual([]);
  }, 180_000);
});
