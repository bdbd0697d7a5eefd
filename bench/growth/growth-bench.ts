import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { findProjectRoot } from '../../server/paths';
import { comparePeriods } from '../../shared/period';
import type { RegimeDetail } from '../../shared/protocol/report';
import { mulberry32 } from '../../shared/random';
import { launchChromium } from '../../tests/e2e/support/browser';
import { replaceSection } from '../wall/docs';
import { buildReport, type Template } from '../wall/reports';
import { BenchServer } from '../wall/server';
import { markdownTable, mb, ms, summarize, textTable, type Summary } from '../wall/stats';
import { describeMachine, loadAverage } from '../wall/system';
import { readLayout } from '../wall/wall-files';
import { installGrowthProbe, type GrowthProbe, type GrowthProbeData } from './probe';
import { GrowthSeeder, type Seeded } from './seed';

/**
 * `npm run bench:growth`: does a wall page cost more as the store grows? One wall page
 * (`?screen=all`, 1920×1080, the preset layout the server ships) against the real server,
 * three times, each on a fresh data folder seeded in SQLite (bench/growth/seed.ts): the
 * window only (every figure the layout's tiles draw, nothing else), 100k and 1M stored (the
 * same window, plus decades of older history of the same series and the catalogue's other
 * indicators in all their regions). Per store, with the same page build:
 *   - the snapshot on the socket (bytes of the feed's snapshot frames, CDP
 *     Network.webSocketFrameReceived) and the time from the page's subscribe to the end of
 *     the store's commit of it (bench/growth/probe.ts);
 *   - a live feed: reports through the API, `--rate` values a second for `--seconds`, each
 *     changing a figure the layout shows; the store's commit time per frame (performance
 *     measures around renderer/store/wallStore.ts flush) p50/p95/p99;
 *   - the page's JS heap after a forced GC (CDP HeapProfiler.collectGarbage,
 *     Runtime.getHeapUsage).
 * Goal (issue 12): commit time and heap at 1M within 1.2× of the smallest store.
 */

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    rate: { type: 'string', default: '100' },
    sizes: { type: 'string', default: 'window,100000,1000000' },
    docs: { type: 'boolean', default: false },
  },
});
const seconds = Number(args.seconds);
const rate = Number(args.rate);
if (!(seconds > 0) || !(rate > 0)) throw new Error('--seconds S and --rate R (values a second) please');

const GOAL = 1.2;
const root = findProjectRoot();
const PROFILE = 'assets/profiles/wall-2x2-55in.json';
const LAYOUT = 'layouts/tong-quan-kinh-te-xa-hoi.json';
/** The live reports: national regimes carrying a figure the layout shows (EXPORTS, BUDGET_REVENUE, CPI_AVG, GDP_GROWTH). */
const LIVE_REGIMES = ['CHQ-XNK-THANG', 'BTC-NSNN-THANG', 'CTK-KTXH-THANG', 'CTK-KTXH-QUY'];
/** Years of older history the grown stores keep for the subscribed series, beyond their window. */
const HISTORY_YEARS: Record<string, number> = { '100000': 30, '1000000': 100 };

const layout = readLayout(join(root, LAYOUT));
const seeder = new GrowthSeeder(layout, new Date());
const sizes = args.sizes.split(',').map((s) => (s === 'window' ? seeder.windowFigures : Number(s)));

interface Row {
  size: number;
  seeded: Seeded;
  snapshotFrames: number;
  snapshotBytes: number;
  snapshotFigures: number;
  socketBytes: number;
  subscribeToFrameMs: number;
  /** From the page's navigation start to the end of the layout snapshot's commit. */
  openToCommitMs: number;
  subscribeToCommitMs: number;
  snapshotCommitMs: number;
  commits: Summary;
  changedPerCommit: number;
  reportsAccepted: number;
  reportsRefused: number;
  valuesAccepted: number;
  heapBytes: number;
  pageErrors: string[];
}

const sleep = (milliseconds: number) => new Promise((done) => setTimeout(done, milliseconds));

