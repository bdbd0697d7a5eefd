import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { formatNumber } from '../../shared/format/number';
import { comparePeriods } from '../../shared/period';
import type { RegimeDetail } from '../../shared/protocol/report';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/support/browser';
import { projectRoot } from '../../tests/support/paths';
import { replaceSection } from '../wall/docs';
import { buildReport, previousPeriod, probeKeys, roundTemplates, ROUND_REGIMES, stampOf, STAMPED_REGIMES, type Template } from '../wall/reports';
import { BenchServer } from '../wall/server';
import { markdownTable, ms, summarize, textTable } from '../wall/stats';
import { describeMachine, loadAverage } from '../wall/system';
import { readLayout, readProfile, tilesByScreen } from '../wall/wall-files';
import { rngFor } from '../../shared/random';

/**
 * "Push live" to paint (issue 8): the time from an operator's push of a changed layout
 * (`POST /api/v1/publish`, session cookie + CSRF, as the console sends it) to each of the 8
 * wall pages (bench/wall/profile-4x2.json, one Chromium page per 1920×1080 screen) painting
 * the new layout, against a baseline measured in the same run on the same pages: a live
 * report's repaint (the traffic and business-registration reports, posted together, from the
 * request to each page showing the new figure).
 *
 * The layout is the wall benchmark's (bench/wall/layout-40.json: 40 tiles, every widget type,
 * the 3D map on SwiftShader), stored in the library as the operator's own; each push is a new
 * version whose marker KPI on every screen (one per screen) is retitled «Đẩy lần k» (and,
 * every other push, two KPIs of s1 swap places), saved first (not timed), then published (timed). The page side: a MutationObserver sees the
 * marker (or the figure) in the tile, then the first animation frame after it is the paint
 * (performance.now() inside its callback, in epoch ms through performance.timeOrigin; the
 * request's start is Date.now() in this process: one machine, one clock).
 */
const { values: args } = parseArgs({
  options: {
    pushes: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    docs: { type: 'boolean', default: false },
  },
});
const PUSHES = Math.max(1, Number(args.pushes) || 30);
const WARMUP = Math.max(0, Number(args.warmup) || 0);
const PROFILE = 'bench/wall/profile-4x2.json';
const LAYOUT = 'bench/wall/layout-40.json';
const LAYOUT_ID = 'bench-push-live';
const PASSWORD = 'mật khẩu của người vận hành';

/** Installed in every page before its scripts: arms a watch for a text in a tile, resolves at the frame after it shows. */
const PROBE = `(() => {
  window.__pushBench = {
    pending: null,
    arm(tileId, needle) {
      const tileHas = () => {
        const el = document.querySelector('[data-tile-id="' + tileId + '"]');
        return !!el && (el.textContent || '').includes(needle);
      };
      this.pending = new Promise((resolve) => {
        const seen = () => {
          const dom = performance.now();
          requestAnimationFrame(() => resolve({ dom: performance.timeOrigin + dom, frame: performance.timeOrigin + performance.now() }));
        };
        if (tileHas()) return seen();
        const observer = new MutationObserver(() => {
          if (tileHas()) { observer.disconnect(); seen(); }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    },
  };
})();`;

interface Paint {
  dom: number;
  frame: number;
}

