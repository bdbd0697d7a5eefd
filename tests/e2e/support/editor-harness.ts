import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { projectRoot } from '../../support/paths';

/**
 * The editor's test page (tests/e2e/editor-harness/), built with Vite into a renderer
 * folder of its own, out/editor-harness/, which the real server serves with
 * `--renderer out/editor-harness` (its CSP, its origin: the page's API calls and feed go to
 * it exactly as the console's will). Never mixed into out/renderer, which ships.
 */
export const HARNESS_DIR = resolve(projectRoot, 'out/editor-harness');
export const HARNESS_PATH = '/editor-harness/';

export async function buildEditorHarness(): Promise<void> {
  await build({
    root: resolve(projectRoot, 'tests/e2e/editor-harness'),
    base: HARNESS_PATH,
    configFile: false,
    logLevel: 'error',
    plugins: [react()],
    build: { outDir: resolve(HARNESS_DIR, 'editor-harness'), emptyOutDir: true, sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 10_000 },
  });
  // The server serves a renderer folder only when it holds the wall page; this one says where the wall is.
  mkdirSync(resolve(HARNESS_DIR, 'wall'), { recursive: true });
  writeFileSync(resolve(HARNESS_DIR, 'wall/index.html'), '<!doctype html><meta charset="utf-8"><p>Test build of the layout editor: the wall is in out/renderer.</p>\n');
}

/** The server's arguments that serve the test page. */
export const HARNESS_SERVER_ARGS = ['--renderer', HARNESS_DIR];

export function harnessUrl(serverUrl: string, wallToken: string): string {
  return `${serverUrl}${HARNESS_PATH}index.html#token=${wallToken}`;
}
