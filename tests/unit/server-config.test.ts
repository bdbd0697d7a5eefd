import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST, DEFAULT_PORT, parseCliArgs, type ParseResult, type ServerConfig } from '../../server/config';

const ctx = { cwd: '/srv/run', root: '/opt/toancanh' };
const parse = (argv: string[], env: Record<string, string> = {}) => parseCliArgs(argv, env, ctx);
const config = (result: ParseResult): ServerConfig => {
  if (result.ok !== true) throw new Error(`expected a config, got ${JSON.stringify(result)}`);
  return result.config;
};
const error = (result: ParseResult): string => {
  if (result.ok !== false) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.error;
};

describe('server command line', () => {
  it('has defaults relative to the project root and the working directory', () => {
    expect(config(parse([]))).toEqual({
      port: DEFAULT_PORT,
      host: DEFAULT_HOST,
      dataDir: '/srv/run/.toancanh-data',
      profilePath: '/opt/toancanh/assets/profiles/wall-2x2-55in.json',
      layout: { kind: 'preset', id: 'tong-quan-kinh-te-xa-hoi', path: '/opt/toancanh/layouts/tong-quan-kinh-te-xa-hoi.json', given: false },
      profileGiven: false,
      layoutsDir: '/opt/toancanh/layouts',
      // Beside the checkout, never inside it.
      indicatorsCsv: '/opt/shared/data/indicators/vn-national-indicators.csv',
      rendererDir: '/opt/toancanh/out/renderer',
      geoPath: '/opt/shared/data/geo/vn-provinces-34.topo.json',
      simulate: null,
      rateLimit: { ratePerSecond: 50, burst: 200 },
      logFormat: 'pretty',
      sessions: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
      lockout: { attempts: 5, lockMs: 15 * 60_000 },
      ingestBatch: null,
    });
  });

  it('reads --ingest-batch and TOANCANH_INGEST_BATCH, and refuses a size out of bounds', () => {
    expect(config(parse(['--ingest-batch', '1'])).ingestBatch).toBe(1);
    expect(config(parse([], { TOANCANH_INGEST_BATCH: '64' })).ingestBatch).toBe(64);
    expect(error(parse(['--ingest-batch', '0']))).toBe('--ingest-batch: "0" is not a batch size (1 to 1024 reports)');
    expect(error(parse([], { TOANCANH_INGEST_BATCH: '5000' }))).toMatch(/^TOANCANH_INGEST_BATCH: "5000" is not a batch size/);
  });

  it('reads the console session times and the lock-out, and refuses bad ones', () => {
    expect(config(parse(['--session-idle', '10', '--session-max=2'])).sessions).toEqual({ idleMs: 600_000, absoluteMs: 7_200_000 });
    expect(config(parse([], { TOANCANH_LOCKOUT: '3:60' })).lockout).toEqual({ attempts: 3, lockMs: 3_600_000 });
    expect(error(parse(['--lockout', '3']))).toBe('--lockout: "3" is not attempts:minutes (e.g. 5:15)');
    expect(error(parse(['--session-idle', '0']))).toBe('--session-idle: "0" is not a number of minutes (1 or more)');
    expect(error(parse(['--session-idle', '900', '--session-max', '1']))).toMatch(/idle time is longer than its maximum/);
  });

  it('reads --log-format and TOANCANH_LOG_FORMAT, and refuses another format', () => {
    expect(config(parse(['--log-format', 'json'])).logFormat).toBe('json');
    expect(config(parse([], { TOANCANH_LOG_FORMAT: 'JSON' })).logFormat).toBe('json');
    expect(config(parse(['--log-format=pretty'], { TOANCANH_LOG_FORMAT: 'json' })).logFormat).toBe('pretty');
    expect(error(parse(['--log-format', 'xml']))).toBe('--log-format: "xml" is not a log format (pretty or json)');
  });

  it('reads --simulate alone or with a rate, the seed, --geo and --rate-limit, and their variables', () => {
    expect(config(parse(['--simulate'])).simulate).toEqual({ rate: 1, seed: 1 });
    expect(config(parse(['--simulate=2.5', '--simulate-seed', '42'])).simulate).toEqual({ rate: 2.5, seed: 42 });
    expect(config(parse([], { TOANCANH_SIMULATE: '1' })).simulate).toEqual({ rate: 1, seed: 1 });
    expect(config(parse([], { TOANCANH_SIMULATE: 'on', TOANCANH_SIMULATE_SEED: '7' })).simulate).toEqual({ rate: 1, seed: 7 });
    expect(config(parse([], { TOANCANH_SIMULATE: '20' })).simulate).toEqual({ rate: 20, seed: 1 });
    expect(config(parse([], { TOANCANH_SIMULATE: 'off' })).simulate).toBeNull();
    expect(config(parse(['--simulate=0'], { TOANCANH_SIMULATE: 'on' })).simulate).toBeNull();
    // --simulate takes no separate value: the next argument is a flag of its own.
    expect(config(parse(['--simulate', '--port', '9000']))).toMatchObject({ simulate: { rate: 1 }, port: 9000 });
    expect(error(parse(['--simulate=fast']))).toMatch(/--simulate: "fast" is not a rate/);
    expect(error(parse([], { TOANCANH_SIMULATE: '5000' }))).toMatch(/^TOANCANH_SIMULATE: "5000" is not a rate/);
    expect(error(parse(['--simulate', '--simulate-seed', '-3']))).toMatch(/--simulate-seed: "-3" is not a seed/);
    expect(error(parse(['--simulate-seed', 'x']))).toMatch(/not a seed/);

    expect(config(parse(['--geo', 'geo/p.json'])).geoPath).toBe('/srv/run/geo/p.json');
    expect(config(parse([], { TOANCANH_GEO: '/g.json' })).geoPath).toBe('/g.json');
    expect(config(parse(['--rate-limit', '500'])).rateLimit).toEqual({ ratePerSecond: 500, burst: 2000 });
    expect(config(parse([], { TOANCANH_RATE_LIMIT: '5:10' })).rateLimit).toEqual({ ratePerSecond: 5, burst: 10 });
    expect(error(parse(['--rate-limit', 'lots']))).toMatch(/not a rate limit/);
  });

  it('reads every flag, in both spellings, resolving paths against the working directory', () => {
    const c = config(
      parse(['--port', '0', '--host=0.0.0.0', '--data', 'd', '--profile=/p.json', '--layout', './my-layout.json', '--indicators', '../x.csv', '--renderer', 'r']),
    );
    expect(c).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/srv/run/d',
      profilePath: '/p.json',
      layout: { kind: 'file', path: '/srv/run/my-layout.json', given: true },
      profileGiven: true,
      indicatorsCsv: '/srv/x.csv',
      rendererDir: '/srv/run/r',
    });
  });

  it('takes a bare layout id as a preset and anything else as a file', () => {
    expect(config(parse(['--layout', 'dieu-hanh'])).layout).toEqual({ kind: 'preset', id: 'dieu-hanh', path: '/opt/toancanh/layouts/dieu-hanh.json', given: true });
    expect(config(parse(['--layout', 'Layout.json'])).layout).toEqual({ kind: 'file', path: '/srv/run/Layout.json', given: true });
  });

  it('reads the environment, and a flag wins over it; an empty variable is unset', () => {
    const env = { TOANCANH_PORT: '9000', TOANCANH_HOST: '::1', TOANCANH_DATA: '/var/lib/tc', TOANCANH_LAYOUT: '/l.json', TOANCANH_PROFILE: '', TOANCANH_INDICATORS_CSV: '/i.csv' };
    const c = config(parse(['--port', '9100'], env));
    expect(c).toMatchObject({ port: 9100, host: '::1', dataDir: '/var/lib/tc', layout: { kind: 'file', path: '/l.json' }, indicatorsCsv: '/i.csv' });
    expect(c.profilePath).toBe('/opt/toancanh/assets/profiles/wall-2x2-55in.json');
  });

  it('refuses unknown flags, missing or bad values, repeats and stray arguments with one clear message', () => {
    expect(error(parse(['--prot', '1']))).toBe('unknown option --prot');
    expect(error(parse(['--port']))).toBe('--port needs a value');
    expect(error(parse(['--port', '--host', 'x']))).toBe('--port needs a value');
    expect(error(parse(['--port='])) ).toBe('--port needs a value');
    expect(error(parse(['--port', '65536']))).toMatch(/--port: "65536" is not a port number/);
    expect(error(parse(['--port', '-1']))).toMatch(/not a port number/);
    expect(error(parse(['--port', '80a']))).toMatch(/not a port number/);
    expect(error(parse([], { TOANCANH_PORT: 'eighty' }))).toMatch(/^TOANCANH_PORT: "eighty" is not a port number/);
    expect(error(parse(['--host', 'a b']))).toMatch(/not a host name/);
    expect(error(parse(['--host', 'evil/path']))).toMatch(/not a host name/);
    expect(error(parse(['--data', 'a', '--data', 'b']))).toBe('--data is given twice');
    expect(error(parse(['serve']))).toBe('unexpected argument "serve"');
    expect(error(parse(['-p', '1']))).toBe('unknown option -p');
  });

  it('answers --help with the usage text', () => {
    const result = parse(['--port', '1', '--help']);
    expect(result.ok).toBe('help');
    expect(result.ok === 'help' && result.text).toMatch(/--indicators <value>.*TOANCANH_INDICATORS_CSV/);
  });
});
