import type { WallBenchReport } from '../wall-render';
import { markdownTable, mb, ms, pct } from './stats';

/**
 * Replaces the level-2 section `## <title>` of a Markdown page (up to the next level-2
 * heading) with `section`, or appends it; every other section stays as it is.
 */
export function replaceSection(page: string, title: string, section: string): string {
  const body = section.endsWith('\n') ? section : `${section}\n`;
  if (page.trim() === '') return `# Benchmarks\n\n${body}`;
  const lines = page.split('\n');
  const start = lines.findIndex((l) => l.trimEnd() === `## ${title}`);
  if (start < 0) return `${page.replace(/\n*$/, '\n\n')}${body}`;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  const before = lines.slice(0, start).join('\n');
  const after = lines.slice(end).join('\n');
  return `${before}${before ? '\n' : ''}${body}${after ? `\n${after}` : ''}`;
}

/** The "## Wall rendering" section for a run; `shows`: each screen's widgets, e.g. "map-3d, kpi ×3". */
export function wallSection(r: WallBenchReport, shows: ReadonlyMap<string, string> = new Map()): string {
  const m = r.machine;
  const l = r.load;
  const a = r.all;
  const { header, rows } = pageTable(r, { allLabel: '**all**', long: true });
  const widgets = Object.entries(r.wall.widgets)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  const refused = Object.entries(l.reportsRefused)
    .map(([status, n]) => `${n} × HTTP ${status}`)
    .join(', ');
  const cores = r.cpu.serverCores + r.cpu.chromiumCores + r.cpu.benchCores;
  const byFps = [...r.pages].sort((x, y) => x.load.fps - y.load.fps);
  const slow = byFps[0];
  const fast = byFps[byFps.length - 1];
  const page = (p: (typeof r.pages)[number]) =>
    `${p.screenId} (${shows.get(p.screenId) ?? `${p.tiles} tiles`}): ${p.load.fps.toFixed(1)} frames/s, main thread ${pct(p.mainThreadBusy, 0)} busy, update → paint p50 ${ms(p.latency.acceptedToFrame.p50, 0)} ms`;
  const saturated = r.cpu.machineCores / m.nproc > 0.9;
  const heapGrowth = (a.heapAfterBytes - a.heapBeforeBytes) / Math.max(1, r.pages.length);
  return [
    '## Wall rendering',
    '',
    'Written by `npm run bench:wall -- --docs` (bench/wall-render.ts); what it does and how it',
    'measures: [bench/README.md](../bench/README.md#wall-rendering-npm-run-benchwall). The latest run replaces this section.',
    '',
    `- date: ${m.date}`,
    `- machine: ${m.nproc} × ${m.cpu} (nproc ${m.nproc}), ${m.memoryGiB} GiB, Linux ${m.kernel}; Node ${m.node}; Debian's Chromium ${m.chromium},`,
    '  headless, `--disable-gpu`: no GPU, compositing in software, WebGL (the 3D map) on SwiftShader',
    `- wall: 8 pages of 1920×1080, one per screen of bench/wall/profile-4x2.json (4×2 × 55", 3.5 mm between`,
    `  panels), all in one Chromium; bench/wall/layout-40.json, ${r.wall.tiles} tiles: ${widgets}`,
    `- load: ${l.requestedValuesPerSecond} indicator values a second requested for ${Math.round(r.config.seconds)} s (after ${r.config.warmup} s of warm-up), posted`,
    `  through \`POST /api/v1/reports\` by ${l.agencies} agencies' own tokens; **accepted ${l.valuesPerSecond.toFixed(0)} values/s** in ${l.reportsPerSecond.toFixed(1)} reports/s`,
    `  (${l.valuesPerReport.toFixed(1)} values each), HTTP answer p50 ${ms(l.httpAnswer.p50)} ms / p99 ${ms(l.httpAnswer.p99)} ms` +
      (refused ? `; refused: ${refused}` : '') +
      (l.droppedBacklogValues ? `; ${l.droppedBacklogValues} values not sent because the driver fell behind` : '') +
      (l.networkErrors ? `; ${l.networkErrors} network errors` : ''),
    `- the server, the browser and the driver share the machine: during the load the server kept ${r.cpu.serverCores.toFixed(2)} cores busy,`,
    `  Chromium (${r.pages.length} renderers, GPU and browser processes) ${r.cpu.chromiumCores.toFixed(2)}, the driver ${r.cpu.benchCores.toFixed(2)}: ${cores.toFixed(2)} of ${m.nproc}; other processes`,
    `  ${r.cpu.otherCores.toFixed(2)}; load average ${r.cpu.loadAverage.join(' / ')}; ${r.cpu.priority}; the driver's event loop was late by p50 ${ms(l.driverLoopDelay.p50)} / p99 ${ms(l.driverLoopDelay.p99)} ms`,
    '',
    markdownTable(header, rows),
    '',
    ...(shows.size ? [`Pages: ${r.pages.map((p) => `${p.screenId} ${shows.get(p.screenId) ?? ''}`).join(' · ')}.`, ''] : []),
    `- frames at rest (the same pages, no load, ${r.config.idle} s): p50 ${ms(a.idle.p50)} / p95 ${ms(a.idle.p95)} / p99 ${ms(a.idle.p99)} ms, ${pct(a.idle.droppedShare)} dropped`,
    `- update → paint, all pages, p50 / p99: accepted → batch taken by the page's main thread ${ms(a.acceptedToReceived.p50)} / ${ms(a.acceptedToReceived.p99)} ms,`,
    `  received → in the DOM ${ms(a.receivedToDom.p50)} / ${ms(a.receivedToDom.p99)} ms, DOM → next animation frame ${ms(a.domToFrame.p50)} / ${ms(a.domToFrame.p99)} ms`,
    '',
    '**Reading it.** "frame" is the time between two animation frames of a page; "dropped" counts',
    `frames longer than 1.5 display intervals (25 ms at 60 Hz). "update → paint" runs from the moment`,
    'the poster got the server\'s answer to the first animation frame after the new figure was in the',
    'page\'s DOM, measured on the KPI tiles whose figures are stamped (a few per page); "probe values',
    'shown" says how many stamped figures each page painted out of those it was sent: the store',
    'keeps the last value per key per frame, so a figure replaced within the same frame is never',
    'painted, by design. The JS heap is V8\'s used heap after a forced garbage collection, before',
    'the warm-up and after the load; "main thread busy" is the share of the run the page\'s main',
    'thread spent in tasks.',
    '',
    '**What it says.**',
    '',
    `- ${saturated ? `The machine was saturated: ${r.cpu.machineCores.toFixed(2)} of ${m.nproc} cores busy, ${r.cpu.chromiumCores.toFixed(2)} of them Chromium's. The figures show how the wall degrades when CPU is short, more than what it costs.` : `The machine had CPU to spare (${r.cpu.machineCores.toFixed(2)} of ${m.nproc} cores busy).`}`,
    `- Under load the pages drew ${a.load.fps.toFixed(1)} frames a second on average against ${a.idle.fps.toFixed(1)} at rest. Half the frames still took ${ms(a.load.p50)} ms; the long ones (p95 ${ms(a.load.p95)} ms) are where a page's main thread, or the CPU it shares with the other pages, was busy.`,
    `- Slowest page: ${slow ? page(slow) : '—'}. Fastest: ${fast ? page(fast) : '—'}.`,
    `- Update → paint p50 ${ms(a.acceptedToFrame.p50, 0)} ms, p99 ${ms(a.acceptedToFrame.p99, 0)} ms. Its parts at p50: ${ms(a.acceptedToReceived.p50, 0)} ms until the page's main thread took the batch, ${ms(a.receivedToDom.p50, 0)} ms to the DOM (the store commits at the next frame), ${ms(a.domToFrame.p50, 0)} ms to the next frame. A page that falls behind makes batches wait behind its long frames, which sets the p99.`,
    `- JS heap: ${mb(a.heapBeforeBytes)} MB for the ${r.pages.length} pages before, ${mb(a.heapAfterBytes)} MB after (${heapGrowth >= 0 ? '+' : ''}${mb(heapGrowth)} MB a page), each after a forced GC; a minute says little about a slow leak: run longer (\`--seconds\`) to see one.`,
    '',
    `This machine is far below a wall PC: ${m.nproc} cores, no GPU, eight 1920×1080 pages`,
    'composited in software and a 3D map rendered by SwiftShader, next to the server and the',
    'driver. A wall PC drives 2–4 screens with a GPU, and the server runs elsewhere. Read the',
    'ratios (load against rest, one page against another, the latency\'s parts), not the',
    'absolute numbers.',
    '',
  ].join('\n');
}

