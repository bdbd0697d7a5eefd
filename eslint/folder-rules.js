// @ts-check
import { readFileSync } from 'node:fs';

/**
 * The folder rules of docs/architecture.md as an allow-list, checked on every import by
 * the `boundaries/allowed-imports` rule (./boundaries.js). Each key is one of our folders
 * (or a single file, written with its extension); its value says what code in it may
 * import, besides its own files:
 *
 * - `folders`: other keys of this table (the folder exactly, not the sub-folders that have
 *   a key of their own) or single files written with their extension;
 * - `packages`: npm packages by name (a name covers its sub-paths: `zustand` allows
 *   `zustand/vanilla`; `react` does not allow `react-dom`), and Node builtins as `node:fs`
 *   (bare `fs` counts the same) or `node:*` for all of them;
 * - `typePackages`: packages that only carry types (geojson), allowed with `import type`;
 * - `why`: the reason, printed in every error about that folder.
 *
 * A file belongs to the longest key that contains it; `*` in a key stands for any one
 * folder, and each such folder is its own area (a widget may import its own files, never
 * another widget's). A file in no key is an error on its first import: add its folder here.
 * Type-only imports count like any other: `import type` from server/ in main/ still ties
 * the two together, and the TypeScript projects refuse it too.
 *
 * To add a renderer entry (a page: console, remote, info, …), add one line with
 * `rendererEntry('…')`. To allow a package, add it to the folders that need it and say why
 * in the commit; `npm test` runs tests/unit/import-boundaries.test.ts, which tries the
 * imports each folder must never make.
 */

/** Every Node builtin. */
export const NODE = 'node:*';

/** Any folder of this table (tests reach every part they test). */
export const ANY_FOLDER = '*';

/** Every package package.json declares, for code that never ships (tests, tooling). */
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
export const DECLARED = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
/** The type-only packages package.json declares through `@types/…` (geojson, …). */
export const DECLARED_TYPES = DECLARED.filter((name) => name.startsWith('@types/'))
  .map((name) => name.slice('@types/'.length))
  .map((name) => (name.includes('__') ? `@${name.replace('__', '/')}` : name));

/**
 * @typedef {object} FolderRule
 * @property {string[]} folders keys of this table, or single files with their extension
 * @property {string[]} packages npm package names; `node:fs`, or `node:*` for every builtin
 * @property {string[]} [typePackages] packages with types only, allowed with `import type`
 * @property {string} why printed with every error about this folder
 */

/** Page entries compose the rest of the renderer; they never import one another. */
const rendererEntry = (/** @type {string} */ page) => ({
  folders: [
    'renderer/log.ts',
    'renderer/api',
    'renderer/store',
    'renderer/feed',
    'renderer/offline',
    'renderer/surface',
    'renderer/login',
    'renderer/widgets/registry.ts',
    'renderer/widgets/common',
    'renderer/theme',
    'renderer/zod-jitless.ts',
    'shared',
  ],
  packages: ['react', 'react-dom', 'zod', '@fontsource/be-vietnam-pro'],
  why: `${page} is a page entry: it composes the API client, store, feed and widgets, and never imports another entry.`,
});

const widgetPackages = ['react', 'three', 'd3', 'zod'];
const tooling = {
  folders: ['eslint'],
  packages: [...DECLARED, NODE],
  why: 'build and lint configuration runs in Node at development time.',
};

