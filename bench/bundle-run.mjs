// `node bench/bundle-run.mjs bench/<name>.ts [args…]`: bundles one TypeScript benchmark with
// Vite into node_modules/.cache/toancanh-bench-<name>/ and runs it with this Node. Node 20
// runs no TypeScript, and the sources' extension-less imports need a bundler.
// Dependencies stay external (node_modules). Arguments after the entry are passed on.
import { spawn } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const [entry, ...args] = process.argv.slice(2);
if (!entry || !entry.endsWith('.ts')) {
  process.stderr.write('usage: node bench/bundle-run.mjs bench/<name>.ts [args…]\n');
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const name = basename(entry, '.ts');
const outDir = join(root, 'node_modules', '.cache', `toancanh-bench-${name}`);
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
  build: { ssr: resolve(root, entry), outDir, emptyOutDir: true, minify: false, rolldownOptions: { output: { format: 'es', entryFileNames: `${name}.js` } } },
});
const child = spawn(process.execPath, ['--expose-gc', join(outDir, `${name}.js`), ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
