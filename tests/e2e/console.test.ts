import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths';
import { launchChromium, recordPageErrors } from './support/browser';
import { ServerProcess } from './support/server';
import { createConsoleUser } from './support/console';

/**
 * The console in real Chromium against the real server: an operator signs in, duplicates
 * the preset, moves a tile, saves and pushes it live, and a wall screen repaints without a
 * reload; two people saving the same layout get the conflict choice and lose nothing;
 * writes without a valid session are refused; the published version survives a restart.
 */
const screenshots = resolve(projectRoot, 'out/screenshots');
const PASSWORD = 'mật khẩu dài đủ 10';
const PRESET = 'tong-quan-kinh-te-xa-hoi';
// The preset's GDP-growth KPI: room to its right once it is one cell narrower.
const TILE = 'tang-truong-gdp';

let server: ServerProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedInPage(username: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  await page.goto(`${server.url}/console/`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="whoami"]');
  return { page, errors };
}

const createUser = (username: string, displayName: string, roles: string[]) => createConsoleUser(server, { username, displayName, roles, password: PASSWORD });

async function tileWidth(page: Page, id: string): Promise<number> {
  return page.$eval(`.tile[data-tile-id="${id}"]`, (e) => e.getBoundingClientRect().width).catch(() => Number.NaN);
}

