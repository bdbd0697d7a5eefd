import type { Logger } from '../../shared/log';
import { agencyByCode } from '../../shared/agencies';
import { parsePeriod } from '../../shared/period';
import { submissionToCsv } from '../../shared/regimes/csv';
import { reportersOf } from '../../shared/regimes/reporters';
import { routes } from '../../shared/api';
import { ApiClient, ApiError } from './client';
import { basesFromNational, reportValues } from './model';
import { planAll, type PlannedReport, type SimRegime } from './plan';
import { rngFor, uniform } from '../../shared/random';

/**
 * The demo simulator: agencies submitting reports through the real API.
 *
 * 1. With an admin token it creates one demo submitter token per reporting agency (and
 *    revokes the ones a previous run left). Everything those tokens submit is stored as demo
 *    data; they cannot submit anything else, and nothing else can submit demo data.
 * 2. Backfill: every report the plan (./plan.ts) puts in the past — about a year of
 *    periods — is posted with its planned receivedAt, oldest first, so the server's
 *    compliance shows a realistic mix of on-time, late and missing reports. Each post has an
 *    Idempotency-Key derived from the seed and the report, so a second run (or a restart)
 *    posts nothing twice.
 * 3. Live: `rate` posts a second: reports whose planned moment has come, otherwise a
 *    revision of a recent report (a new estimate; the wall shows the newest).
 *
 * Values come from ./model.ts (province figures scaled from national ones by rough
 * population and economy weights). Deterministic with `seed`.
 */
/** The simulator logs through the shared interface (shared/log.ts). */
export type SimLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface SimulatorOptions {
  server: string;
  adminToken: string;
  /** Live submissions per second. */
  rate: number;
  seed: number;
  backfill: boolean;
  log: SimLogger;
  now?: () => number;
  /** Stop on its own after this long (live phase); default: run until stopped. */
  durationMs?: number;
  /** Share of the provinces' reports sent as CSV (default 0.4). */
  csvShare?: number;
}

export interface SimulatorStats {
  posted: number;
  accepted: number;
  replayed: number;
  refused: number;
  failed: number;
  backfilled: number;
  revisions: number;
}

export interface SimulatorHandle {
  /** Resolves when the tokens exist and the backfill is done. */
  ready: Promise<void>;
  /** Resolves when the simulator has stopped (stop(), durationMs, or a fatal error). */
  done: Promise<void>;
  stats: SimulatorStats;
  stop(): Promise<void>;
}

export const TOKEN_LABEL_PREFIX = 'demo-sim ';
const CONCURRENCY = 6;

interface Posted {
  regime: string;
  agency: string;
  period: string;
  revision: number;
}

