import * as electron from 'electron';
import { prepareAgent, startAgent, StartupAbort } from './agent';
import { agentPaths } from './bundle-paths';
import { describeError } from './log';

/**
 * The Electron entry point: the real Electron API handed to the agent (main/agent.ts),
 * which the integration test runs against a double instead. Nothing else lives here.
 */

// Privileged schemes are fixed when Chromium starts, so this runs at load, before "ready".
prepareAgent(electron);

const { app } = electron;

if (app.requestSingleInstanceLock()) {
  startAgent(electron, {
    // argv[0] is Electron; in development argv[1] is the app path (a positional, ignored).
    argv: process.argv.slice(1),
    env: process.env,
    cwd: process.cwd(),
    paths: agentPaths(import.meta.dirname),
    resourcesDir: process.resourcesPath,
  }).catch((error: unknown) => {
    if (error instanceof StartupAbort) return;
    process.stderr.write(`Toàn Cảnh display agent failed to start: ${describeError(error)}\n`);
    app.exit(1);
  });
} else {
  // Another agent already drives this machine's monitors; it logs our attempt.
  app.quit();
}
