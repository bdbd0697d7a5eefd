import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths';
import { launchChromium, recordPageErrors } from './support/browser';
import { addDays } from '../../shared/regimes/days';
import { vietnamDay } from '../../shared/tasks/status';
import { seedGallery } from './support/seed-gallery';
import { ServerProcess } from './support/server';
import { readLayout, readProfile, tileBoxes } from './support/wall';
import { shortSource, sourceLine } from '../../shared/format/source';
import { formatPeriod } from '../../shared/format/date';
import type { IndicatorMeta, Observation } from '../../shared/protocol/model';
import { rankScores, rankText, type Ranking } from '../../shared/rankings';
import type { WallViewEvent } from '../../shared/wall/view';

/**
 * The two morning-briefing presets on the walls they are made for, seeded through the API
 * as the gallery is (demo province figures, a compliance history): the preview page and
 * every screen photographed to out/screenshots/ (git-ignored) for a person to look at,
 * and what the eye checks there checked by boxes too: no screen label and no connection
 * badge over a tile, and the 3D map's canvas filling the map area of its tile.
 */
const shots = resolve(projectRoot, 'out/screenshots');

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxesOf(page: Page, selector: string): Promise<Box[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

/**
 * Demo tasks (invented, marked demo: the wall says DEMO on the board): due dates relative to
 * today, so that some are overdue, some in progress, one done late, whatever the day.
 */
const DEMO_TASKS = [
  { agency: 'BXD', days: -40, number: '12/NQ-CP', kind: 'nghi-quyet', title: 'Trình đề án phát triển nhà ở xã hội giai đoạn 2026–2030' },
  { agency: 'BXD', days: -12, number: '45/CĐ-TTg', kind: 'cong-dien', title: 'Đẩy nhanh tiến độ các dự án đường cao tốc trọng điểm' },
  { agency: 'BTC', days: -25, number: '88/TB-VPCP', kind: 'thong-bao-ket-luan', title: 'Báo cáo phương án điều hành giá các mặt hàng thiết yếu' },
  { agency: 'P79', days: -8, number: '05/CT-TTg', kind: 'chi-thi', title: 'Hoàn thành giải phóng mặt bằng dự án vành đai 4' },
  { agency: 'BYT', days: 20, number: '17/NQ-CP', kind: 'nghi-quyet', title: 'Trình Nghị định về khám bệnh, chữa bệnh từ xa' },
  { agency: 'BKHCN', days: 35, number: '214/QĐ-TTg', kind: 'quyet-dinh', title: 'Xây dựng nền tảng dữ liệu dùng chung của Chính phủ' },
] as const;

async function seedTasks(server: ServerProcess): Promise<void> {
  const today = vietnamDay(Date.now());
  for (const t of DEMO_TASKS) {
    const answer = await server.api('POST', '/api/v1/tasks', {
      document: { number: t.number, date: addDays(today, -90), kind: t.kind },
      title: { vi: t.title },
      agency: t.agency,
      dueDate: addDays(today, t.days),
      demo: true,
    });
    if (answer.status !== 201) throw new Error(`seeding task ${t.number}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** The PCI ranking as the server holds it (the DEMO seed): its newest year ranked by the shared rule. */
async function pciRanking(server: ServerProcess): Promise<{ meta: IndicatorMeta; year: string; ranking: Ranking; demo: boolean }> {
  const meta = (await server.api<{ indicators: IndicatorMeta[] }>('GET', '/api/v1/indicators')).body.indicators.find((i) => i.code === 'PROV_PCI')!;
  const all = (await server.api<{ observations: Observation[] }>('GET', '/api/v1/observations?indicator=PROV_PCI')).body.observations;
  const year = all.map((o) => o.period).sort().at(-1)!;
  const shown = all.filter((o) => o.period === year && o.region !== 'VN' && o.value !== null);
  return { meta, year, ranking: rankScores(shown.map((o) => ({ code: o.region, value: o.value! })), meta.direction), demo: shown.some((o) => o.demo) };
}

/** The figures in, the 3D map drawn once, the web font loaded: what a duty officer waits for. */
async function ready(page: Page, screenId: string, tiles: Set<string>): Promise<void> {
  await page.waitForSelector(`[data-screen-id="${screenId}"] [data-tile-id]`, { timeout: 30_000 });
  await page.waitForFunction(() => document.fonts.status === 'loaded');
  if (tiles.has('ban-do-pci')) {
    await page.waitForFunction(() => Number(document.querySelector('[data-tile-id="ban-do-pci"] .map-3d')?.getAttribute('data-frames') ?? 0) > 0, null, { timeout: 45_000 });
  }
  for (const id of ['xep-hang-pci', 'xep-hang-grdp']) {
    if (tiles.has(id)) await page.waitForSelector(`[data-tile-id="${id}"] [data-rows]:not([data-rows="0"])`, { timeout: 30_000 });
  }
  if (tiles.has('chap-hanh-bao-cao')) await page.waitForSelector('[data-tile-id="chap-hanh-bao-cao"] [data-status-count-on-time]', { timeout: 30_000 });
  if (tiles.has('nhiem-vu-qua-han')) await page.waitForSelector('[data-tile-id="nhiem-vu-qua-han"] [data-overdue="4"]', { timeout: 30_000 });
}

describe.each([
  { layoutFile: 'layouts/tong-quan-kinh-te-xa-hoi.json', profileFile: 'assets/profiles/wall-2x2-55in.json' },
  { layoutFile: 'layouts/ban-tin-sang-3x2.json', profileFile: 'assets/profiles/wall-3x2-55in.json' },
])('$layoutFile on $profileFile', ({ layoutFile, profileFile }) => {
  const layout = readLayout(layoutFile);
  const profile = readProfile(profileFile);
  let server: ServerProcess;
  let browser: Browser;
  const pages: { screenId: string; page: Page; errors: string[] }[] = [];

  beforeAll(async () => {
    server = new ServerProcess({ profile: profileFile, layout: layoutFile });
    await server.start();
    await seedGallery(server);
    await seedTasks(server);
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
    // One page at a time (two cores, SwiftShader for the 3D map): the preview, then each screen.
    const targets = [{ screenId: 'all', width: 1920, height: 1080 }, ...profile.screens.map((s) => ({ screenId: s.id, width: s.resolution.width, height: s.resolution.height }))];
    for (const { screenId, width, height } of targets) {
      const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const errors = recordPageErrors(page);
      await page.goto(server.wallUrl(screenId));
      await page.waitForSelector(`[data-screen-id="${screenId}"] [data-tile-id]`, { timeout: 30_000 });
      await ready(page, screenId, new Set((await tileBoxes(page)).keys()));
      await page.screenshot({ path: resolve(shots, `${layout.id}-${profile.id}-${screenId}.png`) });
      pages.push({ screenId, page, errors });
      if (screenId !== 'all') await context.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the preview shows every tile, and no screen label covers one', async () => {
    const { page } = pages.find((p) => p.screenId === 'all')!;
    const tiles = [...(await tileBoxes(page)).entries()];
    expect(tiles.map(([id]) => id).sort()).toEqual(layout.tiles.map((t) => t.id).sort());
    const labels = await boxesOf(page, '[data-preview-label]');
    expect(labels).toHaveLength(profile.screens.length);
    for (const label of labels) for (const [id, tile] of tiles) expect(overlaps(label, tile), `a screen label over ${id}`).toBe(false);
  });

  it('the connection badge covers no tile in the preview', async () => {
    const { page } = pages.find((p) => p.screenId === 'all')!;
    const [badge] = await boxesOf(page, '.conn-status');
    expect(badge).toBeDefined();
    for (const [id, tile] of await tileBoxes(page)) expect(overlaps(badge!, tile), `the badge over ${id}`).toBe(false);
  });

  it('the 3D map’s picture fills its map area, and its labels sit inside it', async () => {
    const { page } = pages.find((p) => p.screenId === 'all')!;
    const [area] = await boxesOf(page, '[data-tile-id="ban-do-pci"] .map-3d__area');
    const [canvas] = await boxesOf(page, '[data-tile-id="ban-do-pci"] .map-3d__area canvas');
    expect(area && canvas).toBeTruthy();
    expect(Math.abs(canvas!.width - area!.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(canvas!.height - area!.height)).toBeLessThanOrEqual(1);
    const placed = await boxesOf(page, '[data-tile-id="ban-do-pci"] .map-3d__label:not(.map-3d__label--sea)[data-placed="yes"] .map-3d__label-box');
    for (const label of placed) expect(overlaps(label, area!)).toBe(true);
  });

  it('a task reported overdue reaches the board and the ticker (time measured and printed, not asserted)', async () => {
    const { page } = pages.find((p) => p.screenId === 'all')!;
    const today = vietnamDay(Date.now());
    const before = Number(await page.getAttribute('[data-tile-id="nhiem-vu-qua-han"] .board-tasks', 'data-overdue'));
    // The Ministry of Justice had no task on the board: one due yesterday, registered now, is overdue at once.
    const sent = Date.now();
    const created = await server.api<{ id: number; status: string }>('POST', '/api/v1/tasks', {
      document: { number: '99/TB-VPCP', date: addDays(today, -30), kind: 'thong-bao-ket-luan' },
      title: { vi: 'Trình dự án Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản' },
      agency: 'BTP',
      dueDate: addDays(today, -1),
      demo: true,
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('overdue');
    const id = created.body.id;
    await page.waitForSelector('[data-tile-id="nhiem-vu-qua-han"] [data-agency="BTP"]', { timeout: 10_000 });
    const onBoard = Date.now() - sent;
    await page.waitForSelector(`[data-tile-id="canh-bao"] [data-item-id="task|${id}"]`, { state: 'attached', timeout: 10_000 });
    const inTicker = Date.now() - sent;
    console.info(`[tasks] ${layout.id}: overdue task on the board after ${onBoard} ms, in the ticker after ${inTicker} ms`);
    expect(Number(await page.getAttribute('[data-tile-id="nhiem-vu-qua-han"] .board-tasks', 'data-overdue'))).toBe(before + 1);
  });

  it('the PCI map and its ranking give each province the rank its score earns, with the year and the publisher', async () => {
    const { page } = pages.find((p) => p.screenId === 'all')!;
    const { meta, year, ranking, demo } = await pciRanking(server);
    expect(ranking.total).toBe(34);
    const map = '[data-tile-id="ban-do-pci"] .map-3d';
    const top = await page.$$eval(`${map} [data-top-rank]`, (items) =>
      items.map((e) => ({ code: e.getAttribute('data-province'), rank: Number(e.getAttribute('data-top-rank')), text: e.getAttribute('data-rank-text') })),
    );
    const mapTile = layout.tiles.find((t) => t.id === 'ban-do-pci')!;
    const wanted = (mapTile.options as { topLabels: number }).topLabels;
    expect(top.map((t) => t.code)).toEqual(ranking.rows.slice(0, wanted).map((r) => r.code));
    for (const t of top) {
      const r = ranking.rankOf(t.code!)!;
      expect(t.rank).toBe(r.rank);
      expect(t.text).toBe(rankText(r, ranking.total));
    }
    expect(await page.textContent(`${map} [data-field="top-title"]`)).toBe(`Xếp hạng /${ranking.total}`);
    expect(await page.textContent(`${map} [data-field="period"]`)).toBe(formatPeriod(year, 'vi'));
    expect(await page.textContent(`${map} [data-field="source"]`)).toBe(sourceLine(shortSource(meta.source)!));
    expect(await page.locator(`${map} [data-field="demo"]`).count()).toBe(demo ? 1 : 0);
    // The ranking tile: every row's rank is the one the scores give, under the same year and publisher.
    const cmp = '[data-tile-id="xep-hang-pci"] .cmp';
    const rows = await page.$$eval(`${cmp} [data-field="row"]`, (items) => items.map((e) => ({ code: e.getAttribute('data-region')!, rank: Number(e.getAttribute('data-rank')) })));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.rank).toBe(ranking.rankOf(row.code)!.rank);
    expect(await page.getAttribute(cmp, 'data-period')).toBe(year);
    expect(await page.textContent(`${cmp} [data-field="source"]`)).toBe(sourceLine(shortSource(meta.source)!));
  });

  it('a province drilled into is named on the PCI map with «hạng N/34»', async () => {
    const { page } = pages.find((p) => p.screenId === 'all')!;
    const { ranking } = await pciRanking(server);
    // A province from the middle of the ranking: not one the top list shows already.
    const middle = ranking.rows[Math.floor(ranking.rows.length / 2)]!;
    const set = await server.api<WallViewEvent>('PUT', '/api/v1/wall/view', { province: middle.code });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const highlight = `[data-tile-id="ban-do-pci"] [data-field="highlight"][data-highlight-province="${middle.code}"]`;
    await page.waitForSelector(highlight, { timeout: 10_000 });
    await page.screenshot({ path: resolve(shots, `${layout.id}-${profile.id}-all-drill-${middle.code}.png`) });
    expect(await page.textContent(`${highlight} [data-field="highlight-rank"]`)).toBe(rankText(middle, ranking.total));
    if (layout.id === 'ban-tin-sang-3x2') await expectScopeMarksClear(page);
    const back = await server.api<WallViewEvent>('PUT', '/api/v1/wall/view', { province: null });
    expect(back.status).toBe(200);
    await page.waitForSelector(`[data-tile-id="ban-do-pci"] [data-field="highlight"]`, { state: 'detached', timeout: 10_000 });
  });

  it('no page error on any page', () => {
    for (const { screenId, errors } of pages) expect(errors, screenId).toEqual([]);
  });
});

/**
 * The compliance and tasks boards say «toàn quốc» in their own headers while drilled down:
 * the mark is inside the tile and covers neither its title nor its DEMO mark (the corner
 * badge it replaces covered both on this wall).
 */
async function expectScopeMarksClear(page: Page): Promise<void> {
  for (const tileId of ['chap-hanh-bao-cao', 'nhiem-vu-qua-han']) {
    const boxes = await page.evaluate((id) => {
      const tile = document.querySelector(`[data-tile-id="${id}"]`)!;
      const box = (el: Element | null) => {
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      return {
        tile: box(tile),
        mark: box(tile.querySelector('[data-view-scope="national"]')),
        others: [...tile.querySelectorAll('[data-field="title"], [data-field="demo"]')].map(box),
        cornerBadges: document.querySelectorAll(`[data-view-scope="national"][data-for-tile="${id}"]`).length,
      };
    }, tileId);
    expect(boxes.cornerBadges, tileId).toBe(0);
    expect(boxes.mark, tileId).not.toBeNull();
    const mark = boxes.mark!;
    const tile = boxes.tile!;
    const outside = { left: mark.left < tile.left, right: mark.right > tile.right, top: mark.top < tile.top, bottom: mark.bottom > tile.bottom };
    expect(outside, `${tileId}: «toàn quốc» sticks out of its tile on no side`).toEqual({ left: false, right: false, top: false, bottom: false });
    const covered = boxes.others.filter((other) => !(other!.right <= mark.left || mark.right <= other!.left || other!.bottom <= mark.top || mark.bottom <= other!.top));
    expect(covered, `${tileId}: «toàn quốc» covers no title or DEMO mark`).toEqual([]);
  }
}
