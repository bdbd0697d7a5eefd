import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { CONSOLE_FLAGS, parseConsoleArgs, type ConsoleArgs } from './console-plan';
import { flagValue, readFlag, switchValue } from './argv';
import { parseQuietTime, type QuietTime } from './recycle';
import type { LogFormat } from '../shared/log';

/**
 * The display agent's configuration, from the command line and the environment.
 * Pure: argv, env, the working directory and Electron's userData folder are passed in,
 * so the rules are unit-tested without Electron. A flag beats its environment variable.
 *
 * Unknown `--switches` are not errors: Chromium and Electron put their own switches
 * (`--no-sandbox`, `--inspect`, …) in the same argv. They come back as warnings so a
 * typo such as `--sever` still shows up in the log.
 */

export interface AgentConfig {
  /** An external reporting server; when set, no embedded backend is started. */
  serverUrl: string | null;
  /** Port of the embedded server; 0 lets the OS pick a free one. */
  port: number;
  /** Absolute path of the agent's data folder (logs, wall token, server database). */
  dataDir: string;
  /** Absolute path of a wall profile JSON file, when the technician configured one. */
  profilePath: string | null;
  /** A layout id, or the absolute path of a layout file, for the embedded server. */
  layout: string | null;
  /** Absolute path of the indicators CSV the embedded server imports. */
  indicatorsCsv: string | null;
  /** The wall token for an external server (the embedded one gets a generated token). */
  token: string | null;
  /** Force one window that shows the whole wall scaled down. */
  preview: boolean;
  /**
   * Run the embedded server's demo simulator: null off, '' at its default rate, or a
   * rate in reports per second. Passed through as --simulate[=rate]; ignored with --server.
   */
  simulate: string | null;
  /** --recycle-at HH:MM: the local quiet time at which every window reloads, one after the other; null: never. */
  recycleAt: QuietTime | null;
  /** The agent's log lines (and its embedded server's): pretty (default) or json. */
  logFormat: LogFormat;
  /** --console, --console-display, --lang: the operator console window (main/console-plan.ts). */
  console: ConsoleArgs;
  /** Things that do not stop the agent but belong in the log. */
  warnings: string[];
}

export interface ConfigInput {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Base for relative paths. */
  cwd: string;
  /** Electron's app.getPath('userData'), the default data folder. */
  userData: string;
}

export const DEFAULT_PORT = 8787;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid display agent configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type ValueFlag = 'server' | 'port' | 'data' | 'profile' | 'layout' | 'indicators' | 'token' | 'recycle-at' | 'log-format';
const VALUE_FLAGS: readonly ValueFlag[] = ['server', 'port', 'data', 'profile', 'layout', 'indicators', 'token', 'recycle-at', 'log-format'];

/** Environment fallbacks; the brief names no variable for --profile, --layout or --preview. */
const ENV_OF: Partial<Record<ValueFlag, string>> = {
  server: 'TOANCANH_SERVER_URL',
  port: 'TOANCANH_PORT',
  data: 'TOANCANH_DATA',
  indicators: 'TOANCANH_INDICATORS_CSV',
  token: 'TOANCANH_TOKEN',
  'recycle-at': 'TOANCANH_RECYCLE_AT',
  'log-format': 'TOANCANH_LOG_FORMAT',
};

/** A raw value and where it came from, so an error can name the flag or the variable. */
interface Sourced {
  value: string;
  source: string;
}

const LAYOUT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const serverUrlSchema = z
  .string()
  .trim()
  .refine((text) => URL.canParse(text), 'expected an http(s) URL such as https://baocao.example.vn')
  .transform((text) => new URL(text))
  .refine((url) => url.protocol === 'http:' || url.protocol === 'https:', 'only http:// and https:// servers are supported')
  .refine((url) => url.username === '' && url.password === '', 'do not put credentials in the URL; use --token')
  .refine((url) => url.search === '' && url.hash === '', 'the URL must not have a query or a fragment')
  // Keep a path prefix (a server behind a reverse proxy) but never a trailing slash.
  .transform((url) => `${url.origin}${url.pathname.replace(/\/+$/, '')}`);

const portSchema = z
  .string()
  .trim()
  .regex(/^\d+$/, 'expected a whole number from 0 to 65535 (0 = any free port)')
  .transform(Number)
  .refine((port) => port <= 65_535, 'expected a whole number from 0 to 65535 (0 = any free port)');

const pathSchema = z.string().trim().min(1, 'expected a path');

const logFormatSchema = z.enum(['pretty', 'json'], { error: 'expected pretty or json' });

/** The same bounds as WindowConfig.token in shared/ipc.ts. */
const tokenSchema = z.string().trim().min(16, 'the wall token is at least 16 characters').max(200, 'the wall token is at most 200 characters');

const recycleAtSchema = z
  .string()
  .trim()
  .transform((text, context) => {
    const quiet = parseQuietTime(text);
    if (quiet === null) context.addIssue({ code: 'custom', message: 'expected a local time HH:MM, as 03:30' });
    return quiet ?? { hour: 0, minute: 0 };
  });

