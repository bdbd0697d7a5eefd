import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { agentPaths } from '../../main/bundle-paths';
import { relaunchMethod } from '../../main/recovery-policy';
import { CATALOG_DIR_ENV, RESOURCES_DIR_ENV, serverEnv } from '../../main/server-launch';
import { DEFAULT_LAYOUT_ID, presetLayoutPath, projectPaths, RESOURCES_DIR_ENV as SERVER_RESOURCES_DIR_ENV } from '../../server/paths';
import { projectRoot } from '../support/paths';

/**
 * electron-builder.yml against what the packaged agent and its server read. `npm run
 * dist` cannot run here (no Electron binary, no internet for electron-builder's tools),
 * so the package's layout is worked out from the config itself: app.asar holds `files`,
 * resources/ holds `extraResources`. Every path the packaged agent and server open must
 * land in one of them, from a source that exists in this checkout; then a server is
 * started from a folder laid out that way, to see that it finds everything.
 */

const configSchema = z.object({
  executableName: z.string(),
  files: z.array(z.string()),
  extraResources: z.array(z.object({ from: z.string(), to: z.string(), filter: z.array(z.string()).optional() })),
  asarUnpack: z.array(z.string()),
  npmRebuild: z.boolean(),
  electronFuses: z.record(z.string(), z.boolean()),
  linux: z.object({ target: z.array(z.string()) }),
  deb: z.object({ afterInstall: z.string(), afterRemove: z.string() }),
  win: z.object({ target: z.array(z.string()) }),
  nsis: z.object({ include: z.string() }),
});
const config = configSchema.parse(load(readFileSync(resolve(projectRoot, 'electron-builder.yml'), 'utf8')));

/** The package as the config lays it out: resources/ with app.asar inside. */
const RESOURCES = resolve(sep, 'opt', 'toancanh', 'resources');
const ASAR = join(RESOURCES, 'app.asar');

/** Where a packaged path comes from in the checkout, or null when the config does not ship it. */
function sourceOf(packaged: string): string | null {
  const inAsar = relative(ASAR, packaged);
  if (!inAsar.startsWith('..')) {
    const path = inAsar.split(sep).join('/');
    const shipped = config.files.some((pattern) => (pattern.endsWith('/**') ? path.startsWith(pattern.slice(0, -2)) : path === pattern));
    return shipped ? resolve(projectRoot, inAsar) : null;
  }
  const inResources = relative(RESOURCES, packaged).split(sep).join('/');
  for (const entry of config.extraResources) {
    if (inResources === entry.to) return resolve(projectRoot, entry.from);
    if (inResources.startsWith(`${entry.to}/`)) {
      const rest = inResources.slice(entry.to.length + 1);
      if (entry.filter && !entry.filter.some((f) => f === '**/*' || (f.startsWith('*.') && rest.endsWith(f.slice(1))))) return null;
      return resolve(projectRoot, entry.from, rest);
    }
  }
  return null;
}

