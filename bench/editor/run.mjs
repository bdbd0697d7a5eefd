// `npm run bench:editor`: bundles bench/editor/editor-bench.ts with Vite (as bench/wall/run.mjs
// does: Node 20 runs no TypeScript, and the sources' extension-less imports need a bundler)
// into node_modules/.cache/toancanh-bench-editor, then runs it with this Node. Arguments after
// `npm run bench:editor --` are passed on.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'node_modules', '.cache', 'toancanh-bench-editor');
// The bundle lives elsewhere: each module's own folder is written in where it asks for it.
const ownDirname = {
  name: 'own-dirname',
  transform(code, id) {
    return code.includes('import.meta.dirname') ? code.replaceAll('import.meta.dirname', JSON.stringify(dirname(id))) : null;
  },
};
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  plugins: [ownDirname],
  build: {
    ssr: join(root, 'bench', 'editor', 'editor-bench.ts'),
    outDir,
    emptyOutDir: true,
    minify: false,
    rolldownOptions: { output: { format: 'es', entryFileNames: 'editor-bench.js' } },
  },
});
const child = spawn(process.execPath, [join(outDir, 'editor-bench.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
