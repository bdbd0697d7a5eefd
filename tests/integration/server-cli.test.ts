import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServerBundle } from '../helpers/server-bundle';
import { tempDir } from '../helpers/server-harness';

let script: string;
let dir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  script = await buildServerBundle();
  dir = tempDir();
}, 60_000);
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the bundled server; resolves when it exits or when `until` matches its stdout. */
function run(args: string[], env: Record<string, string> = {}, until?: RegExp) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => {
      if (until?.test(stdout)) resolve();
    });
    void exited.then((code) => reject(new Error(`exited with ${code}\n${stderr}`)));
  });
  // Only awaited when the caller waits for readiness.
  ready.catch(() => undefined);
  return { child, exited, ready, out: () => stdout, err: () => stderr };
}

describe('node out/main/server.js', () => {
  it('prints the ready line and the wall URL, serves, and stops cleanly on SIGTERM', async () => {
    const data = join(dir, 'data');
    const server = run(['--port', '0', '--data', data], {}, /#token=\S+\n/);
    await server.ready;
    const lines = server.out().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const port = Number(/^TOANCANH_READY port=(\d+)$/.exec(lines[0]!)?.[1]);
    expect(port).toBeGreaterThan(0);
    const wallToken = readFileSync(join(data, 'wall-token'), 'utf8').trim();
    expect(lines[1]).toBe(`http://127.0.0.1:${port}/wall/?screen=all#token=${wallToken}`);
    // The log went to stderr and never shows a token.
    expect(server.err()).toMatch(/seeded an empty store/);
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(await health.json()).toMatchObject({ ok: true });
    const wall = await fetch(`http://127.0.0.1:${port}/api/v1/wall`, { headers: { authorization: `Bearer ${wallToken}` } });
    expect(wall.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.err()).not.toContain(wallToken);
    expect(server.err()).not.toContain(readFileSync(join(data, 'admin-token'), 'utf8').trim());
    expect(existsSync(join(data, 'toancanh.sqlite'))).toBe(true);
  }, 20_000);

  it('exits with 2 and one clear message on a bad flag', async () => {
    const bad = run(['--port', 'eighty']);
    expect(await bad.exited).toBe(2);
    expect(bad.err()).toMatch(/^toancanh-server: --port: "eighty" is not a port number/);
    expect(bad.out()).toBe('');
    const unknown = run([], { TOANCANH_PORT: '99999' });
    expect(await unknown.exited).toBe(2);
    expect(unknown.err()).toMatch(/TOANCANH_PORT/);
  }, 20_000);

  it('exits with 1 naming the path and the flag when the CSV is missing', async () => {
    const data = join(dir, 'empty');
    mkdirSync(data);
    const missing = run(['--port', '0', '--data', data], { TOANCANH_INDICATORS_CSV: join(dir, 'nope.csv') });
    expect(await missing.exited).toBe(1);
    expect(missing.err()).toContain(`cannot read the national indicators CSV at ${join(dir, 'nope.csv')}`);
    expect(missing.err()).toMatch(/--indicators <csv> or set TOANCANH_INDICATORS_CSV/);
    expect(missing.out()).toBe('');
  }, 20_000);
});
