import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Layout, Tile } from '../../shared/layout/schema';
import { projectRoot } from '../support/paths';
import { launchChromium, recordPageErrors } from './support/browser';
import { buildEditorHarness, HARNESS_SERVER_ARGS, harnessUrl } from './support/editor-harness';
import { ServerProcess } from './support/server';
import { readProfile } from './support/wall';

/**
 * The console's layout editor in real Chromium, against the real server (catalogue, live
 * feed), mounted by its test page: an operator drags a tile onto another screen, resizes it,
 * undoes, moves it by keyboard and binds a tile by typing "tang truong".
 */
const screenshots = resolve(projectRoot, 'out/screenshots');
const profile = readProfile('assets/profiles/wall-2x2-55in.json');

let server: ServerProcess;
let browser: Browser;
let page: Page;
let errors: string[];

const layoutNow = (): Promise<Layout> => page.evaluate(() => window.editorHarness!.layout);
const tileNow = async (id: string): Promise<Tile> => (await layoutNow()).tiles.find((t) => t.id === id)!;
const changes = (): Promise<number> => page.evaluate(() => window.editorHarness!.changes);
const waitForChanges = (n: number) => page.waitForFunction((count) => (window.editorHarness?.changes ?? 0) >= count, n);

async function box(selector: string) {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} has no box`);
  return b;
}

async function dragBy(from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // Several steps, as a hand moves: each pointermove snaps again.
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
  await page.mouse.up();
}

describe('console layout editor', () => {
  beforeAll(async () => {
    await buildEditorHarness();
    server = new ServerProcess({ profile: 'assets/profiles/wall-2x2-55in.json', layout: 'tests/dom/fixtures/kpi-overview.layout.json', extraArgs: HARNESS_SERVER_ARGS });
    await server.start();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    errors = recordPageErrors(page);
    await page.goto(harnessUrl(server.url, server.wallToken));
    await page.waitForSelector('[data-handle="gdp-growth"]');
    // Live data: the KPI shows a figure from the feed, not a placeholder.
    await page.waitForFunction(() => /\d/.test(document.querySelector('.tile[data-tile-id="gdp-growth"]')?.textContent ?? ''));
    mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws the real wall: every tile of the layout, the screens outlined', async () => {
    const layout = await layoutNow();
    expect(await page.locator('.ed-canvas .tile').count()).toBe(layout.tiles.length);
    expect(await page.locator('[data-preview-viewport]').count()).toBe(profile.screens.length);
    expect(await page.locator('[data-preview="bezel-gaps"]').count()).toBe(1);
  });

  it('a tile dragged onto a tile of its size on another screen swaps with it; resized by its corner; undo restores the exact place', async () => {
    const before = await tileNow('gdp-growth');
    const other = await tileNow('exports');
    // exports starts on screen s2 (the right half of the 2×2 wall: columns 12–23), gdp-growth on s1.
    expect(before.x + before.w).toBeLessThanOrEqual(12);
    expect(other.x).toBeGreaterThanOrEqual(12);
    const a = await box('[data-handle="gdp-growth"]');
    const b = await box('[data-handle="exports"]');
    const start = changes();
    await dragBy({ x: a.x + a.width / 2, y: a.y + a.height / 2 }, { x: b.x + b.width / 2, y: b.y + b.height / 2 });
    await waitForChanges((await start) + 1);
    const moved = await tileNow('gdp-growth');
    expect({ x: moved.x, y: moved.y, w: moved.w, h: moved.h }).toEqual({ x: other.x, y: other.y, w: before.w, h: before.h });
    expect(await tileNow('exports')).toMatchObject({ x: before.x, y: before.y });

    // On the screen the drop says: its box inside screen s2's outline.
    const tileBox = await box('.ed-canvas .tile[data-tile-id="gdp-growth"]');
    const s2 = await box('[data-preview-viewport="s2"]');
    expect(tileBox.x).toBeGreaterThanOrEqual(s2.x - 1);
    expect(tileBox.x + tileBox.width).toBeLessThanOrEqual(s2.x + s2.width + 1);
    await page.screenshot({ path: resolve(screenshots, 'console-editor-moved.png') });

    // Resize: the corner dragged left by one grid column.
    const afterMove = await layoutNow();
    const handle = await box('[data-handle="gdp-growth"] [data-resize]');
    const column = (await box('[data-handle="gdp-growth"]')).width / moved.w;
    const n = await changes();
    await dragBy({ x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }, { x: handle.x + handle.width / 2 - column, y: handle.y + handle.height / 2 });
    await waitForChanges(n + 1);
    expect(await tileNow('gdp-growth')).toMatchObject({ x: moved.x, y: moved.y, w: moved.w - 1, h: moved.h });

    // Ctrl+Z: exactly the layout after the move; again: exactly the one before it.
    await page.keyboard.press('Control+z');
    await waitForChanges(n + 2);
    expect(await layoutNow()).toEqual(afterMove);
    await page.keyboard.press('Control+z');
    await waitForChanges(n + 3);
    expect(await tileNow('gdp-growth')).toEqual(before);
    // Ctrl+Y twice: back to the resized tile.
    await page.keyboard.press('Control+y');
    await page.keyboard.press('Control+Shift+z');
    await waitForChanges(n + 5);
    expect(await tileNow('gdp-growth')).toMatchObject({ x: moved.x, w: moved.w - 1 });
  });

  it('moves the focused tile one cell with an arrow key, resizes with Shift+arrow, and Tab goes to the next tile', async () => {
    const tile = await tileNow('gdp-growth');
    await page.locator('[data-handle="gdp-growth"]').focus();
    let n = await changes();
    await page.keyboard.press('ArrowRight');
    await waitForChanges(n + 1);
    expect(await tileNow('gdp-growth')).toMatchObject({ x: tile.x + 1, y: tile.y, w: tile.w, h: tile.h });
    n = await changes();
    await page.keyboard.press('Shift+ArrowLeft');
    await waitForChanges(n + 1);
    expect(await tileNow('gdp-growth')).toMatchObject({ x: tile.x + 1, w: tile.w - 1 });
    // Blocked: a move onto another tile is refused and said.
    n = await changes();
    await page.keyboard.press('ArrowUp');
    await page.waitForSelector('.ed-status[data-notice="outside"]');
    expect(await changes()).toBe(n);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-handle'));
    expect(focused).toBeTruthy();
    expect(focused).not.toBe('gdp-growth');
  });

  it('a tile removed makes room; a KPI from the palette takes it, asks for its data, and is bound by typing "tang truong"', async () => {
    await page.locator('[data-handle="trade-total"]').focus();
    let n = await changes();
    await page.keyboard.press('Delete');
    await waitForChanges(n + 1);
    const freed = { x: 20, y: 0, w: 4, h: 3 };
    expect((await layoutNow()).tiles.some((t) => t.id === 'trade-total')).toBe(false);

    n = await changes();
    await page.locator('button[data-add-widget="kpi"]').click();
    await waitForChanges(n + 1);
    expect(await tileNow('kpi-1')).toMatchObject({ widget: 'kpi', ...freed });
    // Focus is on the new tile; without data the schema refuses it: an error on the tile and in the list.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-handle'))).toBe('kpi-1');
    expect(await page.locator('[data-handle="kpi-1"]').getAttribute('data-warnings')).toContain('schema');
    const index = (await layoutNow()).tiles.findIndex((t) => t.id === 'kpi-1');
    expect(await page.locator(`.ed-warnings li[data-severity="error"][data-path="$.tiles[${index}].binding"]`).count()).toBe(1);
    await page.screenshot({ path: resolve(screenshots, 'console-editor-added.png') });

    await page.keyboard.press('Enter');
    const search = page.getByLabel('Tìm chỉ tiêu theo mã hoặc tên (có dấu hoặc không dấu)');
    await search.fill('tang truong');
    const choice = page.locator('button[data-indicator="GDP_GROWTH"]');
    await choice.waitFor();
    expect(await choice.textContent()).toMatch(/% so với cùng kỳ · hằng quý · Số liệu mới nhất: \d/);
    expect(await page.locator('.ed-result-group[data-field="economic-growth"] h4').textContent()).toBe('Tăng trưởng kinh tế');
    n = await changes();
    await choice.click();
    await waitForChanges(n + 1);
    expect((await tileNow('kpi-1')).binding).toEqual({ indicators: ['GDP_GROWTH'], region: 'VN' });
    await page.waitForFunction(() => !(document.querySelector('[data-handle="kpi-1"]')?.getAttribute('data-warnings') ?? '').includes('schema'));
    // The new tile shows the live figure.
    await page.waitForFunction(() => /\d/.test(document.querySelector('.ed-canvas .tile[data-tile-id="kpi-1"]')?.textContent ?? ''));
    // An option from the generated panel: compare with the same period last year.
    await page.getByLabel('So sánh với').selectOption('yoy');
    await waitForChanges(n + 2);
    expect((await tileNow('kpi-1')).options).toMatchObject({ compare: 'yoy' });
    expect(await page.evaluate(() => window.editorHarness!.warnings().filter((w) => w.severity === 'error'))).toEqual([]);
    await page.screenshot({ path: resolve(screenshots, 'console-editor-bound.png') });
    expect(errors).toEqual([]);
  });
});
