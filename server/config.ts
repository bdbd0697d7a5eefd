import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_RATE_LIMIT } from './auth/rate-limit';
import { parseLogFormat, type LogFormat } from '../shared/log';
import { DEFAULT_LAYOUT_ID, LAYOUT_ID_PATTERN, presetLayoutPath, projectPaths } from './paths';

/**
 * Command line and environment of the headless server, parsed by a pure function so that
 * it can be tested without starting anything. A flag wins over its environment variable;
 * an empty variable counts as unset. Relative paths are relative to the working directory.
 */

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  profilePath: string;
  /** Whether --profile (or TOANCANH_PROFILE) chose it: then it is applied over the stored wall state at start. */
  profileGiven: boolean;
  /**
   * A file given by path is watched; a preset given by id is not (presets change with
   * releases). `given`: chosen by --layout/TOANCANH_LAYOUT, applied over the stored wall
   * state at start; otherwise the default, used on a first start only.
   */
  layout: ({ kind: 'file'; path: string } | { kind: 'preset'; id: string; path: string }) & { given: boolean };
  layoutsDir: string;
  indicatorsCsv: string;
  rendererDir: string;
  geoPath: string;
  /** The demo simulator in-process (submissions per second, PRNG seed), or null. */
  simulate: { rate: number; seed: number } | null;
  rateLimit: { ratePerSecond: number; burst: number };
  /** pretty: one terse line per event (the default); json: one JSON object a line. */
  logFormat: LogFormat;
  /** People's sessions (ms) and the lock-out after wrong passwords. */
  sessions: { idleMs: number; absoluteMs: number };
  lockout: { attempts: number; lockMs: number };
  /** The most reports one transaction stores (group commit); null: the server's default. 1: a commit per report. */
  ingestBatch: number | null;
}

export type ParseResult = { ok: true; config: ServerConfig } | { ok: false; error: string } | { ok: 'help'; text: string };

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
/** Submissions per second of `--simulate` without a rate. */
export const DEFAULT_SIMULATE_RATE = 1;
export const DEFAULT_SIMULATE_SEED = 1;
export const MAX_SIMULATE_RATE = 1000;
export const MAX_INGEST_BATCH = 1024;

interface FlagSpec {
  key: 'port' | 'host' | 'data' | 'profile' | 'layout' | 'indicators' | 'renderer' | 'geo' | 'simulate' | 'simulateSeed' | 'rateLimit' | 'logFormat' | 'sessionIdle' | 'sessionMax' | 'lockout' | 'ingestBatch';
  env?: string;
  help: string;
  /** The flag may stand alone (`--simulate`) or take `=value` (`--simulate=5`); never a separate value. */
  optionalValue?: string;
}

const FLAGS: Record<string, FlagSpec> = {
  '--port': { key: 'port', env: 'TOANCANH_PORT', help: `port to listen on (default ${DEFAULT_PORT}; 0 = any free port)` },
  '--host': { key: 'host', env: 'TOANCANH_HOST', help: `address to listen on (default ${DEFAULT_HOST})` },
  '--data': { key: 'data', env: 'TOANCANH_DATA', help: 'data folder: database and tokens (default ./.toancanh-data)' },
  '--profile': { key: 'profile', env: 'TOANCANH_PROFILE', help: 'wall profile JSON file (default assets/profiles/wall-2x2-55in.json)' },
  '--layout': { key: 'layout', env: 'TOANCANH_LAYOUT', help: `layout JSON file (watched) or preset id in layouts/ (default ${DEFAULT_LAYOUT_ID})` },
  '--indicators': { key: 'indicators', env: 'TOANCANH_INDICATORS_CSV', help: 'national indicators CSV, read to seed an empty store (default ../shared/data/indicators/vn-national-indicators.csv)' },
  '--renderer': { key: 'renderer', help: 'built renderer folder to serve (default out/renderer)' },
  '--geo': { key: 'geo', env: 'TOANCANH_GEO', help: 'province boundaries (TopoJSON) served at /api/v1/geo/provinces (default ../shared/data/geo/vn-provinces-34.topo.json)' },
  '--simulate': {
    key: 'simulate',
    env: 'TOANCANH_SIMULATE',
    optionalValue: 'on',
    help: `run the demo simulator in-process: --simulate (${DEFAULT_SIMULATE_RATE}/s) or --simulate=<submissions per second>; its data is marked demo`,
  },
  '--simulate-seed': { key: 'simulateSeed', env: 'TOANCANH_SIMULATE_SEED', help: `the simulator's random seed (default ${DEFAULT_SIMULATE_SEED}): the same seed plays the same reports` },
  '--rate-limit': {
    key: 'rateLimit',
    env: 'TOANCANH_RATE_LIMIT',
    help: `requests per second per token, optionally with a burst: 50 or 50:200 (default ${DEFAULT_RATE_LIMIT.ratePerSecond}:${DEFAULT_RATE_LIMIT.burst})`,
  },
  '--session-idle': { key: 'sessionIdle', env: 'TOANCANH_SESSION_IDLE', help: 'minutes without a request that end a console session (default 30; sliding)' },
  '--session-max': { key: 'sessionMax', env: 'TOANCANH_SESSION_MAX', help: 'hours after login that end a console session whatever the activity (default 12)' },
  '--lockout': { key: 'lockout', env: 'TOANCANH_LOCKOUT', help: 'wrong passwords in a row that lock an account, and for how many minutes: 5:15 (the default)' },
  '--ingest-batch': { key: 'ingestBatch', env: 'TOANCANH_INGEST_BATCH', help: `the most reports stored in one transaction (group commit, default 128; 1 = a commit per report, the benchmark's baseline; at most ${MAX_INGEST_BATCH})` },
  '--log-format': { key: 'logFormat', env: 'TOANCANH_LOG_FORMAT', help: 'log lines: pretty (one terse line per event, the default) or json (one JSON object a line)' },
};

