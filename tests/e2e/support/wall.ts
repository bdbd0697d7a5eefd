import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { gridLines, tileRect, wallCanvas } from '../../../shared/geometry';
import type { Rect } from '../../../shared/geometry/types';
import { layoutSchema, type Layout } from '../../../shared/layout/schema';
import { wallProfileSchema, type WallProfile } from '../../../shared/wall/profile';
import { projectRoot } from '../../support/paths';
import { recordPageErrors } from './browser';
import type { ServerProcess } from './server';

export function readProfile(file: string): WallProfile {
  return wallProfileSchema.parse(JSON.parse(readFileSync(resolve(projectRoot, file), 'utf8')));
}

export function readLayout(file: string): Layout {
  return layoutSchema.parse(JSON.parse(readFileSync(resolve(projectRoot, file), 'utf8')));
}

/** Where geometry says each tile lies on the canvas. */
export function predictedTiles(profile: WallProfile, layout: Layout): Map<string, Rect> {
  const canvas = wallCanvas(profile);
  const lines = gridLines(canvas, profile, layout.grid);
  return new Map(layout.tiles.map((tile) => [tile.id, tileRect(lines, tile)]));
}

export interface ScreenPage {
  screenId: string;
  page: Page;
  errors: string[];
}

/**
 * One page per screen at the screen's own resolution, as a wall window would be, and
 * with `preview` one more page showing the whole wall scaled (`screen=all`).
 */
export async function openScreenPages(
  browser: Browser,
  server: ServerProcess,
  profile: WallProfile,
  { preview = false }: { preview?: boolean } = {},
): Promise<ScreenPage[]> {
  const canvas = wallCanvas(profile);
  const targets = canvas.screens.map((s) => ({ screenId: s.screenId, width: s.pixelSize.width, height: s.pixelSize.height }));
  if (preview) targets.push({ screenId: 'all', width: 1920, height: 1080 });
  return Promise.all(
    targets.map(async ({ screenId, width, height }) => {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      const errors = recordPageErrors(page);
      await page.goto(server.wallUrl(screenId));
      await page.waitForSelector(`[data-screen-id="${screenId}"] [data-tile-id]`, { timeout: 20_000 });
      return { screenId, page, errors };
    }),
  );
}

/** The pages that show a tile (a window mounts only the tiles crossing its screen). */
export async function pagesShowing(pages: ScreenPage[], tileId: string): Promise<ScreenPage[]> {
  const shows = await Promise.all(pages.map(({ page }) => page.locator(`[data-tile-id="${tileId}"]`).count()));
  return pages.filter((_, index) => shows[index]! > 0);
}

export async function tileBoxes(page: Page): Promise<Map<string, Rect>> {
  const boxes = await page.$$eval('[data-tile-id]', (elements) =>
    elements.map((element) => {
      const r = element.getBoundingClientRect();
      return { id: element.getAttribute('data-tile-id') ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  return new Map(boxes.map(({ id, ...rect }) => [id, rect]));
}

export async function tileText(page: Page, tileId: string, field: string): Promise<string | null> {
  const locator = page.locator(`[data-tile-id="${tileId}"] [data-field="${field}"]`);
  return (await locator.count()) > 0 ? locator.first().innerText() : null;
}

/** The statistics office's yearly report with GDP growth = `growth` (the regime's four fields). */
export const gdpReport = (growth: number) => ({
  regime: 'CTK-KTXH-NAM',
  agency: 'CTK',
  period: '2026',
  values: [
    { indicator: 'GDP_GROWTH', value: growth },
    { indicator: 'GDP_VND', value: 14100 },
    { indicator: 'GDP_USD', value: 560 },
    { indicator: 'GDP_PER_CAPITA', value: 5450 },
  ],
});

/** Waits until the tile's value reads `text` on the page. */
export async function waitForValue(page: Page, tileId: string, text: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    ([tile, expected]) => document.querySelector(`[data-tile-id="${tile}"] [data-field="value"]`)?.textContent?.trim() === expected,
    [tileId, text] as const,
    { timeout },
  );
}
