import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths';
import { launchChromium, recordPageErrors } from './support/browser';
import { activate, choose, focused, tabTo, typeInto } from './support/keyboard';
import { ServerProcess } from './support/server';

/**
 * The console's pages for versions, import and the bin, the schedule, accounts and the audit
 * log, in real Chromium against the real server, driven by the keyboard alone (Tab, Enter,
 * Space, Esc, arrows; no mouse): an admin creates an operator, who saves two versions,
 * compares them, restores the first, exports and imports it, deletes and restores a layout,
 * sets a schedule slot, overrides it and releases it; the audit page names each author.
 */
const shots = resolve(projectRoot, 'test-results');
const PASSWORD = 'mật khẩu dài đủ 10';
const PRESET = 'tong-quan-kinh-te-xa-hoi';
const TILE = 'tang-truong-gdp';
const ADMIN = { username: 'quan-tri', name: 'Trần Quản Trị' };
const OPERATOR = { username: 'van-hanh', name: 'Lê Vận Hành' };

let server: ServerProcess;
let browser: Browser;
let admin: Page;
let operator: Page;
const contexts: BrowserContext[] = [];
const errors: string[][] = [];
const work = resolve(tmpdir(), `console-pages-${process.pid}`);

/** Both sizes the console is used at: a control-room monitor and a laptop. */
async function shot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  for (const [w, h] of [[1920, 1080], [1280, 800]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: resolve(shots, `console-pages-${name}-${w}x${h}.png`), fullPage: false });
  }
  if (size) await page.setViewportSize(size);
}

async function signIn(who: { username: string }, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  errors.push(recordPageErrors(page));
  await page.goto(`${server.url}/console/`);
  await typeInto(page, { selector: 'input[name="username"]' }, who.username);
  await typeInto(page, { selector: 'input[name="password"]' }, PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="whoami"]');
  return page;
}

/** The header's link to a page, by keyboard. */
async function goTo(page: Page, id: string, heading: string): Promise<void> {
  await activate(page, { selector: `a.nav-link[href="#/${id}"]` });
  await page.waitForSelector(`h1:has-text("${heading}")`);
}

const statusSays = (page: Page, text: string) => page.waitForSelector(`[data-testid="status"]:has-text("${text}")`);

