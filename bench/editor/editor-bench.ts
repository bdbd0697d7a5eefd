import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/e2e/support/browser';
import { buildEditorHarness, HARNESS_SERVER_ARGS, harnessUrl } from '../../tests/e2e/support/editor-harness';
import { ServerProcess } from '../../tests/e2e/support/server';
import { projectRoot } from '../../tests/support/paths';
import { replaceSection } from '../wall/docs';
import { frameStats, markdownTable, ms, pct, textTable, type FrameStats } from '../wall/stats';
import { describeMachine, loadAverage } from '../wall/system';

/**
 * The layout editor's frame time while a tile is dragged over the 40-tile layout of the
 * wall benchmark (bench/wall/layout-40.json on the 4×2 profile), against the same page at
 * rest in the same run. The editor's test page (tests/e2e/editor-harness) is served by the
 * real server with the live feed; frames are requestAnimationFrame timestamps in the page;
 * the drag is Chromium's own mouse (pointer events), one move per frame interval, sweeping
 * the tile across the canvas and back so it crosses every screen.
 */
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    idle: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '5' },
    docs: { type: 'boolean', default: false },
  },
});
const dragSeconds = Number(args.seconds);
const idleSeconds = Number(args.idle);
const warmupSeconds = Number(args.warmup);
const INTERVAL_MS = 1000 / 60;
const TILE = 'traffic-accidents';

const server = new ServerProcess({ profile: 'bench/wall/profile-4x2.json', layout: 'bench/wall/layout-40.json', extraArgs: HARNESS_SERVER_ARGS });
await buildEditorHarness();
await server.start();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(harnessUrl(server.url, server.wallToken));
  await page.waitForFunction(() => document.querySelectorAll('[data-handle]').length === 40, undefined, { timeout: 60_000 });
  await page.waitForFunction((id) => /\d/.test(document.querySelector(`.tile[data-tile-id="${id}"]`)?.textContent ?? ''), TILE, { timeout: 60_000 });

  const record = async (run: () => Promise<unknown>): Promise<FrameStats> => {
    await page.evaluate(() => {
      const w = window as unknown as { benchFrames: number[]; benchRecording: boolean };
      w.benchFrames = [];
      w.benchRecording = true;
      const loop = (t: number) => {
        if (!w.benchRecording) return;
        w.benchFrames.push(t);
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
    await run();
    const frames = await page.evaluate(() => {
      const w = window as unknown as { benchFrames: number[]; benchRecording: boolean };
      w.benchRecording = false;
      return w.benchFrames;
    });
    return frameStats(frames, INTERVAL_MS);
  };

  // The first seconds are the page settling (boundaries fetched, maps drawn, WebGL compiled): not recorded.
  await page.waitForTimeout(warmupSeconds * 1000);
  // At rest: the same page, the same live widgets, nobody touching it. A measuring window, not a wait.
  const idle = await record(() => page.waitForTimeout(idleSeconds * 1000));

  const handle = await page.locator(`[data-handle="${TILE}"]`).boundingBox();
  const area = await page.locator('.ed-canvas .wall-layer').boundingBox();
  if (!handle || !area) throw new Error('the editor did not lay out');
  const from = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
  let moves = 0;
  const drag = await record(async () => {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const started = Date.now();
    while (Date.now() - started < dragSeconds * 1000) {
      const t = (Date.now() - started) / 1000;
      // A sweep across the whole canvas and back every 4 s, up and down every 1.5 s.
      const u = (1 - Math.cos((2 * Math.PI * t) / 4)) / 2;
      const v = (1 - Math.cos((2 * Math.PI * t) / 1.5)) / 2;
      await page.mouse.move(area.x + 20 + u * (area.width - 40), area.y + 20 + v * (area.height - 40));
      moves += 1;
    }
    await page.mouse.move(from.x, from.y);
    await page.mouse.up();
  });
  const changed = await page.evaluate(() => window.editorHarness?.changes ?? -1);

  const machine = describeMachine(browser.version());
  const load = loadAverage();
  const rows = [
    ['idle', ms(idle.p50), ms(idle.p95), ms(idle.p99), idle.fps.toFixed(1), pct(idle.droppedShare), String(idle.frames)],
    [`dragging ${TILE}`, ms(drag.p50), ms(drag.p95), ms(drag.p99), drag.fps.toFixed(1), pct(drag.droppedShare), String(drag.frames)],
  ];
  const header = ['page', 'frame p50', 'p95', 'p99', 'fps', 'dropped', 'frames'];
  console.log(textTable(header, rows));
  console.log(`pointer moves: ${moves} in ${dragSeconds} s; edits recorded: ${changed} (the tile is dropped back where it started)`);

  const resultsDir = resolve(projectRoot, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const report = { machine, load, warmupSeconds, dragSeconds, idleSeconds, tile: TILE, moves, idle, drag };
  writeFileSync(resolve(resultsDir, `editor-drag-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify(report, null, 2));

  if (args.docs) {
    const section = [
      '## Editor drag',
      '',
      'Written by `npm run bench:editor -- --docs` (bench/editor/editor-bench.ts); the latest run replaces this section.',
      '',
      `- date: ${machine.date}`,
      `- machine: ${machine.nproc} × ${machine.cpu} (nproc ${machine.nproc}), ${machine.memoryGiB} GiB; Node ${machine.node}; Debian's Chromium ${machine.chromium}, headless, \`--disable-gpu\``,
      `- page: the console's layout editor (its test page, tests/e2e/editor-harness, served by the real server with the live feed) at 1920×1080,`,
      `  bench/wall/layout-40.json (40 tiles, every widget type, the 3D map on SwiftShader) on bench/wall/profile-4x2.json, scaled to fit`,
      `- after ${warmupSeconds} s of warm-up: idle: ${idleSeconds} s at rest; dragging: tile \`${TILE}\` swept across the canvas and back by Chromium's mouse for ${dragSeconds} s,`,
      `  ${moves} pointer moves (one after another, each awaited); the dragged tile is re-rendered at each grid cell it crosses, the other tiles keep their props (React skips them)`,
      `- 1-minute load average after the run: ${load.join(' / ')}`,
      '',
      markdownTable(header, rows),
      '',
    ].join('\n');
    const docs = resolve(projectRoot, 'docs/benchmarks.md');
    writeFileSync(docs, replaceSection(readFileSync(docs, 'utf8'), 'Editor drag', section));
    console.log('docs/benchmarks.md: "## Editor drag" written');
  }
} finally {
  await browser.close();
  await server.stop();
}
