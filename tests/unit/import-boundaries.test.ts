import { resolve } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The folder rules (eslint/folder-rules.js) tried the hard way: the project's own ESLint
 * configuration lints a snippet AS IF it lived in a folder, and every import a folder
 * must never make has to come back as an error of the boundary rule. The allowed imports
 * below must come back with no message at all, so the rule is not "everything fails".
 */

const root = resolve(import.meta.dirname, '../..');
const RULE = 'boundaries/allowed-imports';

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first lint loads the whole configuration (typescript-eslint and all): that takes
  // seconds on a busy machine, so it happens here and not inside the first case's time.
  await eslint.lintText('', { filePath: resolve(root, 'shared/probe.ts') });
}, 60_000);

async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return result?.messages ?? [];
}

/** A snippet that imports `specifier` and uses what it imports, so no other rule objects. */
const value = (specifier: string) => `import * as imported from '${specifier}';\nexport { imported };\n`;
const typeOnly = (specifier: string) => `import type { Thing } from '${specifier}';\nexport type { Thing };\n`;

type Case = [file: string, code: string, why: string];

const absoluteKpiModel = resolve(root, 'renderer/widgets/kpi/model');

const forbidden: Case[] = [
  // The renderer is a sandboxed page.
  ['renderer/wall/probe.ts', value('better-sqlite3'), 'the page imports the database driver'],
  ['renderer/wall/probe.ts', value('fastify'), 'the page imports the HTTP server'],
  ['renderer/wall/probe.ts', value('socket.io'), 'the page imports the socket server'],
  ['renderer/wall/probe.ts', value('playwright-core'), 'the page imports the browser driver'],
  ['renderer/wall/probe.ts', value('node:fs'), 'the page imports a Node builtin'],
  ['renderer/store/probe.ts', value('fs'), 'the page imports a Node builtin by its bare name'],
  ['renderer/wall/probe.ts', value('electron'), 'the page imports Electron'],
  ['renderer/wall/probe.ts', value('../../server/app'), 'the page imports the server'],
  ['renderer/wall/probe.ts', value('../../main/ipc'), 'the page imports the agent'],
  // shared/ is pure.
  ['shared/probe.ts', value('zustand'), 'shared imports a UI store'],
  ['shared/probe.ts', value('react'), 'shared imports React'],
  ['shared/probe.ts', value('node:path'), 'shared imports a Node builtin'],
  ['shared/probe.ts', value('electron'), 'shared imports Electron'],
  ['shared/geo/probe.ts', typeOnly('electron'), 'shared imports Electron, if only its types'],
  ['shared/geo/probe.ts', value('d3'), 'shared imports the whole of d3, DOM modules included'],
  ['shared/probe.ts', value('../server/app'), 'shared imports the server'],
  ['shared/probe.ts', value('geojson'), 'a type-only package imported as a value'],
  ['shared/probe.ts', value('../../shared/data/geo/vn-provinces-34.topo.json'), 'an import that leaves the checkout'],
  // main/ is the display agent: the server is a separate process, the page is loaded by URL.
  ['main/probe.ts', value('react'), 'the agent imports React'],
  ['main/probe.ts', value('socket.io-client'), 'the agent opens sockets outside its fleet reporter'],
  ['main/probe.ts', value('../server/app'), 'the agent imports the server'],
  ['main/probe.ts', typeOnly('../server/config'), 'the agent imports the server by type'],
  ['main/probe.ts', 'export type Config = import("../server/config").ServerConfig;\n', 'the agent names a server type inline'],
  ['main/probe.ts', "export * from '../server/app';\n", 'the agent re-exports the server'],
  ['main/probe.ts', "export const load = () => import('../server/app');\n", 'the agent loads the server lazily'],
  ['main/probe.ts', value('../renderer/store/wallStore'), 'the agent imports the page'],
  // The sandboxed preload can require electron alone.
  ['main/preload/probe.ts', value('node:fs'), 'the preload imports a Node builtin'],
  ['main/preload/probe.ts', value('../../server/app'), 'the preload imports the server'],
  ['main/preload/probe.ts', value('../../shared/ipc'), 'the preload imports the zod-using IPC module'],
  ['main/preload/probe.ts', value('../ipc'), 'the preload imports the agent'],
  ['main/preload/probe.ts', value('zod'), 'the preload imports a package'],
  // A widget never imports another widget, however the path is spelled.
  ['renderer/widgets/timeseries/probe.ts', value('../kpi/model'), 'a widget imports another widget'],
  ['renderer/widgets/timeseries/probe.ts', value('../../widgets/kpi/model'), 'a widget imports another widget the long way'],
  ['renderer/widgets/timeseries/probe.ts', value('./../kpi/model'), 'a widget imports another widget the odd way'],
  ['renderer/widgets/timeseries/probe.ts', value(absoluteKpiModel), 'a widget imports another widget by absolute path'],
  ['renderer/widgets/timeseries/sub/probe.ts', value('../../kpi'), "a widget's sub-folder imports another widget's index"],
  ['renderer/widgets/timeseries/probe.ts', "export const load = () => import('../kpi/KpiTile');\n", 'a widget loads another lazily'],
  ['renderer/widgets/timeseries/probe.ts', value('../../wall/boot'), 'a widget imports the page entry'],
  ['renderer/widgets/timeseries/probe.ts', value('../registry'), 'a widget imports the registry'],
  ['renderer/widgets/timeseries/probe.ts', value('../../feed/socket'), 'a widget imports the feed'],
  // What widgets share never depends on a widget or a page.
  ['renderer/widgets/common/probe.ts', value('../kpi/model'), 'common imports a widget'],
  ['renderer/widgets/common/probe.ts', value('../../widgets/kpi/KpiTile'), 'common imports a widget the long way'],
  ['renderer/widgets/common/probe.ts', value('../../wall/boot'), 'common imports the page entry'],
  ['renderer/geo/probe.ts', value('../wall/boot'), 'the geo loader imports the page entry'],
  ['renderer/store/probe.ts', value('../widgets/common/types'), 'the store imports widgets'],
  // The wall as drawn is shared by the wall page and the console's editor: it imports neither.
  ['renderer/surface/probe.ts', value('../wall/boot'), 'the surface imports the wall page'],
  ['renderer/surface/probe.ts', value('../feed/socket'), 'the surface opens the feed'],
  ['renderer/console/editor/probe.ts', value('../../wall/WallView'), 'the editor imports the wall page'],
  ['renderer/console/editor/probe.ts', value('../../feed/socket'), 'the editor opens the feed (the console does)'],
  // server/ runs under plain Node.
  ['server/probe.ts', value('../main/ipc'), 'the server imports the agent'],
  ['server/probe.ts', value('../renderer/store/wallStore'), 'the server imports the page'],
  ['server/probe.ts', value('electron'), 'the server imports Electron'],
  ['server/db/probe.ts', typeOnly('electron'), 'the server imports Electron types'],
  ['server/probe.ts', value('react'), 'the server imports React'],
  // Only renderer/feed/socket.ts opens sockets.
  ['renderer/feed/ingest.ts', value('socket.io-client'), 'the feed ingester opens a socket'],
  ['renderer/wall/probe.ts', value('socket.io-client'), 'the page entry opens a socket'],
  ['renderer/widgets/kpi/probe.ts', value('socket.io-client'), 'a widget opens a socket'],
  // The information page is an entry like the wall: never another entry, never a widget's folder.
  ['renderer/info/probe.ts', value('../wall/App'), 'the information page imports the wall entry'],
  ['renderer/info/probe.ts', value('../widgets/kpi/model'), "the information page imports a widget's own folder"],
  ['renderer/info/probe.ts', value('node:fs'), 'the information page imports a Node builtin'],
  ['renderer/store/probe.ts', value('socket.io-client'), 'the store opens a socket'],
  ['shared/probe.ts', value('socket.io-client'), 'shared opens a socket'],
  ['server/probe.ts', value('socket.io-client'), 'the server opens a client socket'],
  ['main/preload/probe.ts', value('socket.io-client'), 'the preload opens a socket'],
  // A folder nobody listed is refused until someone says what it may import.
  ['renderer/unlisted-probe/probe.ts', value('../../shared/period'), 'a folder missing from the table'],
  ['scripts/probe.mjs', value('react'), 'an npm hook imports a package'],
];

