import type { WallBenchReport } from '../wall-render';
import { goalLine, PAINT_HEADER, paintGoalMs, paintRows, type PaintSummary } from './paint';
import { markdownTable, ms, pct } from './stats';

/** The "## Update → paint (two screens)" section of docs/benchmarks.md for a `--baseline` run. */
export function paintSection(r: WallBenchReport, shows: ReadonlyMap<string, string>): string {
  const paint = r.paint!;
  const m = r.machine;
  const l = r.load;
  const rows: [string, PaintSummary][] = [...paint.pages.map((p): [string, PaintSummary] => [p.screenId, p.summary]), ['**wall**', paint.wall], ['bare', paint.bare]];
  const table = paintRows(rows, paint.bare).map((row) => row.map((c) => c.replace('**wall** ÷ bare', '**wall ÷ bare**')));
  const goal = paintGoalMs(r.config.intervalMs);
  return [
    '## Update → paint (two screens)',
    '',
    'Issue 12: one PC driving two 1920×1080 screens at 1,000 values/s. Written by `npm run bench:paint -- --docs`',
    '(bench/wall-render.ts `--pages 2 --baseline`); how it measures:',
    '[bench/README.md](../bench/README.md#update--paint-on-two-screens-npm-run-benchpaint). The latest run replaces this section.',
    '',
    `- date: ${m.date}; machine: ${m.nproc} × ${m.cpu}, ${m.memoryGiB} GiB, Linux ${m.kernel}; Node ${m.node}; Chromium ${m.chromium}, headless, no GPU`,
    `- load average during the run: ${r.cpu.loadAverage.join(' / ')} (the machine is shared: other processes kept ${r.cpu.otherCores.toFixed(2)} cores busy; the server ${r.cpu.serverCores.toFixed(2)}, Chromium ${r.cpu.chromiumCores.toFixed(2)}, the driver ${r.cpu.benchCores.toFixed(2)})`,
    `- pages: ${paint.pages.map((p) => `${p.screenId} (${shows.get(p.screenId) ?? '?'})`).join(', ')} of bench/wall/profile-4x2.json, and the bare baseline page, in one Chromium`,
    `- load: ${l.requestedValuesPerSecond} values/s requested for ${Math.round(r.config.seconds)} s; accepted ${l.valuesPerSecond.toFixed(0)} values/s in ${l.reportsPerSecond.toFixed(1)} reports/s` +
      (l.droppedBacklogValues ? `; ${l.droppedBacklogValues} values not sent (driver behind)` : ''),
    `- wall frames under load: ${r.pages.map((p) => `${p.screenId} ${p.load.fps.toFixed(1)} frames/s, ${pct(p.load.droppedShare)} dropped, main thread ${pct(p.mainThreadBusy, 0)} busy`).join('; ')}`,
    '',
    'Received (the socket message reached the page\'s JS) → presented (the frame that shows the figure had been painted), ms:',
    '',
    markdownTable(PAINT_HEADER, table),
    '',
    `**${goalLine(paint.wall, r.config.intervalMs)}**; the bare page, which does nothing but write the text, p99 ${ms(paint.bare.toPresented.p99)} ms` +
      (goal > paint.bare.toPresented.p99 ? `: the goal leaves the wall ${ms(goal - paint.bare.toPresented.p99)} ms over it.` : `: on this machine in this run even the bare page misses the goal.`),
    '',
    '**Reading it.** Both pages wait for the next frame alike (received → frame start: up to one',
    'interval, 16.7 ms); what the wall adds is the work inside the presenting frame: the store\'s',
    'commit in its animation-frame callback, React\'s render and commit of the tiles whose figures',
    'changed (in the callback\'s microtasks), then style, layout and paint. No frame is lost between',
    'message and paint: the commit lands in the frame of the flush (tests/dom/store-commit-frame.test.tsx),',
    'and the figure is presented by the first frame after the message. The "p50 25 / p99 49–55 ms"',
    'the issue quotes timed the callback of the frame after the presenting one (one interval late).',
  ].join('\n');
}
