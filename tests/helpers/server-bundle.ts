import { join } from 'node:path';
import { build } from 'vite';
import { findProjectRoot } from '../../server/paths';

/**
 * Builds server/cli.ts the way the app ships it (one ESM file, node_modules external) into
 * node_modules/.cache, inside the project, so that it finds the project root by walking
 * up from its own location just like out/main/server.js does. Returns the script's path.
 */
export async function buildServerBundle(): Promise<string> {
  const root = findProjectRoot();
  const outDir = join(root, 'node_modules', '.cache', 'toancanh-server-test', 'main');
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      ssr: join(root, 'server', 'cli.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'server.js' } },
    },
  });
  return join(outDir, 'server.js');
}
