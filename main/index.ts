import { hostname } from 'node:os';
import { join } from 'node:path';
import { app, dialog, powerSaveBlocker, screen, session } from 'electron';
import type { WallProfile } from '../shared/wall/profile';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { ConfigError, parseAgentConfig, type AgentConfig } from './config';
import { deriveWallProfile, shouldReplaceDerivedProfile } from './displays';
import { EmbeddedServer } from './embedded-server';
import { registerIpc } from './ipc';
import { createFileLogger, describeError, type Logger } from './log';
import { loadWallProfile, writeWallProfile } from './profile-file';
import { loadOrCreateWallToken } from './wall-token';
import { diffPlans, isEmptyDiff, planWindows } from './window-plan';
import { hardenSession, hardenWebContents, WallWindows } from './windows';

/**
 * The display agent: one borderless full-screen window per monitor of the wall, fed by
 * the reporting server (embedded, or external with --server). A thin adapter: the
 * decisions live in pure, unit-tested modules (config, displays, window-plan,
 * supervisor, guards); this file wires them to Electron's events.
 */

// Privileged schemes are fixed when Chromium starts, so this runs at load, before "ready".
registerAppScheme();

const here = import.meta.dirname;
const PATHS = {
  renderer: join(here, '../renderer'),
  preload: join(here, '../preload/index.cjs'),
  server: join(here, 'server.js'),
};
/** Monitors come and go in bursts (a panel powering up reports several changes). */
const REPLAN_DEBOUNCE_MS = 1_500;

/** Thrown by fail() to unwind after the message was shown; not reported again. */
class StartupAbort extends Error {}

function fail(title: string, message: string, log?: Logger): never {
  log?.error(`${title}: ${message}`);
  process.stderr.write(`${title}: ${message}\n`);
  dialog.showErrorBox(title, message);
  app.exit(2);
  throw new StartupAbort(message);
}

