import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLogger, formatPretty } from '../../shared/log';
import { startSimulator, type SimLogger } from './simulator';

/**
 * `node out/main/server.js simulate …` (`npm run simulate -- …`): the demo simulator
 * against a running server, through its HTTP API. Parsed by a pure function.
 */
export interface SimulateConfig {
  server: string;
  token: string;
  rate: number;
  seed: number;
  backfill: boolean;
  durationMs: number | undefined;
}

export const SIMULATE_USAGE = [
  'Usage: node out/main/server.js simulate [options]     (npm run simulate -- [options])',
  '',
  '  --server <url>        the server (default http://127.0.0.1:8787) [TOANCANH_SERVER_URL]',
  '  --rate <n>            live submissions per second (default 2, at most 1000)',
  '  --seed <n>            random seed: the same seed plays the same reports (default 1)',
  '  --token <token>       an admin token, to create the demo submitter tokens [TOANCANH_ADMIN_TOKEN]',
  '  --token-file <file>   read the admin token from a file (default ./.toancanh-data/admin-token)',
  '  --no-backfill         skip the past year of reports; only submit live',
  '  --duration <s>        stop after this many seconds of live submissions',
  '  --help                show this help',
  '',
  'Everything it submits is demo data, marked so in the store, the API, the feed and on the wall.',
].join('\n');

export type SimulateParse = { ok: true; config: SimulateConfig } | { ok: false; error: string } | { ok: 'help'; text: string };

export function parseSimulateArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string, readFile: (file: string) => string): SimulateParse {
  const values = new Map<string, string>();
  let backfill = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { ok: 'help', text: SIMULATE_USAGE };
    if (arg === '--no-backfill') {
      backfill = false;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!['--server', '--rate', '--seed', '--token', '--token-file', '--duration'].includes(name)) {
      return { ok: false, error: arg.startsWith('-') ? `unknown option ${name}` : `unexpected argument ${JSON.stringify(arg)}` };
    }
    let value: string | undefined = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) return { ok: false, error: `${name} needs a value` };
    if (values.has(name)) return { ok: false, error: `${name} is given twice` };
    value = value.trim();
    values.set(name, value);
  }

  const server = values.get('--server') ?? (env.TOANCANH_SERVER_URL || 'http://127.0.0.1:8787');
  if (!/^https?:\/\/[^\s/]+/.test(server)) return { ok: false, error: `--server: ${JSON.stringify(server)} is not an http(s) URL` };

  const rateText = values.get('--rate') ?? '2';
  const rate = Number(rateText);
  if (!/^\d+(\.\d+)?$/.test(rateText) || !(rate > 0) || rate > 1000) return { ok: false, error: `--rate: ${JSON.stringify(rateText)} is not a rate (above 0, at most 1000 a second)` };

  const seedText = values.get('--seed') ?? '1';
  if (!/^\d{1,9}$/.test(seedText)) return { ok: false, error: `--seed: ${JSON.stringify(seedText)} is not a whole number` };

  let durationMs: number | undefined;
  const durationText = values.get('--duration');
  if (durationText !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(durationText)) return { ok: false, error: `--duration: ${JSON.stringify(durationText)} is not a number of seconds` };
    durationMs = Number(durationText) * 1000;
  }

  let token = values.get('--token') ?? (env.TOANCANH_ADMIN_TOKEN || undefined);
  if (!token) {
    const file = resolve(cwd, values.get('--token-file') ?? '.toancanh-data/admin-token');
    try {
      token = readFile(file).trim();
    } catch {
      return { ok: false, error: `no admin token: pass --token, set TOANCANH_ADMIN_TOKEN, or --token-file (${file} cannot be read)` };
    }
  }
  return { ok: true, config: { server, token, rate, seed: Number(seedText), backfill, durationMs } };
}

/** Runs the simulator until Ctrl-C (or --duration); the log goes to stderr as one line per event. */
export async function runSimulateCli(argv: readonly string[]): Promise<number> {
  const parsed = parseSimulateArgs(argv, process.env, process.cwd(), (file) => readFileSync(file, 'utf8'));
  if (parsed.ok === 'help') {
    process.stdout.write(`${parsed.text}\n`);
    return 0;
  }
  if (!parsed.ok) {
    process.stderr.write(`toancanh-simulate: ${parsed.error}\n\n${SIMULATE_USAGE}\n`);
    return 2;
  }
  const log: SimLogger = createLogger((record) => process.stderr.write(formatPretty(record)));
  const { config } = parsed;
  log.info('simulate: starting', { server: config.server, rate: config.rate, seed: config.seed, backfill: config.backfill });
  const sim = startSimulator({ server: config.server, adminToken: config.token, rate: config.rate, seed: config.seed, backfill: config.backfill, durationMs: config.durationMs, log });
  const stop = () => void sim.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let failed = false;
  await sim.ready.catch(() => (failed = true));
  await sim.done;
  process.stdout.write(`${JSON.stringify(sim.stats)}\n`);
  return failed || sim.stats.refused > 0 ? 1 : 0;
}
