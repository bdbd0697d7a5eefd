import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineOf, duePeriods, type RegimeTiming } from '../../shared/regimes/calendar';
import { PROVINCES } from '../../shared/regions';
import type { Observation } from '../../shared/protocol/model';
import type { WallViewEvent } from '../../shared/wall/view';
import { launchChromium, recordPageErrors } from './support/browser';
import { GRDP_GROWTH } from './support/seed-gallery';
import { ServerProcess } from './support/server';
import { gdpReport, tileText, waitForValue } from './support/wall';

const profileFile = 'assets/profiles/wall-2x2-55in.json';
const layoutFile = 'tests/e2e/fixtures/wall-view.layout.json';
/** The KPI tiles bound to a province-level indicator (PROV_GRDP_GROWTH of Hà Nội, of Hải Phòng). */
const PROVINCE_KPIS = ['grdp-ha-noi', 'grdp-hai-phong'];
const DA_NANG = '48';

describe('wall view: freeze, drill-down, enlarged tile, commanded over the API', () => {
  let browser: Browser;
  let server: ServerProcess;
  /** The whole wall scaled (screen=all) and screen s2 (top right: GDP and CPI) at its own 1920×1080. */
  const pages: { screenId: string; page: Page; errors: string[] }[] = [];

  const setView = async (patch: object) => {
    const r = await server.api<WallViewEvent>('PUT', '/api/v1/wall/view', patch);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const onEvery = (fn: (page: Page) => Promise<unknown>) => Promise.all(pages.map(({ page }) => fn(page)));
  const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/wall-view-${name}.png` });

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    server = new ServerProcess({ profile: profileFile, layout: layoutFile });
    await server.start();
    // GRDP growth of every province for the newest due quarter, as the statistics office reports it.
    const regime = (await server.api<RegimeTiming>('GET', '/api/v1/regimes/CTK-GRDP-QUY')).body;
    const due = duePeriods(regime, Date.now());
    const period = due[due.length - 1]!;
    expect(deadlineOf(regime, period).ms).toBeLessThan(Date.now());
    const grdp = await server.api('POST', '/api/v1/reports', {
      regime: 'CTK-GRDP-QUY',
      agency: 'CTK',
      period,
      status: 'official',
      values: PROVINCES.map((p) => ({ indicator: 'PROV_GRDP_GROWTH', region: p.code, value: GRDP_GROWTH[p.code] })),
    });
    expect(grdp.status, JSON.stringify(grdp.body)).toBe(201);

    browser = await launchChromium();
    for (const screenId of ['all', 's2']) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      const errors = recordPageErrors(page);
      await page.goto(server.wallUrl(screenId));
      await page.waitForSelector(`[data-screen-id="${screenId}"] [data-tile-id="tang-truong-gdp"] [data-field="value"]`, { timeout: 30_000 });
      pages.push({ screenId, page, errors });
    }
    // The seeded 2025 GDP growth (8,02 %) on both.
    await onEvery((page) => waitForValue(page, 'tang-truong-gdp', '8,02'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('frozen: a new report does not move the figure; the mark gives the time and counts 1 new figure; live shows it', async () => {
    const view = await setView({ freeze: true });
    expect(view.freeze).not.toBeNull();
    await onEvery((page) => page.waitForSelector('[data-view-field="frozen-at"]', { timeout: 20_000 }));
    const at = new Date(Date.parse(view.freeze!.at) + 7 * 3600_000);
    const hhmm = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
    for (const { page } of pages) expect(await page.locator('[data-view-field="frozen-at"]').first().innerText()).toBe(`Đã dừng lúc ${hhmm}`);

    const report = await server.api('POST', '/api/v1/reports', { ...gdpReport(8.31), status: 'estimate' });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    // The wall receives the figure (its counter says so: of the report's four figures, only GDP
    // growth is on this layout) but keeps the one under discussion.
    await onEvery((page) => page.waitForFunction(() => document.querySelector('[data-view-field="changed"]')?.getAttribute('data-count') === '1', undefined, { timeout: 20_000 }));
    for (const { page, screenId } of pages) {
      expect(await tileText(page, 'tang-truong-gdp', 'value'), screenId).toBe('8,02');
      expect(await page.locator('[data-view-field="changed"]').innerText(), screenId).toBe('1 số liệu mới');
    }
    await shot(pages[0]!.page, 'frozen-preview');
    await shot(pages[1]!.page, 'frozen-screen');
    // The mark covers no figure of any tile.
    for (const { page, screenId } of pages) expect(await markCovers(page), screenId).toEqual([]);

    await setView({ freeze: false });
    await onEvery((page) => waitForValue(page, 'tang-truong-gdp', '8,31'));
    for (const { page } of pages) expect(await page.locator('[data-view-mark]').count()).toBe(0);
  });

  it('drilled into Đà Nẵng: every province-level KPI shows its figure as the API gives it, the maps highlight it, the ranking is marked', async () => {
    const api = await server.api<{ observations: Observation[] }>('GET', `/api/v1/observations?indicator=PROV_GRDP_GROWTH&region=${DA_NANG}`);
    expect(api.status).toBe(200);
    const latest = api.body.observations.sort((a, b) => a.period.localeCompare(b.period)).at(-1)!;
    expect(latest.value).toBe(GRDP_GROWTH[DA_NANG]);

    await setView({ province: DA_NANG });
    const all = pages[0]!.page;
    await all.waitForSelector('[data-view-field="province"]', { timeout: 20_000 });
    expect(await all.locator('[data-view-field="province"]').textContent()).toBe('Đang xem: Đà Nẵng');
    for (const tile of PROVINCE_KPIS) {
      await all.waitForFunction((t) => document.querySelector(`[data-tile-id="${t}"] .kpi`)?.getAttribute('data-region') === '48', tile, { timeout: 20_000 });
      const shown = await tileText(all, tile, 'value');
      expect(Number(shown!.replace(/\./g, '').replace(',', '.')), tile).toBe(latest.value);
      expect(await tileText(all, tile, 'scope'), tile).toBe('Đà Nẵng');
    }
    // National indicators say they still show the whole country.
    expect(await tileText(all, 'tang-truong-gdp', 'scope')).toBe('toàn quốc');
    expect(await tileText(all, 'tang-truong-gdp', 'value')).toBe('8,31');
    for (const map of ['ban-do', 'ban-do-3d']) {
      await all.waitForFunction((t) => document.querySelector(`[data-tile-id="${t}"] [data-highlight]`)?.getAttribute('data-highlight') === '48', map, { timeout: 30_000 });
    }
    expect(await all.locator('[data-tile-id="xep-hang"] .cmp').getAttribute('data-drill')).toBe(DA_NANG);
    await shot(all, 'drill-preview');
    await shot(pages[1]!.page, 'drill-screen');

    await setView({ province: null });
    await all.waitForFunction(() => document.querySelector('[data-tile-id="grdp-ha-noi"] .kpi')?.getAttribute('data-region') === '01', undefined, { timeout: 20_000 });
    expect(Number((await tileText(all, 'grdp-ha-noi', 'value'))!.replace(',', '.'))).toBe(GRDP_GROWTH['01']);
  });

  it('enlarged: the map covers the whole wall canvas on every screen; back to the layout', async () => {
    await setView({ enlargedTileId: 'ban-do' });
    const all = pages[0]!.page;
    await all.waitForSelector('.wall-canvas[data-enlarged-tile="ban-do"]', { timeout: 20_000 });
    const canvas = await all.locator('.wall-canvas').boundingBox();
    const map = await all.locator('[data-tile-id="ban-do"]').boundingBox();
    // The grid spans the canvas (its outer bezels aside): the map covers nearly all of it.
    expect(map!.width * map!.height).toBeGreaterThan(0.9 * canvas!.width * canvas!.height);
    expect(await all.locator('[data-tile-id="xep-hang"]').isVisible()).toBe(false);
    // s2 shows its quarter of the enlarged map.
    await pages[1]!.page.waitForSelector('[data-tile-id="ban-do"]', { timeout: 20_000 });
    expect(await pages[1]!.page.locator('[data-tile-id="tang-truong-gdp"]').isVisible()).toBe(false);
    await shot(all, 'enlarged-preview');
    await shot(pages[1]!.page, 'enlarged-screen');

    await setView({ enlargedTileId: null });
    await all.waitForFunction(() => !document.querySelector('.wall-canvas[data-enlarged-tile]'), undefined, { timeout: 20_000 });
    expect(await all.locator('[data-tile-id="xep-hang"]').isVisible()).toBe(true);
    for (const { screenId, errors } of pages) expect(errors, screenId).toEqual([]);
  });
});

/** The figures (data-field values, not labels) the view mark's box overlaps. */
function markCovers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const mark = document.querySelector('[data-view-mark]');
    if (!mark) return ['no mark'];
    const m = mark.getBoundingClientRect();
    const labels = new Set(['title', 'name', 'name-en', 'legend', 'age', 'period', 'scope']);
    return [...document.querySelectorAll<HTMLElement>('[data-tile-id] [data-field]')]
      .filter((f) => !labels.has(f.dataset.field ?? '') && f.checkVisibility())
      .filter((f) => {
        const r = f.getBoundingClientRect();
        return r.width > 0 && r.left < m.right && m.left < r.right && r.top < m.bottom && m.top < r.bottom;
      })
      .map((f) => `${f.closest('[data-tile-id]')!.getAttribute('data-tile-id')}:${f.dataset.field}`);
  });
}
