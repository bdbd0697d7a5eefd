import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeBatch } from '../../shared/protocol/feed';
import { complianceListSchema, observationListSchema, submissionListSchema } from '../../shared/protocol/report';
import { parseSimulateArgs } from '../../server/simulate/cli';
import { basesFromNational, fitToField, INDICATOR_MODELS, PROVINCE_WEIGHTS, reportValues, shareOf } from '../../server/simulate/model';
import { readNationalFigures } from '../../server/seed/national';
import { parsePeriod } from '../../shared/period';
import { indicatorsCsvPath } from '../support/paths';
import { planAll, planReport, type SimRegime } from '../../server/simulate/plan';
import { startSimulator, type SimLogger } from '../../server/simulate/simulator';
import { PROVINCE_CODES } from '../../shared/regions';
import { reportersOf } from '../../shared/regimes/reporters';
import { collect, emitWithAck, startHarness, waitFor, type Harness } from '../helpers/server-harness';

const warnings: object[] = [];
const watchful: SimLogger = { info: () => undefined, warn: (msg, fields) => void warnings.push({ msg, ...fields }), error: (msg, fields) => void warnings.push({ msg, ...fields }) };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ rateLimit: { ratePerSecond: 2000, burst: 2000 } });
});
afterAll(async () => {
  await h?.cleanup();
});

describe('the demo model', () => {
  it('has a weight for each of the 34 provinces, and a model for every catalogued indicator', () => {
    expect(Object.keys(PROVINCE_WEIGHTS).sort()).toEqual([...PROVINCE_CODES].sort());
    expect(PROVINCE_CODES.reduce((s, c) => s + shareOf(c, 'econ'), 0)).toBeCloseTo(1, 9);
    // Hồ Chí Minh City and Hà Nội carry the largest economies.
    const ranked = [...PROVINCE_CODES].sort((a, b) => shareOf(b, 'econ') - shareOf(a, 'econ'));
    expect(ranked.slice(0, 2)).toEqual(['79', '01']);
    for (const i of h.server.catalog.indicators) expect(INDICATOR_MODELS[i.code], i.code).toBeDefined();
  });

  it('falls back, for an empty store, on the newest yearly figures of the seed file, not on stale copies', () => {
    const newest = new Map<string, { period: string; value: number }>();
    for (const o of readNationalFigures(indicatorsCsvPath, h.server.catalog).observations) {
      if (parsePeriod(o.period)?.kind !== 'year' || o.value === null) continue;
      const seen = newest.get(o.indicator);
      if (!seen || o.period > seen.period) newest.set(o.indicator, { period: o.period, value: o.value });
    }
    // What the simulator would take from a store seeded with the file is what it falls back on.
    const fromFile = basesFromNational(new Map([...newest].map(([k, v]) => [k, v.value])));
    expect(fromFile.size).toBeGreaterThan(10);
    for (const [code, base] of fromFile) expect(INDICATOR_MODELS[code]!.base, code).toBeCloseTo(base, 6);
    // The corrected 2025 figures: GDP 12,840, budget revenue 2,650 and expenditure 2,420 (nghìn tỷ đồng).
    expect(INDICATOR_MODELS.GDP_VND!.base * 12).toBeCloseTo(12840, 6);
    expect(INDICATOR_MODELS.BUDGET_REVENUE!.base * 12).toBeCloseTo(2650, 6);
    expect(INDICATOR_MODELS.BUDGET_EXPENDITURE!.base * 12).toBeCloseTo(2420, 6);
    expect(INDICATOR_MODELS.TRADE_BALANCE!.base * 12).toBeCloseTo(newest.get('TRADE_BALANCE')!.value, 6);
  });

  it('makes values inside every field of every regime, the same for the same seed', () => {
    for (const r of h.server.catalog.regimes) {
      const values = reportValues(3, r, r.reporters === 'all-provinces' ? 'P79' : r.reporters[0]!, '2026-01', 1, new Map());
      for (const v of values) {
        const field = r.fields.find((f) => f.indicator === v.indicator)!;
        expect(fitToField(v.value, field), `${r.code} ${v.indicator} ${v.region}`).toBe(v.value);
      }
      expect(reportValues(3, r, 'P79', '2026-01', 1, new Map())).toEqual(reportValues(3, r, 'P79', '2026-01', 1, new Map()));
    }
  });

  it('plans about 80 % on time, 12 % late and 8 % missing, deterministically', () => {
    const regimes = h.server.catalog.regimes as SimRegime[];
    const plans = planAll(11, regimes, Date.parse('2026-11-26T12:00:00+07:00'));
    const share = (o: string) => plans.filter((p) => p.outcome === o).length / plans.length;
    expect(plans.length).toBeGreaterThan(900);
    expect(share('on-time')).toBeGreaterThan(0.75);
    expect(share('on-time')).toBeLessThan(0.85);
    expect(share('late')).toBeGreaterThan(0.08);
    expect(share('late')).toBeLessThan(0.16);
    expect(share('missing')).toBeGreaterThan(0.05);
    expect(share('missing')).toBeLessThan(0.11);
    for (const p of plans) {
      if (p.outcome === 'on-time') expect(p.at! < p.deadlineMs + 1000).toBe(true);
      if (p.outcome === 'late') expect(p.at! - p.deadlineMs).toBeGreaterThan(3_600_000);
    }
    const tinh = regimes.find((r) => r.code === 'TINH-KTXH-THANG')!;
    expect(planReport(11, tinh, 'P01', '2026-03')).toEqual(planReport(11, tinh, 'P01', '2026-03'));
  });

  it('reads its command line', () => {
    const read = () => 'file-token-0123456789abcdef\n';
    expect(parseSimulateArgs(['--rate', '5', '--seed=9', '--server', 'http://10.0.0.2:8787', '--no-backfill'], {}, '/srv', read)).toEqual({
      ok: true,
      config: { server: 'http://10.0.0.2:8787', token: 'file-token-0123456789abcdef', rate: 5, seed: 9, backfill: false, durationMs: undefined },
    });
    expect(parseSimulateArgs([], { TOANCANH_ADMIN_TOKEN: 'env-token-0123456789' }, '/srv', read)).toMatchObject({ ok: true, config: { token: 'env-token-0123456789', rate: 2, server: 'http://127.0.0.1:8787' } });
    expect(parseSimulateArgs(['--rate', '0'], {}, '/srv', read)).toMatchObject({ ok: false, error: expect.stringMatching(/--rate: "0" is not a rate/) });
    expect(parseSimulateArgs(['--speed', '2'], {}, '/srv', read)).toEqual({ ok: false, error: 'unknown option --speed' });
    expect(parseSimulateArgs([], {}, '/srv', () => {
      throw new Error('ENOENT');
    })).toMatchObject({ ok: false, error: expect.stringMatching(/no admin token/) });
  });
});

