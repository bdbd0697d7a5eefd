import { isAbsolute, resolve } from 'node:path';
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
  /** A file given by path is watched; a preset given by id is not (presets change with releases). */
  layout: { kind: 'file'; path: string } | { kind: 'preset'; id: string; path: string };
  layoutsDir: string;
  indicatorsCsv: string;
  rendererDir: string;
}

export type ParseResult = { ok: true; config: ServerConfig } | { ok: false; error: string } | { ok: 'help'; text: string };

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

interface FlagSpec {
  key: 'port' | 'host' | 'data' | 'profile' | 'layout' | 'indicators' | 'renderer';
  env?: string;
  help: string;
}

const FLAGS: Record<string, FlagSpec> = {
  '--port': { key: 'port', env: 'TOANCANH_PORT', help: `port to listen on (default ${DEFAULT_PORT}; 0 = any free port)` },
  '--host': { key: 'host', env: 'TOANCANH_HOST', help: `address to listen on (default ${DEFAULT_HOST})` },
  '--data': { key: 'data', env: 'TOANCANH_DATA', help: 'data folder: database and tokens (default ./.toancanh-data)' },
  '--profile': { key: 'profile', env: 'TOANCANH_PROFILE', help: 'wall profile JSON file (default assets/profiles/wall-2x2-55in.json)' },
  '--layout': { key: 'layout', env: 'TOANCANH_LAYOUT', help: `layout JSON file (watched) or preset id in layouts/ (default ${DEFAULT_LAYOUT_ID})` },
  '--indicators': { key: 'indicators', env: 'TOANCANH_INDICATORS_CSV', help: 'national indicators CSV, read to seed an empty store (default ../shared/data/indicators/vn-national-indicators.csv)' },
  '--renderer': { key: 'renderer', help: 'built renderer folder to serve (default out/renderer)' },
};

export function usage(): string {
  const lines = Object.entries(FLAGS).map(([flag, spec]) => `  ${`${flag} <value>`.padEnd(22)} ${spec.help}${spec.env ? ` [${spec.env}]` : ''}`);
  return ['Usage: node out/main/server.js [options]', '', ...lines, `  ${'--help'.padEnd(22)} show this help`].join('\n');
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

  let layout: ServerConfig['layout'] = { kind: 'preset', id: DEFAULT_LAYOUT_ID, path: presetLayoutPath(defaults.layoutsDir, DEFAULT_LAYOUT_ID) };
  const layoutEntry = given.get('layout');
  if (layoutEntry) {
    // A bare id ("tong-quan-kinh-te-xa-hoi") names a preset; anything else is a path.
    if (LAYOUT_ID_PATTERN.test(layoutEntry.value)) {
      layout = { kind: 'preset', id: layoutEntry.value, path: presetLayoutPath(defaults.layoutsDir, layoutEntry.value) };
    } else {
      layout = { kind: 'file', path: isAbsolute(layoutEntry.value) ? layoutEntry.value : resolve(context.cwd, layoutEntry.value) };
    }
  }

  return {
    ok: true,
    config: {
      port,
      host,
      dataDir: path('data', resolve(context.cwd, '.toancanh-data')),
      profilePath: path('profile', defaults.profile),
      layout,
      layoutsDir: defaults.layoutsDir,
      indicatorsCsv: path('indicators', defaults.indicatorsCsv),
      rendererDir: path('renderer', defaults.rendererDir),
    },
  };
}
