import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Three projects: pure and server code in Node, renderer units in jsdom, and the
// browser tests that drive Debian's Chromium against the real server and the built
// renderer (so `npm test` builds first). The summary reporter prints the closing
// "N passed, N failed" line CI reads.
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
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // One Chromium at a time: two cores do not run several well.
          fileParallelism: false,
        },
      },
    ],
  },
});