/**
 * One row per page and a last one for the whole wall: the table both the console print-out
 * (short headings) and the docs section (long headings, bold total) show.
 */
export function pageTable(r: WallBenchReport, { allLabel, long }: { allLabel: string; long: boolean }): { header: string[]; rows: string[][] } {
  const a = r.all;
  const header = long
    ? ['page', 'tiles', 'fps', 'frame p50', 'p95', 'p99', 'dropped frames', 'update → paint p50', 'p99', 'probe values shown', 'JS heap before', 'after', 'main thread busy']
    : ['page', 'tiles', 'fps', 'frame p50', 'p95', 'p99', 'dropped', 'upd→paint p50', 'p99', 'shown', 'heap before', 'after', 'main thread'];
  const shown = (n: number, of: number) => (long ? `${n} / ${of}` : `${n}/${of}`);
  const rows = r.pages.map((p) => [
    p.screenId,
    String(p.tiles),
    p.load.fps.toFixed(1),
    `${ms(p.load.p50)} ms`,
    `${ms(p.load.p95)} ms`,
    `${ms(p.load.p99)} ms`,
    `${p.load.dropped} (${pct(p.load.droppedShare, 0)})`,
    `${ms(p.latency.acceptedToFrame.p50, 0)} ms`,
    `${ms(p.latency.acceptedToFrame.p99, 0)} ms`,
    shown(p.latency.shown, p.latency.expected),
    `${mb(p.heapBefore.usedBytes)} MB`,
    `${mb(p.heapAfter.usedBytes)} MB`,
    pct(p.mainThreadBusy, 0),
  ]);
  rows.push([
    allLabel,
    String(r.wall.tiles),
    a.load.fps.toFixed(1),
    `${ms(a.load.p50)} ms`,
    `${ms(a.load.p95)} ms`,
    `${ms(a.load.p99)} ms`,
    `${a.load.dropped} (${pct(a.load.droppedShare, 0)})`,
    `${ms(a.acceptedToFrame.p50, 0)} ms`,
    `${ms(a.acceptedToFrame.p99, 0)} ms`,
    shown(a.shown, a.expected),
    `${mb(a.heapBeforeBytes)} MB`,
    `${mb(a.heapAfterBytes)} MB`,
    pct(r.pages.reduce((n, p) => n + p.mainThreadBusy, 0) / Math.max(1, r.pages.length), 0),
  ]);
  return { header, rows };
}
