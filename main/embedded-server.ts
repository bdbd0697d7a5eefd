import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { AgentUtilityProcess } from './electron-api';
import type { Logger } from './log';
import {
  createLineSplitter,
  embeddedServerOrigin,
  healthUrl,
  parseReadyLine,
  READY_TIMEOUT_MS,
  redactSecrets,
  serverArgs,
  serverEnv,
  waitForHealth,
  type ServerLaunchOptions,
} from './server-launch';
import { Supervisor } from './supervisor';

/**
 * The embedded reporting server (out/main/server.js) as a child process. A separate
 * process so that a crash in the server (or in better-sqlite3) does not take the wall
 * down, and because the native module is built for the Node that runs it:
 *  - development: the Node that npm runs, with child_process.spawn (npm installed
 *    better-sqlite3 for that Node's ABI);
 *  - packaged: Electron's utilityProcess.fork (electron-builder rebuilt the module for
 *    Electron's ABI, and the installed machine may have no Node at all).
 * Restarted forever with the supervisor's backoff. After the first healthy start the
 * port is pinned, so a restarted server keeps the URL the windows already have.
 */

export interface EmbeddedServerOptions extends ServerLaunchOptions {
  scriptPath: string;
  token: string;
  packaged: boolean;
  /** process.resourcesPath when packaged (presets, profiles, catalogue), else null. */
  resourcesDir: string | null;
  /** Electron's utilityProcess, used when packaged. */
  utilityProcess: AgentUtilityProcess;
  log: Logger;
  now: () => number;
}

/** What both process kinds look like to us. */
interface Child {
  pid: number | undefined;
  stdout: Readable | null;
  stderr: Readable | null;
  kill(force: boolean): void;
  onExit(listener: (description: string) => void): void;
}

function spawnNode(script: string, args: string[], env: Record<string, string>): Child {
  // npm_node_execpath: the Node that runs `npm start`, whose ABI better-sqlite3 was built for.
  const node = process.env.npm_node_execpath || 'node';
  const child = spawn(node, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  return {
    pid: child.pid,
    stdout: child.stdout,
    stderr: child.stderr,
    kill: (force) => child.kill(force ? 'SIGKILL' : 'SIGTERM'),
    onExit(listener) {
      let done = false;
      const once = (description: string): void => {
        if (!done) listener(description);
        done = true;
      };
      child.once('error', (error) => once(`could not start ${node}: ${error.message}`));
      child.once('exit', (code, signal) => once(signal ? `killed by ${signal}` : `exit code ${code}`));
    },
  };
}

function forkUtility(utilityProcess: AgentUtilityProcess, script: string, args: string[], env: Record<string, string>): Child {
  const child = utilityProcess.fork(script, args, { env, stdio: 'pipe', serviceName: 'Toàn Cảnh server' });
  return {
    get pid() {
      return child.pid;
    },
    stdout: child.stdout as Readable | null,
    stderr: child.stderr as Readable | null,
    // utilityProcess has one way to stop: SIGTERM, and Electron reaps it.
    kill: () => void child.kill(),
    onExit: (listener) => void child.once('exit', (code) => listener(`exit code ${code}`)),
  };
}

async function fetchStatus(url: string, init: { signal: AbortSignal }): Promise<{ status: number }> {
  const response = await fetch(url, init);
  // Release the connection; only the status matters.
  await response.body?.cancel().catch(() => undefined);
  return { status: response.status };
}

/** The port from the TOANCANH_READY line, unless the process ends or stays silent too long. */
function waitForPortLine(portLine: Promise<number>, gone: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    if (gone.aborted) {
      reject(new Error(String(gone.reason)));
      return;
    }
    const onGone = (): void => {
      clearTimeout(timer);
      reject(new Error(String(gone.reason)));
    };
    const timer = setTimeout(() => {
      gone.removeEventListener('abort', onGone);
      reject(new Error(`no "TOANCANH_READY port=<n>" line on stdout within ${READY_TIMEOUT_MS / 1000} s`));
    }, READY_TIMEOUT_MS);
    gone.addEventListener('abort', onGone, { once: true });
    void portLine.then((port) => {
      clearTimeout(timer);
      gone.removeEventListener('abort', onGone);
      resolve(port);
    });
  });
}

export class EmbeddedServer {
  private child: Child | null = null;
  private readonly supervisor: Supervisor;
  private restartTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  /** Set when we kill the server on purpose to restart it (new profile): no backoff. */
  private restartNow = false;
  private exited: Promise<void> = Promise.resolve();
  private origin: string | null = null;
  private resolveFirst: ((origin: string) => void) | null = null;
  private readonly first: Promise<string>;