const allowed: Case[] = [
  ['shared/probe.ts', value('zod'), 'schemas'],
  ['shared/geo/probe.ts', value('d3-geo'), 'spherical geometry'],
  ['shared/geo/probe.ts', value('topojson-client'), 'TopoJSON decoding'],
  ['shared/geo/probe.ts', typeOnly('geojson'), 'GeoJSON types'],
  ['shared/geo/probe.ts', value('../period'), 'shared imports shared'],
  ['main/probe.ts', value('electron'), 'the agent is Electron'],
  ['main/probe.ts', value('node:child_process'), 'the agent spawns the server'],
  ['main/probe.ts', value('../shared/wall/profile'), 'the agent reads wall profiles'],
  ['main/probe.ts', value('./preload/../log'), 'the agent imports its own files, however spelled'],
  ['main/preload/probe.ts', value('electron'), 'the preload bridge'],
  ['main/preload/probe.ts', value('../../shared/ipc-channels'), 'the channel names'],
  ['server/probe.ts', value('fastify'), 'HTTP'],
  ['server/probe.ts', value('socket.io'), 'the feed'],
  ['server/db/probe.ts', value('better-sqlite3'), 'the store'],
  ['server/db/probe.ts', value('node:fs'), 'files'],
  ['server/db/probe.ts', value('../../shared/protocol/feed'), 'the protocol'],
  ['renderer/feed/socket.ts', value('socket.io-client'), 'the one socket'],
  ['renderer/feed/socket.ts', value('./ingest'), 'its folder'],
  ['renderer/feed/ingest.ts', value('../store/wallStore'), 'the feed fills the store'],
  ['renderer/wall/probe.tsx', value('react'), 'React'],
  ['renderer/wall/probe.tsx', value('../feed/socket'), 'the entry starts the feed'],
  ['renderer/wall/probe.tsx', value('../widgets/registry'), 'the entry mounts widgets through the registry'],
  ['renderer/wall/probe.tsx', value('../widgets/common/TileFrame'), 'the entry frames tiles'],
  ['renderer/wall/probe.tsx', value('../api/endpoint'), 'the entry knows its server'],
  ['renderer/wall/probe.tsx', value('../surface/TileHost'), 'the entry draws tiles through the surface'],
  ['renderer/surface/probe.tsx', value('../widgets/registry'), 'the surface mounts widgets through the registry'],
  ['renderer/console/editor/probe.tsx', value('../../surface/plan'), 'the editor draws the wall through the surface'],
  ['renderer/console/editor/probe.tsx', value('../../api/client'), 'the editor reads the catalogue'],
  ['renderer/info/probe.tsx', value('../offline/kept-store'), 'the information page keeps its last data'],
  ['renderer/info/probe.tsx', value('../widgets/common/chart-series'), 'the information page shares the change and plan rules'],
  ['renderer/widgets/kpi/probe.ts', value('./model'), 'its own files'],
  ['renderer/widgets/kpi/sub/probe.ts', value('../model'), 'its own files from a sub-folder'],
  ['renderer/widgets/kpi/probe.ts', value('../common/types'), 'what widgets share'],
  ['renderer/widgets/kpi/probe.ts', value('../../store/selectors'), 'the store'],
  ['renderer/widgets/kpi/probe.ts', value('../../../shared/period'), 'shared'],
  ['renderer/widgets/map-tiles/probe.ts', value('../../../assets/tile-map/vn-34.json?raw'), 'a data file'],
  ['renderer/widgets/map-3d/probe.ts', value('three'), 'WebGL'],
  ['renderer/widgets/common/probe.ts', value('../../api/endpoint'), 'the API client'],
  ['renderer/widgets/common/probe.ts', value('zustand/vanilla'), 'a local store'],
  ['renderer/widgets/registry.ts', value('./kpi/KpiTile'), 'the registry names the widgets'],
  ['tests/unit/probe.test.ts', value('../../server/db/open'), 'unit tests reach server modules'],
  ['tests/integration/probe.test.ts', value('../../server/app'), 'integration tests start the server'],
  ['tests/unit/probe.test.ts', value('../../renderer/widgets/kpi/model'), 'tests reach a widget'],
  ['tests/unit/probe.test.ts', value('playwright-core'), 'tests drive Chromium'],
  ['tests/unit/probe.test.ts', value('socket.io-client'), 'tests are feed clients'],
  ['bench/probe.ts', value('socket.io-client'), 'benchmarks are feed clients'],
  ['scripts/probe.mjs', value('node:fs'), 'npm hooks use Node builtins'],
];

