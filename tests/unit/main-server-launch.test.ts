import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveWallProfile } from '../../main/displays';
import { formatLogLine } from '../../main/log';
import { loadWallProfile, writeWallProfile } from '../../main/profile-file';
import {
  createLineSplitter,
  embeddedServerOrigin,
  healthUrl,
  parseReadyLine,
  redactSecrets,
  serverArgs,
  serverEnv,
  waitForHealth,
  WALL_TOKEN_ENV,
} from '../../main/server-launch';
import { loadOrCreateWallToken, WALL_TOKEN_FILE } from '../../main/wall-token';

const folders: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'toancanh-main-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('embedded server launch contract', () => {
  it('passes port, data folder and the optional inputs on the command line', () => {
    expect(serverArgs({ port: 0, dataDir: '/d/data', profilePath: null, layout: null, indicatorsCsv: null })).toEqual(['--port', '0', '--data', '/d/data']);
    expect(serverArgs({ port: 8787, dataDir: '/d/data', profilePath: '/p.json', layout: 'tong-quan', indicatorsCsv: '/i.csv' })).toEqual([
      '--port', '8787', '--data', '/d/data', '--profile', '/p.json', '--layout', 'tong-quan', '--indicators', '/i.csv',
    ]);
    const base = { port: 0, dataDir: '/d', profilePath: null, layout: null, indicatorsCsv: null };
    expect(serverArgs({ ...base, simulate: '' })).toEqual(['--port', '0', '--data', '/d', '--simulate']);
    expect(serverArgs({ ...base, simulate: '2.5' })).toEqual(['--port', '0', '--data', '/d', '--simulate=2.5']);
  });

  it('passes the wall token in the environment only, and keeps the agent’s client settings out', () => {
    const env = serverEnv({ PATH: '/usr/bin', TOANCANH_SERVER_URL: 'https://x', TOANCANH_TOKEN: 'secret', ELECTRON_RUN_AS_NODE: '1', EMPTY: undefined }, 'tok');
    expect(env).toEqual({ PATH: '/usr/bin', [WALL_TOKEN_ENV]: 'tok' });
    expect(WALL_TOKEN_ENV).toBe('TOANCANH_WALL_TOKEN');
  });

  it('reads the readiness line', () => {
    expect(parseReadyLine('TOANCANH_READY port=43117')).toBe(43117);
    expect(parseReadyLine('TOANCANH_READY port=8787\r')).toBe(8787);
    for (const line of ['TOANCANH_READY', 'TOANCANH_READY port=0', 'TOANCANH_READY port=70000', 'listening TOANCANH_READY port=1', 'TOANCANH_READY port=12x']) {
      expect(parseReadyLine(line), line).toBeNull();
    }
  });

  it('reassembles lines split across chunks', () => {
    const lines: string[] = [];
    const splitter = createLineSplitter((line) => lines.push(line));
    for (const chunk of ['starting\nTOANCANH_RE', 'ADY port=9', '000\r\nđã ', 'sẵn sàng']) splitter.push(chunk);
    expect(lines).toEqual(['starting', 'TOANCANH_READY port=9000']);
    splitter.end();
    expect(lines).toEqual(['starting', 'TOANCANH_READY port=9000', 'đã sẵn sàng']);
  });

  it('keeps the wall token out of the agent log', () => {
    const token = 'Zq3_kP9-x'.repeat(5);
    expect(redactSecrets(`http://127.0.0.1:8787/wall/?screen=all#token=${token}`)).toBe('http://127.0.0.1:8787/wall/?screen=all#token=<redacted>');
    expect(redactSecrets(`{"level":30,"token":"${token}"}`)).toBe('{"level":30,"token":"<redacted>"}');
    expect(redactSecrets('TOANCANH_READY port=8787')).toBe('TOANCANH_READY port=8787');
  });

  it('talks to the embedded server on loopback', () => {
    expect(healthUrl(embeddedServerOrigin(8787))).toBe('http://127.0.0.1:8787/api/v1/health');
  });
});