async function liveTemplates(server: BenchServer): Promise<Template[]> {
  const templates: Template[] = [];
  for (const code of LIVE_REGIMES) {
    const r = await server.api<RegimeDetail>('GET', `/api/v1/regimes/${code}`, server.adminToken);
    if (r.status !== 200) throw new Error(`GET /api/v1/regimes/${code}: HTTP ${r.status}`);
    const open = [...r.body.openPeriods].sort(comparePeriods);
    if (open.length === 0) continue;
    templates.push({ regime: r.body, agency: r.body.reporters[0]!, period: open[open.length - 1]!, values: r.body.fields.length, stamped: false });
  }
  if (templates.length === 0) throw new Error(`none of ${LIVE_REGIMES.join(', ')} is collecting a period today`);
  return templates;
}

/** Posts the live reports at `rate` values a second for `seconds`, open loop, at most 16 awaiting an answer. */
async function drive(server: BenchServer, templates: Template[]): Promise<{ accepted: number; refused: number; values: number }> {
  const rnd = mulberry32(20261203);
  const valuesPerReport = templates.reduce((n, t) => n + t.values, 0) / templates.length;
  const reportsPerSecond = rate / valuesPerReport;
  let sent = 0;
  let accepted = 0;
  let refused = 0;
  let values = 0;
  let inFlight = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  const pending = new Set<Promise<void>>();
  while (performance.now() < end) {
    const due = Math.floor(((performance.now() - started) / 1000) * reportsPerSecond);
    while (sent < due && inFlight < 16) {
      const t = templates[sent++ % templates.length]!;
      const report = buildReport(t, t.period, null, new Map(), rnd);
      inFlight++;
      const p = server
        .api('POST', '/api/v1/reports', server.adminToken, report.body)
        .then(
          (r) => {
            if (r.status === 201 || r.status === 200) {
              accepted++;
              values += report.values;
            } else {
              refused++;
            }
          },
          () => {
            refused++;
          },
        )
        .finally(() => {
          inFlight--;
          pending.delete(p);
        });
      pending.add(p);
    }
    await sleep(10);
  }
  await Promise.all(pending);
  return { accepted, refused, values };
}

