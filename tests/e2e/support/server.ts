import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { indicatorsCsvPath, projectRoot } from '../../support/paths';
import { checkErrorReply } from '../../helpers/error-reply';

export const SERVER_BUNDLE = resolve(projectRoot, 'out/main/server.js');

export interface ServerOptions {
  dataDir?: string;
  port?: number;
  profile?: string;
  layout?: string;
  adminToken?: string;
  wallToken?: string;
  extraArgs?: string[];
  /** The server script (default the built out/main/server.js; tests/helpers/server-bundle.ts builds one for integration tests). */
  script?: string;
}

/**
 * The real headless server (`node out/main/server.js`, what `npm run serve` runs) as a
 * child process, so a test can kill it the hard way and start it again on the same
 * data folder and port.
 */
export class ServerProcess {
  readonly dataDir: string;
  readonly adminToken: string;
  readonly wallToken: string;
  port = 0;
  private child: ChildProcess | null = null;
  readonly output: string[] = [];

  constructor(private readonly options: ServerOptions = {}) {
    this.dataDir = options.dataDir ?? mkdtempSync(resolve(tmpdir(), 'toancanh-e2e-'));
    this.adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
    this.wallToken = options.wallToken ?? randomBytes(24).toString('base64url');
    this.port = options.port ?? 0;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const script = this.options.script ?? SERVER_BUNDLE;
    if (!existsSync(script)) throw new Error(`${script} is missing: run the build first (npm test does)`);
    const args = [script, '--port', String(this.port), '--data', this.dataDir, '--indicators', indicatorsCsvPath];
    if (this.options.profile) args.push('--profile', this.options.profile);
    if (this.options.layout) args.push('--layout', this.options.layout);
    args.push(...(this.options.extraArgs ?? []));
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: { ...process.env, TOANCANH_ADMIN_TOKEN: this.adminToken, TOANCANH_WALL_TOKEN: this.wallToken },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.port = await new Promise<number>((resolvePort, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${this.output.join('')}`)), 30_000);
      const onData = (chunk: Buffer) => {
        const text = chunk.toString();
        this.output.push(text);
        const match = /TOANCANH_READY port=(\d+)/.exec(text);
        if (match) {
          clearTimeout(timer);
          this.ready = true;
          resolvePort(Number(match[1]));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => {
        this.output.push(chunk.toString());
        // Keep the last few hundred chunks: enough to explain a failure, bounded under load.
        if (this.output.length > 500) this.output.splice(0, this.output.length - 400);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${this.output.join('')}`));
      });
    });
  }

  /** Whether the process has said it is ready and has not been stopped since. */
  ready = false;

  /** SIGKILL: no graceful shutdown, as when the power goes or the process crashes. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    this.ready = false;
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill(signal);
    });
    this.child = null;
  }

  async stop(): Promise<void> {
    await this.kill('SIGTERM');
  }

  async api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    token: string | null = this.adminToken,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    if (path.startsWith('/api/') && response.status >= 400) checkErrorReply(method, path, response.status, parsed);
    return { status: response.status, body: parsed as T };
  }

  wallUrl(screen: string): string {
    return `${this.url}/wall/?screen=${encodeURIComponent(screen)}#token=${this.wallToken}`;
  }
}