/** Splits argv into our flags (last one wins, as in most CLIs), unknown switches and problems. */
function scanArgv(argv: readonly string[]): {
  values: Partial<Record<ValueFlag, Sourced>>;
  preview: Sourced | null;
  simulate: Sourced | null;
  unknown: string[];
  problems: string[];
} {
  const values: Partial<Record<ValueFlag, Sourced>> = {};
  let preview: Sourced | null = null;
  let simulate: Sourced | null = null;
  const unknown: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = readFlag(argv[i]!);
    if (!flag) continue; // positional: the app path in development
    const { name, inline } = flag;
    if (name === 'preview') {
      preview = { value: inline ?? '', source: '--preview' };
      continue;
    }
    if (name === 'simulate') {
      // Only the `=` form takes a rate, as the server's own flag does.
      simulate = { value: inline ?? '', source: '--simulate' };
      continue;
    }
    // Read by parseConsoleArgs; a value given as the next argument is a positional here.
    if ((CONSOLE_FLAGS as readonly string[]).includes(name)) continue;
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) {
      unknown.push(`--${name}`);
      continue;
    }
    const read = flagValue(argv, i, flag);
    i = read.next;
    if ('problem' in read) problems.push(read.problem);
    else values[name as ValueFlag] = { value: read.value, source: `--${name}` };
  }
  return { values, preview, simulate, unknown, problems };
}

export function parseAgentConfig(input: ConfigInput): AgentConfig {
  const { values, preview: previewArg, simulate: simulateArg, unknown, problems } = scanArgv(input.argv);
  let simulate: string | null = null;
  if (simulateArg) {
    if (/^(\d{1,4}(\.\d+)?)?$/.test(simulateArg.value)) simulate = simulateArg.value;
    else problems.push(`--simulate: expected no value or a rate in reports per second, as --simulate=5 (got "${simulateArg.value}")`);
  }
  const consoleArgs = parseConsoleArgs(input.argv);
  problems.push(...consoleArgs.problems);
  const warnings = unknown.map((flag) => `ignored unknown switch ${flag} (Chromium and Electron switches are expected here)`);

  const raw = (flag: ValueFlag): Sourced | null => {
    const fromArgv = values[flag];
    if (fromArgv) return fromArgv;
    const variable = ENV_OF[flag];
    const fromEnv = variable === undefined ? undefined : input.env[variable];
    // An empty variable counts as unset: `TOANCANH_SERVER_URL= electron .` is common.
    return variable !== undefined && fromEnv !== undefined && fromEnv.trim() !== '' ? { value: fromEnv, source: variable } : null;
  };

  function check<T>(flag: ValueFlag, schema: z.ZodType<T, string>): T | null {
    const sourced = raw(flag);
    if (!sourced) return null;
    const result = schema.safeParse(sourced.value);
    if (result.success) return result.data;
    problems.push(`${sourced.source}: ${result.error.issues[0]?.message ?? 'invalid value'} (got "${sourced.value}")`);
    return null;
  }
  const absolute = (path: string): string => (isAbsolute(path) ? path : resolve(input.cwd, path));

  const serverUrl = check('server', serverUrlSchema);
  const port = check('port', portSchema);
  const data = check('data', pathSchema);
  const profile = check('profile', pathSchema);
  const layoutRaw = check('layout', pathSchema);
  const indicators = check('indicators', pathSchema);
  const token = check('token', tokenSchema);
  const recycleAt = check('recycle-at', recycleAtSchema);
  const logFormat = check('log-format', z.string().trim().toLowerCase().pipe(logFormatSchema));

  let preview = false;
  if (previewArg) {
    const read = switchValue('preview', previewArg.value);
    if ('problem' in read) problems.push(read.problem);
    else preview = read.on;
  }

  // A bare id ("tong-quan") names a layout the server already knows; anything else is a file.
  const layout = layoutRaw === null ? null : LAYOUT_ID.test(layoutRaw) ? layoutRaw : absolute(layoutRaw);

  const serverSource = raw('server')?.source;
  if (serverUrl !== null) {
    // The windows present this token to the external server; it has no default.
    if (token === null && raw('token') === null) {
      problems.push(`${serverSource}: an external server needs the wall token too (--token or TOANCANH_TOKEN)`);
    }
    for (const flag of ['port', 'indicators'] as const) {
      const given = raw(flag);
      if (given) warnings.push(`${given.source} is ignored: it configures the embedded server, and ${serverSource} points at an external one`);
    }
    if (layoutRaw !== null) warnings.push(`--layout is ignored: the external server ${serverUrl} chooses its layouts`);
    const host = new URL(serverUrl).host;
    if (serverUrl.startsWith('http:') && !LOOPBACK_HOSTS.has(host.replace(/:\d+$/, ''))) {
      // app:// is registered as a secure scheme, so Chromium treats plain http/ws to
      // another machine as mixed content and may block the feed.
      warnings.push(`${serverSource} uses plain http to another machine; the wall page is a secure origin, so use https`);
    }
  } else {
    const given = raw('token');
    if (given) warnings.push(`${given.source} is ignored: the embedded server uses the token kept in the data folder`);
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    serverUrl,
    port: port ?? DEFAULT_PORT,
    dataDir: absolute(data ?? input.userData),
    profilePath: profile === null ? null : absolute(profile),
    layout,
    indicatorsCsv: indicators === null ? null : absolute(indicators),
    token: serverUrl === null ? null : token,
    preview,
    simulate,
    recycleAt,
    logFormat: logFormat ?? 'pretty',
    console: consoleArgs.args,
    warnings,
  };
}