export function startSimulator(options: SimulatorOptions): SimulatorHandle {
  const now = options.now ?? (() => Date.now());
  const stats: SimulatorStats = { posted: 0, accepted: 0, replayed: 0, refused: 0, failed: 0, backfilled: 0, revisions: 0 };
  let stopped = false;
  let wake: (() => void) | null = null;
  const admin = new ApiClient(options.server, options.adminToken, () => stopped);
  const log = options.log;
  const csvShare = options.csvShare ?? 0.4;

  let resolveReady!: () => void;
  let rejectReady!: (error: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => undefined);

  const inFlight = new Set<Promise<void>>();

  const run = async () => {
    // --- the catalogue and the national figures to scale from
    const list = await admin.call(routes.catalogue.regimes, {});
    if (!list.ok) throw ApiError.refused(routes.catalogue.regimes, list);
    const regimes: SimRegime[] = [];
    for (const { code } of list.body.regimes) {
      const detail = await admin.call(routes.catalogue.regime, { params: { code } });
      if (!detail.ok) throw ApiError.refused(routes.catalogue.regime, detail);
      const d = detail.body;
      regimes.push({ code: d.code, periodicity: d.periodicity, window: d.window, deadline: d.deadline, reporters: d.reportersRule, effectiveFrom: d.effectiveFrom, fields: d.fields });
    }
    const byCode = new Map(regimes.map((r) => [r.code, r]));
    const national = await admin.call(routes.reads.observations, { query: { region: 'VN', demo: '0' } });
    const latest = new Map<string, { period: string; value: number }>();
    if (national.ok) {
      for (const o of national.body.observations) {
        if (o.value === null || parsePeriod(o.period)?.kind !== 'year') continue;
        const seen = latest.get(o.indicator);
        if (!seen || o.period > seen.period) latest.set(o.indicator, { period: o.period, value: o.value });
      }
    }
    const bases = basesFromNational(new Map([...latest].map(([k, v]) => [k, v.value])));

    // --- one demo token per reporting agency
    const agencies = [...new Set(regimes.flatMap((r) => reportersOf(r)))].sort();
    const existing = await admin.call(routes.tokens.list, {});
    if (!existing.ok) throw ApiError.refused(routes.tokens.list, existing); // the simulator needs an admin token
    for (const t of existing.body.tokens) {
      if (t.revokedAt === null && t.label.startsWith(TOKEN_LABEL_PREFIX)) await admin.call(routes.tokens.revoke, { params: { id: String(t.tokenId) } });
    }
    const clients = new Map<string, ApiClient>();
    for (const agency of agencies) {
      const created = await admin.call(routes.tokens.create, { body: { role: 'submitter', agency, label: `${TOKEN_LABEL_PREFIX}${agency}`, demo: true } });
      if (!created.ok) throw ApiError.refused(routes.tokens.create, created);
      clients.set(agency, admin.withToken(created.body.token));
    }

    const recent: Posted[] = [];
    const remember = (p: Posted) => {
      recent.push(p);
      if (recent.length > 500) recent.shift();
    };

    /** Posts one report; `at` backdates it (demo tokens only). */
    const post = async (p: Posted, at: number | null, idempotencyKey: string) => {
      const regime = byCode.get(p.regime)!;
      const client = clients.get(p.agency)!;
      const values = reportValues(options.seed, regime, p.agency, p.period, p.revision, bases);
      const status = p.revision === 1 && uniform(options.seed, `${p.regime}|${p.agency}|${p.period}|estimate`) < 0.3 ? 'estimate' : 'official';
      const asCsv = agencyByCode(p.agency)?.kind === 'province' && uniform(options.seed, `${p.regime}|${p.agency}|${p.period}|${p.revision}|csv`) < csvShare;
      const query: Record<string, string | undefined> = { receivedAt: at === null ? undefined : new Date(at).toISOString() };
      stats.posted++;
      try {
        const answer = asCsv
          ? await client.call(
              routes.reports.submit,
              { body: { csv: submissionToCsv(regime, values, agencyByCode(p.agency)!.region) }, query: { ...query, regime: p.regime, agency: p.agency, period: p.period, status } },
              { idempotencyKey },
            )
          : await client.call(routes.reports.submit, { body: { regime: p.regime, agency: p.agency, period: p.period, status, values }, query }, { idempotencyKey });
        if (answer.status === 201) {
          stats.accepted++;
          remember(p);
        } else if (answer.status === 200 || answer.status === 409) {
          // Posted by an earlier run (same key): nothing new.
          stats.replayed++;
          remember(p);
        } else {
          stats.refused++;
          log.warn('simulate: a report was refused', { regime: p.regime, agency: p.agency, period: p.period, status: answer.status, body: answer.body });
        }
      } catch (error) {
        stats.failed++;
        if (!stopped) log.warn('simulate: a report could not be posted', { regime: p.regime, agency: p.agency, period: p.period, err: (error as Error).message });
      }
    };

    const parallel = async (jobs: (() => Promise<void>)[]) => {
      let next = 0;
      const worker = async () => {
        while (!stopped && next < jobs.length) await jobs[next++]!();
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    };

    const keyOf = (p: Posted) => `sim:${options.seed}:${p.regime}:${p.agency}:${p.period}:${p.revision}`;
    const startedAt = now();
    let plans = planAll(options.seed, regimes, startedAt);
    const done = new Set<string>();
    const planKey = (p: PlannedReport) => `${p.regime}|${p.agency}|${p.period}`;

    // --- backfill: the past of the plan, oldest first, and a revision for some of them
    if (options.backfill) {
      const due = plans.filter((p) => p.at !== null && p.at <= startedAt);
      const jobs: (() => Promise<void>)[] = [];
      for (const p of due) {
        done.add(planKey(p));
        // A quarter of the reports are revised one to ten days later (an estimate made final),
        // posted right after the first so that the store receives them in their order.
        const rng = rngFor(options.seed, `${planKey(p)}|revised`);
        const revisedAt = rng() < 0.25 ? p.at! + Math.round((1 + rng() * 9) * 86_400_000) : null;
        jobs.push(async () => {
          await post({ regime: p.regime, agency: p.agency, period: p.period, revision: 1 }, p.at, keyOf({ ...p, revision: 1 }));
          stats.backfilled++;
          if (revisedAt !== null && revisedAt <= startedAt) {
            await post({ regime: p.regime, agency: p.agency, period: p.period, revision: 2 }, revisedAt, keyOf({ ...p, revision: 2 }));
          }
        });
      }
      log.info('simulate: backfilling', { reports: due.length });
      await parallel(jobs);
      log.info('simulate: backfill done', { ...stats });
    } else {
      for (const p of plans) if (p.at !== null && p.at <= startedAt) done.add(planKey(p));
    }
    resolveReady();

    // --- live
    const interval = 1000 / options.rate;
    const liveStart = now();
    let sent = 0;
    let counter = 0;
    let lastPlan = liveStart;
    // Which report gets revised next: one stream per seed. The keys carry the run, so that a
    // second run's revisions are new reports, not replays of the first run's.
    const liveRng = rngFor(options.seed, 'live');
    const runId = `${liveStart.toString(36)}`;
    while (!stopped) {
      const t = now();
      if (options.durationMs !== undefined && t - liveStart >= options.durationMs) break;
      if (t - lastPlan > 10 * 60_000) {
        // New periods open as time passes.
        plans = planAll(options.seed, regimes, t);
        lastPlan = t;
      }
      const owed = Math.floor((t - liveStart) / interval) - sent;
      for (let i = 0; i < owed && inFlight.size < CONCURRENCY * 2; i++) {
        sent++;
        const first = plans.find((p) => p.at !== null && p.at <= t && !done.has(planKey(p)));
        let job: Promise<void>;
        if (first) {
          done.add(planKey(first));
          job = post({ regime: first.regime, agency: first.agency, period: first.period, revision: 1 }, null, keyOf({ ...first, revision: 1 }));
        } else if (recent.length > 0) {
          const pick = recent[Math.floor(liveRng() * recent.length)]!;
          const revision = pick.revision + 1;
          stats.revisions++;
          job = post({ ...pick, revision }, null, `sim:${options.seed}:live:${runId}:${counter}`);
        } else {
          continue;
        }
        counter++;
        const tracked = job.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
      }
      if (owed > 0 && inFlight.size >= CONCURRENCY * 2) sent = Math.floor((t - liveStart) / interval); // behind: drop the backlog
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, Math.max(5, Math.min(interval, 250)));
      });
      wake = null;
    }
    await Promise.all(inFlight);
  };

  const done = run()
    .catch((error: unknown) => {
      rejectReady(error);
      if (!stopped) log.error('simulate: stopped by an error', { err: (error as Error).message });
    })
    .finally(() => {
      stopped = true;
      log.info('simulate: stopped', { ...stats });
    });

  return {
    ready,
    done,
    stats,
    async stop() {
      stopped = true;
      wake?.();
      await done;
    },
  };
}