  constructor(private options: EmbeddedServerOptions) {
    this.supervisor = new Supervisor(options.now);
    this.first = new Promise((resolve) => (this.resolveFirst = resolve));
  }

  /**
   * The origin the windows use. Resolves after the first healthy start; or, if that
   * start fails and the port is fixed, with the origin anyway, so the windows open and
   * show their "disconnected" state while the restarts go on. With port 0 there is no
   * origin to give before a start succeeds.
   */
  start(): Promise<string> {
    this.launch();
    return this.first;
  }

  /** Restarts at once with changed options (a grown derived profile). */
  restart(changes: Partial<ServerLaunchOptions>, reason: string): void {
    this.options = { ...this.options, ...changes };
    this.options.log.info(`embedded server: restarting (${reason})`);
    if (this.restartTimer !== null) {
      clearTimeout(this.restartTimer);
      this.restartTimer = null;
      this.launch();
    } else if (this.child) {
      this.restartNow = true;
      this.child.kill(false);
    } else {
      this.launch();
    }
  }

  /** Stops for good (app quit): SIGTERM, then SIGKILL after 5 s. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child) return;
    child.kill(false);
    const force = setTimeout(() => child.kill(true), 5_000);
    await this.exited;
    clearTimeout(force);
  }

  private settleFirst(origin: string): void {
    this.resolveFirst?.(origin);
    this.resolveFirst = null;
  }

  private launch(): void {
    if (this.stopping) return;
    const { log } = this.options;
    const args = serverArgs(this.options);
    const env = serverEnv(process.env, this.options.token, this.options.resourcesDir);
    log.info(`embedded server: starting ${this.options.scriptPath} ${args.join(' ')} (${this.options.packaged ? 'utilityProcess' : 'node'})`);
    const child = this.options.packaged ? forkUtility(this.options.utilityProcess, this.options.scriptPath, args, env) : spawnNode(this.options.scriptPath, args, env);
    this.child = child;
    this.supervisor.started();

    const gone = new AbortController();
    let reportedPort: ((port: number) => void) | null = null;
    const portLine = new Promise<number>((resolve) => (reportedPort = resolve));

    const stdout = createLineSplitter((line) => {
      const port = parseReadyLine(line);
      if (port !== null) reportedPort?.(port);
      if (line.trim() !== '') log.info(`[server] ${redactSecrets(line)}`);
    });
    const stderr = createLineSplitter((line) => {
      if (line.trim() !== '') log.warn(`[server] ${redactSecrets(line)}`);
    });
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: string) => stderr.push(chunk));

    this.exited = new Promise((resolve) => {
      child.onExit((description) => {
        stdout.end();
        stderr.end();
        gone.abort(`the server process ended (${description})`);
        if (this.child === child) this.child = null;
        resolve();
        this.onExit(description);
      });
    });

    void this.awaitReady(child, portLine, gone.signal);
  }

  private async awaitReady(child: Child, portLine: Promise<number>, gone: AbortSignal): Promise<void> {
    const { log } = this.options;
    const asked = this.options.port;
    try {
      // A fixed port is known; port 0 is learned from the TOANCANH_READY line.
      const port = asked !== 0 ? asked : await waitForPortLine(portLine, gone);
      const origin = embeddedServerOrigin(port);
      await waitForHealth({
        url: healthUrl(origin),
        fetch: fetchStatus,
        now: Date.now,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        signal: gone,
      });
      if (this.origin !== null && this.origin !== origin) log.warn(`embedded server moved from ${this.origin} to ${origin}`);
      this.origin = origin;
      // Pin the port: a restart must come back where the windows look for it.
      this.options = { ...this.options, port };
      log.info(`embedded server: ready at ${origin} (pid ${child.pid ?? '?'})`);
      this.settleFirst(origin);
    } catch (error) {
      log.error(`embedded server: not ready: ${(error as Error).message}`);
      if (asked !== 0) this.settleFirst(embeddedServerOrigin(asked));
      // Alive but not answering is as good as dead: the exit handler restarts it.
      if (this.child === child) {
        child.kill(false);
        setTimeout(() => this.child === child && child.kill(true), 5_000).unref();
      }
    }
  }

  private onExit(description: string): void {
    const { log } = this.options;
    if (this.stopping) {
      log.info(`embedded server: stopped (${description})`);
      return;
    }
    if (this.restartNow) {
      this.restartNow = false;
      log.info(`embedded server: ended for restart (${description})`);
      this.launch();
      return;
    }
    const delay = this.supervisor.failed();
    log.error(`embedded server: ended unexpectedly (${description}); restarting in ${delay / 1000} s (failure ${this.supervisor.failures} in a row)`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.launch();
    }, delay);
  }
}