describe('electron-builder.yml', () => {
  it('sets the fuses of docs/security.md', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, with the native module rebuilt and unpacked', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('ships every bundle the agent loads (main/bundle-paths.ts) inside app.asar', () => {
    const paths = agentPaths(join(ASAR, 'out', 'main'));
    for (const [what, path] of Object.entries(paths)) {
      const source = sourceOf(path);
      expect(source, `${what}: ${path} is not in the package`).not.toBeNull();
      expect(source!.startsWith(join(projectRoot, 'out'))).toBe(true);
    }
  });

  it('ships every file the packaged server reads, from a source that exists here', () => {
    // The agent tells its packaged server where resources/ is; the server and the agent agree on the name.
    expect(RESOURCES_DIR_ENV).toBe(SERVER_RESOURCES_DIR_ENV);
    const env = serverEnv({}, 'x'.repeat(43), RESOURCES);
    const paths = projectPaths(ASAR, env[RESOURCES_DIR_ENV]);
    const catalog = env[CATALOG_DIR_ENV]!;
    const needed: Record<string, string> = {
      'indicators CSV': paths.indicatorsCsv,
      'province boundaries': paths.geo,
      'default wall profile': paths.profile,
      'default layout': presetLayoutPath(paths.layoutsDir, DEFAULT_LAYOUT_ID),
      'renderer page': join(paths.rendererDir, 'wall', 'index.html'),
      'service worker': join(paths.rendererDir, 'wall', 'sw.js'),
      'catalogue indicators': join(catalog, 'indicators.json'),
      'catalogue regimes': join(catalog, 'regimes'),
      'tile map': join(RESOURCES, 'assets', 'tile-map', 'vn-34.json'),
    };
    for (const layout of readdirSync(resolve(projectRoot, 'layouts')).filter((f) => f.endsWith('.json') && !f.includes('schema'))) {
      needed[`preset ${layout}`] = join(paths.layoutsDir, layout);
    }
    for (const [what, path] of Object.entries(needed)) {
      const source = sourceOf(path);
      expect(source, `${what}: ${path} is not in the package`).not.toBeNull();
      expect(existsSync(source!), `${what}: ${source} does not exist`).toBe(true);
    }
  });

  it('ships the watchdogs, and the installers install them from where they are shipped', () => {
    const unit = readFileSync(resolve(projectRoot, 'build/linux/toancanh-agent.service'), 'utf8');
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^WantedBy=graphical-session\.target$/m);
    expect(unit).toContain(`ExecStart=/usr/bin/${config.executableName}`);
    // The unit's variable makes the agent relaunch by exiting, for systemd to restart it.
    const variable = /^Environment=(\w+)=(\S+)$/m.exec(unit)!;
    expect(relaunchMethod({ [variable[1]!]: variable[2] })).toBe('exit');
    expect(sourceOf(join(RESOURCES, 'linux', 'toancanh-agent.service'))).toBe(resolve(projectRoot, 'build/linux/toancanh-agent.service'));
    const afterInstall = readFileSync(resolve(projectRoot, config.deb.afterInstall), 'utf8');
    expect(afterInstall).toContain('resources/linux/$UNIT');
    expect(afterInstall).toContain('systemctl --global enable');
    expect(existsSync(resolve(projectRoot, config.deb.afterRemove))).toBe(true);

    const task = readFileSync(resolve(projectRoot, 'build/windows/toancanh-agent-task.xml'), 'utf8');
    expect(task).toContain('<LogonTrigger>');
    expect(task).toContain('<MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>');
    expect(task).toMatch(/<RestartOnFailure>\s*<Interval>PT1M<\/Interval>\s*<Count>3<\/Count>/);
    expect(task).toContain(`\\${config.executableName}.exe`);
    expect(sourceOf(join(RESOURCES, 'windows', 'toancanh-agent-task.xml'))).toBe(resolve(projectRoot, 'build/windows/toancanh-agent-task.xml'));
    expect(readFileSync(resolve(projectRoot, config.nsis.include), 'utf8')).toContain('$INSTDIR\\resources\\windows\\toancanh-agent-task.xml');
  });
});

describe('a server laid out as the package lays it out', () => {
  const work = mkdtempSync(join(tmpdir(), 'toancanh-package-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('starts, and finds its catalogue, presets, profile, boundaries, figures and pages', async () => {
    const resources = join(work, 'resources');
    const asar = join(resources, 'app.asar');
    const outDir = resolve(projectRoot, 'out');
    expect(existsSync(join(outDir, 'main', 'server.js')), 'build first (npm test does)').toBe(true);
    // files: out/** and package.json into "app.asar" (a folder here: Node reads it as Electron reads the archive).
    cpSync(outDir, join(asar, 'out'), { recursive: true });
    cpSync(resolve(projectRoot, 'package.json'), join(asar, 'package.json'));
    symlinkSync(resolve(projectRoot, 'node_modules'), join(asar, 'node_modules'), 'dir');
    for (const entry of config.extraResources) {
      const from = resolve(projectRoot, entry.from);
      const to = join(resources, entry.to);
      mkdirSync(dirname(to), { recursive: true });
      cpSync(from, to, {
        recursive: true,
        filter: (source) => !entry.filter || statSync(source).isDirectory() || entry.filter.some((f) => f.startsWith('*.') && source.endsWith(f.slice(1))),
      });
    }
    const token = 'w'.repeat(43);
    const env = serverEnv({ PATH: process.env.PATH }, token, resources);
    const child = spawn(process.execPath, [join(asar, 'out', 'main', 'server.js'), '--port', '0', '--data', join(work, 'data')], {
      cwd: work,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    try {
      const port = await new Promise<number>((resolvePort, reject) => {
        const timer = setTimeout(() => reject(new Error(`no READY line:\n${output.join('')}`)), 30_000);
        child.stdout!.on('data', (chunk: Buffer) => {
          output.push(chunk.toString());
          const match = /TOANCANH_READY port=(\d+)/.exec(output.join(''));
          if (match) {
            clearTimeout(timer);
            resolvePort(Number(match[1]));
          }
        });
        child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
        child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output.join('')}`)));
      });
      const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const health = (await (await get('/api/v1/health')).json()) as { ok: boolean; seq: number };
      // Seeded on first start from resources/shared/data: the published figures are in its change log.
      expect(health.ok).toBe(true);
      expect(health.seq).toBeGreaterThan(0);
      expect((await get('/api/v1/geo/provinces')).status).toBe(200);
      expect((await get('/wall/')).status).toBe(200);
      expect((await get('/wall/sw.js')).headers.get('content-type')).toMatch(/javascript/);
      // The catalogue came from resources/catalog: every regime file shipped is there.
      const { regimes } = (await (await get('/api/v1/regimes')).json()) as { regimes: unknown[] };
      expect(regimes.length).toBe(readdirSync(join(resources, 'catalog', 'regimes')).length);

    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