/** @type {Record<string, FolderRule>} */
export const folderRules = {
  shared: {
    folders: [],
    packages: ['zod', 'd3-geo', 'topojson-client'],
    typePackages: ['geojson', 'topojson-specification'],
    why: 'shared/ is pure TypeScript run by the server, the agent and the page alike: no Node, no DOM, no Electron, no UI or socket library, only pure computation libraries.',
  },

  main: {
    folders: ['shared'],
    packages: ['electron', 'zod', NODE],
    why: 'main/ is the Electron display agent; it runs the server as a separate process (out/main/server.js) and loads the page by URL, so it never imports server/ or renderer/; only main/fleet-reporter.ts opens a socket.',
  },
  // socket.io-client for this one file: the agent itself says hello to the fleet on /control
  // (issue 9) with its displays and windows; every other part of main/ still opens no socket.
  'main/fleet-reporter.ts': {
    folders: ['shared'],
    packages: ['zod', 'socket.io-client', NODE],
    why: 'main/fleet-reporter.ts is the agent\'s one socket: its member of the fleet on /control.',
  },
  'main/preload': {
    folders: ['shared/ipc-channels.ts'],
    packages: ['electron'],
    why: "a sandboxed preload can require only 'electron'; it takes its channel names from shared/ipc-channels.ts, which imports nothing (shared/ipc.ts needs zod).",
  },

  server: {
    folders: ['shared'],
    packages: ['fastify', '@fastify/static', 'socket.io', 'better-sqlite3', 'zod', NODE],
    why: "server/ runs under plain Node (npm run serve) as well as Electron's utilityProcess: no Electron, never the agent or the page; the page talks to it over HTTP and the feed.",
  },

  'renderer/wall': { ...rendererEntry('renderer/wall/'), folders: [...rendererEntry('renderer/wall/').folders, 'renderer/wall/patterns'] },
  'renderer/wall/patterns': {
    folders: ['shared'],
    packages: ['react'],
    why: 'renderer/wall/patterns/ draws the technician\'s identify screen and test patterns from the geometry alone: no store, no sockets.',
  },
  // The console shell mounts the layout editor, a module of its own (renderer/console/editor/).
  'renderer/console': { ...rendererEntry('renderer/console/'), folders: [...rendererEntry('renderer/console/').folders, 'renderer/console/editor'] },
  'renderer/surface': {
    folders: ['renderer/log.ts', 'renderer/store', 'renderer/widgets/registry.ts', 'renderer/widgets/common', 'shared'],
    packages: ['react'],
    why: 'renderer/surface/ is the wall as drawn (tile hosts, the plan of tiles on the canvas, bezel outlines), shared by the wall page and the console editor; it never imports a page.',
  },
  'renderer/console/editor': {
    folders: ['renderer/log.ts', 'renderer/api', 'renderer/store', 'renderer/surface', 'renderer/widgets/registry.ts', 'renderer/widgets/common', 'renderer/theme', 'shared'],
    packages: ['react', 'zod'],
    why: 'renderer/console/editor/ is the layout editor the console mounts: it draws the wall through renderer/surface and reads the catalogue through renderer/api; it never imports a page entry.',
  },
  'renderer/info': rendererEntry('renderer/info/'),
  'renderer/remote': rendererEntry('renderer/remote/'),
  'renderer/log.ts': {
    folders: ['shared'],
    packages: [],
    why: "renderer/log.ts is the page's one logger (shared/log.ts's interface on the console); it imports nothing else.",
  },
  'renderer/zod-jitless.ts': {
    folders: [],
    packages: ['zod'],
    why: 'it configures zod before any schema is built, so it imports zod alone.',
  },
  'renderer/login': {
    folders: ['shared'],
    packages: ['react'],
    why: 'renderer/login/ is the password form of the pages people open on a phone or tablet (/info/, /remote/): React and shared texts, nothing of a page.',
  },
  'renderer/api': {
    folders: ['renderer/log.ts', 'shared'],
    packages: ['zod'],
    why: 'renderer/api/ is the one client of the server\'s HTTP API: it validates what it receives and knows nothing of widgets or pages.',
  },
  'renderer/feed': {
    folders: ['renderer/log.ts', 'renderer/store', 'renderer/api', 'shared'],
    packages: ['zod'],
    why: 'renderer/feed/ turns the feed into store updates; only renderer/feed/socket.ts opens sockets.',
  },
  'renderer/feed/socket.ts': {
    folders: ['renderer/log.ts', 'renderer/store', 'renderer/api', 'shared'],
    packages: ['zod', 'socket.io-client'],
    why: 'renderer/feed/socket.ts is the one module that opens sockets to the server.',
  },
  'renderer/store': {
    folders: ['renderer/log.ts', 'shared'],
    packages: ['react', 'zustand', 'zod'],
    why: 'renderer/store/ holds what the feed delivered; it knows nothing of widgets, pages or sockets.',
  },
  'renderer/geo': {
    folders: ['renderer/log.ts', 'renderer/api', 'shared'],
    packages: ['react', 'd3', 'zod'],
    typePackages: ['geojson'],
    why: 'renderer/geo/ loads and prepares the province boundaries for the map widgets; it never imports a page.',
  },
  'renderer/offline': {
    folders: ['renderer/log.ts', 'renderer/store', 'shared'],
    packages: ['zod'],
    why: 'renderer/offline/ keeps the last good wall in IndexedDB and registers the service worker; it knows nothing of widgets or pages.',
  },
  'renderer/sw': {
    folders: [],
    packages: [],
    why: 'renderer/sw/ is the service worker, built as a classic script without imports.',
  },
  'renderer/theme': {
    folders: [],
    packages: [],
    why: 'renderer/theme/ is style sheets only.',
  },
  'renderer/widgets/registry.ts': {
    folders: ['renderer/log.ts', 'renderer/widgets/*', 'renderer/widgets/common', 'shared'],
    packages: [],
    why: 'the registry is the one place that names every widget; pages reach widgets through it.',
  },
  'renderer/widgets/common': {
    folders: ['renderer/log.ts', 'renderer/store', 'renderer/api', 'renderer/geo', 'shared', 'assets'],
    packages: [...widgetPackages, 'zustand'],
    typePackages: ['geojson'],
    why: 'renderer/widgets/common/ is what widgets share; it never imports a widget nor a page.',
  },
  'renderer/widgets/*': {
    folders: ['renderer/log.ts', 'renderer/widgets/common', 'renderer/store', 'renderer/api', 'renderer/geo', 'shared', 'assets'],
    packages: widgetPackages,
    typePackages: ['geojson'],
    why: "a widget never imports another widget's folder (share through renderer/widgets/common) nor a page; it reads the store.",
  },

  assets: { folders: [], packages: [], why: 'assets/ holds data files.' },
  layouts: { folders: [], packages: [], why: 'layouts/ holds data files.' },

  tests: {
    folders: [ANY_FOLDER],
    packages: [...DECLARED, NODE],
    typePackages: DECLARED_TYPES,
    why: 'tests reach every part they test, with any declared package.',
  },
  bench: {
    folders: ['shared', 'server', 'tests'],
    packages: ['playwright-core', 'socket.io', 'socket.io-client', 'vite', NODE],
    why: 'benchmarks drive the built server and page from outside, like the tests.',
  },
  'bench/store-commit.ts': {
    folders: ['shared', 'bench', 'renderer/store'],
    packages: [NODE],
    why: "bench/store-commit.ts measures the wall store's commit in Node, without a page: it imports the store itself and nothing else of the renderer.",
  },
  'bench/store-freeze.ts': {
    folders: ['shared', 'bench', 'renderer/store'],
    packages: [NODE],
    why: "bench/store-freeze.ts measures the wall store frozen and thawed in Node, as bench/store-commit.ts does: the store itself and nothing else of the renderer.",
  },
  'bench/history/snapshot-window.ts': {
    folders: ['shared', 'bench', 'server', 'renderer/store'],
    packages: [NODE],
    why: "bench/history/snapshot-window.ts measures the snapshot query and the wall store holding its window, in Node: the server's observation store and the wall store themselves, nothing else of either.",
  },
  scripts: {
    folders: [],
    packages: [NODE],
    why: 'scripts/ are npm hooks run by plain Node before anything is built: Node builtins only.',
  },

  eslint: tooling,
  'eslint.config.js': tooling,
  'electron.vite.config.ts': tooling,
  'vitest.config.ts': tooling,
};
