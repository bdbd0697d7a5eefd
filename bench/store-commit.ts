// `npm run bench:store`: what one feed commit of the wall's store costs as the data it holds
// grows. The store (renderer/store/wallStore.ts) is filled by a snapshot of N observations
// (1k, 100k, 1M: 100 indicators × 35 regions × as many periods as it takes), then takes
// FRAMES commits of CHANGED figures each, as a busy feed would deliver them. Printed per N:
// the snapshot's commit, the p50/p95 of an incremental commit and its ratio to the 1k run (the
// baseline, measured in the same run), and the JS heap after a forced GC. Goal (issue 12):
// incremental commit and heap at 1M within 1.2× of 1k… for the commit; the heap grows with
// what is held, so its figure is per observation.
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import type { Observation } from '../shared/protocol/model';
import type { Snapshot } from '../shared/protocol/feed';
import { createWallStore } from '../renderer/store/wallStore';
import { mb, ms, summarize, textTable } from './wall/stats';

const SIZES = [1_000, 100_000, 1_000_000];
const FRAMES = Number(process.argv.find((a) => a.startsWith('--frames='))?.slice(9) ?? 300);
const CHANGED = Number(process.argv.find((a) => a.startsWith('--changed='))?.slice(10) ?? 50);
const INDICATORS = 100;
const REGIONS = ['VN', ...Array.from({ length: 34 }, (_, i) => String(i + 1).padStart(2, '0'))];

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function period(i: number): string {
  // Months back from 2026-11: enough distinct periods for a million figures.
  const month = 2026 * 12 + 10 - i;
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

function observation(indicator: number, region: string, p: string, value: number, vintage: string): Observation {
  return {
    indicator: `IND_${indicator}`,
    region,
    period: p,
    value,
    vintage,
    status: 'official',
    demo: false,
    provenance: { submissionId: null, agency: null, regime: null, source: 'bench' },
  };
}

/** The n-th figure held: indicator, region and period, so that a change can revise one that exists. */
function figure(n: number, value: number, vintage: string): Observation {
  const perPeriod = INDICATORS * REGIONS.length;
  return observation(n % INDICATORS, REGIONS[Math.floor(n / INDICATORS) % REGIONS.length]!, period(Math.floor(n / perPeriod)), value, vintage);
}

function snapshotOf(size: number): Snapshot {
  const observations: Observation[] = [];
  for (let n = 0; n < size; n++) observations.push(figure(n, n, '2026-11-01T00:00:00.000Z'));
  return {
    seq: 1,
    serverTime: '2026-11-01T00:00:00.000Z',
    indicators: Array.from({ length: INDICATORS }, (_, i) => ({
      code: `IND_${i}`,
      name: { vi: `Chỉ tiêu ${i}`, en: `Indicator ${i}` },
      unit: '%',
      periodicity: 'monthly',
      direction: 'up',
      decimals: 1,
    })) as unknown as Snapshot['indicators'],
    observations,
  };
}

interface Row {
  size: number;
  snapshotMs: number;
  p50: number;
  p95: number;
  heapBytes: number;
}

function run(size: number): Row {
  const store = createWallStore({ schedule: () => () => undefined });
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const snapshot = snapshotOf(size);
  const t0 = performance.now();
  store.ingestSnapshot(snapshot);
  store.flush();
  const snapshotMs = performance.now() - t0;
  const times: number[] = [];
  let seq = 2;
  for (let frame = 0; frame < FRAMES; frame++) {
    const vintage = new Date(Date.parse('2026-11-02T00:00:00Z') + frame * 1000).toISOString();
    const changes = Array.from({ length: CHANGED }, (_, i) => ({
      seq: seq++,
      kind: 'observation' as const,
      // Revisions of figures it holds, spread over the whole map (not only the newest period).
      observation: figure(((frame * CHANGED + i) * 7919) % size, frame + i, vintage),
    }));
    store.ingestChanges({ seq: seq - 1, changes } as never);
    const t = performance.now();
    store.flush();
    times.push(performance.now() - t);
  }
  gc();
  const heapBytes = process.memoryUsage().heapUsed - heapBefore;
  if (Object.keys(store.api.getState().observations).length !== size) throw new Error(`the store holds ${Object.keys(store.api.getState().observations).length}, not ${size}`);
  const summary = summarize(times);
  return { size, snapshotMs, p50: summary.p50, p95: summary.p95, heapBytes };
}

const rows = SIZES.map(run);
const base = rows[0]!;
console.log(`store commit: ${FRAMES} commits of ${CHANGED} changed figures each, per size held (node ${process.version})`);
console.log(
  textTable(
    ['observations', 'snapshot commit ms', 'commit p50 ms', 'commit p95 ms', 'p95 ÷ 1k', 'heap MB', 'bytes/obs'],
    rows.map((r) => [r.size.toLocaleString('en'), ms(r.snapshotMs), ms(r.p50, 3), ms(r.p95, 3), (r.p95 / base.p95).toFixed(2), mb(r.heapBytes), (r.heapBytes / r.size).toFixed(0)]),
  ),
);
