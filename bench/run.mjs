// `npm run bench`: bundles bench/feed-bench.ts (TypeScript, importing shared/ and server/
// code) with Vite into node_modules/.cache, then runs it with this Node. Arguments after
// `npm run bench --` are passed on.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'node_modules', '.cache', 'toancanh-bench');
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    ssr: join(root, 'bench', 'feed-bench.ts'),
    outDir,
    emptyOutDir: true,
    minify: false,
    rolldownOptions: { output: { format: 'es', entryFileNames: 'feed-bench.js' } },
  },
});
const child = spawn(process.execPath, [join(outDir, 'feed-bench.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
