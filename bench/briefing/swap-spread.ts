import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/support/browser';
import { BRIEFING_ID, PROFILE_4X2, readSwap, sceneLayout, SCENE_COUNT, SCREENS_4X2, seedBriefing, showsScene, spread, type Api } from '../../tests/e2e/support/briefing';
import { BenchServer } from '../wall/server';
import { summarize, type Summary } from '../wall/stats';
import { describeMachine, loadAverage } from '../wall/system';

/**
 * How far apart the 8 pages of a wall swap scenes (issue 10: "every screen changes scene
 * on the same frame"), against the built server and real Chromium on loopback: one page
 * per screen of the 4 × 2 bench profile, a three-scene briefing (tests/e2e/support/
 * briefing.ts) stepped through `--switches` times by the API. For each switch, the spread
 * is the latest minus the earliest of the pages' own timestamps of their swap frame
 * (`<html data-briefing-swap-frame>`: requestAnimationFrame's timestamp of the first frame
 * after the swap), and of the callbacks of that frame.
 *
 * The baseline, measured in the same run on the same 8 pages left idle: if every page
 * swapped at its first frame after one same instant, how far apart would those frames be?
 * Each page records its requestAnimationFrame timestamps for a few seconds; for many
 * instants T, the spread of each page's first frame at or after T. It is the floor the
 * clock sync and the prepare cannot beat, however well (or badly) the pages' frames line up.
 */
const { values } = parseArgs({ options: { switches: { type: 'string', default: '40' }, 'idle-ms': { type: 'string', default: '4000' } } });
const SWITCHES = Math.max(3, Number(values.switches) || 40);
const IDLE_MS = Math.max(1000, Number(values['idle-ms']) || 4000);

const fmt = (s: Summary) => `p50 ${s.p50.toFixed(1)} ms · p95 ${s.p95.toFixed(1)} ms · max ${s.max.toFixed(1)} ms (n ${s.n})`;

/** Each page's frame timestamps (epoch ms) over `ms`. */
function recordTicks(pages: readonly Page[], ms: number): Promise<number[][]> {
  return Promise.all(
    pages.map((p) =>
      p.evaluate(
        (duration) =>
          new Promise<number[]>((resolve) => {
            const ticks: number[] = [];
            const end = performance.now() + duration;
            const tick = (t: number) => {
              ticks.push(performance.timeOrigin + t);
              if (t < end) requestAnimationFrame(tick);
              else resolve(ticks);
            };
            requestAnimationFrame(tick);
          }),
        ms,
      ),
    ),
  );
}

/** The spread of the pages' first frames at or after each of `samples` instants spread over the common span. */
function firstFrameSpreads(ticks: readonly number[][], samples = 400): number[] {
  const from = Math.max(...ticks.map((t) => t[0]!));
  const to = Math.min(...ticks.map((t) => t[t.length - 1]!)) - 50;
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const at = from + ((to - from) * (i + 0.5)) / samples;
    out.push(spread(ticks.map((t) => t.find((x) => x >= at)!)));
  }
  return out;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'toancanh-bench-briefing-'));
  const start = join(dir, 'khoi-dau.json');
  writeFileSync(start, JSON.stringify({ ...sceneLayout(0), id: 'khoi-dau' }));
  const server = new BenchServer(process.cwd(), ['--profile', PROFILE_4X2, '--layout', start]);
  await server.start();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const api: Api = async (method, path, body) => {
    const r = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${server.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: (await r.json().catch(() => null)) as unknown };
  };
  try {
    await seedBriefing(api);
    const pages: Page[] = [];
    for (const screenId of SCREENS_4X2) {
      const context = await browser.newContext({ viewport: { width: 640, height: 360 }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(server.wallUrl(screenId));
      await page.waitForSelector(`[data-screen-id="${screenId}"] [data-tile-id^="c0-"]`, { timeout: 30_000 });
      pages.push(page);
    }
    const baseline = firstFrameSpreads(await recordTicks(pages, IDLE_MS));

    const load = loadAverage();
    const frames: number[] = [];
    const callbacks: number[] = [];
    /** Per page and switch: its swap frame minus the commit time in its own clock. */
    const late: number[] = [];
    /** Per switch: the spread of the pages' commit times in their own clocks (what the offset estimates disagree by). */
    const targets: number[] = [];
    const acked: number[] = [];
    let last = 0;
    for (let i = 0; i < SWITCHES; i++) {
      const n = (i % SCENE_COUNT) + 1;
      const r = i === 0 ? await api('POST', '/api/v1/briefing-run', { action: 'start', briefingId: BRIEFING_ID }) : await api('POST', '/api/v1/briefing-run', { action: 'jump', index: n - 1 });
      if (r.status !== 200) throw new Error(`switch ${i + 1}: ${r.status} ${JSON.stringify(r.body)}`);
      const swap = await readSwap(pages, last);
      last = swap.switchId;
      frames.push(spread(swap.frames));
      callbacks.push(spread(swap.callbacks));
      targets.push(spread(swap.targets));
      swap.frames.forEach((f, k) => late.push(f - swap.targets[k]!));
      for (const [k, p] of pages.entries()) {
        await p.waitForFunction((s) => document.querySelector(`.wall-canvas:not([data-scene-prepared]) [data-tile-id^="c${s}-"]`) !== null && document.querySelectorAll('.wall-canvas').length === 1, n, { timeout: 20_000, polling: 50 });
        if (!(await showsScene(p, n))) throw new Error(`${SCREENS_4X2[k]} does not show scene ${n}`);
      }
    }
    const runs = (await api('GET', '/api/v1/briefing-runs')).body as { runs: { runId: number }[] };
    const shown = (await api('GET', `/api/v1/briefing-runs/${runs.runs[0]!.runId}/shown`)).body as { shown: { acks: number; windows: number }[] };
    for (const row of shown.shown) acked.push(row.acks / Math.max(1, row.windows));
    await api('POST', '/api/v1/briefing-run', { action: 'stop' });

    const machine = describeMachine(browser.version());
    console.log(`briefing swap spread — ${machine.date}, ${machine.nproc} × ${machine.cpu}, Node ${machine.node}, Chromium ${machine.chromium}; load average before the switches ${load.join(' / ')}`);
    console.log(`8 wall pages (640 × 360 each, one per screen of ${PROFILE_4X2}), ${SWITCHES} switches of a three-scene briefing`);
    console.log(`  baseline: idle pages, first frame after one instant  ${fmt(summarize(baseline))}`);
    console.log(`  swap spread, frame timestamps                        ${fmt(summarize(frames))}`);
    console.log(`  swap spread, frame callbacks                         ${fmt(summarize(callbacks))}`);
    console.log(`  commit time in the pages' clocks, spread            ${fmt(summarize(targets))}`);
    console.log(`  swap frame after the commit time, per page           ${fmt(summarize(late))}`);
    console.log(`  prepares acknowledged before the commit: ${Math.round((acked.reduce((s, v) => s + v, 0) / Math.max(1, acked.length)) * 100)} % of windows`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