export function usage(): string {
  const lines = Object.entries(FLAGS).map(([flag, spec]) => `  ${(spec.optionalValue ? `${flag}[=<value>]` : `${flag} <value>`).padEnd(22)} ${spec.help}${spec.env ? ` [${spec.env}]` : ''}`);
  return [
    'Usage: node out/main/server.js [options]',
    '       node out/main/server.js simulate [--server URL] [--rate N] [--seed N] [--token T]   (node out/main/server.js simulate --help)',
    '       node out/main/server.js user add|list|disable|enable|passwd …   (node out/main/server.js user --help)',
    '',
    ...lines,
    `  ${'--help'.padEnd(22)} show this help`,
  ].join('\n');
}

export function parseCliArgs(
  argv: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>,
  context: { cwd: string; root: string },
): ParseResult {
  const given = new Map<FlagSpec['key'], { value: string; source: string }>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { ok: 'help', text: usage() };
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const spec = FLAGS[name];
    if (!spec) {
      return { ok: false, error: arg.startsWith('-') ? `unknown option ${name}` : `unexpected argument ${JSON.stringify(arg)}` };
    }
    let value: string | undefined;
    if (eq > 0 && arg.startsWith('--')) value = arg.slice(eq + 1);
    else if (spec.optionalValue !== undefined) value = spec.optionalValue;
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, error: `${name} needs a value` };
      i++;
    }
    if (value === '') return { ok: false, error: `${name} needs a value` };
    if (given.has(spec.key)) return { ok: false, error: `${name} is given twice` };
    given.set(spec.key, { value, source: name });
  }
  for (const spec of Object.values(FLAGS)) {
    if (given.has(spec.key) || !spec.env) continue;
    const value = env[spec.env];
    if (value !== undefined && value !== '') given.set(spec.key, { value, source: spec.env });
  }

  const defaults = projectPaths(context.root);
  const path = (key: FlagSpec['key'], fallback: string) => {
    const entry = given.get(key);
    return entry ? resolve(context.cwd, entry.value) : fallback;
  };

  let port = DEFAULT_PORT;
  const portEntry = given.get('port');
  if (portEntry) {
    if (!/^\d{1,5}$/.test(portEntry.value) || Number(portEntry.value) > 65_535) {
      return { ok: false, error: `${portEntry.source}: ${JSON.stringify(portEntry.value)} is not a port number (0-65535)` };
    }
    port = Number(portEntry.value);
  }

  let host = DEFAULT_HOST;
  const hostEntry = given.get('host');
  if (hostEntry) {
    // An IPv4/IPv6 address or a host name; nothing that could smuggle in a path or a port.
    if (!/^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|[0-9A-Fa-f:.]{2,45})$/.test(hostEntry.value)) {
      return { ok: false, error: `${hostEntry.source}: ${JSON.stringify(hostEntry.value)} is not a host name or address` };
    }
    host = hostEntry.value;
  }

  let layout: ServerConfig['layout'] = { kind: 'preset', id: DEFAULT_LAYOUT_ID, path: presetLayoutPath(defaults.layoutsDir, DEFAULT_LAYOUT_ID), given: false };
  const layoutEntry = given.get('layout');
  if (layoutEntry) {
    // A bare id ("tong-quan-kinh-te-xa-hoi") names a preset; anything else is a path.
    if (LAYOUT_ID_PATTERN.test(layoutEntry.value)) {
      layout = { kind: 'preset', id: layoutEntry.value, path: presetLayoutPath(defaults.layoutsDir, layoutEntry.value), given: true };
    } else {
      layout = { kind: 'file', path: isAbsolute(layoutEntry.value) ? layoutEntry.value : resolve(context.cwd, layoutEntry.value), given: true };
    }
  }

  let simulate: ServerConfig['simulate'] = null;
  const simulateEntry = given.get('simulate');
  if (simulateEntry) {
    const v = simulateEntry.value.trim().toLowerCase();
    let rate: number | null;
    if (['on', 'true', 'yes'].includes(v)) rate = DEFAULT_SIMULATE_RATE;
    else if (['off', 'false', 'no', '0'].includes(v)) rate = null;
    else if (/^\d+(\.\d+)?$/.test(v) && Number(v) > 0 && Number(v) <= MAX_SIMULATE_RATE) rate = Number(v);
    else {
      return { ok: false, error: `${simulateEntry.source}: ${JSON.stringify(simulateEntry.value)} is not a rate (submissions per second, above 0 and at most ${MAX_SIMULATE_RATE}), on or off` };
    }
    if (rate !== null) simulate = { rate, seed: DEFAULT_SIMULATE_SEED };
  }
  const seedEntry = given.get('simulateSeed');
  if (seedEntry) {
    if (!/^\d{1,9}$/.test(seedEntry.value)) return { ok: false, error: `${seedEntry.source}: ${JSON.stringify(seedEntry.value)} is not a seed (a whole number)` };
    if (simulate) simulate.seed = Number(seedEntry.value);
  }

  let rateLimit = { ...DEFAULT_RATE_LIMIT };
  const rateEntry = given.get('rateLimit');
  if (rateEntry) {
    const m = /^(\d+(?:\.\d+)?)(?::(\d+))?$/.exec(rateEntry.value);
    if (!m || !(Number(m[1]) > 0) || (m[2] !== undefined && !(Number(m[2]) >= 1))) {
      return { ok: false, error: `${rateEntry.source}: ${JSON.stringify(rateEntry.value)} is not a rate limit (requests per second, optionally :burst, e.g. 50:200)` };
    }
    const perSecond = Number(m[1]);
    rateLimit = { ratePerSecond: perSecond, burst: m[2] === undefined ? Math.max(DEFAULT_RATE_LIMIT.burst, Math.ceil(perSecond * 4)) : Number(m[2]) };
  }

  let logFormat: LogFormat = 'pretty';
  const formatEntry = given.get('logFormat');
  if (formatEntry) {
    const format = parseLogFormat(formatEntry.value);
    if (!format) return { ok: false, error: `${formatEntry.source}: ${JSON.stringify(formatEntry.value)} is not a log format (pretty or json)` };
    logFormat = format;
  }

  let sessions = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };
  const idleEntry = given.get('sessionIdle');
  if (idleEntry) {
    if (!/^\d{1,4}$/.test(idleEntry.value) || Number(idleEntry.value) < 1) return { ok: false, error: `${idleEntry.source}: ${JSON.stringify(idleEntry.value)} is not a number of minutes (1 or more)` };
    sessions = { ...sessions, idleMs: Number(idleEntry.value) * 60_000 };
  }
  const maxEntry = given.get('sessionMax');
  if (maxEntry) {
    if (!/^\d{1,3}$/.test(maxEntry.value) || Number(maxEntry.value) < 1) return { ok: false, error: `${maxEntry.source}: ${JSON.stringify(maxEntry.value)} is not a number of hours (1 or more)` };
    sessions = { ...sessions, absoluteMs: Number(maxEntry.value) * 3_600_000 };
  }
  if (sessions.absoluteMs < sessions.idleMs) return { ok: false, error: 'the session idle time is longer than its maximum (--session-idle, --session-max)' };
  let lockout = { attempts: 5, lockMs: 15 * 60_000 };
  const lockEntry = given.get('lockout');
  if (lockEntry) {
    const m = /^(\d{1,3}):(\d{1,4})$/.exec(lockEntry.value);
    if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) return { ok: false, error: `${lockEntry.source}: ${JSON.stringify(lockEntry.value)} is not attempts:minutes (e.g. 5:15)` };
    lockout = { attempts: Number(m[1]), lockMs: Number(m[2]) * 60_000 };
  }

  let ingestBatch: number | null = null;
  const batchEntry = given.get('ingestBatch');
  if (batchEntry) {
    if (!/^\d{1,4}$/.test(batchEntry.value) || Number(batchEntry.value) < 1 || Number(batchEntry.value) > MAX_INGEST_BATCH) {
      return { ok: false, error: `${batchEntry.source}: ${JSON.stringify(batchEntry.value)} is not a batch size (1 to ${MAX_INGEST_BATCH} reports)` };
    }
    ingestBatch = Number(batchEntry.value);
  }

  return {
    ok: true,
    config: {
      port,
      host,
      dataDir: path('data', resolve(context.cwd, '.toancanh-data')),
      profilePath: path('profile', defaults.profile),
      profileGiven: given.has('profile'),
      layout,
      layoutsDir: defaults.layoutsDir,
      indicatorsCsv: path('indicators', defaults.indicatorsCsv),
      rendererDir: path('renderer', defaults.rendererDir),
      geoPath: path('geo', defaults.geo),
      simulate,
      rateLimit,
      logFormat,
      sessions,
      lockout,
      ingestBatch,
    },
  };
}
