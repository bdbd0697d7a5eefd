import { hostname } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_STATUS_EVERY_MS, type AssignmentEvent } from '../shared/fleet/schema';
import type { WallProfile } from '../shared/wall/profile';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { autostartPlan } from './autostart';
import { ConfigError, parseAgentConfig, type AgentConfig } from './config';
import { parseConsoleArgs } from './console-plan';
import { ConsoleWindow } from './console-window';
import { deriveWallProfile, shouldReplaceDerivedProfile } from './displays';
import type { AgentElectron } from './electron-api';
import { EmbeddedServer } from './embedded-server';
import { assignedProfile } from './fleet-assignment';
import { DEFAULT_FLEET_MIN_GAP_MS, FleetReporter } from './fleet-reporter';
import { loadOrCreateHostId } from './host-id';
import { registerIpc } from './ipc';
import { createFileLogger, describeError, type Logger } from './log';
import { OperatorMenus } from './operator-menus';
import { loadWallProfile, writeWallProfile } from './profile-file';
import { DEFAULT_RELAUNCH_POLICY, RecoveryPolicy, relaunchMethod, type RelaunchPolicy } from './recovery-policy';
import { nextRecycleAt, recycleWindows, type RecycleOutcome } from './recycle';
import { healthUrl } from './server-launch';
import { loadOrCreateWallToken } from './wall-token';
import { HealthRegistry, type HealthEvent } from './window-health';
import { diffPlans, isEmptyDiff, planWindows } from './window-plan';
import { DEFAULT_WINDOWS_TIMING, hardenSession, hardenWebContents, WallWindows, type WallWindowsTiming } from './windows';

/**
 * The display agent: one borderless full-screen window per monitor of the wall, fed by
 * the reporting server (embedded, or external with --server). A thin adapter: the
 * decisions live in pure, unit-tested modules (config, displays, window-plan,
 * supervisor, recovery-policy, paint-watch, recycle, guards); this file wires them to
 * the Electron API it is given — the real one from main/index.ts, or the test double of
 * tests/agent/electron-double, whose windows are real Chromium pages.
 */

export interface AgentPaths {
  /** The built renderer (out/renderer), served as app://toancanh/. */
  renderer: string;
  /** The sandboxed preload bundle (out/preload/index.cjs). */
  preload: string;
  /** The embedded server's bundle (out/main/server.js). */
  server: string;
}

export interface AgentTiming extends WallWindowsTiming {
  /** Monitors come and go in bursts (a panel powering up reports several changes). */
  replanDebounceMs: number;
  /** How often the windows' heartbeats and frames are checked. */
  paintCheckEveryMs: number;
  relaunchPolicy: RelaunchPolicy;
  /** Longest wait for a recycled window to paint again. */
  recyclePaintTimeoutMs: number;
  /** How often the fleet hears a `status` from this host (/control, issue 9). */
  fleetStatusEveryMs: number;
  /** The soonest a change (a crash, a display) is reported after the previous message. */
  fleetMinGapMs: number;
}

export const DEFAULT_AGENT_TIMING: AgentTiming = {
  ...DEFAULT_WINDOWS_TIMING,
  replanDebounceMs: 1_500,
  paintCheckEveryMs: 5_000,
  relaunchPolicy: DEFAULT_RELAUNCH_POLICY,
  recyclePaintTimeoutMs: 120_000,
  fleetStatusEveryMs: DEFAULT_STATUS_EVERY_MS,
  fleetMinGapMs: DEFAULT_FLEET_MIN_GAP_MS,
};

export interface AgentOptions {
  /** The agent's own arguments (no Electron binary in front). */
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  paths: AgentPaths;
  /** process.resourcesPath of a packaged app (where electron-builder puts extraResources); null in development. */
  resourcesDir?: string | null;
  timing?: Partial<AgentTiming>;
  now?: () => number;
  /** process-wide handlers (uncaught exceptions, SIGINT/SIGTERM); off in tests, which share the process. */
  installProcessHandlers?: boolean;
  /** Where the log's lines are echoed (stderr by default). */
  echoLog?: (line: string) => void;
  /**
   * Every health event (crash, hang, stall, reload, recycle, relaunch …), as the log and
   * `RunningAgent.health` have them; the fleet reporter hears them too (main/fleet-reporter.ts)
   * and tells the server soon after.
   */
  onHealthEvent?: (event: HealthEvent) => void;
}

