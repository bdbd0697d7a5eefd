import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Five projects in three groups, each group after the one before, so that the heavy ones
// never share the machine with each other:
//   0. unit (pure code in Node), dom (renderer units in jsdom) and integration (a real
//      server: socket.io, SQLite file, HTTP on port 0, the built server spawned);
//   1. e2e: Debian's Chromium against the real server process and the built renderer (so
//      `npm test` builds first), and the display agent with its Electron double; one file
//      at a time;
//   2. soak: 200 reports a second to the real server process through 3 kills and restarts
//      (40 s), then a minute of walls dropped by a flaky network (tests/soak); the long forms
//      are `npm run soak:restarts` and `soak:jitter`. Figures mean nothing on a machine busy
//      with Chromium.
// Tests wait on events (tests/helpers/wait.ts), never on time; the lint holds them to it.
// The summary reporter prints the closing "N passed, N failed" line CI reads.
export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          // Memory checks (tests/helpers/live-memory.ts) collect garbage before they read the
          // heap, so that they measure what is retained, not when the collector last ran.
          execArgv: ['--expose-gc'],
          // A real server, real scrypt and real SQLite fsyncs: on a loaded two-core machine a
          // test can take several seconds. The limit catches a hang, it does not time anything.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/dom/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts', 'tests/agent/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // One Chromium at a time: two cores do not run several well.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'soak',
          environment: 'node',
          include: ['tests/soak/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
