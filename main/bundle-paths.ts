import { join } from 'node:path';
import type { AgentPaths } from './agent';

/**
 * Where the agent's bundles are, from the folder of the main bundle (out/main, inside
 * app.asar when packaged). Pure, so tests/integration/builder-config.test.ts can check that
 * electron-builder.yml ships every one of them.
 */
export function agentPaths(mainDir: string): AgentPaths {
  return {
    renderer: join(mainDir, '..', 'renderer'),
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    server: join(mainDir, 'server.js'),
  };
}
