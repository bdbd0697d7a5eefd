import { join } from 'node:path';

/**
 * The contract between the display agent and the embedded server process (out/main/server.js),
 * as pure functions: the command line, the environment, the readiness line on stdout and
 * the health poll. The adapter in embedded-server.ts only spawns and wires them.
 */

/** The environment variable that carries the wall token; never a command-line argument (visible in `ps`). */
export const WALL_TOKEN_ENV = 'TOANCANH_WALL_TOKEN';
export const READY_TIMEOUT_MS = 30_000;
export const HEALTH_POLL_INTERVAL_MS = 250;

export interface ServerLaunchOptions {
  /** 0 = any free port; the server reports the one it got. */
  port: number;
  dataDir: string;
  profilePath: string | null;
  layout: string | null;
  indicatorsCsv: string | null;
  /** The demo simulator: null off, '' default rate, else reports per second. */
  simulate?: string | null;
  /** The server's log format (its lines end up in the agent's log). */
  logFormat?: 'pretty' | 'json';
}

export function serverArgs(options: ServerLaunchOptions): string[] {
  const args = ['--port', String(options.port), '--data', options.dataDir];
  if (options.profilePath !== null) args.push('--profile', options.profilePath);
  if (options.layout !== null) args.push('--layout', options.layout);
  if (options.indicatorsCsv !== null) args.push('--indicators', options.indicatorsCsv);
  if (options.simulate !== undefined && options.simulate !== null) args.push(options.simulate === '' ? '--simulate' : `--simulate=${options.simulate}`);
  if (options.logFormat !== undefined) args.push('--log-format', options.logFormat);
  return args;
}

/** Variables of ours that must not leak into the child: it is the embedded server, never a client. */
const AGENT_ONLY_ENV = ['TOANCANH_SERVER_URL', 'TOANCANH_TOKEN', 'ELECTRON_RUN_AS_NODE'];

/** Where a packaged agent's server finds what electron-builder.yml ships as extraResources. */
export const RESOURCES_DIR_ENV = 'TOANCANH_RESOURCES_DIR';
export const CATALOG_DIR_ENV = 'TOANCANH_CATALOG_DIR';
/** The catalogue's folder under resources/ (electron-builder.yml: server/catalog/data → catalog). */
export const PACKAGED_CATALOG_DIR = 'catalog';

/**
 * The child's environment: ours minus the agent-only variables, plus the wall token and,
 * when packaged, the resources folder (presets, profiles) and the catalogue under it.
 */
export function serverEnv(base: Readonly<Record<string, string | undefined>>, token: string, resourcesDir: string | null = null): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined && !AGENT_ONLY_ENV.includes(key)) env[key] = value;
  }
  env[WALL_TOKEN_ENV] = token;
  if (resourcesDir !== null) {
    env[RESOURCES_DIR_ENV] = resourcesDir;
    // A technician's own catalogue wins over the shipped one.
    env[CATALOG_DIR_ENV] ??= join(resourcesDir, PACKAGED_CATALOG_DIR);
  }
  return env;
}

/** The server prints `TOANCANH_READY port=<n>` once it listens. */
export function parseReadyLine(line: string): number | null {
  const match = /^TOANCANH_READY port=(\d{1,5})\s*$/.exec(line);
  if (!match) return null;
  const port = Number(match[1]);
  return port >= 1 && port <= 65_535 ? port : null;
}

/**
 * The server's output goes to the agent log, which is not a secret store: its second
 * stdout line is the preview URL with `#token=<wall token>` in the fragment.
 */
export function redactSecrets(line: string): string {
  return line.replace(/(token"?\s*[=:]\s*"?)[A-Za-z0-9_\-.~+/]{8,}=*/gi, '$1<redacted>');
}

/** Reassembles lines from stream chunks, which split anywhere. */
export function createLineSplitter(onLine: (line: string) => void): { push(chunk: string): void; end(): void } {
  let pending = '';
  return {
    push(chunk) {
      pending += chunk;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop()!;
      for (const line of lines) onLine(line);
    },
    end() {
      if (pending !== '') onLine(pending);
      pending = '';
    },
  };
}

/** Loopback only: the embedded server is for this machine's windows. */
export function embeddedServerOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export function healthUrl(origin: string): string {
  return `${origin}/api/v1/health`;
}

export interface HealthWaitOptions {
  url: string;
  timeoutMs?: number;
  intervalMs?: number;
  fetch: (url: string, init: { signal: AbortSignal }) => Promise<{ status: number }>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Aborted by the caller when waiting is pointless (the process exited). */
  signal?: AbortSignal;
}

/** Polls the health endpoint until it answers 200; rejects with a message that says what was last seen. */
export async function waitForHealth(options: HealthWaitOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? READY_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? HEALTH_POLL_INTERVAL_MS;
  const deadline = options.now() + timeoutMs;
  let lastSeen = 'no answer yet';
  for (;;) {
    if (options.signal?.aborted) {
      throw new Error(`stopped waiting for ${options.url}: ${String(options.signal.reason ?? 'aborted')}`);
    }
    const remaining = deadline - options.now();
    if (remaining <= 0) {
      throw new Error(`the embedded server did not answer 200 on ${options.url} within ${Math.round(timeoutMs / 1000)} s (last: ${lastSeen})`);
    }
    try {
      const response = await options.fetch(options.url, { signal: AbortSignal.timeout(Math.max(1, Math.min(2_000, remaining))) });
      if (response.status === 200) return;
      lastSeen = `HTTP ${response.status}`;
    } catch (error) {
      lastSeen = error instanceof Error ? error.message : String(error);
    }
    await options.sleep(Math.min(intervalMs, Math.max(0, deadline - options.now())));
  }
}