describe('waiting for health', () => {
  function harness(answers: Array<number | Error>) {
    let now = 0;
    const asked: string[] = [];
    return {
      asked,
      options: {
        url: 'http://127.0.0.1:1/api/v1/health',
        timeoutMs: 2_000,
        intervalMs: 250,
        now: () => now,
        sleep: async (ms: number) => {
          now += ms;
        },
        fetch: async (url: string) => {
          asked.push(url);
          const answer = answers.shift() ?? new Error('connect ECONNREFUSED 127.0.0.1:1');
          if (answer instanceof Error) throw answer;
          return { status: answer };
        },
      },
    };
  }

  it('polls until the server answers 200', async () => {
    const { asked, options } = harness([new Error('connect ECONNREFUSED'), 503, 200]);
    await expect(waitForHealth(options)).resolves.toBeUndefined();
    expect(asked).toHaveLength(3);
  });

  it('gives up after the timeout with what it last saw', async () => {
    const { options } = harness([503, 503, 503, 503, 503, 503, 503, 503, 503, 503]);
    await expect(waitForHealth(options)).rejects.toThrow('did not answer 200 on http://127.0.0.1:1/api/v1/health within 2 s (last: HTTP 503)');
  });

  it('stops at once when the process is gone', async () => {
    const { options } = harness([]);
    const gone = new AbortController();
    gone.abort('the server process ended (exit code 1)');
    await expect(waitForHealth({ ...options, signal: gone.signal })).rejects.toThrow('exit code 1');
  });
});

describe('wall token file', () => {
  it('is generated once (32 random bytes, base64url), kept with mode 0600, and reused', () => {
    const folder = tempFolder();
    const token = loadOrCreateWallToken(folder);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = join(folder, WALL_TOKEN_FILE);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateWallToken(folder)).toBe(token);
    expect(readFileSync(file, 'utf8').trim()).toBe(token);
  });

  it('is replaced when the file is damaged, and creates the data folder', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, WALL_TOKEN_FILE), 'short\n', { mode: 0o644 });
    const token = loadOrCreateWallToken(folder);
    expect(token).toHaveLength(43);
    if (process.platform !== 'win32') expect(statSync(join(folder, WALL_TOKEN_FILE)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateWallToken(join(folder, 'nested', 'data'))).toHaveLength(43);
  });
});

describe('wall profile file', () => {
  const display = (id: number, x: number) => ({ id, bounds: { x, y: 0, width: 1920, height: 1080 }, size: { width: 1920, height: 1080 }, scaleFactor: 1, rotation: 0, internal: false });

  it('round-trips a derived profile', () => {
    const file = join(tempFolder(), 'sub', 'derived-profile.json');
    const profile = deriveWallProfile([display(1, 0), display(2, 1920)])!;
    writeWallProfile(file, profile);
    expect(loadWallProfile(file)).toEqual(profile);
  });

  it('explains what is wrong with a bad profile, naming --profile and the file', () => {
    const folder = tempFolder();
    expect(() => loadWallProfile(join(folder, 'missing.json'))).toThrow(/^--profile: cannot read .*missing\.json/);
    writeFileSync(join(folder, 'bad.json'), '{ nope');
    expect(() => loadWallProfile(join(folder, 'bad.json'))).toThrow(/^--profile: .*bad\.json is not valid JSON/);
    writeFileSync(join(folder, 'wrong.json'), JSON.stringify({ schemaVersion: 1, id: 'x', name: 'x', viewingDistanceMm: 1, screens: [] }));
    expect(() => loadWallProfile(join(folder, 'wrong.json'))).toThrow(/is not a valid wall profile:\n {2}- \$\.screens:/);
  });
});

describe('agent log', () => {
  it('writes one timestamped line per event, indenting continuation lines', () => {
    expect(formatLogLine('warn', 'a\nb', new Date('2025-01-02T03:04:05.678Z'))).toBe('2025-01-02T03:04:05.678Z WARN  a\n    b\n');
  });
});