async function measure(browser: Browser, size: number): Promise<Row> {
  const server = new BenchServer(root, ['--profile', PROFILE, '--layout', LAYOUT, '--rate-limit', '1000:2000']);
  const seeded = seeder.seed(server.dataDir, size, HISTORY_YEARS[String(size)] ?? 0);
  console.log(`${size.toLocaleString('en')} stored: seeded ${seeded.window} window + ${seeded.history} history + ${seeded.breadth} breadth in ${ms(seeded.ms / 1000)} s`);
  await server.start();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(installGrowthProbe);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const cdp = await context.newCDPSession(page);
    let socketBytes = 0;
    let snapshotBytes = 0;
    cdp.on('Network.webSocketFrameReceived', (event: { response: { opcode: number; payloadData: string } }) => {
      // Text frames carry their text; binary ones base64 (socket.io sends none here).
      const data = event.response.payloadData;
      const bytes = event.response.opcode === 1 ? Buffer.byteLength(data) : Math.floor((data.length * 3) / 4);
      socketBytes += bytes;
      if (data.startsWith('42/feed,["snapshot"')) snapshotBytes += bytes;
    });
    await cdp.send('Network.enable');
    await cdp.send('HeapProfiler.enable');
    await page.goto(server.wallUrl('all'));
    await page.waitForFunction(() => performance.getEntriesByName('wall-store:commit', 'measure').some((e) => ((e as PerformanceMeasure).detail as { snapshot?: boolean } | null)?.snapshot === true), undefined, { timeout: 300_000, polling: 100 });
    await page.waitForSelector('[data-tile-id="tang-truong-gdp"] [data-field="value"]', { timeout: 60_000 });
    // Settle: lazy chunks, the 3D map's first frames, compliance pages.
    await sleep(3000);
    const first = await page.evaluate(() => (window as unknown as { __growth: GrowthProbe }).__growth.collect());
    await page.evaluate(() => (window as unknown as { __growth: GrowthProbe }).__growth.clearCommits());

    const templates = await liveTemplates(server);
    const posted = await drive(server, templates);
    // The last reports' commits: the feed publishes on commit; a second covers the frame.
    await sleep(1000);
    const live: GrowthProbeData = await page.evaluate(() => (window as unknown as { __growth: GrowthProbe }).__growth.collect());
    mkdirSync(join(root, 'out', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(root, 'out', 'screenshots', `growth-${size}.png`) });

    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

    // The layout's snapshot: the last one before the live phase (a wall page first asks for
    // nothing until its layout is known, then afresh for the layout's figures); its
    // subscribe is the last one sent before it arrived, its commit the first after it.
    const frame = first.snapshots.at(-1);
    const subscribe = frame ? Math.max(...first.subscribes.filter((t) => t <= frame.at)) : Number.NaN;
    const snapshotCommit = frame ? first.commits.find((c) => c.snapshot && c.start >= frame.at) : undefined;
    const commitsLive = live.commits.filter((c) => !c.snapshot);
    return {
      size,
      seeded,
      snapshotFrames: first.snapshots.length,
      snapshotBytes,
      snapshotFigures: first.snapshots.reduce((n, f) => n + f.figures, 0),
      socketBytes,
      subscribeToFrameMs: (frame?.at ?? Number.NaN) - subscribe,
      openToCommitMs: snapshotCommit ? snapshotCommit.start + snapshotCommit.duration : Number.NaN,
      subscribeToCommitMs: snapshotCommit ? snapshotCommit.start + snapshotCommit.duration - subscribe : Number.NaN,
      snapshotCommitMs: snapshotCommit?.duration ?? Number.NaN,
      commits: summarize(commitsLive.map((c) => c.duration)),
      changedPerCommit: commitsLive.length ? commitsLive.reduce((n, c) => n + c.changed, 0) / commitsLive.length : 0,
      reportsAccepted: posted.accepted,
      reportsRefused: posted.refused,
      valuesAccepted: posted.values,
      heapBytes: heap.usedSize,
      pageErrors,
    };
  } finally {
    await context.close();
    await server.stop();
  }
}

const browser = await launchChromium();
const rows: Row[] = [];
try {
  for (const size of sizes) rows.push(await measure(browser, size));
} finally {
  await browser.close();
}

const base = rows[0]!;
const ratio = (v: number, b: number) => (b > 0 ? (v / b).toFixed(2) : '—');
const header = ['stored', 'snapshot frames', 'snapshot MB', 'figures sent', 'subscribe → commit ms', 'commits', 'commit p50 ms', 'p50 ÷ base', 'p95', 'p99', 'p95 ÷ base', 'heap MB', 'heap ÷ base'];
const cells = (r: Row) => [
  r.size.toLocaleString('en'),
  String(r.snapshotFrames),
  (r.snapshotBytes / 1_048_576).toFixed(3),
  r.snapshotFigures.toLocaleString('en'),
  ms(r.subscribeToCommitMs),
  String(r.commits.n),
  ms(r.commits.p50, 3),
  ratio(r.commits.p50, base.commits.p50),
  ms(r.commits.p95, 3),
  ms(r.commits.p99, 3),
  ratio(r.commits.p95, base.commits.p95),
  mb(r.heapBytes),
  ratio(r.heapBytes, base.heapBytes),
];
const machine = describeMachine(browser.version());
const load = loadAverage();
console.log(`\ngrowth: one wall page (?screen=all, ${LAYOUT}), window ${seeder.windowYears} years = ${seeder.windowFigures} figures of ${seeder.subscribed.length} indicators; live ${rate} values/s for ${seconds} s; goal ÷ base ≤ ${GOAL}; load ${load.join(' / ')}`);
console.log(textTable(header, rows.map(cells)));
for (const r of rows) {
  console.log(
    `${r.size.toLocaleString('en')}: page open → layout snapshot committed ${ms(r.openToCommitMs)} ms; subscribe → snapshot frame ${ms(r.subscribeToFrameMs)} ms, its commit ${ms(r.snapshotCommitMs)} ms; socket ${mb(r.socketBytes)} MB in all; ` +
      `${r.reportsAccepted} reports (${r.valuesAccepted} values) accepted, ${r.reportsRefused} refused; ${r.changedPerCommit.toFixed(1)} figures a commit; ${r.pageErrors.length} page errors`,
  );
}

