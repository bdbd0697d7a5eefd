// `npm run bench:heap`: bundles bench/wall-heap.ts (TypeScript importing shared/ and
// server/ code) with Vite into node_modules/.cache/toancanh-bench-heap, then runs it with
// this Node. Node 20 cannot run TypeScript itself (no --experimental-strip-types), and the
// sources use extension-less imports that only a bundler resolves. Arguments after
// `npm run bench:heap --` are passed on. Dependencies stay external (node_modules).
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'node_modules', '.cache', 'toancanh-bench-heap');
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    ssr: join(root, 'bench', 'wall-heap.ts'),
    outDir,
    emptyOutDir: true,
    minify: false,
    rolldownOptions: { output: { format: 'es', entryFileNames: 'wall-heap.js' } },
  },
});
const child = spawn(process.execPath, [join(outDir, 'wall-heap.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
