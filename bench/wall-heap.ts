import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findProjectRoot } from '../server/paths';
import { launchChromium } from '../tests/e2e/support/browser';
import { leastSquaresSlope } from './heap/slope';
import { replaceSection } from './wall/docs';
import { BenchServer } from './wall/server';
import { markdownTable, textTable } from './wall/stats';
import { describeMachine, loadAverage } from './wall/system';

/**
 * `npm run bench:heap`: does a wall page leak? One wall page (the whole-wall preview by
 * default: every tile mounted) against the real server for 30 minutes, fed 50 updates a
 * second (reports through the API, each changing figures on screen). Every minute: a
 * forced garbage collection (CDP HeapProfiler.collectGarbage), then the JS heap in use
 * (Runtime.getHeapUsage) and the DOM counters (Memory.getDOMCounters); at the end the
 * heap's least-squares slope in MB/h. Goal: under 1 MB/h. Not part of npm test.
 */

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    rate: { type: 'string', default: '50' },
    screen: { type: 'string', default: 'all' },
    docs: { type: 'boolean', default: false },
  },
});
const minutes = Number(args.minutes);
const rate = Number(args.rate);
if (!(minutes >= 1) || !(rate > 0)) throw new Error('--minutes N (≥ 1) and --rate R (> 0) please');

const root = findProjectRoot();
const profile = 'assets/profiles/wall-2x2-55in.json';
const layout = 'layouts/tong-quan-kinh-te-xa-hoi.json';

/** Last month, e.g. "2026-10": its data window has begun whenever the bench runs. */
function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

/** Update k: alternately the yearly GDP report and the monthly trade report, figures walking. */
function report(k: number): unknown {
  const wobble = Math.round(Math.sin(k / 7) * 100) / 100;
  if (k % 2 === 0) {
    return {
      regime: 'CTK-KTXH-NAM',
      agency: 'CTK',
      period: '2026',
      values: [
        { indicator: 'GDP_GROWTH', value: Math.round((7 + wobble) * 100) / 100 },
        { indicator: 'GDP_VND', value: 14_100 + (k % 100) },
        { indicator: 'GDP_USD', value: 560 },
        { indicator: 'GDP_PER_CAPITA', value: 5450 },
      ],
    };
  }
  const exports = Math.round((40 + wobble * 5) * 100) / 100;
  const imports = Math.round((38 + wobble * 3) * 100) / 100;
  return {
    regime: 'BCT-XNK-THANG',
    agency: 'BCT',
    period: lastMonth(),
    values: [
      { indicator: 'EXPORTS', value: exports },
      { indicator: 'IMPORTS', value: imports },
      { indicator: 'TRADE_TOTAL', value: Math.round((exports + imports) * 100) / 100 },
      { indicator: 'TRADE_BALANCE', value: Math.round((exports - imports) * 100) / 100 },
    ],
  };
}

interface Sample {
  minute: number;
  heapMb: number;
  domNodes: number;
  documentElements: number;
  listeners: number;
  accepted: number;
  gdpShown: string;
}

