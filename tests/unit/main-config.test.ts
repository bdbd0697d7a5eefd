import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseAgentConfig, type ConfigInput } from '../../main/config';

const cwd = resolve('/srv/wall');
const userData = resolve('/home/op/.config/Toàn Cảnh');
const TOKEN = 'a'.repeat(43);

function parse(argv: string[], env: Record<string, string> = {}) {
  const input: ConfigInput = { argv, env, cwd, userData };
  return parseAgentConfig(input);
}

function problems(argv: string[], env: Record<string, string> = {}): string[] {
  try {
    parse(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('display agent configuration', () => {
  it('defaults to an embedded server on 8787 with data in userData', () => {
    expect(parse(['.'])).toEqual({
      serverUrl: null,
      port: 8787,
      dataDir: userData,
      profilePath: null,
      layout: null,
      indicatorsCsv: null,
      token: null,
      preview: false,
      simulate: null,
      recycleAt: null,
      logFormat: 'pretty',
      console: { open: false, displayId: null, lang: null },
      warnings: [],
    });
  });

  it('takes the log format from --log-format or TOANCANH_LOG_FORMAT', () => {
    expect(parse(['.', '--log-format', 'json']).logFormat).toBe('json');
    expect(parse(['.'], { TOANCANH_LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(problems(['.', '--log-format=yaml'])).toEqual(['--log-format: expected pretty or json (got "yaml")']);
  });

  it('reads every flag, in both --flag value and --flag=value forms, resolving paths against cwd', () => {
    const config = parse(['.', '--port=0', '--data', 'state', '--profile', 'walls/room.json', '--layout=layouts/main.json', '--indicators', '/opt/csv/chi-tieu.csv', '--preview']);
    expect(config.port).toBe(0);
    expect(config.dataDir).toBe(join(cwd, 'state'));
    expect(config.profilePath).toBe(join(cwd, 'walls/room.json'));
    expect(config.layout).toBe(join(cwd, 'layouts/main.json'));
    expect(config.indicatorsCsv).toBe(resolve('/opt/csv/chi-tieu.csv'));
    expect(config.preview).toBe(true);
  });

  it('keeps a layout id as an id and a layout file as a path', () => {
    expect(parse(['--layout', 'tong-quan']).layout).toBe('tong-quan');
    expect(parse(['--layout', 'tong-quan.json']).layout).toBe(join(cwd, 'tong-quan.json'));
  });

  it('falls back to the environment, and a flag beats its variable', () => {
    const env = { TOANCANH_PORT: '9000', TOANCANH_DATA: '/var/lib/toancanh', TOANCANH_INDICATORS_CSV: 'x.csv' };
    expect(parse([], env)).toMatchObject({ port: 9000, dataDir: resolve('/var/lib/toancanh'), indicatorsCsv: join(cwd, 'x.csv') });
    expect(parse(['--port', '8000'], env).port).toBe(8000);
    // An empty variable is unset.
    expect(parse([], { TOANCANH_SERVER_URL: '' }).serverUrl).toBeNull();
  });

  it('takes an external server with its token, and then starts no embedded backend', () => {
    const config = parse(['--server', 'https://baocao.gov.vn/toancanh/', '--token', TOKEN]);
    expect(config.serverUrl).toBe('https://baocao.gov.vn/toancanh');
    expect(config.token).toBe(TOKEN);
    expect(parse([], { TOANCANH_SERVER_URL: 'http://127.0.0.1:9999', TOANCANH_TOKEN: TOKEN })).toMatchObject({
      serverUrl: 'http://127.0.0.1:9999',
      token: TOKEN,
      recycleAt: null,
      warnings: [],
    });
  });

  it('names the bad flag or variable in its errors', () => {
    expect(problems(['--port', 'abc'])).toEqual([expect.stringMatching(/^--port: expected a whole number from 0 to 65535.*"abc"/)]);
    expect(problems(['--port', '70000'])[0]).toMatch(/^--port:/);
    expect(problems([], { TOANCANH_PORT: '-1' })[0]).toMatch(/^TOANCANH_PORT:/);
    expect(problems(['--server', 'ftp://files.example', '--token', TOKEN])[0]).toMatch(/^--server: only http:\/\/ and https:\/\//);
    expect(problems(['--server', 'not a url', '--token', TOKEN])[0]).toMatch(/^--server: expected an http\(s\) URL/);
    expect(problems(['--server', 'https://u:p@host.example', '--token', TOKEN])[0]).toMatch(/^--server: do not put credentials/);
    expect(problems(['--server', 'https://host.example', '--token', 'short'])[0]).toMatch(/^--token: the wall token is at least 16/);
    expect(problems(['--preview=maybe'])[0]).toMatch(/^--preview:/);
  });

  it('requires the wall token with an external server', () => {
    expect(problems(['--server', 'https://host.example'])).toEqual([expect.stringMatching(/^--server: an external server needs the wall token/)]);
    expect(problems([], { TOANCANH_SERVER_URL: 'https://host.example' })[0]).toMatch(/^TOANCANH_SERVER_URL: an external server needs/);
  });

  it('reports a flag without its value, and every problem at once', () => {
    expect(problems(['--server'])).toEqual(['--server: needs a value']);
    expect(problems(['--data', '--preview'])).toEqual(['--data: needs a value']);
    expect(problems(['--port', 'x', '--server', 'gopher://x'])).toHaveLength(2);
  });

  it('warns, without failing, about switches it does not know (Chromium puts its own in argv)', () => {
    const config = parse(['.', '--no-sandbox', '--sever', 'https://typo.example', '--inspect=9229']);
    expect(config.warnings).toEqual([
      expect.stringContaining('--no-sandbox'),
      expect.stringContaining('--sever'),
      expect.stringContaining('--inspect'),
    ]);
    expect(config.serverUrl).toBeNull();
  });

  it('warns about settings that do not apply', () => {
    expect(parse(['--token', TOKEN]).warnings).toEqual([expect.stringMatching(/^--token is ignored/)]);
    expect(parse(['--token', TOKEN]).token).toBeNull();
    const external = parse(['--server', 'https://host.example', '--token', TOKEN, '--port', '1234', '--layout', 'x']);
    expect(external.warnings).toEqual([expect.stringMatching(/^--port is ignored/), expect.stringMatching(/^--layout is ignored/)]);
    // Plain http to another machine from a secure app:// page is mixed content.
    expect(parse(['--server', 'http://10.0.0.5:8787', '--token', TOKEN]).warnings).toEqual([expect.stringContaining('use https')]);
    expect(parse(['--server', 'http://localhost:8787', '--token', TOKEN]).warnings).toEqual([]);
  });

  it('parses --preview values', () => {
    expect(parse(['--preview']).preview).toBe(true);
    expect(parse(['--preview=false']).preview).toBe(false);
    expect(parse(['--preview=1']).preview).toBe(true);
  });

  it('passes the demo simulator through, with or without a rate', () => {
    expect(parse(['.']).simulate).toBeNull();
    expect(parse(['.', '--simulate']).simulate).toBe('');
    expect(parse(['.', '--simulate=5']).simulate).toBe('5');
    expect(problems(['.', '--simulate=fast'])).toEqual([expect.stringMatching(/^--simulate: expected no value or a rate/)]);
  });
});
