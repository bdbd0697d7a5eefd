// `npm run bench:info`: bundles bench/info/first-view.ts with Vite (Node 20 runs no
// TypeScript, and the sources' extension-less imports need a bundler) into
// node_modules/.cache/toancanh-bench-info, then runs it with this Node. Arguments after
// `npm run bench:info --` are passed on.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'node_modules', '.cache', 'toancanh-bench-info');
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    ssr: join(root, 'bench', 'info', 'first-view.ts'),
    outDir,
    emptyOutDir: true,
    minify: false,
    rolldownOptions: { output: { format: 'es', entryFileNames: 'first-view.js' } },
  },
});
const child = spawn(process.execPath, [join(outDir, 'first-view.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