describe('operator console', () => {
  beforeAll(async () => {
    server = new ServerProcess({ profile: 'assets/profiles/wall-2x2-55in.json', layout: `layouts/${PRESET}.json` });
    await server.start();
    await createUser('van-a', 'Nguyễn Văn A', ['operator']);
    await createUser('van-b', 'Nguyễn Văn B', ['operator']);
    await createUser('xem', 'Người Xem', ['viewer']);
    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('a wrong password is told plainly', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/console/`);
    await page.screenshot({ path: resolve(screenshots, 'console-login.png') });
    await page.fill('input[name="username"]', 'van-a');
    await page.fill('input[name="password"]', 'sai mật khẩu rồi');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.textContent('[role="alert"]')).toContain('Sai tên đăng nhập hoặc mật khẩu');
  });

  let copyId = '';

  it('duplicate the preset, move a tile, save, push live: the wall repaints without reload', async () => {
    const { page, errors } = await signedInPage('van-a');
    const wall = await (await browser.newContext({ viewport: { width: 960, height: 540 } })).newPage();
    await wall.goto(server.wallUrl('s1'));
    await wall.waitForSelector(`.tile[data-tile-id="${TILE}"]`);
    const before = await tileWidth(wall, TILE);

    await page.waitForSelector(`tr[data-layout-id="${PRESET}"]`);
    await page.screenshot({ path: resolve(screenshots, 'console-library.png') });
    await page.click(`tr[data-layout-id="${PRESET}"] button:has-text("Nhân bản")`);
    await page.waitForSelector(`[data-handle="${TILE}"]`);
    await page.locator(`[data-handle="${TILE}"]`).focus();
    // Narrower by one cell (its neighbour leaves no room to move right yet).
    await page.keyboard.press('Shift+ArrowLeft');
    await page.fill('.toolbar input', 'dời ô tăng trưởng GDP');
    await page.click('.toolbar button:has-text("Lưu")');
    await page.waitForSelector('text=Đã lưu phiên bản 2.');
    await page.screenshot({ path: resolve(screenshots, 'console-editor.png') });
    await page.click('.toolbar button:has-text("Đưa lên tường")');
    await page.waitForSelector('[role="dialog"]');
    await page.screenshot({ path: resolve(screenshots, 'console-publish.png') });
    await page.click('[role="dialog"] button.primary');
    await page.waitForSelector('text=Tường đang hiển thị phiên bản 2.');

    const live = await server.api<{ layoutId: string; version: number }>('GET', '/api/v1/live');
    copyId = live.body.layoutId;
    expect(copyId).not.toBe(PRESET);
    expect(live.body.version).toBe(2);
    // The wall's own socket brings the new layout (the tile narrower): wait on the tile moving, no reload, no timer.
    await wall.waitForFunction(
      ([id, x]) => {
        const e = document.querySelector(`.tile[data-tile-id="${id}"]`);
        return e !== null && e.getBoundingClientRect().width !== x;
      },
      [TILE, before] as const,
    );
    // The one 401 expected: the page asks who is signed in before anyone has (GET /api/v1/session).
    // The map widgets' boundary loader uses the session when the page has no token.
    const known = (e: string) => e.includes('status of 401');
    expect(errors.filter((e) => !known(e))).toEqual([]);
  });

  it('two people save the same layout: the second gets the choice, and "save mine as a copy" loses nothing', async () => {
    const a = await signedInPage('van-a');
    const b = await signedInPage('van-b');
    for (const p of [a.page, b.page]) {
      await p.click(`tr[data-layout-id="${copyId}"] button:has-text("Mở")`);
      await p.waitForSelector(`[data-handle="${TILE}"]`);
    }
    await expect.poll(() => b.page.textContent('[data-testid="presence"]').catch(() => '')).toContain('Nguyễn Văn A đang mở bố cục này');
    await a.page.locator(`[data-handle="${TILE}"]`).focus();
    await a.page.keyboard.press('ArrowRight');
    await a.page.click('.toolbar button:has-text("Lưu")');
    await a.page.waitForSelector('text=Đã lưu phiên bản 3.');

    await b.page.locator(`[data-handle="${TILE}"]`).focus();
    await b.page.keyboard.press('Shift+ArrowUp');
    await b.page.click('.toolbar button:has-text("Lưu")');
    await b.page.waitForSelector('[role="alertdialog"]');
    expect(await b.page.textContent('[role="alertdialog"]')).toContain('Nguyễn Văn A đã lưu phiên bản 3');
    await b.page.screenshot({ path: resolve(screenshots, 'console-conflict.png') });
    await b.page.click('[role="alertdialog"] button:has-text("Lưu bản của tôi thành bản sao")');
    await b.page.waitForSelector('h1:has-text("(bản của tôi)")');

    const list = await server.api<{ layouts: { id: string; title: { vi: string }; headVersion: number }[] }>('GET', '/api/v1/library/layouts');
    const original = list.body.layouts.find((l) => l.id === copyId)!;
    const mine = list.body.layouts.find((l) => l.title.vi.endsWith('(bản của tôi)'))!;
    expect(original.headVersion).toBe(3);
    const [theirs, copy] = await Promise.all([
      server.api<{ head: { document: { tiles: { id: string; x: number; h: number }[] } } }>('GET', `/api/v1/library/layouts/${copyId}`),
      server.api<{ head: { document: { tiles: { id: string; x: number; h: number }[] } } }>('GET', `/api/v1/library/layouts/${mine.id}`),
    ]);
    const at = (doc: typeof theirs, id: string) => doc.body.head.document.tiles.find((t) => t.id === id)!;
    // A's move right is in the layout, B's shorter tile is in the copy: both edits kept.
    expect(at(theirs, TILE).x).toBe(at(copy, TILE).x + 1);
    expect(at(copy, TILE).h).toBe(at(theirs, TILE).h - 1);
  });

  it('without a session, with a viewer\'s session or a forged CSRF token, writes are refused and nothing changes', async () => {
    const headBefore = (await server.api<{ layout: { headVersion: number } }>('GET', `/api/v1/library/layouts/${copyId}`)).body.layout.headVersion;
    const viewer = await signedInPage('xem');
    const operator = await signedInPage('van-a');
    const attempt = (page: Page, csrf: 'own' | 'forged' | 'none') =>
      page.evaluate(
        async ([id, mode]) => {
          const session = await fetch('/api/v1/session').then((r) => r.json() as Promise<{ csrfToken: string }>);
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (mode === 'own') headers['x-csrf-token'] = session.csrfToken;
          if (mode === 'forged') headers['x-csrf-token'] = 'forged-token';
          const r = await fetch(`/api/v1/library/layouts/${id}`, { method: 'PATCH', headers, body: JSON.stringify({ title: { vi: 'đổi trộm' } }) });
          return r.status;
        },
        [copyId, csrf] as const,
      );
    expect(await attempt(viewer.page, 'own')).toBe(403);
    expect(await attempt(operator.page, 'forged')).toBe(403);
    expect(await attempt(operator.page, 'none')).toBe(403);
    const anonymous = await fetch(`${server.url}/api/v1/library/layouts/${copyId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: { vi: 'đổi trộm' } }) });
    expect(anonymous.status).toBe(401);
    const after = (await server.api<{ layout: { headVersion: number; title: { vi: string } } }>('GET', `/api/v1/library/layouts/${copyId}`)).body.layout;
    expect(after.headVersion).toBe(headBefore);
    expect(after.title.vi).not.toBe('đổi trộm');
  });

  it('after a restart on the same data folder the published layout and version are still live', async () => {
    await server.stop();
    server = new ServerProcess({ dataDir: server.dataDir, port: server.port, adminToken: server.adminToken, wallToken: server.wallToken });
    await server.start();
    const live = await server.api<{ layoutId: string; version: number }>('GET', '/api/v1/live');
    expect(live.body.layoutId).toBe(copyId);
    expect(live.body.version).toBe(2);
  });

  it('a reload of the editor loses no unsaved edit: the moved tile is still moved, marked unsaved, and saves as the next version', async () => {
    const { page, errors } = await signedInPage('van-a');
    const head = (await server.api<{ head: { version: number } }>('GET', `/api/v1/library/layouts/${copyId}`)).body.head.version;
    await page.click(`tr[data-layout-id="${copyId}"] button:has-text("Mở")`);
    await page.waitForSelector(`[data-handle="${TILE}"]`);
    const width = () => page.$eval(`[data-handle="${TILE}"]`, (e) => e.getBoundingClientRect().width);
    const saved = await width();
    await page.locator(`[data-handle="${TILE}"]`).focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await page.waitForSelector(`small:text-is("v${head} *")`);
    const edited = await width();
    expect(edited).toBeLessThan(saved);

    await page.reload();
    await page.waitForSelector(`small:text-is("v${head} *")`);
    await page.waitForSelector('[role="status"]:has-text("Đã khôi phục các thay đổi chưa lưu của bạn.")');
    await page.waitForSelector(`[data-handle="${TILE}"]`);
    expect(await width()).toBe(edited);
    await page.screenshot({ path: resolve(screenshots, 'console-editor-after-reload.png') });
    await page.click('.toolbar button:has-text("Lưu")');
    await page.waitForSelector(`text=Đã lưu phiên bản ${head + 1}.`);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    const known = (e: string) => e.includes('status of 401');
    expect(errors.filter((e) => !known(e))).toEqual([]);
  });

  it('a tile bound in the editor to an indicator the wall does not show draws its live figure, with no "no data" warning', async () => {
    // The live layout shows compliance and binds no FDI figure: the editor's feed must follow the draft, not the wall.
    const { page, errors } = await signedInPage('van-a');
    await page.click(`tr[data-layout-id="${copyId}"] button:has-text("Mở")`);
    const handle = page.locator('[data-handle="xuat-khau"]');
    await handle.waitFor();
    await page.waitForFunction(() => /\d/.test(document.querySelector('.ed-canvas .tile[data-tile-id="xuat-khau"]')?.textContent ?? ''));
    await handle.focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Tìm chỉ tiêu theo mã hoặc tên (có dấu hoặc không dấu)').fill('von fdi thuc hien');
    // Before it is bound, the picker says its latest figure (read from the server: the feed does not carry it).
    await expect.poll(() => page.textContent('button[data-indicator="FDI_DISBURSED"]')).toMatch(/Số liệu mới nhất: \d/);
    await page.locator('button[data-indicator="FDI_DISBURSED"]').click();
    await page.waitForSelector('small:text-matches("^v\\\\d+ \\\\*$")');
    // Its figure comes over the feed once the draft asks for it: digits, and the warning list says nothing of missing data.
    await page.waitForFunction(() => {
      const text = document.querySelector('.ed-canvas .tile[data-tile-id="xuat-khau"] [data-field="value"]')?.textContent ?? '';
      return /\d/.test(text) && !(document.querySelector('[data-handle="xuat-khau"]')?.getAttribute('data-warnings') ?? '').includes('no-data');
    });
    await page.screenshot({ path: resolve(screenshots, 'console-editor-rebound.png') });
    const known = (e: string) => e.includes('status of 401');
    expect(errors.filter((e) => !known(e))).toEqual([]);
  });
});
