import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgentConfig } from '../../main/config';
import { parseCliArgs } from '../../server/config';
import { findProjectRoot } from '../../server/paths';
import { allRoutes } from '../../shared/api';
import { roleSchema } from '../../shared/protocol/roles';

/**
 * The guides in docs/guides/ are what a duty officer follows at 07:00 with nobody to ask:
 * every command, flag, page, API path, file and role they name must exist. Each inline code
 * span is classified and checked; a span no rule recognises fails, so a new kind of
 * reference gets a rule here rather than going unchecked.
 */
const root = findProjectRoot();
const guidesDir = join(root, 'docs', 'guides');
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** Texts that are what a program prints or a placeholder, not something to run or open. */
const PRINTED_TEXTS = new Set(['active (running)', '{"ok":true,…}']);
/** Files the software writes in its data folder (not in the repository), with the source that writes them. */
const DATA_FILES: Record<string, { file: string; mentions: string }> = {
  'logs/agent.log': { file: 'main/agent.ts', mentions: "'logs', 'agent.log'" },
};

function codeSpans(markdown: string): string[] {
  return [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
}

/** Splits a command line as a shell would for these simple cases (double quotes, no escapes). */
function words(command: string): string[] {
  // A placeholder (`<vai trò>`) is one word, as the reader will type one value for it.
  return [...command.matchAll(/"([^"]*)"|(<[^>]*>)|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const vitestConfig = readFileSync(join(root, 'vitest.config.ts'), 'utf8');

/** `npx <package> …`: a package of the project; a file it names exists; a vitest project it names is configured. */
function checkNpx(argv: string[]): string | null {
  const [, tool, ...rest] = argv;
  if (!tool || !(tool in packageJson.dependencies || tool in packageJson.devDependencies)) return `npx ${tool}: not a package of the project`;
  const faults: string[] = [];
  rest.forEach((w, i) => {
    if (rest[i - 1] === '--project' && !vitestConfig.includes(`name: '${w}'`)) faults.push(`no vitest project ${w}`);
    else if (/^[\w.-]+\/[\w./-]+\.\w+$/.test(w) && !existsSync(join(root, w))) faults.push(`no file ${w}`);
  });
  return faults.length ? faults.join('; ') : null;
}

/** A folder the tests write into (screenshots…): some test must name it. */
function testsWrite(folder: string): boolean {
  const dirs = ['tests/e2e', 'tests/e2e/support', 'tests/support'].map((d) => join(root, d)).filter((d) => existsSync(d));
  return dirs.some((d) => readdirSync(d).some((f) => f.endsWith('.ts') && readFileSync(join(d, f), 'utf8').includes(folder.replace(/\/$/, ''))));
}

function routeExists(path: string, method?: string): boolean {
  const bare = path.split(/[?#]/, 1)[0]!;
  return allRoutes.some((route) => (method === undefined || route.method === method) && new RegExp(`^${route.path.replace(/:[a-zA-Z]+/g, '[^/]+')}$`).test(bare));
}

function pageExists(path: string): boolean {
  const page = /^\/([a-z]+)\//.exec(path)?.[1];
  if (page === undefined || !existsSync(join(root, 'renderer', page, 'index.html'))) return false;
  // A console page by its hash (`/console/#/profile`): an entry of the page registry.
  const hashPage = /^\/console\/#\/([a-z-]+)/.exec(path)?.[1];
  return hashPage === undefined || readFileSync(join(root, 'renderer', 'console', 'pages.tsx'), 'utf8').includes(`id: '${hashPage}'`);
}

/** Fills the guide's placeholders (`<tên>`, `<vai trò>`) with a valid example. */
function example(argv: string[]): string[] {
  return argv.map((w) => (w === '<vai trò>' ? 'operator' : w.replace(/^<[^>]+>$/, 'vd')));
}

function checkNpm(argv: string[]): string | null {
  const [, verb, script, ...rest] = argv;
  const name = verb === 'run' ? script! : verb!;
  const args = verb === 'run' ? rest : [script, ...rest].filter((w): w is string => w !== undefined);
  if (!(name in scripts)) return `npm script "${name}" is not in package.json`;
  if (args.length === 0) return null;
  if (args[0] !== '--') return `expected "--" before the arguments of npm ${name}`;
  const passed = example(args.slice(1));
  if (name === 'start') {
    try {
      const config = parseAgentConfig({ argv: passed, env: {}, cwd: root, userData: '/tmp/toancanh-guides' });
      return config.warnings.length ? config.warnings.join('; ') : null;
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (name === 'serve' && passed[0] === 'user') return checkUserCommand(passed.slice(1));
  if (name === 'serve') {
    const parsed = parseCliArgs(passed, {}, { cwd: root, root });
    return parsed.ok === false ? parsed.error : null;
  }
  return `no rule checks the arguments of npm ${name}`;
}

/** `user add --username … --role R`: the server's CLI has the subcommand and the role exists. */
function checkUserCommand(argv: string[]): string | null {
  const cli = readFileSync(join(root, 'server', 'cli.ts'), 'utf8');
  if (!/['"]user['"]/.test(cli)) return 'the server CLI has no "user" subcommand';
  const roles = argv.flatMap((w, i) => (argv[i - 1] === '--role' ? [w] : []));
  const unknown = roles.filter((r) => !roleSchema.safeParse(r).success);
  return unknown.length ? `unknown role ${unknown.join(', ')}` : null;
}

function check(span: string): string | null {
  if (PRINTED_TEXTS.has(span)) return null;
  const argv = words(span);
  if (argv[0] === 'npm') return checkNpm(argv);
  if (argv[0] === 'npx') return checkNpx(argv);
  // An address with placeholders for the host: the page or route after it.
  if (/^https?:\/\//.test(span)) return check(span.replace(/^https?:\/\/[^/]+/, ''));
  if (/^out\/[\w/-]+\/$/.test(span)) return testsWrite(span) ? null : `no test writes ${span}`;
  if (argv[0] === 'curl') {
    const url = argv.find((w) => /^https?:\/\//.test(w));
    return url && routeExists(new URL(url).pathname) ? null : `curl names no route of the table: ${span}`;
  }
  if (argv[0] === 'systemctl') {
    const unit = argv.find((w) => w.endsWith('.service'));
    return unit && existsSync(join(root, 'build', 'linux', unit)) ? null : `no unit ${unit} in build/linux/`;
  }
  if (span.startsWith('/api/')) return routeExists(span) ? null : `no route ${span}`;
  const call = /^(GET|POST|PUT|PATCH|DELETE) (\/api\/\S+)$/.exec(span);
  if (call) return routeExists(call[2]!, call[1]) ? null : `no route ${span}`;
  if (span.startsWith('/')) return pageExists(span) ? null : `no page ${span} (renderer/<page>/index.html)`;
  if (span.endsWith('.service')) return existsSync(join(root, 'build', 'linux', span)) ? null : `no unit ${span}`;
  if (span in DATA_FILES) {
    const { file, mentions } = DATA_FILES[span]!;
    return readFileSync(join(root, file), 'utf8').includes(mentions) ? null : `${file} no longer writes ${span}`;
  }
  if (/^[\w.-]+\/[\w./-]+\.\w+$/.test(span)) return existsSync(join(root, span)) ? null : `no file ${span}`;
  if (/^--[a-z-]+$/.test(span)) {
    const agent = checkNpm(['npm', 'start', '--', span, ...(span === '--preview' || span === '--simulate' ? [] : ['vd'])]);
    const server = checkNpm(['npm', 'run', 'serve', '--', span, ...(span === '--simulate' ? [] : ['vd'])]);
    return agent === null || server === null ? null : `neither the app nor the server knows ${span}`;
  }
  if (roleSchema.safeParse(span).success) return null;
  if (existsSync(join(root, 'layouts', `${span}.json`))) return null;
  if (span === 'Toan Canh Agent') return readFileSync(join(root, 'build', 'windows', 'toancanh-agent-task.xml'), 'utf8').includes(span) ? null : 'no such task';
  return `no rule recognises \`${span}\`: add one to tests/unit/guides.test.ts`;
}

const guides = readdirSync(guidesDir).filter((f) => f.endsWith('.md'));

describe('guides name only what exists', () => {
  it('has the duty officer quick start and the daily operating procedure', () => {
    expect(guides).toEqual(expect.arrayContaining(['bat-dau-nhanh.md', 'quy-trinh-van-hanh.md']));
  });

  it("has the technician's guide, and it names each step's page or route", () => {
    expect(guides).toContain('ky-thuat.md');
    const text = readFileSync(join(guidesDir, 'ky-thuat.md'), 'utf8');
    const spans = codeSpans(text);
    // Describe a wall, identify, test patterns, read health: each through what it names.
    for (const needed of ['/console/#/profile', 'PUT /api/v1/profiles/<mã>', 'POST /api/v1/profiles/<mã>/activate', 'POST /api/v1/wall/identify', 'PUT /api/v1/wall/test-pattern', '/wall/?screen=s1', '/console/#/fleet', 'PUT /api/v1/fleet/assignments']) {
      expect(spans).toContain(needed);
    }
    expect(spans.filter((s) => s.includes('/api/v1/health'))).not.toEqual([]);
  });

  it.each(guides)('%s: every command, page, route, file and role it names exists', (guide) => {
    const text = readFileSync(join(guidesDir, guide), 'utf8');
    const faults = codeSpans(text).flatMap((span) => {
      const fault = check(span);
      return fault === null ? [] : [`${span}: ${fault}`];
    });
    expect(faults).toEqual([]);
  });

  it.each(guides)('%s: every guide it links to exists', (guide) => {
    const text = readFileSync(join(guidesDir, guide), 'utf8');
    const links = [...text.matchAll(/\]\(([^)#]+\.md)\)/g)].map((m) => m[1]!);
    expect(links.filter((link) => !existsSync(join(guidesDir, link)))).toEqual([]);
  });

  it("the technician's guide shows only screenshots a test takes", () => {
    const text = readFileSync(join(guidesDir, 'ky-thuat.md'), 'utf8');
    // The pictures are not in git (out/screenshots/): the browser test that takes each names its file.
    const shots = [...text.matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)].map((m) => m[1]!.split('/').at(-1)!);
    expect(shots.length).toBeGreaterThan(0);
    expect(shots.filter((file) => !testsWrite(file))).toEqual([]);
  });

  it('catches what does not exist (the checker is not a yes-machine)', () => {
    expect(check('npm run deploy')).toMatch(/not in package.json/);
    expect(check('npm start -- --kiosk-mode')).toMatch(/unknown switch/);
    expect(check('curl -s http://127.0.0.1:8787/api/v1/nothing')).toMatch(/no route/);
    expect(check('/nowhere/')).toMatch(/no page/);
    expect(check('/console/#/nowhere')).toMatch(/no page/);
    expect(check('DELETE /api/v1/live')).toMatch(/no route/);
    expect(check('assets/profiles/missing.json')).toMatch(/no file/);
    expect(check('reboot now')).toMatch(/no rule/);
    expect(check('npx vitest run --project e2e tests/e2e/nothing.test.ts')).toMatch(/no file/);
    expect(check('npx left-pad')).toMatch(/not a package/);
    expect(check('http://<máy chủ>:<cổng>/nowhere/')).toMatch(/no page/);
  });
});