describe('console pages, keyboard only', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    mkdirSync(work, { recursive: true });
    server = new ServerProcess({ profile: 'assets/profiles/wall-2x2-55in.json', layout: `layouts/${PRESET}.json` });
    await server.start();
    const made = await server.api('POST', '/api/v1/users', { username: ADMIN.username, displayName: ADMIN.name, roles: ['admin'], password: PASSWORD });
    expect(made.status).toBe(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  // Generous: every control is reached by Tab presses, one at a time, on a shared machine.
  it('an admin creates an operator; disabling the last admin is refused with the server\'s words', { timeout: 180_000 }, async () => {
    admin = await signIn(ADMIN, { width: 1920, height: 1080 });
    await goTo(admin, 'users', 'Tài khoản');
    await activate(admin, { selector: 'button', text: 'Tạo tài khoản' });
    await admin.waitForSelector('[role="dialog"]');
    // The dialog puts the focus on its first field.
    expect(await focused(admin, { selector: 'input[name="displayName"]' })).toBe(true);
    // Esc closes it and the focus goes back to the button that opened it.
    await admin.keyboard.press('Escape');
    await admin.waitForSelector('[role="dialog"]', { state: 'detached' });
    expect(await focused(admin, { selector: 'button', text: 'Tạo tài khoản' })).toBe(true);

    await admin.keyboard.press('Enter');
    await admin.waitForSelector('[role="dialog"]');
    await admin.keyboard.type(OPERATOR.name);
    await typeInto(admin, { selector: 'input[name="username"]' }, OPERATOR.username);
    // Operator is ticked for a new account; viewer too, with Space.
    await tabTo(admin, { selector: 'input[name="role-viewer"]' });
    await admin.keyboard.press(' ');
    await typeInto(admin, { selector: 'input[name="password"]' }, PASSWORD);
    await shot(admin, 'users-create');
    await admin.keyboard.press('Enter');
    await statusSays(admin, `Đã tạo tài khoản ${OPERATOR.username}`);
    await admin.waitForSelector(`tr[data-username="${OPERATOR.username}"]`);

    // Disabling oneself, the only admin: the server's message, in Vietnamese.
    await activate(admin, { selector: `tr[data-username="${ADMIN.username}"] button`, text: 'Vô hiệu hoá' });
    await admin.waitForSelector('[role="alert"]:has-text("quản trị viên cuối cùng")');
    await shot(admin, 'users');
    const users = await server.api<{ users: { username: string; roles: string[]; disabled: boolean }[] }>('GET', '/api/v1/users');
    expect(users.body.users.find((u) => u.username === OPERATOR.username)?.roles.sort()).toEqual(['operator', 'viewer']);
    expect(users.body.users.find((u) => u.username === ADMIN.username)?.disabled).toBe(false);
  });

  let copyId = '';

  it('the operator saves two versions, compares them, restores the first as a new version', { timeout: 180_000 }, async () => {
    operator = await signIn(OPERATOR, { width: 1280, height: 800 });
    await operator.waitForSelector(`tr[data-layout-id="${PRESET}"]`);
    await activate(operator, { selector: `tr[data-layout-id="${PRESET}"] button`, text: 'Nhân bản' });
    await operator.waitForSelector(`[data-handle="${TILE}"]`);
    copyId = decodeURIComponent(new URL(operator.url()).hash.split('/')[2] ?? '');
    expect(copyId).toMatch(/^tong-quan-kinh-te-xa-hoi-copy/);

    // Version 2: the GDP tile one cell narrower; version 3: moved right into the room made.
    for (const [key, note, version] of [['Shift+ArrowLeft', 'hẹp ô GDP', 2], ['ArrowRight', 'dời ô GDP', 3]] as const) {
      await tabTo(operator, { selector: `[data-handle="${TILE}"]` });
      await operator.keyboard.press(key);
      await typeInto(operator, { selector: '.toolbar input' }, note);
      await activate(operator, { selector: '.toolbar button.primary', text: 'Lưu' });
      await operator.waitForSelector(`text=Đã lưu phiên bản ${version}.`);
    }

    await activate(operator, { selector: '.toolbar button', text: 'Phiên bản' });
    await operator.waitForSelector('tr[data-version="3"]');
    await choose(operator, { selector: 'select[name="from"]' }, '1');
    await choose(operator, { selector: 'select[name="to"]' }, '3');
    await activate(operator, { selector: 'button', text: 'So sánh' });
    await operator.waitForSelector('[data-testid="diff"] h3:has-text("Phiên bản 1 → 3")');
    expect(await operator.textContent('[data-testid="diff"]')).toContain(`Dời/đổi cỡ ${TILE}`);
    await shot(operator, 'versions-diff');

    await activate(operator, { selector: 'tr[data-version="1"] button', text: 'Khôi phục' });
    await operator.waitForSelector('[role="dialog"] input[name="note"]');
    await typeInto(operator, { selector: '[role="dialog"] input[name="note"]' }, 'quay về bản đầu');
    await operator.keyboard.press('Enter');
    await statusSays(operator, 'Đã khôi phục phiên bản 1 thành phiên bản 4.');
    const versions = await server.api<{ versions: { version: number; note: string; by: string }[] }>('GET', `/api/v1/library/layouts/${copyId}/versions`);
    expect(versions.body.versions.map((v) => [v.version, v.by])).toEqual([[4, OPERATOR.name], [3, OPERATOR.name], [2, OPERATOR.name], [1, OPERATOR.name]]);
    expect(versions.body.versions[0]!.note).toBe('quay về bản đầu');
    const [v1, v4] = await Promise.all([1, 4].map((v) => server.api<{ document: { tiles: unknown[] } }>('GET', `/api/v1/library/layouts/${copyId}/versions/${v}`)));
    expect(v4!.body.document.tiles).toEqual(v1!.body.document.tiles);
  });

  let importedId = '';

  it('exports a version, refuses a broken file naming its field, imports the export', async () => {
    const download = operator.waitForEvent('download');
    await activate(operator, { selector: 'tr[data-version="4"] button', text: 'Xuất tệp' });
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${copyId}-v4.json`);
    const exported = resolve(work, file.suggestedFilename());
    await file.saveAs(exported);
    const document = JSON.parse(readFileSync(exported, 'utf8')) as { id: string; grid: { columns: unknown } };
    expect(document.id).toBe(copyId);

    await goTo(operator, 'import', 'Nhập tệp và thùng rác');
    const broken = resolve(work, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...document, grid: { ...document.grid, columns: 'mười hai' } }));
    // Playwright turns the browser's interception of file choosers on when someone listens;
    // listening from here on, not only from each wait, leaves no moment in which a chooser
    // opened by the key could go to the (headless) browser instead (a CI run lost one so).
    const listening = () => undefined;
    operator.on('filechooser', listening);
    for (const path of [broken, exported]) {
      await tabTo(operator, { selector: 'input[type="file"]' });
      const chooser = operator.waitForEvent('filechooser');
      await operator.keyboard.press(' ');
      await (await chooser).setFiles(path);
      if (path === broken) {
        await operator.waitForSelector('ul.faults li:has-text("grid.columns")');
        await shot(operator, 'import-error');
      }
    }
    operator.off('filechooser', listening);
    await statusSays(operator, 'Đã nhập thành bố cục');
    const list = await server.api<{ layouts: { id: string }[] }>('GET', '/api/v1/library/layouts');
    importedId = list.body.layouts.map((l) => l.id).find((id) => id.startsWith(`${copyId}-`))!;
    expect(importedId).toBeTruthy();
    expect(await operator.textContent('[data-testid="status"]')).toContain(importedId);
  });

  it('deletes the imported layout and restores it from the bin', async () => {
    await goTo(operator, 'library', 'Thư viện bố cục');
    // The library asks with the browser's own confirm: the page's answer, not a click.
    operator.once('dialog', (d) => void d.accept());
    await activate(operator, { selector: `tr[data-layout-id="${importedId}"] button`, text: 'Xoá' });
    await operator.waitForSelector(`tr[data-layout-id="${importedId}"]`, { state: 'detached' });
    await goTo(operator, 'import', 'Nhập tệp và thùng rác');
    await operator.waitForSelector(`tr[data-layout-id="${importedId}"]`);
    await shot(operator, 'bin');
    await activate(operator, { selector: `tr[data-layout-id="${importedId}"] button`, text: 'Khôi phục' });
    await statusSays(operator, `Đã khôi phục ${importedId}`);
    const got = await server.api<{ layout: { deletedAt: string | null } }>('GET', `/api/v1/library/layouts/${importedId}`);
    expect(got.body.layout.deletedAt).toBeNull();
  });

  it('sets a slot for every day, overrides it by hand and releases it back to the schedule', async () => {
    await goTo(operator, 'live', 'Trên tường và lịch');
    await operator.waitForSelector('[data-testid="live-now"]');
    await activate(operator, { selector: 'button', text: 'Thêm khung giờ' });
    await operator.waitForSelector('fieldset[data-slot="slot-1"]');
    // Monday to Friday are ticked for a new slot; Saturday and Sunday with Space.
    for (const day of [6, 7]) {
      await tabTo(operator, { selector: `fieldset[data-slot="slot-1"] input[name="day-${day}"]` });
      await operator.keyboard.press(' ');
    }
    await typeInto(operator, { selector: 'fieldset[data-slot="slot-1"] input[name="start"]' }, '00:00');
    await typeInto(operator, { selector: 'fieldset[data-slot="slot-1"] input[name="end"]' }, '24:00');
    await choose(operator, { selector: 'fieldset[data-slot="slot-1"] select[name="layout"]' }, PRESET);
    await activate(operator, { selector: 'button', text: 'Lưu lịch' });
    await statusSays(operator, 'Đã lưu lịch.');
    await operator.waitForSelector('[data-testid="live-now"] dd:has-text("theo lịch")');

    await choose(operator, { selector: 'select[name="push-layout"]' }, copyId);
    await activate(operator, { selector: '.live-now button.primary', text: 'Đưa lên tường' });
    await statusSays(operator, 'thay lịch');
    await operator.waitForSelector('[data-testid="override"]');
    await shot(operator, 'live-override');
    let live = await server.api<{ layoutId: string; version: number; source: string }>('GET', '/api/v1/live');
    expect([live.body.layoutId, live.body.version, live.body.source]).toEqual([copyId, 4, 'manual']);

    await activate(operator, { selector: 'button', text: 'Trả lại cho lịch' });
    await statusSays(operator, 'Đã trả lại cho lịch');
    live = await server.api('GET', '/api/v1/live');
    expect([live.body.layoutId, live.body.source]).toEqual([PRESET, 'schedule']);
    await operator.waitForSelector('[data-testid="override"]', { state: 'detached' });
    await shot(operator, 'live');
  });

  it('the audit page lists each change with its author, and filters by action', { timeout: 120_000 }, async () => {
    await goTo(operator, 'audit', 'Nhật ký thay đổi');
    await operator.waitForSelector('tr[data-action="schedule.release"]');
    const rows = await operator.$$eval('tr[data-action]', (trs) => trs.map((tr) => `${tr.getAttribute('data-action')} ${tr.getAttribute('data-actor')}`));
    const by = (action: string, actor: string) => `${action} ${actor}`;
    for (const expected of [
      by('user.create', ADMIN.name),
      by('layout.duplicate', OPERATOR.name),
      by('layout.save', OPERATOR.name),
      by('layout.restore', OPERATOR.name),
      by('layout.import', OPERATOR.name),
      by('layout.delete', OPERATOR.name),
      by('schedule.update', OPERATOR.name),
      by('schedule.override', OPERATOR.name),
      by('layout.publish', OPERATOR.name),
      by('schedule.release', OPERATOR.name),
    ]) {
      expect(rows).toContain(expected);
    }
    expect(rows.filter((r) => r === by('layout.save', OPERATOR.name))).toHaveLength(2);
    // Newest first: the release was the last change made, and the schedule put its slot's layout back at once.
    expect(rows.slice(0, 2)).toEqual([by('layout.publish', 'server'), by('schedule.release', OPERATOR.name)]);
    // A save's diff is readable: the tile that moved.
    expect(await operator.textContent('tr[data-action="layout.save"]')).toContain(`Dời/đổi cỡ ${TILE}`);
    await shot(operator, 'audit');

    await choose(operator, { selector: 'select[name="action"]' }, 'layout.');
    await typeInto(operator, { selector: 'input[name="actor"]' }, OPERATOR.name);
    await operator.keyboard.press('Enter');
    await operator.waitForSelector('tr[data-action="schedule.release"]', { state: 'detached' });
    const filtered = await operator.$$eval('tr[data-action]', (trs) => trs.map((tr) => tr.getAttribute('data-action')!));
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.filter((a) => !a.startsWith('layout.'))).toEqual([]);
    await shot(operator, 'audit-filtered');

    // English through the header's switch: the same page, the same rows.
    await activate(operator, { selector: 'header button', text: 'EN' });
    await operator.waitForSelector('h1:has-text("Audit log")');
    expect(await operator.$$eval('tr[data-action]', (trs) => trs.length)).toBe(filtered.length);
    await shot(operator, 'audit-en');

    // Expected in the console: the 401 of asking who is signed in before anyone has, the
    // last admin's 409 and the broken file's 422 (the browser logs every refused request).
    for (const list of errors) expect(list.filter((e) => !/status of (401|409|422)/.test(e))).toEqual([]);
  });
});
