import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { AgentOptions, AgentTiming } from '../../main/agent';
import type { Display } from '../../main/displays';
import { projectRoot } from '../support/paths';
import { eventually as waitEventually } from '../helpers/wait';
import { createElectronDouble, type DoubleBrowserWindow, type ElectronDouble } from './electron-double';

/** Four 960×540 monitors in a 2×2 grid: the 2×2 profile's screens, scaled down to spare the CPU. */
export function gridDisplays(): Display[] {
  const at = (id: number, x: number, y: number): Display => ({
    id,
    bounds: { x, y, width: 960, height: 540 },
    size: { width: 960, height: 540 },
    scaleFactor: 1,
    rotation: 0,
    internal: false,
  });
  return [at(101, 0, 0), at(102, 960, 0), at(103, 0, 540), at(104, 960, 540)];
}

export const BUILT = {
  renderer: resolve(projectRoot, 'out/renderer'),
  preload: resolve(projectRoot, 'out/preload/index.cjs'),
  server: resolve(projectRoot, 'out/main/server.js'),
};

/** Short enough for a test, in the same proportions as the defaults. */
export const TEST_TIMING: Partial<AgentTiming> = {
  replanDebounceMs: 200,
  paintCheckEveryMs: 500,
  paintStallMs: 8_000,
  unresponsiveGraceMs: 1_500,
  restartPolicy: { initialDelayMs: 300, maxDelayMs: 2_000, healthyAfterMs: 60_000 },
  relaunchPolicy: { maxFailures: 12, windowMs: 10 * 60_000 },
  recyclePaintTimeoutMs: 20_000,
};

export function agentOptions(argv: string[], log: string[]): AgentOptions {
  return {
    argv,
    env: {},
    cwd: projectRoot,
    paths: BUILT,
    timing: TEST_TIMING,
    installProcessHandlers: false,
    echoLog: (line) => {
      log.push(line);
      if (log.length > 2_000) log.splice(0, 500);
    },
  };
}

/**
 * The folders and log of one agent test: a temp work folder with the double's Chromium
 * profile and the agent's user data, and a double launched on the same bridge port each
 * time (the first takes any free port), so that a relaunched agent's pages keep their
 * origin and storage as they would on a PC.
 */
export interface AgentWorkspace {
  readonly userData: string;
  readonly log: string[];
  /** A new Electron double over this workspace, on the 2×2 grid of displays. */
  launchDouble(): Promise<ElectronDouble>;
  remove(): void;
}

export function agentWorkspace(prefix: string): AgentWorkspace {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const profileDir = join(work, 'chromium');
  const userData = join(work, 'user-data');
  let bridgePort = 0;
  return {
    userData,
    log: [],
    async launchDouble() {
      const double = await createElectronDouble({ profileDir, userData, displays: gridDisplays(), bridgePort });
      bridgePort = Number(new URL(double.bridge.origin).port);
      return double;
    },
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}

/** The open window drawing `screenId` (its title says which). */
export function windowOf(double: ElectronDouble, screenId: string): DoubleBrowserWindow | undefined {
  return double.openWindows().find((w) => w.options.title === `Toàn Cảnh — ${screenId}`);
}

export function pageOf(double: ElectronDouble, screenId: string): Page {
  const page = windowOf(double, screenId)?.webContents.page;
  if (!page || page.isClosed()) throw new Error(`no live page for ${screenId}`);
  return page;
}

/** Polls `check` (which may throw while not yet true) until it passes; the last failure explains a timeout. */
export const eventually = <T>(check: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<T> => waitEventually(check, what, timeoutMs, 100);

/** Waits until the window of `screenId` has a live page showing tiles of its screen. */
export async function waitForTiles(double: ElectronDouble, screenId: string, timeoutMs = 20_000): Promise<Page> {
  return eventually(
    async () => {
      const page = pageOf(double, screenId);
      await page.waitForSelector(`[data-screen-id="${screenId}"] [data-tile-id]`, { timeout: 1_000 });
      return page;
    },
    `${screenId} shows its tiles`,
    timeoutMs,
  );
}
