import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Four projects: pure and server code in Node, renderer units in jsdom, the browser
// tests that drive Debian's Chromium against the real server and the built renderer (so
// `npm test` builds first), and the soak test of the feed (200 reports a second to the
// real server process for a minute, with a kill and restart), which runs alone after the
// others so that it does not share the machine with Chromium. The summary reporter prints
// the closing "N passed, N failed" line CI reads.
export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          // Memory checks (tests/unit/server-wall-bounds.test.ts) collect garbage before they
          // read the RSS, so that they measure what is retained, not when the collector ran.
          execArgv: ['--expose-gc'],
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
          // After every other project: its figures mean nothing on a machine busy with Chromium.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