const server = new BenchServer(root, ['--profile', profile, '--layout', layout, '--rate-limit', `${Math.ceil(rate * 4)}:${Math.ceil(rate * 8)}`]);
await server.start();
const browser = await launchChromium();
const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
const pageErrors: string[] = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
await page.goto(server.wallUrl(args.screen));
await page.waitForSelector('[data-tile-id]', { timeout: 30_000 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('HeapProfiler.enable');

let sent = 0;
let accepted = 0;
let refused = 0;
let inFlight = 0;
const started = performance.now();
const poster = setInterval(() => {
  // On schedule: as many as should have gone by now, at most 16 waiting for an answer.
  const due = Math.floor(((performance.now() - started) / 1000) * rate);
  while (sent < due && inFlight < 16) {
    const k = sent++;
    inFlight++;
    server
      .api('POST', '/api/v1/reports', server.adminToken, report(k))
      .then(
        (r) => (r.status === 201 || r.status === 200 ? accepted++ : refused++),
        () => refused++,
      )
      .finally(() => inFlight--);
  }
}, 20);

async function sample(minute: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  const documentElements = await page.evaluate(() => document.getElementsByTagName('*').length);
  const gdpShown = (await page.locator('[data-tile-id="gdp-growth"] [data-field="value"]').first().textContent().catch(() => null))?.trim() ?? '—';
  return { minute, heapMb: heap.usedSize / 1_048_576, domNodes: dom.nodes, documentElements, listeners: dom.jsEventListeners, accepted, gdpShown };
}

const samples: Sample[] = [await sample(0)];
const row = (s: Sample) => [String(s.minute), s.heapMb.toFixed(2), String(s.domNodes), String(s.documentElements), String(s.listeners), String(s.accepted), s.gdpShown];
const header = ['min', 'heap MB', 'DOM nodes', 'elements', 'listeners', 'updates', 'GDP shown'];
console.log(textTable(header, [row(samples[0]!)]));
for (let minute = 1; minute <= minutes; minute++) {
  await new Promise((resolveWait) => setTimeout(resolveWait, started + minute * 60_000 - performance.now()));
  const s = await sample(minute);
  samples.push(s);
  console.log(textTable([], [row(s)]).trim());
}
clearInterval(poster);

// The first minute is the page settling (caches, JIT, lazy chunks); the slope is over the rest.
const steady = samples.filter((s) => s.minute >= 1);
const slopeMbPerHour = leastSquaresSlope(steady.map((s) => ({ x: s.minute / 60, y: s.heapMb })));
const machine = describeMachine(browser.version());
const elapsedS = (performance.now() - started) / 1000;
const result = {
  machine,
  minutes,
  rate,
  screen: args.screen,
  sent,
  accepted,
  refused,
  achievedRate: accepted / elapsedS,
  slopeMbPerHour,
  heapFirstMb: steady[0]?.heapMb,
  heapLastMb: steady.at(-1)?.heapMb,
  domNodesFirst: steady[0]?.domNodes,
  domNodesLast: steady.at(-1)?.domNodes,
  load: loadAverage(),
  pageErrors: pageErrors.slice(0, 20),
  samples,
};
console.log(
  `\nheap slope ${slopeMbPerHour.toFixed(3)} MB/h (minutes 1–${minutes}; goal < 1 MB/h); ${accepted} updates accepted (${result.achievedRate.toFixed(1)}/s), ${refused} refused; DOM nodes ${result.domNodesFirst} → ${result.domNodesLast}; ${pageErrors.length} page errors`,
);

const resultsDir = join(root, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `wall-heap-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(`figures: ${file}`);

if (args.docs) {
  const table = markdownTable(header, samples.map(row));
  const section = `## Wall page heap

\`npm run bench:heap -- --minutes ${minutes}\`, ${machine.date}: one wall page (\`?screen=${args.screen}\`, 1920×1080, the preset layout
\`tong-quan-kinh-te-xa-hoi\`) against the real server, ${rate} updates a second (reports through the API, alternately GDP and trade,
each changing figures on screen) for ${minutes} minutes. Every minute a forced GC (CDP \`HeapProfiler.collectGarbage\`), then
\`Runtime.getHeapUsage\` and \`Memory.getDOMCounters\`. Machine: ${machine.nproc} cores (${machine.cpu}), ${machine.memoryGiB} GiB,
Node ${machine.node}, Chromium ${machine.chromium}, no GPU.

- **Heap slope: ${slopeMbPerHour.toFixed(3)} MB/h** (least squares over minutes 1–${minutes}; goal < 1 MB/h); heap after GC
  ${result.heapFirstMb?.toFixed(2)} MB at minute 1, ${result.heapLastMb?.toFixed(2)} MB at minute ${minutes}.
- DOM nodes ${result.domNodesFirst} → ${result.domNodesLast}; ${accepted} updates accepted (${result.achievedRate.toFixed(1)}/s), ${refused} refused;
  ${pageErrors.length} page errors.

${table}
`;
  const docs = join(root, 'docs', 'benchmarks.md');
  writeFileSync(docs, replaceSection(readFileSync(docs, 'utf8'), 'Wall page heap', section));
  console.log(`wrote the "Wall page heap" section of ${docs}`);
}

await browser.close();
await server.stop();
