import type { Page } from 'playwright-core';

/**
 * A three-scene briefing on the 8-screen wall (bench/wall/profile-4x2.json: 4 × 2 screens
 * of 1920 × 1080, ids s1…s8), shared by tests/e2e/briefing-remote.test.ts and
 * bench/briefing/: every screen holds one tile of each scene (its id starts with `c<n>-`,
 * so a page shows which scene it has), the first two screens KPIs (national GDP growth,
 * a province's GRDP growth: what freeze and drill-down act on), the others notes.
 */
export const PROFILE_4X2 = 'bench/wall/profile-4x2.json';
export const SCREENS_4X2 = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'] as const;
export const BRIEFING_ID = 'giao-ban-sang';
export const SCENE_COUNT = 3;

export type Api = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

/** Scene n's layout (1-based): a 24 × 12 grid, one 6 × 6 tile per screen. */
export function sceneLayout(n: number) {
  const tiles = SCREENS_4X2.map((screen, i) => {
    const at = { x: (i % 4) * 6, y: Math.floor(i / 4) * 6, w: 6, h: 6 };
    if (i === 0) return { id: `c${n}-gdp`, widget: 'kpi', ...at, binding: { indicators: ['GDP_GROWTH'], region: 'VN' }, options: { sparklinePeriods: 0 } };
    if (i === 1) return { id: `c${n}-grdp`, widget: 'kpi', ...at, binding: { indicators: ['PROV_GRDP_GROWTH'], region: '01' }, options: { sparklinePeriods: 0 } };
    return { id: `c${n}-ghi-chu-${screen}`, widget: 'note', ...at, title: { vi: `Cảnh ${n}` }, options: { text: `Cảnh ${n} — màn ${screen}` } };
  });
  return { schemaVersion: 1, id: `canh-${n}`, title: { vi: `Cảnh ${n}` }, grid: { columns: 24, rows: 12 }, tiles };
}

/** The three layouts into the library (version 1 each) and the briefing over them; returns the scenes' titles. */
export async function seedBriefing(api: Api): Promise<string[]> {
  const titles = ['Tổng quan kinh tế', 'Tăng trưởng các địa phương', 'Kết luận'];
  for (let n = 1; n <= SCENE_COUNT; n++) {
    const r = await api('POST', '/api/v1/library/layouts', { document: sceneLayout(n) });
    if (r.status !== 201) throw new Error(`library: canh-${n}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const scenes = titles.map((title, i) => ({
    id: `canh-${i + 1}`,
    title,
    layoutId: `canh-${i + 1}`,
    layoutVersion: 1,
    focus: { kind: 'none' },
    notes: { vi: `Ghi chú cảnh ${i + 1}: nêu số liệu chính, mời ý kiến.`, en: `Notes for scene ${i + 1}.` },
    ...(i === 1 ? { durationS: 90 } : {}),
  }));
  const r = await api('PUT', `/api/v1/briefings/${BRIEFING_ID}`, { baseVersion: null, document: { id: BRIEFING_ID, name: 'Giao ban sáng', scenes } });
  if (r.status !== 201) throw new Error(`briefing: ${r.status} ${JSON.stringify(r.body)}`);
  return titles;
}

/** Whether the page's scene on screen (not a prepared one) is scene n. */
export function showsScene(page: Page, n: number): Promise<boolean> {
  return page.evaluate((k) => document.querySelector(`.wall-canvas:not([data-scene-prepared]) [data-tile-id^="c${k}-"]`) !== null && document.querySelectorAll('.wall-canvas').length === 1, n);
}

export interface Swap {
  switchId: number;
  /** Epoch ms of each page's swap frame: the frame's own timestamp (requestAnimationFrame's argument). */
  frames: number[];
  /** Epoch ms at which each page's swap-frame callback ran. */
  callbacks: number[];
  /** Epoch ms of the commit time in each page's own clock (server time minus its offset estimate). */
  targets: number[];
}

/**
 * Waits until every page has swapped for a switch after `afterId`, and reads the swap's times.
 * Polled on a timer, not on every frame: a check in each page's frames would compete with the swap it measures.
 */
export async function readSwap(pages: readonly Page[], afterId: number, timeout = 20_000): Promise<Swap> {
  await Promise.all(
    // The callback's mark (every build has it), then the frame's when the build writes one (a page that swapped has both by then).
    pages.map((p) => p.waitForFunction((id) => Number((document.documentElement.dataset.briefingSwap ?? '0:0').split(':')[0]) > id, afterId, { timeout, polling: 50 })),
  );
  const read = await Promise.all(
    pages.map((p) => p.evaluate(() => ({ frame: document.documentElement.dataset.briefingSwapFrame ?? `${document.documentElement.dataset.briefingSwap!.split(':')[0]}:NaN`, callback: document.documentElement.dataset.briefingSwap!, target: document.documentElement.dataset.briefingSwapTarget ?? '0:NaN' }))),
  );
  const ids = new Set(read.map((r) => r.callback.split(':')[0]));
  if (ids.size !== 1) throw new Error(`the pages swapped for different switches: ${[...ids].join(', ')}`);
  return {
    switchId: Number([...ids][0]),
    frames: read.map((r) => Number(r.frame.split(':')[1])),
    callbacks: read.map((r) => Number(r.callback.split(':')[1])),
    targets: read.map((r) => Number(r.target.split(':')[1])),
  };
}

/** The spread of one switch across the pages: latest minus earliest, ms. */
export const spread = (times: readonly number[]): number => Math.max(...times) - Math.min(...times);

/** Nearest-rank percentile of values (p in 0…100). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : Number.NaN;
}
