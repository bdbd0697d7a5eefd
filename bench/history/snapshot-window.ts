// `npm run bench:window`: what a wall costs as the store's history grows, with the history
// window (shared/widgets/history-span.ts) and without it. For 1k, 100k and 1M stored
// observations (1,000 series: 100 indicators × 10 regions, each with 1, 100 or 1,000 monthly
// periods back from 2026-11), in one run:
//   server: the snapshot's rows, JSON bytes and build time (ObservationRepo.latest, the query
//           the feed hub sends), unwindowed and windowed to the layout's 3 years;
//   wall:   the windowed snapshot committed into the wall's store (renderer/store/wallStore.ts)
//           under a layout drawing 24 months, then FRAMES commits of 50 current figures each:
//           commit p50/p95, the figures held and the JS heap after a forced GC.
// The 1k run is the baseline: there every series fits its window. From 100k on the window
// holds the same 36 months a series, so the wall's figures are the same at 100k and 1M.
// Not measured here: the socket's transfer (bytes are printed) and a page's paint.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { openDatabase } from '../../server/db/open';
import { ObservationRepo } from '../../server/db/observations';
import { createWallStore } from '../../renderer/store/wallStore';
import { selectHistoryYears } from '../../renderer/store/selectors';
import { wallStateSchema } from '../../shared/protocol/control';
import type { Snapshot } from '../../shared/protocol/feed';
import type { Observation } from '../../shared/protocol/model';
import { mb, ms, summarize, textTable } from '../wall/stats';

const SIZES = [1_000, 100_000, 1_000_000];
const FRAMES = Number(process.argv.find((a) => a.startsWith('--frames='))?.slice(9) ?? 300);
const CHANGED = 50;
const INDICATORS = 100;
const REGIONS = ['VN', '01', '79', '48', '31', '92', '56', '66', '75', '22'];
const SERIES = INDICATORS * REGIONS.length;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const root = process.cwd();

const period = (back: number) => {
  const month = 2026 * 12 + 10 - back;
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
};

function filledRepo(size: number, dir: string): { repo: ObservationRepo; close(): void } {
  const db = openDatabase(join(dir, `store-${size}.sqlite`));
  // A bulk fill for the bench: rows written straight into the table (the report path's
  // checks and change log are not what is measured), indicators left out of the catalogue.
  db.pragma('foreign_keys = OFF');
  const insert = db.prepare(
    `INSERT INTO observations (indicator, region, period, value, vintage, status, demo, source, recorded_at, period_start, period_end)
     VALUES (?, ?, ?, ?, '2026-11-01T00:00:00.000Z', 'official', 0, 'bench', '2026-11-01T00:00:00.000Z', NULL, NULL)`,
  );
  db.transaction(() => {
    for (let n = 0; n < size; n++) insert.run(`IND_${n % INDICATORS}`, REGIONS[Math.floor(n / INDICATORS) % REGIONS.length], period(Math.floor(n / SERIES)), n);
  })();
  return { repo: new ObservationRepo(db), close: () => db.close() };
}

function timed<T>(fn: () => T, runs = 3): { value: T; ms: number } {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - t);
  }
  return { value, ms: best };
}

/** A layout of one monthly chart of 24 periods (3 years) per indicator shown. */
function wallState() {
  return {
    revision: 1,
    profile: JSON.parse(readFileSync(join(root, 'assets/profiles/wall-2x2-55in.json'), 'utf8')) as unknown,
    layout: {
      schemaVersion: 1,
      id: 'bench-window',
      title: { vi: 'Bench' },
      grid: { columns: 24, rows: 12 },
      tiles: [{ id: 'chart', widget: 'timeseries', x: 0, y: 0, w: 24, h: 12, binding: { indicators: ['IND_0'], region: 'VN' }, options: { periods: 24, periodKind: 'month' } }],
    },
  };
}

interface Row {
  size: number;
  fullRows: number;
  fullBytes: number;
  fullMs: number;
  rows: number;
  bytes: number;
  buildMs: number;
  held: number;
  commitP50: number;
  commitP95: number;
  heapBytes: number;
}

function run(size: number, dir: string): Row {
  const { repo, close } = filledRepo(size, dir);
  const wall = createWallStore({ schedule: () => () => undefined });
  wall.setWallState(wallStateSchema.parse(wallState()));
  const years = selectHistoryYears(wall.api.getState())!;
  const full = timed(() => repo.latest({}, -1));
  const fullBytes = JSON.stringify(full.value).length;
  const windowed = timed(() => repo.latest({}, -1, years));
  const snapshot: Snapshot = { seq: 1, serverTime: '2026-11-01T00:00:00.000Z', indicators: [], observations: windowed.value };
  const bytes = JSON.stringify(snapshot).length;
  close();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  wall.ingestSnapshot(snapshot);
  wall.flush();
  const times: number[] = [];
  let seq = 2;
  for (let frame = 0; frame < FRAMES; frame++) {
    const vintage = new Date(Date.parse('2026-11-02T00:00:00Z') + frame * 1000).toISOString();
    const changes = Array.from({ length: CHANGED }, (_, i) => {
      const n = ((frame * CHANGED + i) * 7919) % SERIES;
      const observation: Observation = {
        indicator: `IND_${n % INDICATORS}`,
        region: REGIONS[Math.floor(n / INDICATORS)]!,
        period: period(0),
        value: frame + i,
        vintage,
        status: 'official',
        demo: false,
        provenance: { submissionId: null, agency: null, regime: null, source: 'bench' },
      };
      return { seq: seq++, kind: 'observation' as const, observation };
    });
    wall.ingestChanges({ seq: seq - 1, changes });
    const t = performance.now();
    wall.flush();
    times.push(performance.now() - t);
  }
  gc();
  const heapBytes = process.memoryUsage().heapUsed - heapBefore;
  const summary = summarize(times);
  return {
    size,
    fullRows: full.value.length,
    fullBytes,
    fullMs: full.ms,
    rows: windowed.value.length,
    bytes,
    buildMs: windowed.ms,
    held: Object.keys(wall.api.getState().observations).length,
    commitP50: summary.p50,
    commitP95: summary.p95,
    heapBytes,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'toancanh-window-'));
try {
  const rows = SIZES.map((size) => run(size, dir));
  const base = rows[0]!;
  console.log(`history window: ${SERIES} series, a layout drawing 24 months (3 years); ${FRAMES} commits of ${CHANGED} figures (node ${process.version}, load ${(await import('node:os')).loadavg()[0]!.toFixed(2)})`);
  console.log(
    textTable(
      ['stored', 'snapshot rows (all → window)', 'JSON MB (all → window)', 'build ms (all → window)', 'wall holds', 'commit p50 ms', 'p95 ms', 'p95 ÷ 1k', 'heap MB', 'heap ÷ 1k'],
      rows.map((r) => [
        r.size.toLocaleString('en'),
        `${r.fullRows.toLocaleString('en')} → ${r.rows.toLocaleString('en')}`,
        `${mb(r.fullBytes)} → ${mb(r.bytes)}`,
        `${ms(r.fullMs)} → ${ms(r.buildMs)}`,
        r.held.toLocaleString('en'),
        ms(r.commitP50, 3),
        ms(r.commitP95, 3),
        (r.commitP95 / base.commitP95).toFixed(2),
        mb(r.heapBytes),
        (r.heapBytes / base.heapBytes).toFixed(1),
      ]),
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