const resultsDir = join(root, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `growth-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ machine, load, seconds, rate, layout: LAYOUT, windowYears: seeder.windowYears, windowFigures: seeder.windowFigures, rows }, null, 2)}\n`);
console.log(`figures: ${file}`);

if (args.docs) {
  const last = rows[rows.length - 1]!;
  const verdict = (v: number) => (v <= GOAL ? `within the goal (≤ ${GOAL})` : `**misses the goal** (≤ ${GOAL})`);
  const section = `## Growth: a wall page at 1k, 100k, 1M stored

Written by \`npm run bench:growth -- --docs\` (bench/growth/growth-bench.ts), ${machine.date}. One wall page (\`?screen=all\`,
1920×1080, the preset layout \`${LAYOUT}\`: ${layout.tiles.length} tiles, ${seeder.subscribed.length} indicators subscribed, a history
window of ${seeder.windowYears} years) against the real server, once per store, with the same page build. Each store is a fresh
data folder seeded in SQLite with the product's code before the server starts (bench/growth/seed.ts): the smallest is
the window itself (${seeder.windowFigures} figures: every period the tiles' windows keep of every subscribed series, nothing
else, so the wall holds all of it); 100k and 1M add older history of the same series (30 and 100 years) and the
catalogue's other indicators in all their regions, which the layout does not subscribe.

Per store: the snapshot's bytes on the socket (the feed's snapshot frames, CDP \`Network.webSocketFrameReceived\`) and
the time from the page's \`subscribe\` (a tap on \`WebSocket.send\`) to the end of the store's commit of it; then
reports through \`POST /api/v1/reports\` at ${rate} values a second for ${seconds} s (national regimes; each changes a figure a
tile shows) and the store's commit time per frame (\`performance.measure\` around renderer/store/wallStore.ts \`flush\`,
on only when a page sets \`__toancanhCommitTiming\`); at the end the page's JS heap after a forced GC
(\`HeapProfiler.collectGarbage\`, \`Runtime.getHeapUsage\`). Machine: ${machine.nproc} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node},
Chromium ${machine.chromium} (headless, no GPU); server, Chromium and driver share it; load average ${load.join(' / ')} after the run
(other work was running beside it).

${markdownTable(header, rows.map(cells))}

- At ${last.size.toLocaleString('en')} stored: commit p50 ${ratio(last.commits.p50, base.commits.p50)}× the smallest store's, ${verdict(last.commits.p50 / base.commits.p50)}, p95 ${ratio(last.commits.p95, base.commits.p95)}× (the tails are
  the shared machine's noise: the same page, the same figures, ~1 figure a commit); heap
  ${ratio(last.heapBytes, base.heapBytes)}×, ${verdict(last.heapBytes / base.heapBytes)}. The wall received ${rows.map((r) => r.snapshotFigures.toLocaleString('en')).join(' / ')} figures in its
  snapshot: what it holds follows its layout, not the store.
${rows.map((r) => `- ${r.size.toLocaleString('en')}: page open → layout snapshot committed ${ms(r.openToCommitMs)} ms; subscribe → snapshot frame ${ms(r.subscribeToFrameMs)} ms, its commit ${ms(r.snapshotCommitMs)} ms; ${r.reportsAccepted} reports (${r.valuesAccepted} values) accepted, ${r.reportsRefused} refused; ${r.changedPerCommit.toFixed(1)} figures a commit.`).join('\n')}
`;
  const docs = join(root, 'docs', 'benchmarks.md');
  writeFileSync(docs, replaceSection(readFileSync(docs, 'utf8'), 'Growth: a wall page at 1k, 100k, 1M stored', section));
  console.log(`wrote the "Growth" section of ${docs}`);
}