async function main(): Promise<void> {
  const profile = readProfile(PROFILE);
  const layout = readLayout(LAYOUT);
  const byScreen = tilesByScreen(profile, layout);
  const rawLayout = JSON.parse(readFileSync(LAYOUT, 'utf8')) as Record<string, unknown> & { tiles: { id: string; title?: unknown }[] };
  delete rawLayout.$schema;
  const loadBefore = loadAverage();

  const server = new BenchServer(projectRoot, ['--profile', PROFILE, '--layout', LAYOUT]);
  await server.start();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'], headless: true });
  try {
    // --- data through the real API, as the wall benchmark seeds it: every report of a round, previous period then current.
    const regimes = new Map<string, RegimeDetail>();
    for (const code of ROUND_REGIMES) {
      const r = await server.api<RegimeDetail>('GET', `/api/v1/regimes/${code}`, server.adminToken);
      if (r.status !== 200) throw new Error(`GET /api/v1/regimes/${code}: HTTP ${r.status}`);
      regimes.set(code, r.body);
    }
    const periodOf = (regime: RegimeDetail) => [...regime.openPeriods].sort(comparePeriods).at(-1)!;
    const templates = roundTemplates(regimes, periodOf);
    const probes = probeKeys(layout, regimes);
    const tokens = new Map<string, string>();
    for (const agency of new Set(templates.map((t) => t.agency))) {
      const r = await server.api<{ token: string }>('POST', '/api/v1/tokens', server.adminToken, { role: 'submitter', agency, label: `bench:push-live ${agency}` });
      if (r.status !== 201 && r.status !== 200) throw new Error(`POST /api/v1/tokens ${agency}: HTTP ${r.status}`);
      tokens.set(agency, r.body.token);
    }
    const rnd = rngFor(8, 'bench:push-live');
    const post = async (t: Template, period: string, stamp: number | null) => {
      const report = buildReport(t, period, stamp, probes, rnd);
      const r = await server.api('POST', '/api/v1/reports', tokens.get(t.agency)!, report.body);
      if (r.status >= 300) throw new Error(`POST /api/v1/reports ${t.regime.code}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    };
    for (const t of templates) {
      const before = previousPeriod(t.period);
      if (before) await post(t, before, null);
    }
    for (const t of templates) await post(t, t.period, null);

    // --- per screen, a marker KPI (retitled at each push) and a probe KPI (showing a stamped figure)
    const kpis = new Map(layout.tiles.filter((t) => t.widget === 'kpi' && t.binding).map((t) => [t.id, `${t.binding!.indicators[0]}|${t.binding!.region}`]));
    const screens = [...byScreen.entries()].map(([screenId, ids]) => {
      const own = ids.filter((id) => kpis.has(id));
      const probe = own.find((id) => probes.has(kpis.get(id)!));
      if (!own.length || !probe) throw new Error(`screen ${screenId} has no KPI tile showing a stamped figure`);
      return { screenId, marker: own[0]!, probe };
    });
    const stampedTemplates = templates.filter((t) => (STAMPED_REGIMES as readonly string[]).includes(t.regime.code));
    const oncePerRegime = [...new Map(stampedTemplates.map((t) => [t.regime.code, t])).values()];

    // --- the operator: a named account, a session (cookie + CSRF), the layout in the library
    const created = await server.api('POST', '/api/v1/users', server.adminToken, { username: 'bench-operator', displayName: 'Người vận hành', roles: ['operator'], password: PASSWORD });
    if (created.status !== 201) throw new Error(`creating the operator: HTTP ${created.status}`);
    const login = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-operator', password: PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const operator = async <T>(path: string, body: unknown): Promise<{ status: number; body: T }> => {
      const r = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, origin: server.url, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as T };
    };
    // Each version retitles the markers and, every other push, swaps two KPIs of the first screen
    // (same size, side by side): a layout change that moves tiles, not only texts.
    const [swapA, swapB] = ['gdp-growth', 'cpi-avg'].map((id) => rawLayout.tiles.find((t) => t.id === id) as { id: string; x: number } | undefined);
    if (!swapA || !swapB) throw new Error(`${LAYOUT}: the tiles gdp-growth and cpi-avg are needed`);
    const documentFor = (k: number) => ({
      ...rawLayout,
      id: LAYOUT_ID,
      tiles: rawLayout.tiles.map((t) => {
        const moved = k % 2 === 1 && (t.id === swapA.id || t.id === swapB.id) ? { x: t.id === swapA.id ? swapB.x : swapA.x } : {};
        return screens.some((s) => s.marker === t.id) ? { ...t, ...moved, title: { vi: `Đẩy lần ${k}`, en: `Push ${k}` } } : { ...t, ...moved };
      }),
    });
    const first = await operator<{ version: { version: number } }>('/api/v1/library/layouts', { document: documentFor(0), note: 'bench:push-live' });
    if (first.status !== 201) throw new Error(`creating the layout: HTTP ${first.status} ${JSON.stringify(first.body)}`);
    let head = first.body.version.version;
    const published = await operator('/api/v1/publish', { layoutId: LAYOUT_ID, version: head });
    if (published.status !== 200) throw new Error(`publishing: HTTP ${published.status} ${JSON.stringify(published.body)}`);

    // --- the pages
    const pages: { screenId: string; marker: string; probe: string; page: Page }[] = [];
    for (const s of screens) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      await context.addInitScript(PROBE);
      const page = await context.newPage();
      await page.goto(server.wallUrl(s.screenId));
      pages.push({ ...s, page });
    }
    for (const p of pages) await p.page.waitForFunction((id) => /Đẩy lần 0/.test(document.querySelector(`[data-tile-id="${id}"]`)?.textContent ?? ''), p.marker, { timeout: 120_000 });
    for (const p of pages) await p.page.waitForFunction(() => document.fonts.status === 'loaded', undefined, { timeout: 60_000 });

    /** Arms every page, runs the change, returns each page's ms from `start` to its paint (page order). */
    const measure = async (needle: (p: (typeof pages)[number]) => { tile: string; text: string }, change: () => Promise<number>): Promise<number[]> => {
      await Promise.all(pages.map((p) => p.page.evaluate(([tile, text]) => (window as unknown as { __pushBench: { arm(a: string, b: string): void } }).__pushBench.arm(tile!, text!), [needle(p).tile, needle(p).text])));
      const start = await change();
      const paints = await Promise.all(
        pages.map((p) => p.page.evaluate(() => (window as unknown as { __pushBench: { pending: Promise<Paint> } }).__pushBench.pending) as Promise<Paint>),
      );
      return paints.map((paint) => paint.frame - start);
    };
    const push = async (k: number) => {
      const saved = await operator<{ version: { version: number } }>(`/api/v1/library/layouts/${LAYOUT_ID}/versions`, { baseVersion: head, document: documentFor(k), note: `bench:push-live ${k}` });
      if (saved.status !== 201) throw new Error(`saving version ${k}: HTTP ${saved.status} ${JSON.stringify(saved.body)}`);
      head = saved.body.version.version;
      return measure(
        (p) => ({ tile: p.marker, text: `Đẩy lần ${k}` }),
        async () => {
          const start = Date.now();
          const r = await operator('/api/v1/publish', { layoutId: LAYOUT_ID, version: head });
          if (r.status !== 200) throw new Error(`push ${k}: HTTP ${r.status}`);
          return start;
        },
      );
    };
    const report = async (k: number) => {
      const stamp = stampOf(k);
      const text = formatNumber(stamp, 'vi', 0);
      return measure(
        (p) => ({ tile: p.probe, text }),
        async () => {
          const start = Date.now();
          await Promise.all(oncePerRegime.map((t) => post(t, t.period, stamp)));
          return start;
        },
      );
    };

    const pushed: number[][] = [];
    const reported: number[][] = [];
    for (let k = 1; k <= WARMUP + PUSHES; k++) {
      const a = await push(k);
      const b = await report(k);
      if (k > WARMUP) {
        pushed.push(a);
        reported.push(b);
      }
      process.stdout.write(`\r${k}/${WARMUP + PUSHES}: push → last page ${ms(Math.max(...a), 0)} ms, report → last page ${ms(Math.max(...b), 0)} ms   `);
    }
    process.stdout.write('\n');

    const loadAfter = loadAverage();
    const machine = describeMachine(browser.version());
    const row = (name: string, runs: number[][]) => {
      const last = summarize(runs.map((r) => Math.max(...r)));
      const all = summarize(runs.flat());
      return [name, String(last.n), ms(last.p50, 0), ms(last.p99, 0), ms(last.max, 0), String(all.n), ms(all.p50, 0), ms(all.p99, 0)];
    };
    const header = ['change', 'n', 'last page p50 (ms)', 'p99', 'max', 'page paints', 'all pages p50 (ms)', 'p99'];
    const rows = [row('push live (POST /api/v1/publish)', pushed), row('baseline: live report (2 reports, POST /api/v1/reports)', reported)];
    console.log(textTable(header, rows));
    console.log(`load average (1/5/15 min) before ${loadBefore.join(' / ')}, after ${loadAfter.join(' / ')}`);

    const resultsDir = resolve(projectRoot, 'bench/results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(resolve(resultsDir, `push-live-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ machine, loadBefore, loadAfter, pushes: PUSHES, warmup: WARMUP, screens, pushed, reported }, null, 2));

    if (args.docs) {
      const section = [
        '## Push live',
        '',
        'Written by `npm run bench:push-live -- --docs` (bench/push-live/push-live-bench.ts); the latest run replaces this section.',
        '',
        `- date: ${machine.date}`,
        `- machine: ${machine.nproc} × ${machine.cpu}, ${machine.memoryGiB} GiB; Node ${machine.node}; Debian's Chromium ${machine.chromium}, headless, \`--disable-gpu\``,
        `- load average (1 / 5 / 15 min) before the run ${loadBefore.join(' / ')}, after ${loadAfter.join(' / ')} (the machine is shared: other sessions' builds and tests ran meanwhile)`,
        `- wall: ${PROFILE} (8 screens of 1920×1080), one Chromium page per screen; layout ${LAYOUT} (40 tiles, every widget type, the 3D map on SwiftShader) stored in the library, data seeded through the API (a round of the wall benchmark's reports, two periods)`,
        `- push live: an operator (named account, session cookie + CSRF) saves a new version retitling one KPI per screen («Đẩy lần k») and, every other push, swapping two KPIs of s1 (not timed), then \`POST /api/v1/publish\`: timed from the request's start to each page's first animation frame after its marker shows in the DOM; ${WARMUP} warm-up pushes not counted`,
        `- baseline, same run, same pages, after each push: the traffic and business-registration reports posted together with a new figure (\`POST /api/v1/reports\`), timed from the first request's start to each page's first frame after its probe KPI shows it`,
        '- "last page": per push, the slowest of the 8 pages (the wall is done when its last screen is); "all pages": every page paint',
        `- percentiles are nearest-rank: with ${PUSHES} pushes the last page's p99 is its slowest push; the raw figures of every page are in bench/results/push-live-<time>.json`,
        '',
        markdownTable(header, rows),
        '',
        'A push sends one `wallState` (the layout document) on `/control` to every page, which swaps its tiles in one React commit;',
        'a report is validated, committed, turned into observations and sent on `/feed`, so the baseline includes the store\'s commit.',
        'The tail of both is the machine: 8 pages and the server on 2 shared cores, the 1-minute load average above.',
        '',
      ].join('\n');
      const docs = resolve(projectRoot, 'docs/benchmarks.md');
      writeFileSync(docs, replaceSection(readFileSync(docs, 'utf8'), 'Push live', section));
      console.log('docs/benchmarks.md: "## Push live" written');
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