const named = (cases: Case[]) => cases.map(([file, code, why]) => ({ file, code, why }));

describe('folder rules refuse every forbidden import', () => {
  it.each(named(forbidden))('$file: $why', async ({ file, code }) => {
    const messages = await lint(file, code);
    const refusals = messages.filter((message) => message.ruleId === RULE);
    expect(refusals, JSON.stringify(messages)).toHaveLength(1);
  });
});

describe('folder rules let the allowed imports through', () => {
  it.each(named(allowed))('$file: $why', async ({ file, code }) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('the refusal says what the folder may import and why', () => {
  it('sends a test that starts a server to tests/integration/', async () => {
    const code = "import { createServer } from '../../server/app';\nexport { createServer };\n";
    const messages = await lint('tests/unit/probe.test.ts', code);
    const refusal = messages.find((message) => message.ruleId === 'no-restricted-imports');
    expect(refusal?.message, JSON.stringify(messages)).toContain('belongs in tests/integration/');
    expect(await lint('tests/integration/probe.test.ts', code)).toEqual([]);
  });

  it('names the way a widget shares code', async () => {
    const [refusal] = await lint('renderer/widgets/timeseries/probe.ts', value('../../widgets/kpi/model'));
    expect(refusal?.message).toContain('renderer/widgets/timeseries/ may not import renderer/widgets/kpi/');
    expect(refusal?.message).toContain('share through renderer/widgets/common');
  });

  it('names the one module that may open sockets', async () => {
    const [refusal] = await lint('renderer/wall/probe.ts', value('socket.io-client'));
    expect(refusal?.message).toContain('only main/fleet-reporter.ts and renderer/feed/socket.ts may');
  });

  it("lists shared's packages", async () => {
    const [refusal] = await lint('shared/probe.ts', value('d3'));
    expect(refusal?.message).toContain('packages: zod, d3-geo, topojson-client');
  });
});