export interface RunningAgent {
  config: AgentConfig;
  serverUrl: string;
  /** This machine's id in the fleet (kept in the data folder, main/host-id.ts). */
  hostId: string;
  health: HealthRegistry;
  windows: WallWindows;
  /** The operator console window (--console, the wall's context menu, the tray). */
  console: ConsoleWindow;
  log: Logger;
  /** One round of recycling now (what --recycle-at runs at its quiet time). */
  recycleNow(): Promise<RecycleOutcome>;
  /** The same clean path as app.quit(): windows, timers, then the embedded server. */
  stop(): Promise<void>;
}

/** Thrown by fail() to unwind after the message was shown; not reported again. */
export class StartupAbort extends Error {}

/**
 * Registers the app:// scheme. Privileged schemes are fixed when Chromium starts, so
 * main/index.ts calls this at load, before "ready" and before anything awaits.
 */
export function prepareAgent(electron: Pick<AgentElectron, 'protocol'>): void {
  registerAppScheme(electron.protocol);
}

export async function startAgent(electron: AgentElectron, options: AgentOptions): Promise<RunningAgent> {
  const { app, dialog, screen, powerSaveBlocker } = electron;
  const now = options.now ?? Date.now;
  const timing: AgentTiming = { ...DEFAULT_AGENT_TIMING, ...options.timing };

  const fail = (title: string, message: string, log?: Logger): never => {
    log?.error(`${title}: ${message}`);
    process.stderr.write(`${title}: ${message}\n`);
    dialog.showErrorBox(title, message);
    app.exit(2);
    throw new StartupAbort(message);
  };

  let config: AgentConfig;
  try {
    config = parseAgentConfig({ argv: options.argv, env: options.env, cwd: options.cwd, userData: app.getPath('userData') });
  } catch (error) {
    return fail('Toàn Cảnh: cấu hình sai (invalid configuration)', error instanceof ConfigError ? error.message : describeError(error));
  }

  const log = createFileLogger(join(config.dataDir, 'logs', 'agent.log'), { format: config.logFormat, ...(options.echoLog ? { echo: options.echoLog } : {}) });
  log.info(`display agent ${app.getVersion()} starting (pid ${process.pid}, data ${config.dataDir}, ${app.isPackaged ? 'packaged' : 'development'})`);
  for (const warning of config.warnings) log.warn(warning);
  if (options.installProcessHandlers !== false) {
    // Electron's default is a modal dialog on an uncaught exception: nobody would click it on a wall.
    process.on('uncaughtException', (error) => log.error('uncaught exception', { err: error }));
    process.on('unhandledRejection', (reason) => log.error('unhandled rejection', { err: reason }));
  }

  let fleet: FleetReporter | null = null;
  const health = new HealthRegistry(now, (event) => {
    options.onHealthEvent?.(event);
    fleet?.nudge();
  });
  const recovery = new RecoveryPolicy(now, timing.relaunchPolicy);
  let relaunching = false;
  const relaunch = (reason: string): void => {
    if (relaunching) return;
    relaunching = true;
    const method = relaunchMethod(options.env);
    health.event(null, 'relaunch', `${reason} (${method === 'exit' ? 'exit; the service manager starts a new agent' : 'app.relaunch'})`);
    log.error(`relaunching the agent: ${reason}`);
    if (method === 'relaunch') app.relaunch();
    // 75 (EX_TEMPFAIL): "try again", which the systemd unit restarts like any other exit.
    app.exit(method === 'exit' ? 75 : 0);
  };
  /** Counts a failure toward "N in T → relaunch"; false when the app is relaunching. */
  const countFailure = (what: string): boolean => {
    if (relaunching) return false;
    if (recovery.failed() === 'relaunch') {
      relaunch(`${timing.relaunchPolicy.maxFailures} failures within ${timing.relaunchPolicy.windowMs / 60_000} min (last: ${what})`);
      return false;
    }
    return true;
  };

  let raiseWindows = (): void => undefined;
  // Set once the server is known: the console window, the menus, the wall windows.
  let consoleWindow: ConsoleWindow | null = null;
  let menus: OperatorMenus | null = null;
  let windows: WallWindows | null = null;
  app.on('second-instance', (_event, argv) => {
    log.info('a second agent was started on this machine; it exits, and this one raises its windows');
    raiseWindows();
    // `npm start -- --console` while the wall runs: this agent opens (or focuses) the console.
    if (Array.isArray(argv) && parseConsoleArgs(argv).args.open) consoleWindow?.open('a second start with --console');
  });
  // The window plan decides which windows exist; having none for a moment is not a reason to quit.
  app.on('window-all-closed', () => undefined);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, log, (url) => (consoleWindow?.owns(contents) ? consoleWindow.allows(url) : null));
    contents.on('context-menu', () => {
      const key = windows?.keyForContents(contents) ?? null;
      if (key !== null) menus?.popupFor(key);
    });
  });
  app.on('child-process-gone', (_event, details) => {
    log.warn(`Chromium ${details.type} process gone: ${details.reason} (${details.exitCode})`);
    // Chromium starts a new GPU process by itself and the pages' WebGL recovers in place
    // (context loss); a GPU process that keeps dying is what a relaunch is for.
    if (details.type === 'GPU' && details.reason !== 'clean-exit') {
      health.event(null, 'gpu-gone', `${details.reason} (${details.exitCode})`);
      countFailure('GPU process gone');
    }
  });

  await app.whenReady();
  hardenSession(electron.session.defaultSession, log);
  // The wall must never blank for power saving; held for the agent's whole life.
  const powerBlock = powerSaveBlocker.start('prevent-display-sleep');
  const autostart = autostartPlan(process.platform, app.isPackaged);
  if (autostart.loginItem) app.setLoginItemSettings({ openAtLogin: true });
  log.info(`auto-start on login: ${autostart.describe}`);

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

  // Quitting: windows and timers first, then the server, which closes its database before we go.
  // Registered before the server starts, so a quit during start-up stops it too.
  let quitting = false;
  let server: EmbeddedServer | null = null;
  let stopped: Promise<void> | null = null;
  const timers = new Set<NodeJS.Timeout>();
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      quitting = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      fleet?.stop();
      consoleWindow?.close();
      menus?.destroy();
      windows?.closeAll();
      if (powerSaveBlocker.isStarted(powerBlock)) powerSaveBlocker.stop(powerBlock);
      await server?.stop();
    })();
    return stopped;
  };
  let serverStopped = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (serverStopped) return;
    event.preventDefault();
    void stop().finally(() => {
      serverStopped = true;
      app.quit();
    });
  });
  if (options.installProcessHandlers !== false) {
    // Ctrl+C in a terminal, or a service manager stopping the agent: the same clean path.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  }

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
      scriptPath: options.paths.server,
      port: config.port,
      dataDir: join(config.dataDir, 'data'),
      profilePath: configured ? config.profilePath : profile ? derivedPath : null,
      layout: config.layout,
      indicatorsCsv: config.indicatorsCsv,
      simulate: config.simulate,
      logFormat: config.logFormat,
      token,
      packaged: app.isPackaged,
      resourcesDir: app.isPackaged ? (options.resourcesDir ?? null) : null,
      utilityProcess: electron.utilityProcess,
      log,
      now,
    });
    server = embedded;
    serverUrl = await embedded.start();
  }
  const serverOrigin = new URL(serverUrl).origin;
  handleAppProtocol(electron.protocol, options.paths.renderer, () => [serverOrigin], log);

  const host = hostname();
  const hostId = loadOrCreateHostId(config.dataDir, host);
  /** What the server last said this host opens (null before its first word: the profile as it is). */
  let assignment: AssignmentEvent | null = null;
  let replanTimer: NodeJS.Timeout | null = null;
  const scheduleReplan = (why: string): void => {
    if (replanTimer !== null) {
      clearTimeout(replanTimer);
      timers.delete(replanTimer);
    }
    replanTimer = setTimeout(() => {
      if (replanTimer !== null) timers.delete(replanTimer);
      replanTimer = null;
      replan(why);
    }, timing.replanDebounceMs);
    timers.add(replanTimer);
  };

  const wall = new WallWindows({
    BrowserWindow: electron.BrowserWindow,
    preloadPath: options.paths.preload,
    configFor: (plan) => ({
      screenId: plan.screenId,
      serverUrl,
      token,
      displayId: plan.displayId,
      ...(host ? { host: host.slice(0, 120) } : {}),
      ...(plan.mismatch ? { displayMismatch: plan.mismatch } : {}),
    }),
    devTools: !app.isPackaged,
    log,
    health,
    now,
    timing,
    onUserClosed: (key) => {
      if (quitting) return;
      log.info(`window ${key} closed by an operator: quitting`);
      app.quit();
    },
    onFailure: (key, kind) => countFailure(`window ${key}: ${kind}`),
    onOffPlan: (key) => scheduleReplan(`window ${key} left its display`),
  });
  windows = wall;
  registerIpc({
    ipcMain: electron.ipcMain,
    configFor: (contents) => wall.configForContents(contents),
    onStatus: (contents, status) => {
      const key = wall.keyForContents(contents);
      if (key !== null) health.heartbeat(key, status);
    },
    log,
  });
  raiseWindows = () => wall.raise();
  const consoleWin = new ConsoleWindow({
    BrowserWindow: electron.BrowserWindow,
    serverUrl,
    lang: config.console.lang,
    devTools: !app.isPackaged,
    log,
    placement: () => ({ displays: screen.getAllDisplays(), primaryDisplayId: screen.getPrimaryDisplay().id, wallDisplayIds: wall.current().map((w) => w.displayId) }),
    wantedDisplay: config.console.displayId,
  });
  consoleWindow = consoleWin;
  menus = new OperatorMenus({
    Menu: electron.Menu,
    Tray: electron.Tray,
    iconDir: config.dataDir,
    lang: config.console.lang,
    log,
    openConsole: (why) => consoleWin.open(why),
    reloadScreen: (key) => void wall.reload(key, 'reloaded from its context menu'),
    quit: () => app.quit(),
  });
  menus.showTray();

  function replan(why: string): void {
    if (quitting) return;
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
    // Once the technician maps displays to screens (the fleet), the map decides which screens are ours.
    const drawn = profile ? assignedProfile(profile, host, assignment) : profile;
    const plan = planWindows({ displays, primaryDisplayId: screen.getPrimaryDisplay().id, profile: drawn, preview: config.preview, host });
    for (const { screenId, displayId, mismatch } of plan.mismatches) {
      log.warn(
        `${why}: screen ${screenId} on display ${displayId}: ${mismatch.kind === 'orientation' ? 'orientation differs' : 'size differs'} ` +
          `(screen ${mismatch.expected.width}×${mismatch.expected.height} px as hung, display ${mismatch.actual.width}×${mismatch.actual.height} px); drawn letterboxed`,
      );
    }
    if (plan.unassigned.length > 0) log.warn(`${why}: screens without a display: ${plan.unassigned.join(', ')}`);
    if (plan.dark.length > 0) log.info(`${why}: displays left dark: ${plan.dark.join(', ')}`);
    if (plan.elsewhere.length > 0) log.info(`${why}: screens of other hosts: ${plan.elsewhere.join(', ')}`);
    const diff = diffPlans(wall.current(), plan.windows);
    if (!isEmptyDiff(diff)) {
      log.info(
        `${why}: ${plan.mode} plan; open [${diff.open.map((w) => w.key).join(', ')}] move [${diff.move.map((w) => w.key).join(', ')}] close [${diff.close.map((w) => w.key).join(', ')}]`,
      );
      wall.apply(diff);
    }
    // Same plan, but a window the OS pushed aside: put it back where the plan says.
    const moved = wall.enforceBounds();
    if (moved.length > 0) log.info(`${why}: moved back onto their displays: ${moved.join(', ')}`);
  }

  screen.on('display-added', (_event, display) => scheduleReplan(`display ${display.id} added`));
  screen.on('display-removed', (_event, display) => scheduleReplan(`display ${display.id} removed`));
  screen.on('display-metrics-changed', (_event, display, changed) => scheduleReplan(`display ${display.id} changed (${changed.join(', ')})`));
  // The server hears of a display change soon (paced), not at the next periodic status.
  screen.on('display-added', () => fleet?.nudge());
  screen.on('display-removed', () => fleet?.nudge());
  screen.on('display-metrics-changed', () => fleet?.nudge());

  // The fleet: hello on /control with the displays and the windows' health; the server's map back.
  fleet = new FleetReporter({
    serverUrl,
    token,
    identity: { hostId, hostName: host || hostId, appVersion: app.getVersion(), statusEveryMs: timing.fleetStatusEveryMs },
    displays: () => screen.getAllDisplays(),
    windows: () => health.snapshot().windows,
    onAssignment: (event) => {
      assignment = event;
      replan('assignment from the server');
    },
    log,
    now,
    minGapMs: timing.fleetMinGapMs,
  });

  const every = (ms: number, fn: () => void): void => {
    const tick = (): void => {
      timers.delete(timer);
      if (quitting) return;
      fn();
      timer = setTimeout(tick, ms);
      timers.add(timer);
    };
    let timer = setTimeout(tick, ms);
    timers.add(timer);
  };
  every(timing.paintCheckEveryMs, () => wall.checkPaint());

  const serverAnswers = async (): Promise<boolean> => {
    try {
      const response = await fetch(healthUrl(serverUrl), { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel().catch(() => undefined);
      return response.status === 200;
    } catch {
      return false;
    }
  };
  const paintedAgain = async (key: string, since: number): Promise<boolean> => {
    const deadline = now() + timing.recyclePaintTimeoutMs;
    while (now() < deadline && !quitting) {
      const h = health.get(key);
      if (!h) return true; // closed by a re-plan meanwhile: nothing left to wait for
      if (h.loadedAt !== null && h.loadedAt >= since && h.lastFrameAt !== null && h.lastFrameAt >= since) return true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return false;
  };
  let recycling: Promise<RecycleOutcome> | null = null;
  const recycleNow = (): Promise<RecycleOutcome> => {
    recycling ??= recycleWindows(wall.keys(), {
      serverAnswers,
      reload: async (key) => {
        const since = now();
        reloadStarted.set(key, since);
        await wall.reload(key);
      },
      paintedAgain: (key) => paintedAgain(key, reloadStarted.get(key) ?? now()),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      stillOpen: (key) => !quitting && wall.has(key),
      log: (message) => log.info(message),
    }).then((outcome) => {
      recycling = null;
      log.info(`recycling: reloaded [${outcome.reloaded.join(', ')}]${outcome.stoppedBecause ? `; stopped: ${outcome.stoppedBecause}` : ''}`);
      return outcome;
    });
    return recycling;
  };
  const reloadStarted = new Map<string, number>();
  if (config.recycleAt !== null) {
    const quiet = config.recycleAt;
    const schedule = (): void => {
      const at = nextRecycleAt(now(), quiet);
      log.info(`recycling: next round at ${new Date(at).toString()}`);
      // Re-armed after each round; a long delay is fine for setTimeout (< 24.8 days).
      const timer = setTimeout(() => {
        timers.delete(timer);
        void recycleNow().finally(() => !quitting && schedule());
      }, at - now());
      timers.add(timer);
    };
    schedule();
  }

  replan('start');
  fleet.start();
  log.info(`fleet: host id ${hostId}`);
  if (config.console.open) consoleWin.open('--console');
  return { config, serverUrl, hostId, health, windows: wall, console: consoleWin, log, recycleNow, stop };
}