describe('the simulator against a real server', () => {
  it('backfills a year of reports through the API, all demo, with a realistic compliance mix, then keeps submitting', async () => {
    // The store starts with the published figures (real) and the DEMO ranking figures.
    const seeded = observationListSchema.parse((await h.api('GET', '/api/v1/observations?history=1&demo=0')).body).observations.length;
    const wall = await h.connect('/feed', h.server.wallToken);
    const batches = collect<ChangeBatch>(wall, 'changes');
    await emitWithAck(wall, 'subscribe', { lastSeq: h.server.store.changes.head(), indicators: null, regions: null, compliance: true });

    const sim = startSimulator({ server: h.server.url, adminToken: h.server.adminToken, rate: 50, seed: 7, backfill: true, log: watchful });
    try {
      await sim.ready;
      expect(warnings).toEqual([]);
      expect(sim.stats).toMatchObject({ refused: 0, failed: 0 });
      expect(sim.stats.accepted).toBeGreaterThan(800);

      // Everything the simulator stored is demo; nothing else is.
      const real = observationListSchema.parse((await h.api('GET', '/api/v1/observations?history=1&demo=0')).body).observations;
      expect(real).toHaveLength(seeded);
      expect(real.filter((o) => o.provenance.submissionId !== null)).toEqual([]);
      expect(submissionListSchema.parse((await h.api('GET', '/api/v1/submissions?demo=0')).body).submissions).toEqual([]);
      const demo = submissionListSchema.parse((await h.api('GET', '/api/v1/submissions?demo=1&limit=1000')).body).submissions;
      expect(demo.map((s) => s.format)).toContain('csv');
      expect(Math.max(...demo.map((s) => s.revision)), 'a revised report').toBeGreaterThan(1);

      // The compliance of the backfilled year: mostly on time, some late, some missing.
      const entries = complianceListSchema.parse((await h.api('GET', '/api/v1/compliance')).body).entries.filter((e) => e.status !== 'not-due');
      const share = (s: string) => entries.filter((e) => e.status === s).length / entries.length;
      expect(entries.length).toBeGreaterThan(800);
      expect(share('on-time')).toBeGreaterThan(0.7);
      expect(share('late')).toBeGreaterThan(0.05);
      expect(share('missing')).toBeGreaterThan(0.03);
      expect(share('on-time') + share('late') + share('missing')).toBeCloseTo(1, 9);

      // Live: new demo vintages keep reaching the wall.
      const before = sim.stats.accepted;
      await waitFor(() => sim.stats.accepted >= before + 10, 10_000, 'live submissions');
      await waitFor(() => batches.flatMap((b) => b.changes).filter((c) => c.kind === 'observation').length > 1000, 5000, 'changes on the wall');
      const observed = batches.flatMap((b) => b.changes).flatMap((c) => (c.kind === 'observation' ? [c.observation] : []));
      expect(observed.filter((o) => !o.demo)).toEqual([]);
      expect(batches.flatMap((b) => b.changes).map((c) => c.kind)).toContain('compliance');
    } finally {
      await sim.stop();
      wall.disconnect();
    }
  }, 120_000);

  it('posts nothing twice when started again with the same seed', async () => {
    const count = () => h.server.store.submissions.count();
    const before = count();
    const sim = startSimulator({ server: h.server.url, adminToken: h.server.adminToken, rate: 0.001, seed: 7, backfill: true, log: watchful });
    try {
      await sim.ready;
      expect(sim.stats.accepted).toBe(0);
      expect(sim.stats.replayed).toBeGreaterThan(800);
      expect(count()).toBe(before);
      // Its old tokens were revoked, new ones made: one per reporting agency.
      const tokens = (await h.api<{ tokens: { label: string; revokedAt: string | null; demo: boolean }[] }>('GET', '/api/v1/tokens')).body.tokens;
      const active = tokens.filter((t) => t.label.startsWith('demo-sim ') && t.revokedAt === null);
      const reporters = new Set(h.server.catalog.regimes.flatMap((r) => reportersOf(r)));
      expect(active.map((t) => t.label.slice('demo-sim '.length)).sort()).toEqual([...reporters].sort());
      expect(active.filter((t) => !t.demo)).toEqual([]);
    } finally {
      await sim.stop();
    }
  }, 120_000);
});
