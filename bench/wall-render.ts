/**
 * `npm run bench:wall`: how the wall renders under a live feed. The real server process
 * (`node out/main/server.js`, built by `npm run build`) runs a 4×2 wall of 1920×1080
 * screens (bench/wall/profile-4x2.json) with 40 tiles of every widget type
 * (bench/wall/layout-40.json); Debian's Chromium opens one page per screen, as the display
 * agent opens one window per monitor; reports are posted through the real API at a steady
 * rate of indicator values. Each page records its animation frames, when each probe value
 * it shows reached the DOM and the next frame, and its JS heap before and after.
 *
 *   --seconds S      measured load (default 60)
 *   --rate R         indicator values per second posted (default 1000)
 *   --warmup S       load before measuring, not recorded (default 5)
 *   --idle S         frames recorded with no load, before it (default 5)
 *   --in-flight N    most reports awaiting an answer at once (default 64)
 *   --pages N        open the first N screens only (0: the server and the driver alone)
 *   --no-priority    leave the server and the driver at normal priority (by default they get
 *                    niceness −10 when allowed: they stand in for other machines)
 *   --profile FILE, --layout FILE   another wall (default the two files of bench/wall/)
 *   --server-log F   copy the server's log (JSON lines, one per request) to file F
 *   --screenshots    save each page's picture at the end under bench/results/
 *   --baseline       also open a bare baseline page (bench/wall/bare-page.ts) in the same browser,
 *                    and print update → paint to the presenting frame for the wall pages and it,
 *                    with the ratio (`npm run bench:paint` = `--pages 2 --baseline`)
 *   --docs           replace the "## Wall rendering" section of docs/benchmarks.md
 *   --docs-from F    only write that section from a saved run (bench/results/wall-render-….json)
 *
 * Prints a table (one row per page) and a summary; writes the raw figures to
 * bench/results/wall-render-<time>.json. How to read them: bench/README.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join, relative, resolve } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { wallCanvas } from '../shared/geometry';
import { comparePeriods } from '../shared/period';
import type { RegimeDetail } from '../shared/protocol/report';
import { findProjectRoot } from '../server/paths';
import { CHROMIUM_ARGS as BROWSER_TEST_ARGS } from '../tests/e2e/support/browser';
import { pageTable, replaceSection, wallSection } from './wall/docs';
import { readLayout, readProfile, tilesByScreen } from './wall/wall-files';
import { installProbe, type ProbeData, type WallBench } from './wall/probe';
import { buildReport, previousPeriod, probeKeys, roundTemplates, ROUND_REGIMES, stampOf, type Template } from './wall/reports';
import { BenchServer } from './wall/server';
import { frameStats, ms, pct, summarize, textTable, type FrameStats, type Summary } from './wall/stats';
import { describeMachine, loadAverage, machineBusySeconds, selfCpuSeconds, treeCpuSeconds, type Machine } from './wall/system';
import { mulberry32 } from '../shared/random';
import { serveBarePage } from './wall/bare-page';
import { subscribeRequestSchema } from '../shared/protocol/feed';
import { goalLine, mergePaint, PAINT_HEADER, paintRows, paintSamples, summarizePaint, type PaintSummary } from './wall/paint';
import { paintSection } from './wall/paint-docs';

const root = findProjectRoot();

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} needs a number, not ${JSON.stringify(process.argv[i + 1])}`);
  return v;
}
function textOption(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const VALUE_OPTIONS = ['seconds', 'rate', 'warmup', 'idle', 'in-flight', 'pages', 'profile', 'layout', 'server-log', 'docs-from'];
const FLAGS = ['screenshots', 'no-priority', 'docs', 'baseline'];
for (let i = 2; i < process.argv.length; i++) {
  const name = process.argv[i]!.replace(/^--/, '');
  if (VALUE_OPTIONS.includes(name)) i++;
  else if (!FLAGS.includes(name)) throw new Error(`unknown argument ${process.argv[i]} (see the comment at the top of bench/wall-render.ts)`);
}

const CONFIG = {
  seconds: option('seconds', 60),
  rate: option('rate', 1000),
  warmup: option('warmup', 5),
  idle: option('idle', 5),
  inFlight: Math.max(1, Math.round(option('in-flight', 64))),
  profile: resolve(root, textOption('profile', 'bench/wall/profile-4x2.json')),
  layout: resolve(root, textOption('layout', 'bench/wall/layout-40.json')),
  /** Pages opened: the first N screens of the profile (default all; 0 measures the server and the driver alone). */
  pages: option('pages', Number.POSITIVE_INFINITY),
  screenshots: flag('screenshots'),
  serverLog: textOption('server-log', ''),
  priority: !flag('no-priority'),
  docs: flag('docs'),
  baseline: flag('baseline'),
  /** The display interval: headless Chromium produces frames at 60 Hz. */
  intervalMs: 1000 / 60,
  /** Behind schedule by more than this, the driver drops the backlog instead of bursting. */
  maxLagMs: 1000,
  /** After the load, how long the pages may take to show the last stamped values. */
  drainMs: 15_000,
  seed: 20261126,
};
if (!(CONFIG.rate > 0) || !(CONFIG.seconds > 0)) throw new Error('--rate and --seconds must be above 0');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * The browser tests' flags (tests/e2e/support/browser.ts: off the network, as root in a
 * container), plus the three that keep pages that are not in front painting and running
 * their timers (Playwright passes them too; listed so the run does not depend on it).
 * --disable-gpu: no GPU; compositing is in software and WebGL runs on SwiftShader.
 */
