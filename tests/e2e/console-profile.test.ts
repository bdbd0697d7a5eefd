import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths';
import { launchChromium, recordPageErrors } from './support/browser';
import { createConsoleUser, signInConsole, typeIntoField as typeInto } from './support/console';
import { ServerProcess } from './support/server';

/**
 * The profile editor in real Chromium against the real server (issue 9): a technician
 * signs in, builds a 2×2 wall from the panel catalogue with the keyboard alone, sees the
 * overlap a free placement makes named at its field, saves, activates, and an open wall
 * page re-plans to the new profile (its canvas grows) without a reload.
 */
const shots = resolve(projectRoot, 'test-results');
const PASSWORD = 'mật khẩu dài đủ 10';

let server: ServerProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];

const canvasSize = (wall: Page) =>
  wall.$eval('.wall-canvas', (e) => {
    const style = (e as HTMLElement).style;
    return `${parseFloat(style.width)} × ${parseFloat(style.height)}`;
  });

describe('technician: wall hardware', () => {
  beforeAll(async () => {
    server = new ServerProcess({ profile: 'assets/profiles/single-1080p.json', layout: 'layouts/tong-quan-kinh-te-xa-hoi.json' });
    await server.start();
    await createConsoleUser(server, { username: 'ky-thuat', displayName: 'Trần Kỹ Thuật', roles: ['technician'], password: PASSWORD });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('builds a 2×2 wall from the catalogue, sees an overlap named at its field, saves, activates; the open wall re-plans without reload', async () => {
    const wallContext = await browser.newContext({ viewport: { width: 960, height: 540 } });
    contexts.push(wallContext);
    const wall = await wallContext.newPage();
    await wall.goto(server.wallUrl('s1'));
    await wall.waitForSelector('.wall-canvas');
    expect(await canvasSize(wall)).toBe('1920 × 1080');
    // A mark a reload would wipe.
    await wall.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const revisionBefore = Number(await wall.getAttribute('.wall-screen', 'data-wall-revision'));

    const context = await browser.newContext({ viewport: { width: 1600, height: 1800 } });
    contexts.push(context);
    const page = await context.newPage();
    const errors = recordPageErrors(page);
    await signInConsole(page, server, 'ky-thuat', PASSWORD);
    // The page is in the header for a technician.
    await page.waitForSelector('nav >> text=Cấu hình phần cứng');
    await page.goto(`${server.url}/console/#/profile`);
    await page.waitForSelector('[data-testid="wall-drawing"]');
    // The wall the server started with is in the store as version 1, active.
    await page.waitForSelector('tr[data-profile-id="single-1080p"] >> text=đang dùng: v1');

    // The form, keyboard only: id, then Tab to the name.
    await typeInto(page, 'id', 'phong-hop-2x2');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Phòng họp 2×2');
    await typeInto(page, 'distance', '4000');
    // The catalogue: the second model (LG 55VL5F, 2.25/1.25 mm per side, 3.5 mm bezel to bezel).
    await page.focus('[name="panel"]');
    await page.keyboard.press('ArrowDown');
    expect(await page.$eval('[name="panel"]', (e) => (e as HTMLSelectElement).value)).toBe('lg-55vl5f');
    await expect.poll(() => page.textContent('[data-testid="panel-source"]')).toContain('LG 55VL5F');
    await expect.poll(() => page.textContent('[data-testid="bezel-explained"]')).toContain('trên 2,25 · phải 1,25 · dưới 1,25 · trái 2,25 mm; khe ngang = 3,5 mm');
    await typeInto(page, 'rows', '2');
    await typeInto(page, 'columns', '2');
    await expect.poll(() => page.locator('[data-testid="wall-drawing"] g[data-screen]').count()).toBe(4);
    await expect.poll(() => page.textContent('[data-testid="wall-size-mm"]')).toContain('2.426,2 × 1.367,8 mm');
    const drawnCanvas = (await page.textContent('[data-testid="wall-canvas-px"]'))!;
    expect(drawnCanvas).toMatch(/\d+ × \d+ px/);
    await page.screenshot({ path: resolve(shots, 'console-profile-grid.png') });

    // Free placement, from the radio group with the arrow key: the frames start where the grid had them.
    await page.focus('input[name="mode"][value="grid"]');
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('[name="screen-1-x"]');
    expect(await page.inputValue('[name="screen-1-x"]')).toBe('1213.1');
    await typeInto(page, 'screen-1-x', '1000');
    const overlap = page.locator('[data-field="screen-1-x"]');
    await expect.poll(() => overlap.textContent()).toMatch(/Màn hình "s2" chồng lên màn hình "s1" 213.1 × 683.9 mm/);
    await page.waitForSelector('[data-testid="wall-drawing"] g.overlap[data-screen="s2"]');
    expect(await page.isDisabled('button.primary')).toBe(true);
    await page.screenshot({ path: resolve(shots, 'console-profile-overlap.png') });

    // Back bezel to bezel, then a quarter turn is chosen from the list (never typed) and undone.
    await typeInto(page, 'screen-1-x', '1213,1');
    await expect.poll(() => page.textContent('[data-testid="fault-count"]')).toBe('Hồ sơ hợp lệ.');
    await typeInto(page, 'note', 'tường 2×2 từ danh mục');
    await page.focus('button.primary');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Đã lưu phiên bản 1.');
    await page.waitForSelector('tr[data-profile-id="phong-hop-2x2"]');

    await page.focus('li[data-version="1"] button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Tường đang dùng hồ sơ phong-hop-2x2 phiên bản 1');
    await page.waitForSelector('li[data-version="1"] >> text=đang dùng trên tường');
    await page.screenshot({ path: resolve(shots, 'console-profile-saved.png') });

    // The open wall page gets the new profile over its socket and re-plans: the canvas the drawing promised.
    const expected = drawnCanvas.replace(/^.*?(\d+ × \d+) px.*$/s, '$1');
    // By hand: 0.63 mm a pixel (1209.6 mm / 1920 px); 2 × 1213.1 mm / 0.63 = 3851.1 → 3852 px, 2 × 683.9 mm / 0.63 = 2171.1 → 2172 px.
    expect(expected).toBe('3852 × 2172');
    await wall.waitForFunction((want) => {
      const e = document.querySelector('.wall-canvas') as HTMLElement | null;
      return e !== null && `${parseFloat(e.style.width)} × ${parseFloat(e.style.height)}` === want;
    }, expected);
    expect(await wall.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(Number(await wall.getAttribute('.wall-screen', 'data-wall-revision'))).toBeGreaterThan(revisionBefore);
    await wall.screenshot({ path: resolve(shots, 'console-profile-wall.png') });

    const known = (e: string) => e.includes('status of 401');
    expect(errors.filter((e) => !known(e))).toEqual([]);
  }, 120_000);
});
