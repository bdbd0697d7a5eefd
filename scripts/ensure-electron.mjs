// Fetches Electron's binary the first time `npm start` needs it.
// `npm ci` never downloads it (package.json allowScripts keeps electron's install script
// off) so that installing works on machines without internet, where only the typings are
// needed to build and test. On a user's machine with internet this runs once.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const installed = existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));

if (!installed) {
  console.log('Fetching the Electron binary (first start on this machine)…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error('Could not fetch Electron. Without internet, run the wall in a browser instead: npm run serve');
    process.exit(result.status ?? 1);
  }
}