const CHROMIUM_ARGS = [
  ...BROWSER_TEST_ARGS,
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

const sleep = (msecs: number) => new Promise<void>((r) => setTimeout(r, msecs));
const epoch = (t: number) => performance.timeOrigin + t;
const log = (text: string) => process.stderr.write(`[bench:wall] ${text}\n`);

interface ScreenPage {
  screenId: string;
  page: Page;
  cdp: CDPSession;
  tiles: string[];
  probeTiles: string[];
  errors: string[];
}

interface Posted {
  regime: string;
  agency: string;
  values: number;
  stamp: number | null;
  status: number;
  seq: number | null;
  sent: number;
  answered: number;
  /** The server's recordedAt (its transaction's time, epoch ms, 1 ms resolution), or NaN. */
  committed: number;
}

interface DriveResult {
  posted: Posted[];
  started: number;
  ended: number;
  droppedBacklogValues: number;
  networkErrors: number;
  maxInFlightHits: number;
}

interface Heap {
  usedBytes: number;
  totalBytes: number;
  nodes: number;
  listeners: number;
}

async function heapOf(cdp: CDPSession): Promise<Heap> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  return { usedBytes: heap.usedSize, totalBytes: heap.totalSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

async function metricsOf(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

const bench = (page: Page) => ({
  start: () => page.evaluate(() => (window as unknown as { __wallBench: WallBench }).__wallBench.start()),
  stop: () => page.evaluate(() => (window as unknown as { __wallBench: WallBench }).__wallBench.stop()),
  collect: () => page.evaluate(() => (window as unknown as { __wallBench: WallBench }).__wallBench.collect()),
  watch: (ids: string[]) => page.evaluate((list) => (window as unknown as { __wallBench: WallBench }).__wallBench.watch(list), ids),
});

class Driver {
  private cursor = 0;
  private stamps = 0;
  // The project's one seeded generator (shared/random.ts): the same run posts the same figures.
  private readonly rnd = mulberry32(CONFIG.seed);
  /** stamp → the report that carried it (the last one, if the permutation ever wrapped). */
  readonly byStamp = new Map<number, Posted>();

  constructor(
    private readonly server: BenchServer,
    private readonly templates: Template[],
    private readonly tokens: Map<string, string>,
    private readonly probes: Map<string, string>,
  ) {}

  private async post(t: Template, period: string, stamped: boolean): Promise<Posted> {
    const stamp = stamped && t.stamped ? stampOf(this.stamps++) : null;
    const report = buildReport(t, period, stamp, this.probes, this.rnd);
    const r = await this.server.api<{ seq?: number | null; recordedAt?: string }>('POST', '/api/v1/reports', this.tokens.get(t.agency)!, report.body);
    const body = typeof r.body === 'object' && r.body !== null ? r.body : {};
    const posted: Posted = {
      regime: report.regime,
      agency: report.agency,
      values: report.values,
      stamp,
      status: r.status,
      seq: body.seq ?? null,
      sent: r.sent,
      answered: r.answered,
      committed: body.recordedAt ? Date.parse(body.recordedAt) : Number.NaN,
    };
    if (r.status === 201 && stamp !== null) this.byStamp.set(stamp, posted);
    return posted;
  }

  /** One report of every template for `period(t)`, a few at a time; throws on any refusal. */
  async seed(period: (t: Template) => string | null): Promise<number> {
    let count = 0;
    const queue = [...this.templates];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let t = queue.shift(); t; t = queue.shift()) {
          const p = period(t);
          if (!p) continue;
          const r = await this.post(t, p, true);
          if (r.status !== 201) throw new Error(`seeding ${t.regime.code} ${t.agency} ${p}: HTTP ${r.status}`);
          count++;
        }
      }),
    );
    return count;
  }

  /** Posts the rounds at `rate` values a second for `seconds`, open loop, at most CONFIG.inFlight awaiting an answer. */
  async drive(seconds: number, rate: number): Promise<DriveResult> {
    const posted: Posted[] = [];
    const pending = new Set<Promise<void>>();
    let offered = 0;
    let droppedBacklogValues = 0;
    let networkErrors = 0;
    let maxInFlightHits = 0;
    const started = performance.now();
    const end = started + seconds * 1000;
    for (;;) {
      const now = performance.now();
      if (now >= end) break;
      const due = started + (offered / rate) * 1000;
      if (due > now + 0.5) {
        await sleep(Math.min(due - now, end - now));
        continue;
      }
      if (now - due > CONFIG.maxLagMs) {
        const skip = ((now - due - CONFIG.maxLagMs) / 1000) * rate;
        droppedBacklogValues += skip;
        offered += skip;
      }
      if (pending.size >= CONFIG.inFlight) {
        maxInFlightHits++;
        await Promise.race(pending);
        continue;
      }
      const t = this.templates[this.cursor++ % this.templates.length]!;
      offered += t.values;
      const p: Promise<void> = this.post(t, t.period, true).then(
        (r) => void posted.push(r),
        () => void networkErrors++,
      );
      const tracked = p.finally(() => pending.delete(tracked));
      pending.add(tracked);
    }
    await Promise.all(pending);
    return { posted, started, ended: performance.now(), droppedBacklogValues, networkErrors, maxInFlightHits };
  }
}