async function run(): Promise<void> {
  let config: AgentConfig;
  try {
    // argv[0] is Electron; in development argv[1] is the app path (a positional, ignored).
    config = parseAgentConfig({ argv: process.argv.slice(1), env: process.env, cwd: process.cwd(), userData: app.getPath('userData') });
  } catch (error) {
    fail('Toàn Cảnh: cấu hình sai (invalid configuration)', error instanceof ConfigError ? error.message : describeError(error));
  }

  const log = createFileLogger(join(config.dataDir, 'logs', 'agent.log'), { format: config.logFormat });
  log.info(`display agent ${app.getVersion()} starting (pid ${process.pid}, data ${config.dataDir}, ${app.isPackaged ? 'packaged' : 'development'})`);
  for (const warning of config.warnings) log.warn(warning);
  // Electron's default is a modal dialog on an uncaught exception: nobody would click it on a wall.
  process.on('uncaughtException', (error) => log.error('uncaught exception', { err: error }));
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', { err: reason }));

  let raiseWindows = (): void => undefined;
  app.on('second-instance', () => {
    log.info('a second agent was started on this machine; it exits, and this one raises its windows');
    raiseWindows();
  });
  // The window plan decides which windows exist; having none for a moment is not a reason to quit.
  app.on('window-all-closed', () => undefined);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  app.on('child-process-gone', (_event, details) => log.warn(`Chromium ${details.type} process gone: ${details.reason} (${details.exitCode})`));

  await app.whenReady();
  hardenSession(session.defaultSession, log);
  powerSaveBlocker.start('prevent-display-sleep');

  // The profile: the technician's file, or one derived from the monitors (written to the
  // data folder so the embedded server draws the same wall). --preview derives nothing.
  let configured: WallProfile | null = null;
  if (config.profilePath !== null) {
    try {
      configured = loadWallProfile(config.profilePath);
    } catch (error) {
      fail('Toàn Cảnh: hồ sơ tường sai (invalid wall profile)', (error as Error).message, log);
    }
  }
  const derivedPath = join(config.dataDir, 'derived-profile.json');
  const derive = !configured && !config.preview;
  let profile: WallProfile | null = configured ?? (derive ? deriveWallProfile(screen.getAllDisplays()) : null);
  if (derive && profile) {
    writeWallProfile(derivedPath, profile);
    log.info(`no --profile: derived "${profile.name}" from the displays (${derivedPath})`);
  }

  // Quitting: windows first, then the server, which closes its database before we go.
  // Registered before the server starts, so a quit during start-up stops it too.
  let quitting = false;
  let server: EmbeddedServer | null = null;
  let windows: WallWindows | null = null;
  let serverStopped = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (serverStopped || server === null) return;
    event.preventDefault();
    windows?.closeAll();
    void server.stop().finally(() => {
      serverStopped = true;
      app.quit();
    });
  });
  // Ctrl+C in a terminal, or a service manager stopping the agent: the same clean path.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  // The server: external, or embedded and awaited until healthy.
  let serverUrl: string;
  let token: string;
  if (config.serverUrl !== null) {
    serverUrl = config.serverUrl;
    token = config.token!;
    log.info(`external server ${serverUrl}; no embedded backend`);
    if (derive && profile) log.warn(`the external server must know the derived screen ids (${profile.screens.map((s) => s.id).join(', ')})`);
  } else {
    token = loadOrCreateWallToken(config.dataDir);
    const embedded = new EmbeddedServer({
      scriptPath: PATHS.server,
      port: config.port,
      dataDir: join(config.dataDir, 'data'),
      profilePath: configured ? config.profilePath : profile ? derivedPath : null,
      layout: config.layout,
      indicatorsCsv: config.indicatorsCsv,
      simulate: config.simulate,
      logFormat: config.logFormat,
      token,
      packaged: app.isPackaged,
      log,
      now: Date.now,
    });
    server = embedded;
    serverUrl = await embedded.start();
  }
  const serverOrigin = new URL(serverUrl).origin;
  handleAppProtocol(PATHS.renderer, () => [serverOrigin], log);

  const wall = new WallWindows({
    preloadPath: PATHS.preload,
    configFor: (screenId) => ({ screenId, serverUrl, token }),
    devTools: !app.isPackaged,
    log,
    now: Date.now,
    onUserClosed: (key) => {
      if (quitting) return;
      log.info(`window ${key} closed by an operator: quitting`);
      app.quit();
    },
  });
  windows = wall;
  registerIpc({ configFor: (contents) => wall.configForContents(contents), log });
  raiseWindows = () => wall.raise();

  const host = hostname();
  const replan = (why: string): void => {
    const displays = screen.getAllDisplays();
    if (displays.length === 0) {
      log.warn(`${why}: no displays reported; keeping the current windows`);
      return;
    }
    if (derive) {
      const next = deriveWallProfile(displays);
      if (shouldReplaceDerivedProfile(profile, next)) {
        profile = next!;
        writeWallProfile(derivedPath, profile);
        log.info(`${why}: the wall grew to "${profile.name}"`);
        server?.restart({ profilePath: derivedPath }, 'derived profile grew');
      }
    }
    const plan = planWindows({ displays, primaryDisplayId: screen.getPrimaryDisplay().id, profile, preview: config.preview, host });
    if (plan.unassigned.length > 0) log.warn(`${why}: screens without a display: ${plan.unassigned.join(', ')}`);
    if (plan.dark.length > 0) log.info(`${why}: displays left dark: ${plan.dark.join(', ')}`);
    if (plan.elsewhere.length > 0) log.info(`${why}: screens of other hosts: ${plan.elsewhere.join(', ')}`);
    const diff = diffPlans(wall.current(), plan.windows);
    if (isEmptyDiff(diff)) return;
    log.info(
      `${why}: ${plan.mode} plan; open [${diff.open.map((w) => w.key).join(', ')}] move [${diff.move.map((w) => w.key).join(', ')}] close [${diff.close.map((w) => w.key).join(', ')}]`,
    );
    wall.apply(diff);
  };

  let replanTimer: NodeJS.Timeout | null = null;
  const scheduleReplan = (why: string): void => {
    if (replanTimer !== null) clearTimeout(replanTimer);
    replanTimer = setTimeout(() => {
      replanTimer = null;
      replan(why);
    }, REPLAN_DEBOUNCE_MS);
  };
  screen.on('display-added', (_event, display) => scheduleReplan(`display ${display.id} added`));
  screen.on('display-removed', (_event, display) => scheduleReplan(`display ${display.id} removed`));
  screen.on('display-metrics-changed', (_event, display, changed) => scheduleReplan(`display ${display.id} changed (${changed.join(', ')})`));

  replan('start');
}

if (app.requestSingleInstanceLock()) {
  run().catch((error: unknown) => {
    if (error instanceof StartupAbort) return;
    process.stderr.write(`Toàn Cảnh display agent failed to start: ${describeError(error)}\n`);
    app.exit(1);
  });
} else {
  // Another agent already drives this machine's monitors; it logs our attempt.
  app.quit();
}
