// `node bench/bundle-run.mjs bench/store-freeze.ts`: what a frozen wall costs (issue 10). The
// store holds N observations; the wall is frozen; FRAMES frames of CHANGED revisions each
// arrive and are held (counted, not shown); then one command returns to live. Printed per N:
// the p50/p95 of a frozen frame (ingest + flush), the thaw (every held change shown in one
// commit), and the count. Goal: both O(changed keys), flat in N.
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import type { Observation } from '../shared/protocol/model';
import type { Snapshot } from '../shared/protocol/feed';
import { createWallStore } from '../renderer/store/wallStore';
import { ms, summarize, textTable } from './wall/stats';

const SIZES = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '1000,100000,1000000').split(',').map(Number);
const FRAMES = Number(process.argv.find((a) => a.startsWith('--frames='))?.slice(9) ?? 300);
const CHANGED = Number(process.argv.find((a) => a.startsWith('--changed='))?.slice(10) ?? 50);
const INDICATORS = 100;
const REGIONS = ['VN', ...Array.from({ length: 34 }, (_, i) => String(i + 1).padStart(2, '0'))];

const period = (i: number) => {
  const month = 2026 * 12 + 10 - i;
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
};
const figure = (n: number, value: number, vintage: string): Observation => ({
  indicator: `IND_${n % INDICATORS}`,
  region: REGIONS[Math.floor(n / INDICATORS) % REGIONS.length]!,
  period: period(Math.floor(n / (INDICATORS * REGIONS.length))),
  value,
  vintage,
  status: 'official',
  demo: false,
  provenance: { submissionId: null, agency: null, regime: null, source: 'bench' },
});

function run(size: number) {
  const store = createWallStore({ schedule: () => () => undefined });
  const observations: Observation[] = [];
  for (let n = 0; n < size; n++) observations.push(figure(n, n, '2026-11-01T00:00:00.000Z'));
  store.ingestSnapshot({ seq: 1, serverTime: '2026-11-01T00:00:00.000Z', indicators: [], observations } as Snapshot);
  store.flush();
  const view = { province: null, enlargedTileId: null, revision: 1, by: 'bench', changedAt: null };
  store.setView({ ...view, freeze: { at: '2026-11-02T00:00:00.000Z', seq: 1 } });
  const frames: number[] = [];
  let seq = 2;
  for (let frame = 0; frame < FRAMES; frame++) {
    const vintage = new Date(Date.parse('2026-11-02T00:00:00Z') + frame * 1000).toISOString();
    const changes = Array.from({ length: CHANGED }, (_, i) => ({ seq: seq++, kind: 'observation' as const, observation: figure(((frame * CHANGED + i) * 7919) % size, -1 - i, vintage) }));
    const t = performance.now();
    store.ingestChanges({ seq: seq - 1, changes } as never);
    store.flush();
    frames.push(performance.now() - t);
  }
  const counted = store.api.getState().frozen?.changed ?? 0;
  const t = performance.now();
  store.setView({ ...view, revision: 2, freeze: null });
  const thawMs = performance.now() - t;
  // For scale: the same number of revisions committed live in one frame, as the store always did.
  const live = Array.from({ length: FRAMES * CHANGED }, (_, i) => ({ seq: seq++, kind: 'observation' as const, observation: figure((i * 7919) % size, -2 - i, '2026-11-03T00:00:00.000Z') }));
  store.ingestChanges({ seq: seq - 1, changes: live } as never);
  const t2 = performance.now();
  store.flush();
  const liveMs = performance.now() - t2;
  const s = summarize(frames);
  return { size, p50: s.p50, p95: s.p95, thawMs, liveMs, counted };
}

const rows = SIZES.map(run);
console.log(`frozen store: ${FRAMES} frames of ${CHANGED} changes held, then back to live (node ${process.version})`);
console.log(
  textTable(
    ['observations', 'frozen frame p50 ms', 'frozen frame p95 ms', 'thaw ms', 'same changes live ms', 'figures counted'],
    rows.map((r) => [r.size.toLocaleString('en'), ms(r.p50, 3), ms(r.p95, 3), ms(r.thawMs), ms(r.liveMs), r.counted.toLocaleString('en')]),
  ),
);
