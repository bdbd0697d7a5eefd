/**
 * `npm run bench:ingest`: report ingest of the real server process (`node out/main/server.js`)
 * with group commit (the default: up to 128 reports in one transaction) next to the
 * one-commit-per-report path (`--ingest-batch 1`), measured in the same run on fresh data
 * folders with the same load. SQLite is in WAL mode with synchronous=FULL in both: every
 * answer still means "on disk".
 *
 * The load: the 34 provinces' own tokens post their monthly report (TINH-KTXH-THANG, 4
 * values), CONCURRENCY at a time in a closed loop (each answer lets the next one go), one
 * wall subscribed to everything. The two modes alternate for ROUNDS rounds so that other
 * work on the shared machine falls on both. Prints submissions/s, observations/s, the HTTP
 * answer time and the server's CPU, and with --docs replaces "## Ingest: group commit" in
 * docs/benchmarks.md.
 *
 * A second workload posts bigger reports (BTC-DKDN-THANG: 36 values, the Ministry of Finance's
 * business registrations by province), where the per-observation cost dominates.
 *
 * Options: --submissions N (4000 a round and mode) --concurrency C (64) --rounds R (2)
 *          --regimes A,B (TINH-KTXH-THANG,BTC-DKDN-THANG) --docs
 *          --server PATH (another build's out/main/server.js, for a before and after)
 * Environment: BENCH_SERVER_NODE_ARGS (say "--cpu-prof --cpu-prof-dir=/tmp/prof") is given to
 *          the server's Node; BENCH_SERVER_STDERR=1 lets the server's log through.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import type { ChangeBatch } from '../../shared/protocol/feed';
import { exampleSubmission } from '../../shared/regimes/example';
import { PROVINCE_CODES } from '../../shared/regions';
import { agencyByCode } from '../../shared/agencies';
import { loadCatalog } from '../../server/catalog/load';
import { findProjectRoot, projectPaths } from '../../server/paths';
import { replaceSection } from '../wall/docs';

const root = findProjectRoot();
const paths = projectPaths(root);

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}
const SUBMISSIONS = Number(option('submissions', '4000'));
const CONCURRENCY = Number(option('concurrency', '64'));
const ROUNDS = Number(option('rounds', '2'));
const REGIMES = option('regimes', 'TINH-KTXH-THANG,BTC-DKDN-THANG').split(',');
const WRITE_DOCS = process.argv.includes('--docs');
// Another build's server (say an older commit's out/main/server.js) under the same load, for a before and after.
const SERVER_SCRIPT = option('server', join(root, 'out', 'main', 'server.js'));
const WARMUP = 300;

type Mode = 'one commit per report' | 'group commit';
const MODES: { mode: Mode; args: string[] }[] = [
  { mode: 'one commit per report', args: ['--ingest-batch', '1'] },
  { mode: 'group commit', args: [] },
];

interface Server {
  child: ChildProcess;
  base: string;
  dataDir: string;
  adminToken: string;
  wallToken: string;
}

async function startServer(extra: string[]): Promise<Server> {
  const script = SERVER_SCRIPT;
  if (!existsSync(script)) throw new Error(`${script} is missing: npm run bench:ingest builds it`);
  const dataDir = mkdtempSync(join(tmpdir(), 'toancanh-bench-ingest-'));
  const adminToken = randomBytes(24).toString('base64url');
  const wallToken = randomBytes(24).toString('base64url');
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), script, '--port', '0', '--data', dataDir, '--indicators', paths.indicatorsCsv, '--rate-limit', '100000:100000', ...extra], {
    cwd: root,
    env: { ...process.env, TOANCANH_ADMIN_TOKEN: adminToken, TOANCANH_WALL_TOKEN: wallToken },
    stdio: ['ignore', 'pipe', process.env.BENCH_SERVER_STDERR ? 'inherit' : 'ignore'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server did not start')), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /TOANCANH_READY port=(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${port}`, dataDir, adminToken, wallToken };
}

async function stopServer(s: Server): Promise<void> {
  await new Promise<void>((done) => {
    s.child.once('exit', () => done());
    s.child.kill('SIGTERM');
  });
  rmSync(s.dataDir, { recursive: true, force: true });
}

/** One POST on the agent's kept-alive connections: the status and the body's text. */
function postReport(agent: Agent, base: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/v1/reports`, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** CPU seconds (user + system) the process has used, from /proc; `thread` for one thread of it. */
function cpuSeconds(pid: number, thread?: number): number {
  const file = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface RoundResult {
  regime: string;
  mode: Mode;
  round: number;
  submissions: number;
  observations: number;
  seconds: number;
  answerMs: { p50: number; p99: number };
  serverCpuSeconds: number;
  /** The server's main thread alone (its event loop: HTTP, validation, the writer's connection). */
  eventLoopCpuSeconds: number;
  /** This process's CPU (the load generator and the wall's socket) over the same run. */
  clientCpuSeconds: number;
  changesAtWall: number;
}

async function runRound(regimeCode: string, mode: Mode, args: string[], round: number): Promise<RoundResult> {
  const server = await startServer(args);
  try {
    const api = async (path: string, body: unknown) => {
      const r = await fetch(`${server.base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await r.json()) as Record<string, unknown>;
    };
    const regime = loadCatalog().regimes.find((r) => r.code === regimeCode);
    if (!regime) throw new Error(`no regime ${regimeCode}`);
    const agencies = regime.reporters === 'all-provinces' ? PROVINCE_CODES.map((c) => `P${c}`) : [...regime.reporters];
    const tokens = new Map<string, string>();
    for (const agency of agencies) {
      if (!agencyByCode(agency)) throw new Error(`no agency ${agency}`);
      tokens.set(agency, (await api('/api/v1/tokens', { role: 'submitter', agency, label: `bench ${agency}` })).token as string);
    }
    const periods: string[] = [];
    const last = new Date();
    last.setUTCDate(1);
    last.setUTCMonth(last.getUTCMonth() - 1);
    for (const d = new Date(Date.UTC(2025, 7, 1)); d <= last; d.setUTCMonth(d.getUTCMonth() + 1)) periods.push(d.toISOString().slice(0, 7));

    // One wall subscribed to everything: the changes are pushed as in production.
    let changesAtWall = 0;
    const wall = io(`${server.base}/feed`, { auth: { token: server.wallToken }, transports: ['websocket'], reconnection: false, forceNew: true });
    wall.on('changes', (batch: ChangeBatch) => void (changesAtWall += batch.changes.length));
    await new Promise<void>((resolve, reject) => {
      wall.once('connect', () => resolve());
      wall.once('connect_error', reject);
    });
    await wall.timeout(10_000).emitWithAck('subscribe', { lastSeq: null, indicators: null, regions: null, compliance: true });

    let counter = 0;
    // The load generator shares the machine's two cores with the server: node:http on kept-alive
    // connections with headers built once costs it about a third of what fetch did.
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const headersOf = new Map([...tokens].map(([agency, token]) => [agency, { authorization: `Bearer ${token}`, 'content-type': 'application/json' }]));
    const bodies = agencies.flatMap((agency) => periods.map((period) => JSON.stringify(exampleSubmission(regime, agency, period))));
    const post = async (): Promise<{ ms: number; values: number }> => {
      const i = counter++;
      const agency = agencies[i % agencies.length]!;
      const body = bodies[(i % agencies.length) * periods.length + (Math.floor(i / agencies.length) % periods.length)]!;
      const sent = performance.now();
      const r = await postReport(agent, server.base, headersOf.get(agency)!, body);
      const answer = JSON.parse(r.text) as { valueCount: number };
      if (r.status !== 201) throw new Error(`POST answered ${r.status}: ${r.text.slice(0, 300)}`);
      return { ms: performance.now() - sent, values: answer.valueCount };
    };
    const closedLoop = async (n: number): Promise<{ ms: number; values: number }[]> => {
      const out: { ms: number; values: number }[] = [];
      let issued = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (issued < n) {
            issued++;
            out.push(await post());
          }
        }),
      );
      return out;
    };

    await closedLoop(WARMUP); // JIT, SQLite's page cache, the connections
    const cpuBefore = cpuSeconds(server.child.pid!);
    const loopBefore = cpuSeconds(server.child.pid!, server.child.pid!);
    const clientBefore = process.cpuUsage();
    const t0 = performance.now();
    const answers = await closedLoop(SUBMISSIONS);
    const seconds = (performance.now() - t0) / 1000;
    const serverCpuSeconds = cpuSeconds(server.child.pid!) - cpuBefore;
    const eventLoopCpuSeconds = cpuSeconds(server.child.pid!, server.child.pid!) - loopBefore;
    const clientUsage = process.cpuUsage(clientBefore);
    const clientCpuSeconds = (clientUsage.user + clientUsage.system) / 1e6;
    wall.disconnect();
    agent.destroy();
    const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
    return {
      regime: regimeCode,
      mode,
      round,
      submissions: answers.length,
      observations: answers.reduce((s, a) => s + a.values, 0),
      seconds,
      answerMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99) },
      serverCpuSeconds,
      eventLoopCpuSeconds,
      clientCpuSeconds,
      changesAtWall,
    };
  } finally {
    await stopServer(server);
  }
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0]!;
  const results: RoundResult[] = [];
  for (const regime of REGIMES) {
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternate which goes first, so that neither always gets the quieter half.
      const order = round % 2 === 1 ? MODES : [...MODES].reverse();
      for (const { mode, args } of order) {
        const r = await runRound(regime, mode, args, round);
        results.push(r);
        process.stdout.write(
          `${regime}, round ${round}, ${mode}: ${(r.submissions / r.seconds).toFixed(0)} submissions/s, ${(r.observations / r.seconds).toFixed(0)} observations/s, answer p50 ${r.answerMs.p50.toFixed(1)} / p99 ${r.answerMs.p99.toFixed(1)} ms, server ${(r.serverCpuSeconds / r.seconds).toFixed(2)} cores, ${((r.serverCpuSeconds / r.submissions) * 1e6).toFixed(0)} µs CPU a report (event loop ${((r.eventLoopCpuSeconds / r.submissions) * 1e6).toFixed(0)} µs), client ${(r.clientCpuSeconds / r.seconds).toFixed(2)} cores\n`,
        );
      }
    }
  }
  const machine = {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    nproc: cpus().length,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    load: `${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
  };
  const lines = [
    '| reports | mode | submissions/s | observations/s | × baseline | observations/s per round | HTTP answer p50 / p99 (worst round) | server cores busy | server CPU a report | of it, the event loop | load generator cores |',
    '|---|---|---:|---:|---:|---|---|---:|---:|---:|---:|',
  ];
  for (const regime of REGIMES) {
    const rows = MODES.map(({ mode }) => {
      const mine = results.filter((r) => r.mode === mode && r.regime === regime);
      const seconds = mine.reduce((s, r) => s + r.seconds, 0);
      const subs = mine.reduce((s, r) => s + r.submissions, 0);
      const obs = mine.reduce((s, r) => s + r.observations, 0);
      const cpu = mine.reduce((s, r) => s + r.serverCpuSeconds, 0);
      const loop = mine.reduce((s, r) => s + r.eventLoopCpuSeconds, 0);
      const client = mine.reduce((s, r) => s + r.clientCpuSeconds, 0);
      return {
        mode,
        values: obs / subs,
        subsPerSecond: subs / seconds,
        obsPerSecond: obs / seconds,
        p50: Math.max(...mine.map((r) => r.answerMs.p50)),
        p99: Math.max(...mine.map((r) => r.answerMs.p99)),
        serverCores: cpu / seconds,
        cpuPerReportUs: (cpu / subs) * 1e6,
        loopPerReportUs: (loop / subs) * 1e6,
        clientCores: client / seconds,
        perRound: mine.map((r) => (r.observations / r.seconds).toFixed(0)).join(' / '),
      };
    });
    const baseline = rows[0]!;
    for (const r of rows) {
      lines.push(
        `| ${regime} (${r.values.toFixed(0)} values) | ${r.mode}${r === baseline ? ' (`--ingest-batch 1`, baseline)' : ' (default, ≤ 128 a transaction)'} | ${r.subsPerSecond.toFixed(0)} | ${r.obsPerSecond.toFixed(0)} | ${(r.obsPerSecond / baseline.obsPerSecond).toFixed(2)} | ${r.perRound} | ${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} ms | ${r.serverCores.toFixed(2)} | ${r.cpuPerReportUs.toFixed(0)} µs | ${r.loopPerReportUs.toFixed(0)} µs | ${r.clientCores.toFixed(2)} |`,
      );
    }
  }
  const table = lines.join('\n');
  // The goal of issue 12: at least 10,000 observations a second with group commit.
  const goal = REGIMES.map((regime) => {
    const mine = results.filter((r) => r.regime === regime && r.mode === 'group commit');
    const obs = mine.reduce((s, r) => s + r.observations, 0) / mine.reduce((s, r) => s + r.seconds, 0);
    const values = mine.reduce((s, r) => s + r.observations, 0) / mine.reduce((s, r) => s + r.submissions, 0);
    return `${regime} (${values.toFixed(0)} values a report): ${obs.toFixed(0)} observations/s, ${obs >= 10_000 ? 'reached' : 'not reached'}`;
  });
  process.stdout.write(`\nToàn Cảnh ingest benchmark — ${machine.date}, ${machine.nproc} × ${machine.cpu}, Node ${machine.node}, load ${machine.load}\n\n${table}\n\n`);
  if (WRITE_DOCS) {
    const file = join(root, 'docs', 'benchmarks.md');
    const section = [
      '## Ingest: group commit',
      '',
      'Written by `npm run bench:ingest -- --docs` (bench/ingest/ingest-bench.ts); the latest run replaces this section.',
      '',
      `- date: ${machine.date}; machine: ${machine.nproc} × ${machine.cpu}, shared with other work (1-minute load average before → after: ${machine.load}); Node ${machine.node}`,
      '- the server: `node out/main/server.js`, a fresh data folder per mode and round, SQLite in WAL mode with synchronous=FULL in both modes; one wall subscribed to everything',
      `- load: each reporting agency's own token posts its monthly report (${REGIMES.join(', ')}) in a closed loop, **${CONCURRENCY} in flight**; ${SUBMISSIONS} reports per mode and round after ${WARMUP} of warm-up, ${ROUNDS} rounds, the modes alternating; the load generator (node:http on kept-alive connections) runs on the same two cores, its CPU in the last column`,
      '',
      table,
      '',
      `**Goal ≥ 10,000 observations/s with group commit:** ${goal.join('; ')}.`,
      '',
      'Group commit stores the reports that arrive while a commit is under way in the next',
      'transaction (one fsync for all of them) and answers each after its transaction committed',
      '(server/reports/group-commit.ts). "server cores busy" is the server process\'s CPU time over',
      'the run\'s wall time, "server CPU a report" the same per report, all its threads (the WAL',
      'checkpoint worker, the garbage collector\'s) counted; "of it, the event loop" is its main',
      'thread alone, which does HTTP, validation and the inserts and is what paces ingest once the',
      'fsyncs no longer do. What changed to get here: "Ingest: what took it past 10,000 observations a',
      'second" below.',
      '',
    ].join('\n');
    const page = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
    writeFileSync(file, replaceSection(page, 'Ingest: group commit', section));
    process.stdout.write(`wrote ${file}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
