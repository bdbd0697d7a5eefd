import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The real server process (`node out/main/server.js`, what `npm run serve` runs) on a fresh
 * data folder, with bootstrap admin and wall tokens, and a keep-alive HTTP client for its
 * API (node:http: lighter on a small machine than fetch).
 */
export class BenchServer {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'toancanh-bench-wall-'));
  readonly adminToken = randomBytes(24).toString('base64url');
  readonly wallToken = randomBytes(24).toString('base64url');
  port = 0;
  private child: ChildProcess | null = null;
  /** The last lines the server wrote (its log is JSON lines on stderr; one per accepted report). */
  private readonly tail: string[] = [];
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });

  constructor(
    private readonly root: string,
    private readonly args: string[],
    /** Where to copy the server's whole log (JSON lines), or null. */
    private readonly logFile: string | null = null,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  wallUrl(screen: string): string {
    return `${this.url}/wall/?screen=${encodeURIComponent(screen)}#token=${this.wallToken}`;
  }

  lastOutput(): string {
    return this.tail.join('');
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [join(this.root, 'out', 'main', 'server.js'), '--port', '0', '--data', this.dataDir, ...this.args], {
      cwd: this.root,
      env: { ...process.env, TOANCANH_ADMIN_TOKEN: this.adminToken, TOANCANH_WALL_TOKEN: this.wallToken, TOANCANH_SIMULATE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.tail.push(chunk.toString());
      if (this.tail.length > 40) this.tail.splice(0, this.tail.length - 40);
    };
    child.stderr!.on('data', keep);
    if (this.logFile) child.stderr!.pipe(createWriteStream(this.logFile));
    this.port = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the server did not start within 30 s:\n${this.lastOutput()}`)), 30_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        keep(chunk);
        const m = /TOANCANH_READY port=(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with ${code}:\n${this.lastOutput()}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.agent.destroy();
    if (child && child.exitCode === null) {
      await new Promise<void>((done) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.kill('SIGTERM');
      });
    }
    this.child = null;
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** One API call; resolves with the status, the parsed JSON body, and when it was sent and answered (performance.now()). */
  api<T = unknown>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T; sent: number; answered: number }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const sent = performance.now();
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            authorization: `Bearer ${token}`,
            ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const answered = performance.now();
            const text = Buffer.concat(chunks).toString();
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // not JSON: keep the text
            }
            resolve({ status: res.statusCode ?? 0, body: parsed as T, sent, answered });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}