interface PageResult {
  screenId: string;
  tiles: number;
  probeTiles: string[];
  visibility: string;
  idle: FrameStats;
  load: FrameStats;
  longTasks: number;
  latency: {
    acceptedToFrame: Summary;
    committedToFrame: Summary;
    acceptedToDom: Summary;
    acceptedToReceived: Summary;
    receivedToDom: Summary;
    domToFrame: Summary;
    sentToFrame: Summary;
    expected: number;
    shown: number;
    unmatched: number;
  };
  heapBefore: Heap;
  heapAfter: Heap;
  mainThreadBusy: number;
  scriptShare: number;
  layoutStyleShare: number;
  clockSkewMs: number;
  errors: string[];
}

function analysePage(
  sp: ScreenPage,
  idle: ProbeData,
  load: ProbeData,
  run: DriveResult,
  byStamp: Map<number, Posted>,
  probes: Map<string, string>,
  tileKey: Map<string, string>,
  heapBefore: PageResult['heapBefore'],
  heapAfter: PageResult['heapAfter'],
  m0: Record<string, number>,
  m1: Record<string, number>,
): { result: PageResult; samples: { acceptedToFrame: number[]; committedToFrame: number[]; acceptedToReceived: number[]; receivedToDom: number[]; domToFrame: number[] } } {
  const arrival = new Map<number, number>();
  for (let i = 0; i + 2 < load.feed.length; i += 3) if (!arrival.has(load.feed[i]!)) arrival.set(load.feed[i]!, load.feed[i + 1]!);
  const inRun = (p: Posted) => p.sent >= run.started && p.sent <= run.ended;
  const seen = new Set<string>();
  const a2f: number[] = [];
  const a2d: number[] = [];
  const a2r: number[] = [];
  const r2d: number[] = [];
  const d2f: number[] = [];
  const s2f: number[] = [];
  const c2f: number[] = [];
  let unmatched = 0;
  for (const rec of load.probes) {
    const value = Number(rec.text.replace(/\D/g, ''));
    const posted = byStamp.get(value);
    if (!posted || !inRun(posted)) {
      unmatched++;
      continue;
    }
    const key = `${rec.tile}|${value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const accepted = epoch(posted.answered);
    const dom = load.timeOrigin + rec.dom;
    a2d.push(dom - accepted);
    if (rec.frame >= 0) {
      const frame = load.timeOrigin + rec.frame;
      a2f.push(frame - accepted);
      s2f.push(frame - epoch(posted.sent));
      if (Number.isFinite(posted.committed)) c2f.push(frame - posted.committed);
      d2f.push(rec.frame - rec.dom);
    }
    const got = posted.seq !== null ? arrival.get(posted.seq) : undefined;
    if (got !== undefined) {
      a2r.push(load.timeOrigin + got - accepted);
      r2d.push(rec.dom - got);
    }
  }
  // Every stamped report accepted in the run should show on each probe tile of its regime,
  // unless a newer one replaced it before the frame (the store keeps the last value per frame).
  const stampedPerRegime = new Map<string, number>();
  for (const p of run.posted) if (p.status === 201 && p.stamp !== null && inRun(p)) stampedPerRegime.set(p.regime, (stampedPerRegime.get(p.regime) ?? 0) + 1);
  const expected = sp.probeTiles.reduce((n, id) => n + (stampedPerRegime.get(probes.get(tileKey.get(id)!)!) ?? 0), 0);

  const dt = (m1.Timestamp ?? 0) - (m0.Timestamp ?? 0);
  const delta = (name: string) => ((m1[name] ?? 0) - (m0[name] ?? 0)) / (dt || 1);
  return {
    result: {
      screenId: sp.screenId,
      tiles: sp.tiles.length,
      probeTiles: sp.probeTiles,
      visibility: load.visibility,
      idle: frameStats(idle.frames, CONFIG.intervalMs),
      load: frameStats(load.frames, CONFIG.intervalMs),
      longTasks: load.longTasks,
      latency: {
        acceptedToFrame: summarize(a2f),
        committedToFrame: summarize(c2f),
        acceptedToDom: summarize(a2d),
        acceptedToReceived: summarize(a2r),
        receivedToDom: summarize(r2d),
        domToFrame: summarize(d2f),
        sentToFrame: summarize(s2f),
        expected,
        shown: seen.size,
        unmatched,
      },
      heapBefore,
      heapAfter,
      mainThreadBusy: delta('TaskDuration'),
      scriptShare: delta('ScriptDuration'),
      layoutStyleShare: delta('LayoutDuration') + delta('RecalcStyleDuration'),
      clockSkewMs: load.clockSkewMs,
      errors: sp.errors,
    },
    samples: { acceptedToFrame: a2f, committedToFrame: c2f, acceptedToReceived: a2r, receivedToDom: r2d, domToFrame: d2f },
  };
}

export interface WallBenchReport {
  config: typeof CONFIG;
  chromiumArgs: string[];
  machine: Machine;
  wall: { screens: number; tiles: number; widgets: Record<string, number>; canvas: { width: number; height: number } };
  load: {
    requestedValuesPerSecond: number;
    seconds: number;
    reportsAccepted: number;
    reportsRefused: Record<string, number>;
    valuesAccepted: number;
    reportsPerSecond: number;
    valuesPerSecond: number;
    valuesPerReport: number;
    droppedBacklogValues: number;
    networkErrors: number;
    maxInFlightHits: number;
    httpAnswer: Summary;
    stampedReports: number;
    agencies: number;
    /** How late the driver's own event loop ran (ms): a starved driver posts late and reads answers late. */
    driverLoopDelay: { p50: number; p99: number; max: number };
  };
  cpu: { seconds: number; serverCores: number; chromiumCores: number; benchCores: number; machineCores: number; otherCores: number; loadAverage: number[]; priority: string };
  pages: PageResult[];
  /** With --baseline: update → paint to the presenting frame, per wall page, all wall pages, and the bare page. */
  paint?: { pages: { screenId: string; summary: PaintSummary }[]; wall: PaintSummary; bare: PaintSummary; bareErrors: string[] };
  all: {
    idle: FrameStats;
    load: FrameStats;
    acceptedToFrame: Summary;
    committedToFrame: Summary;
    acceptedToReceived: Summary;
    receivedToDom: Summary;
    domToFrame: Summary;
    shown: number;
    expected: number;
    heapBeforeBytes: number;
    heapAfterBytes: number;
  };
}

/** What each screen shows, e.g. "map-3d, kpi ×3, clock, image". */
function widgetsByScreen(profileFile: string, layoutFile: string): Map<string, string> {
  const layout = readLayout(layoutFile);
  const types = new Map(layout.tiles.map((t) => [t.id, t.widget as string]));
  const out = new Map<string, string>();
  for (const [screen, ids] of tilesByScreen(readProfile(profileFile), layout)) {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(types.get(id)!, (counts.get(types.get(id)!) ?? 0) + 1);
    out.set(screen, [...counts].map(([w, n]) => (n > 1 ? `${w} ×${n}` : w)).join(', '));
  }
  return out;
}

function writeDocs(report: WallBenchReport): void {
  const docs = join(root, 'docs', 'benchmarks.md');
  const before = existsSync(docs) ? readFileSync(docs, 'utf8') : '';
  const shows = widgetsByScreen(report.config.profile, report.config.layout);
  // A run with the baseline (two pages) has its own section; it does not replace the 8-page one.
  const [title, section] = report.paint ? ['Update → paint (two screens)', paintSection(report, shows)] : ['Wall rendering', wallSection(report, shows)];
  writeFileSync(docs, replaceSection(before, title, section));
  process.stdout.write(`wrote the "## ${title}" section of ${relative(root, docs)}\n`);
}

async function main(): Promise<void> {
  const from = textOption('docs-from', '');
  if (from) {
    writeDocs(JSON.parse(readFileSync(resolve(from), 'utf8')) as WallBenchReport);
    return;
  }
  const profile = readProfile(CONFIG.profile);
  const layout = readLayout(CONFIG.layout);
  const byScreen = tilesByScreen(profile, layout);
  const canvas = wallCanvas(profile);
  for (const file of ['out/main/server.js', 'out/renderer/wall/index.html']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: build first (npm run build), or use npm run bench:wall`);
  }

  const server = new BenchServer(root, ['--profile', CONFIG.profile, '--layout', CONFIG.layout], CONFIG.serverLog ? resolve(CONFIG.serverLog) : null);
  let browser: Browser | null = null;
  let stopping = false;
  let closeBare: () => Promise<void> = () => Promise.resolve();
  const cleanUp = async () => {
    if (stopping) return;
    stopping = true;
    await browser?.close().catch(() => undefined);
    await closeBare().catch(() => undefined);
    await server.stop().catch(() => undefined);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void cleanUp().then(() => process.exit(130));
    });
  }

  try {
    await server.start();
    const priority = CONFIG.priority ? raisePriority(server.pid) : 'normal (--no-priority)';
    log(`priority: ${priority}`);
    log(`server on ${server.url} (pid ${server.pid}), data in ${server.dataDir}`);

    // --- the catalogue, one submitter token per reporting agency, the periods being collected
    const regimes = new Map<string, RegimeDetail>();
    for (const code of ROUND_REGIMES) {
      const r = await server.api<RegimeDetail>('GET', `/api/v1/regimes/${code}`, server.adminToken);
      if (r.status !== 200) throw new Error(`GET /api/v1/regimes/${code}: HTTP ${r.status}`);
      regimes.set(code, r.body);
    }
    const periodOf = (regime: RegimeDetail) => {
      const open = [...regime.openPeriods].sort(comparePeriods);
      if (open.length === 0) throw new Error(`regime ${regime.code} is collecting no period today`);
      return open[open.length - 1]!;
    };
    const templates = roundTemplates(regimes, periodOf);
    const probes = probeKeys(layout, regimes);
    const tokens = new Map<string, string>();
    for (const agency of new Set(templates.map((t) => t.agency))) {
      const r = await server.api<{ token: string }>('POST', '/api/v1/tokens', server.adminToken, { role: 'submitter', agency, label: `bench:wall ${agency}` });
      if (r.status !== 201 && r.status !== 200) throw new Error(`POST /api/v1/tokens ${agency}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
      tokens.set(agency, r.body.token);
    }
    const driver = new Driver(server, templates, tokens, probes);
    const seeded = (await driver.seed((t) => previousPeriod(t.period))) + (await driver.seed((t) => t.period));
    const roundValues = templates.reduce((n, t) => n + t.values, 0);
    log(`seeded ${seeded} reports; a round is ${templates.length} reports, ${roundValues} values; ${probes.size} probe keys`);

    // --- the pages
    const tileKey = new Map<string, string>();
    for (const tile of layout.tiles) {
      if (tile.widget === 'kpi' && tile.binding) tileKey.set(tile.id, `${tile.binding.indicators[0]}|${tile.binding.region}`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const pages: ScreenPage[] = [];
    for (const screen of canvas.screens.slice(0, CONFIG.pages)) {
      const context = await browser.newContext({ viewport: { width: screen.pixelSize.width, height: screen.pixelSize.height }, deviceScaleFactor: 1 });
      await context.addInitScript(installProbe);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      await page.goto(server.wallUrl(screen.screenId));
      await page.waitForSelector(`[data-screen-id="${screen.screenId}"] [data-tile-id]`, { timeout: 30_000 });
      const tiles = byScreen.get(screen.screenId) ?? [];
      const wanted = tiles.filter((id) => probes.has(tileKey.get(id) ?? ''));
      await page.waitForFunction(
        (ids) => ids.every((id) => (window as unknown as { __wallBench: WallBench }).__wallBench.value(id) !== null),
        wanted,
        { timeout: 30_000 },
      );
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      pages.push({ screenId: screen.screenId, page, cdp, tiles, probeTiles: wanted, errors });
      log(`page ${screen.screenId}: ${tiles.length} tiles, probes ${wanted.join(', ') || 'none'}`);
    }
    let bare: ScreenPage | null = null;
    if (CONFIG.baseline) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
      await context.addInitScript(installProbe);
      const probeTiles = [...new Set(pages.flatMap((p) => p.probeTiles))];
      const served = await serveBarePage(root, {
        serverUrl: server.url,
        token: server.wallToken,
        // The very request the first wall page sent (the wall subscribes for the whole layout).
        request: { ...subscribeRequestSchema.parse(await pages[0]!.page.evaluate(() => (window as unknown as { __wallBench: WallBench }).__wallBench.subscribeRequest())), lastSeq: null },
        tiles: probeTiles.map((id) => [id, tileKey.get(id)!]),
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      closeBare = served.close;
      await page.goto(served.url);
      await page.waitForFunction(
        (ids) => ids.every((id) => /\d/.test((window as unknown as { __wallBench: WallBench }).__wallBench.value(id) ?? '')),
        probeTiles,
        { timeout: 30_000 },
      );
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      bare = { screenId: 'bare', page, cdp, tiles: probeTiles, probeTiles, errors };
      log(`bare baseline page at ${served.url}: probes ${probeTiles.join(', ')}`);
    }
    const watched = bare ? [...pages, bare] : pages;
    await Promise.all(pages.map((p) => p.page.evaluate(() => document.fonts.ready.then(() => undefined))));
    await sleep(3000);
    for (const p of watched) {
      const found = await bench(p.page).watch(p.probeTiles);
      if (found.length !== p.probeTiles.length) throw new Error(`page ${p.screenId}: probe tiles missing (${p.probeTiles.filter((id) => !found.includes(id)).join(', ')})`);
    }

    // --- heap before, frames at rest
    const heapBefore: Heap[] = [];
    for (const p of pages) heapBefore.push(await heapOf(p.cdp));
    await sleep(1000);
    await Promise.all(watched.map((p) => bench(p.page).start()));
    await sleep(CONFIG.idle * 1000);
    await Promise.all(watched.map((p) => bench(p.page).stop()));
    const idle = await Promise.all(pages.map((p) => bench(p.page).collect()));

    // --- warm-up, then the measured load
    if (CONFIG.warmup > 0) {
      log(`warm-up: ${CONFIG.warmup} s at ${CONFIG.rate} values/s`);
      await driver.drive(CONFIG.warmup, CONFIG.rate);
    }
    // Chromium is this process's child (Playwright spawns it), as is the server.
    const browserCpu = () => treeCpuSeconds(process.pid, { withoutRoot: true, without: [server.pid] });
    const m0 = await Promise.all(pages.map((p) => metricsOf(p.cdp)));
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const cpu0 = { server: treeCpuSeconds(server.pid), chromium: browserCpu(), self: selfCpuSeconds(), machine: machineBusySeconds(), t: performance.now() };
    await Promise.all(watched.map((p) => bench(p.page).start()));
    log(`measuring: ${CONFIG.seconds} s at ${CONFIG.rate} values/s`);
    const run = await driver.drive(CONFIG.seconds, CONFIG.rate);
    const cpu1 = { server: treeCpuSeconds(server.pid), chromium: browserCpu(), self: selfCpuSeconds(), machine: machineBusySeconds(), t: performance.now() };
    const loadAvg = loadAverage();
    loopDelay.disable();
    const driverLoopDelay = { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
    // Let every page show the last stamped value of each probe tile (or give up after drainMs).
    const lastStamp = new Map<string, Posted>();
    for (const p of run.posted) {
      if (p.status !== 201 || p.stamp === null || p.seq === null) continue;
      const prev = lastStamp.get(p.regime);
      if (!prev || (prev.seq ?? 0) < p.seq) lastStamp.set(p.regime, p);
    }
    const drainStart = performance.now();
    for (;;) {
      const behind = await Promise.all(
        watched.map(async (p) => {
          const texts = await Promise.all(p.probeTiles.map((id) => p.page.evaluate((tile) => (window as unknown as { __wallBench: WallBench }).__wallBench.value(tile), id)));
          return p.probeTiles.filter((id, i) => Number((texts[i] ?? '').replace(/\D/g, '')) !== lastStamp.get(probes.get(tileKey.get(id)!)!)?.stamp).length;
        }),
      );
      const missing = behind.reduce((n, b) => n + b, 0);
      if (missing === 0 || performance.now() - drainStart > CONFIG.drainMs) {
        log(`drained in ${((performance.now() - drainStart) / 1000).toFixed(1)} s${missing ? ` (${missing} probe tiles still behind)` : ''}`);
        break;
      }
      await sleep(250);
    }
    await sleep(500); // the frame after the last change
    await Promise.all(watched.map((p) => bench(p.page).stop()));
    const m1 = await Promise.all(pages.map((p) => metricsOf(p.cdp)));
    const loads = await Promise.all(pages.map((p) => bench(p.page).collect()));
    const bareLoad = bare ? await bench(bare.page).collect() : null;
    const heapAfter: Heap[] = [];
    for (const p of pages) heapAfter.push(await heapOf(p.cdp));

    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const resultsDir = join(root, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    if (CONFIG.screenshots) {
      for (const p of pages) await p.page.screenshot({ path: join(resultsDir, `wall-render-${stamp}-${p.screenId}.png`) });
    }

    // --- figures
    const analysed = pages.map((p, i) => analysePage(p, idle[i]!, loads[i]!, run, driver.byStamp, probes, tileKey, heapBefore[i]!, heapAfter[i]!, m0[i]!, m1[i]!));
    const accepted = run.posted.filter((p) => p.status === 201);
    const refused: Record<string, number> = {};
    for (const p of run.posted) if (p.status !== 201) refused[String(p.status)] = (refused[String(p.status)] ?? 0) + 1;
    const runSeconds = (run.ended - run.started) / 1000;
    const cpuSeconds = (cpu1.t - cpu0.t) / 1000;
    const widgets: Record<string, number> = {};
    for (const t of layout.tiles) widgets[t.widget] = (widgets[t.widget] ?? 0) + 1;
    // Update → paint to the presenting frame (--baseline): the stamps of this run's reports.
    const seqOf = (stampValue: number) => {
      const p = driver.byStamp.get(stampValue);
      return p && p.sent >= run.started && p.sent <= run.ended ? (p.seq ?? undefined) : undefined;
    };
    const wallPaint = loads.map((d) => paintSamples(d, seqOf));
    const paint = bare && bareLoad
      ? {
          pages: pages.map((p, i) => ({ screenId: p.screenId, summary: summarizePaint(wallPaint[i]!) })),
          wall: summarizePaint(mergePaint(wallPaint)),
          bare: summarizePaint(paintSamples(bareLoad, seqOf)),
          bareErrors: bare.errors,
        }
      : undefined;
    const merge = (pick: (s: (typeof analysed)[number]['samples']) => number[]) => summarize(analysed.flatMap((a) => pick(a.samples)));
    const report: WallBenchReport = {
      config: CONFIG,
      chromiumArgs: CHROMIUM_ARGS,
      machine: describeMachine(browser.version()),
      wall: { screens: canvas.screens.length, tiles: layout.tiles.length, widgets, canvas: { width: canvas.width, height: canvas.height } },
      load: {
        requestedValuesPerSecond: CONFIG.rate,
        seconds: runSeconds,
        reportsAccepted: accepted.length,
        reportsRefused: refused,
        valuesAccepted: accepted.reduce((n, p) => n + p.values, 0),
        reportsPerSecond: accepted.length / runSeconds,
        valuesPerSecond: accepted.reduce((n, p) => n + p.values, 0) / runSeconds,
        valuesPerReport: accepted.reduce((n, p) => n + p.values, 0) / Math.max(1, accepted.length),
        droppedBacklogValues: Math.round(run.droppedBacklogValues),
        networkErrors: run.networkErrors,
        maxInFlightHits: run.maxInFlightHits,
        httpAnswer: summarize(accepted.map((p) => p.answered - p.sent)),
        stampedReports: accepted.filter((p) => p.stamp !== null).length,
        agencies: tokens.size,
        driverLoopDelay,
      },
      cpu: {
        seconds: cpuSeconds,
        serverCores: (cpu1.server - cpu0.server) / cpuSeconds,
        chromiumCores: (cpu1.chromium - cpu0.chromium) / cpuSeconds,
        benchCores: (cpu1.self - cpu0.self) / cpuSeconds,
        machineCores: (cpu1.machine - cpu0.machine) / cpuSeconds,
        otherCores: Math.max(0, (cpu1.machine - cpu0.machine - (cpu1.server - cpu0.server) - (cpu1.chromium - cpu0.chromium) - (cpu1.self - cpu0.self)) / cpuSeconds),
        loadAverage: loadAvg,
        priority,
      },
      pages: analysed.map((a) => a.result),
      ...(paint ? { paint } : {}),
      all: {
        idle: mergeFrames(idle.map((d) => d.frames)),
        load: mergeFrames(loads.map((d) => d.frames)),
        acceptedToFrame: merge((s) => s.acceptedToFrame),
        committedToFrame: merge((s) => s.committedToFrame),
        acceptedToReceived: merge((s) => s.acceptedToReceived),
        receivedToDom: merge((s) => s.receivedToDom),
        domToFrame: merge((s) => s.domToFrame),
        shown: analysed.reduce((n, a) => n + a.result.latency.shown, 0),
        expected: analysed.reduce((n, a) => n + a.result.latency.expected, 0),
        heapBeforeBytes: heapBefore.reduce((n, h) => n + h.usedBytes, 0),
        heapAfterBytes: heapAfter.reduce((n, h) => n + h.usedBytes, 0),
      },
    };

    const file = join(resultsDir, `wall-render-${stamp}.json`);
    writeFileSync(file, JSON.stringify({ ...report, raw: { idle, load: loads, bare: bareLoad, posted: run.posted } }));
    process.stdout.write(`\n${printReport(report)}\nraw figures: ${relative(root, file)}\n`);
    if (CONFIG.docs) writeDocs(report);
  } finally {
    await cleanUp();
  }
}

/**
 * The server and this driver stand in for other machines (a wall PC renders; the server and
 * the agencies posting reports are elsewhere): niceness −10 for their main threads, so that
 * the eight pages' threads cannot starve them. Needs root (or CAP_SYS_NICE); says what it did.
 */
function raisePriority(serverPid: number | undefined): string {
  try {
    if (serverPid !== undefined) setPriority(serverPid, -10);
    setPriority(-10);
    return 'server and driver at niceness −10';
  } catch (error) {
    return `normal (could not raise: ${(error as Error).message})`;
  }
}

/** All pages' frame times as one distribution (each page's deltas, pooled). */
function mergeFrames(perPage: number[][]): FrameStats {
  const pooled = perPage.map((frames) => frameStats(frames, CONFIG.intervalMs));
  const deltas: number[] = [];
  for (const frames of perPage) for (let i = 1; i < frames.length; i++) deltas.push(frames[i]! - frames[i - 1]!);
  const s = summarize(deltas);
  const dropped = pooled.reduce((n, f) => n + f.dropped, 0);
  const frames = pooled.reduce((n, f) => n + f.frames, 0);
  return {
    ...s,
    frames,
    dropped,
    droppedShare: frames ? dropped / frames : 0,
    missedIntervals: pooled.reduce((n, f) => n + f.missedIntervals, 0),
    fps: pooled.reduce((n, f) => n + f.fps, 0) / Math.max(1, pooled.length),
  };
}

function printReport(r: WallBenchReport): string {
  const m = r.machine;
  const l = r.load;
  const { header, rows } = pageTable(r, { allLabel: 'all', long: false });
  const errors = r.pages.flatMap((p) => p.errors.map((e) => `${p.screenId}: ${e}`));
  return [
    `Toàn Cảnh wall rendering — ${m.date}, ${m.nproc} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, Chromium ${m.chromium} (headless, SwiftShader)`,
    `wall: ${r.wall.screens} pages of 1920×1080, ${r.wall.tiles} tiles (${Object.entries(r.wall.widgets).map(([k, v]) => `${k} ${v}`).join(', ')})`,
    `load: requested ${l.requestedValuesPerSecond} values/s for ${CONFIG.seconds} s; accepted ${l.valuesPerSecond.toFixed(0)} values/s in ${l.reportsPerSecond.toFixed(1)} reports/s (${l.valuesPerReport.toFixed(1)} values each), HTTP answer p50 ${ms(l.httpAnswer.p50)} / p99 ${ms(l.httpAnswer.p99)} ms` +
      (Object.keys(l.reportsRefused).length ? `; refused ${JSON.stringify(l.reportsRefused)}` : '') +
      (l.droppedBacklogValues ? `; ${l.droppedBacklogValues} values not sent (driver behind schedule)` : '') +
      (l.networkErrors ? `; ${l.networkErrors} network errors` : '') +
      `; driver event-loop delay p50 ${ms(l.driverLoopDelay.p50)} / p99 ${ms(l.driverLoopDelay.p99)} / max ${ms(l.driverLoopDelay.max)} ms`,
    '',
    textTable(header, rows),
    '',
    `frames at rest (no load): p50 ${ms(r.all.idle.p50)} / p95 ${ms(r.all.idle.p95)} / p99 ${ms(r.all.idle.p99)} ms, dropped ${pct(r.all.idle.droppedShare)}`,
    `update → paint, all pages, from the server's commit (recordedAt): p50 ${ms(r.all.committedToFrame.p50)} / p99 ${ms(r.all.committedToFrame.p99)} ms`,
    `update → paint, all pages: accepted → received ${ms(r.all.acceptedToReceived.p50)} / ${ms(r.all.acceptedToReceived.p99)} ms, received → DOM ${ms(r.all.receivedToDom.p50)} / ${ms(r.all.receivedToDom.p99)} ms, DOM → next frame ${ms(r.all.domToFrame.p50)} / ${ms(r.all.domToFrame.p99)} ms (p50 / p99)`,
    `CPU (cores busy during the load): server ${r.cpu.serverCores.toFixed(2)}, Chromium ${r.cpu.chromiumCores.toFixed(2)}, this driver ${r.cpu.benchCores.toFixed(2)}, other processes ${r.cpu.otherCores.toFixed(2)} (machine ${r.cpu.machineCores.toFixed(2)} of ${r.machine.nproc}); load average ${r.cpu.loadAverage.join(' ')}; ${r.cpu.priority}`,
    ...(r.paint ? ['', printPaint(r.paint)] : []),
    errors.length ? `page errors (${errors.length}):\n  ${errors.slice(0, 10).join('\n  ')}` : 'page errors: none',
  ].join('\n');
}

function printPaint(paint: NonNullable<WallBenchReport['paint']>): string {
  const rows: [string, PaintSummary][] = [...paint.pages.map((p): [string, PaintSummary] => [p.screenId, p.summary]), ['wall', paint.wall], ['bare', paint.bare]];
  return [
    'update → paint, received (socket message in the page) → presented (after the paint of the frame that shows it):',
    textTable(PAINT_HEADER, paintRows(rows, paint.bare)),
    goalLine(paint.wall, CONFIG.intervalMs),
    paint.bareErrors.length ? `bare page errors: ${paint.bareErrors.slice(0, 5).join('; ')}` : '',
  ].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:wall failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
