import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the project's files are. The server runs from source (vitest), and bundled as
 * out/main/server.js (possibly with shared chunks elsewhere under out/), so instead of
 * counting "../" from one fixed place we walk up from this module to our package.json.
 */
const PACKAGE_NAME = 'toan-canh';

export function findProjectRoot(fromUrl: string = import.meta.url): string {
  const start = dirname(fileURLToPath(fromUrl));
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) return dir;
      } catch {
        // Not ours (or unreadable): keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the project root (a package.json named "${PACKAGE_NAME}") above ${start}`);
    dir = parent;
  }
}

export const DEFAULT_LAYOUT_ID = 'tong-quan-kinh-te-xa-hoi';

export interface ProjectPaths {
  root: string;
  /** The published national figures live beside the checkout (../shared), never inside it. */
  indicatorsCsv: string;
  /** The 34 provinces' boundaries (TopoJSON), beside the checkout too. */
  geo: string;
  profile: string;
  layoutsDir: string;
  rendererDir: string;
}

/**
 * The environment variable the packaged display agent sets for its embedded server: the
 * app's resources folder, where electron-builder puts the presets and wall profiles
 * (extraResources), outside app.asar where the code (and so `root`) is.
 */
export const RESOURCES_DIR_ENV = 'TOANCANH_RESOURCES_DIR';

export function projectPaths(root: string, resourcesDir: string | undefined = process.env[RESOURCES_DIR_ENV] || undefined): ProjectPaths {
  const shipped = resourcesDir ?? root;
  return {
    root,
    // ../shared beside a checkout; in a package, resources/ is app.asar's parent, so the same rule finds resources/shared.
    indicatorsCsv: resolve(root, '..', 'shared', 'data', 'indicators', 'vn-national-indicators.csv'),
    geo: resolve(root, '..', 'shared', 'data', 'geo', 'vn-provinces-34.topo.json'),
    profile: join(shipped, 'assets', 'profiles', 'wall-2x2-55in.json'),
    layoutsDir: join(shipped, 'layouts'),
    rendererDir: join(root, 'out', 'renderer'),
  };
}

/** Layout ids are file names in layouts/ (the id regex keeps them free of path separators). */
export const LAYOUT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function presetLayoutPath(layoutsDir: string, id: string): string {
  if (!LAYOUT_ID_PATTERN.test(id)) throw new Error(`not a layout id: ${JSON.stringify(id)}`);
  return join(layoutsDir, `${id}.json`);
}
