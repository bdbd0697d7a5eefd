import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for the three Electron bundles, named after our folders rather than
// electron-vite's src/ defaults. The headless server is a second entry of the main
// bundle: it is plain Node code (no Electron import), so `node out/main/server.js`
// runs it, and the display agent can spawn the same file as its embedded backend.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('main/index.ts'),
          server: resolve('server/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve('main/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rolldownOptions: {
        input: {
          wall: resolve('renderer/wall/index.html'),
          // The information page for leadership's phones and tablets (/info/).
          info: resolve('renderer/info/index.html'),
          console: resolve('renderer/console/index.html'),
          // The presenter's remote for a tablet or phone (/remote/).
          remote: resolve('renderer/remote/index.html'),
          // The browser wall's service worker: a fixed name, beside the page whose scope it serves.
          sw: resolve('renderer/sw/sw.ts'),
        },
        output: {
          entryFileNames: (chunk) => (chunk.name === 'sw' ? 'wall/sw.js' : 'assets/[name]-[hash].js'),
        },
      },
    },
  },
});
