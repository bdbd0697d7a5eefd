import type { WindowConfig } from '../shared/ipc';
import { APP_ORIGIN, wallPageUrl } from './app-origin';
import type { AgentBrowserWindow, AgentBrowserWindowConstructor, AgentSession, AgentWebContents } from './electron-api';
import type { Logger } from './log';
import { isAllowedNavigation, isAllowedWindowOpen } from './navigation-guard';
import { isPermissionAllowed } from './permission-policy';
import { paintVerdict } from './paint-watch';
import type { FailureKind } from './recovery-policy';
import { DEFAULT_RESTART_POLICY, Supervisor, type RestartPolicy } from './supervisor';
import type { HealthRegistry } from './window-health';
import { isOffPlan, type PlanDiff, type WindowPlan } from './window-plan';
import { HARDENED_WEB_PREFERENCES } from './web-preferences';

/**
 * The wall windows: one borderless full-screen BrowserWindow per planned screen, each
 * loading app://toancanh/wall/index.html?screen=<id>. Applies plan diffs and keeps each
 * renderer alive: a crash, a hang past a grace period, a failed load or a page that stops
 * painting reloads that window with the supervisor's backoff; every failure is also
 * reported to `onFailure`, which decides whether the whole app must relaunch.
 */

export interface WallWindowsTiming {
  /** How long a renderer may stay unresponsive (a long frame, a GC pause) before it is killed and reloaded. */
  unresponsiveGraceMs: number;
  /** No heartbeat, or no new frame, for this long after a load: the page is reloaded. */
  paintStallMs: number;
  restartPolicy: RestartPolicy;
}

export const DEFAULT_WINDOWS_TIMING: WallWindowsTiming = {
  unresponsiveGraceMs: 15_000,
  paintStallMs: 30_000,
  restartPolicy: DEFAULT_RESTART_POLICY,
};

export interface WallWindowsOptions {
  BrowserWindow: AgentBrowserWindowConstructor;
  preloadPath: string;
  /** WindowConfig of a screen: the same server and token for all, a different screenId. */
  configFor(plan: WindowPlan): WindowConfig;
  devTools: boolean;
  log: Logger;
  health: HealthRegistry;
  now: () => number;
  timing: WallWindowsTiming;
  /** An operator closed a window (Alt+F4): the only exit gesture of a frameless wall. */
  onUserClosed(key: string): void;
  /** A window failed; returns false when the app is relaunching (no reload then). */
  onFailure(key: string, kind: FailureKind): boolean;
  /** A window no longer covers its display (moved, resized by the OS): the agent re-plans. */
  onOffPlan(key: string): void;
}

interface Managed {
  window: AgentBrowserWindow;
  plan: WindowPlan;
  config: WindowConfig;
  contentsId: number;
  supervisor: Supervisor;
  restartTimer: NodeJS.Timeout | null;
  hangTimer: NodeJS.Timeout | null;
  /** Closed by us (re-plan, replacement, quit), not by an operator. */
  closingOnPurpose: boolean;
}

/**
 * Blocks every way out of app://toancanh/ for any web contents (applied app-wide).
 * `allows` replaces that rule for web contents with another home (the console window keeps
 * to its server's /console/); it is asked at each navigation, when the owner is known.
 */
export function hardenWebContents(contents: AgentWebContents, log: Logger, allows?: (url: string) => boolean | null): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedWindowOpen(url)) return { action: 'allow' };
    log.warn(`window.open refused: ${url}`);
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (allows?.(url) ?? isAllowedNavigation(url, APP_ORIGIN)) return;
    event.preventDefault();
    log.warn(`navigation refused: ${url}`);
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-frame-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview refused');
  });
}

/** Camera, notifications, geolocation, HID … are all refused; see permission-policy.ts for the one exception. */
export function hardenSession(session: AgentSession, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl, APP_ORIGIN);
    if (!allowed) log.warn(`permission "${permission}" refused to ${details.requestingUrl}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin, APP_ORIGIN),
  );
  session.setDevicePermissionHandler(() => false);
}

export class WallWindows {
  private readonly byKey = new Map<string, Managed>();
  private readonly byContents = new Map<number, Managed>();

  constructor(private readonly options: WallWindowsOptions) {}

  /** The plans of the windows that are open now, to diff against the next plan. */
  current(): WindowPlan[] {
    return [...this.byKey.values()].map((m) => m.plan);
  }

  keys(): string[] {
    return [...this.byKey.keys()].sort();
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  configForContents(contents: AgentWebContents): WindowConfig | null {
    return this.byContents.get(contents.id)?.config ?? null;
  }

  keyForContents(contents: AgentWebContents): string | null {
    return this.byContents.get(contents.id)?.plan.key ?? null;
  }

  /**
   * Opens first, closes last: the app never passes through "no windows", and a moved
   * window is replaced by a new one on its new display (leaving and re-entering OS
   * full-screen across monitors is asynchronous and differs per platform; a fresh
   * window lands where it should). Its old window stays up until the new one is shown.
   */
  apply(diff: PlanDiff): void {
    for (const plan of diff.open) this.open(plan);
    for (const plan of diff.move) {
      const old = this.byKey.get(plan.key);
      const replacement = this.open(plan);
      if (old) {
        this.forget(old);
        const closeOld = (): void => this.close(old, 'replaced on its new display');
        replacement.window.once('ready-to-show', closeOld);
        setTimeout(closeOld, 10_000).unref();
      }
    }
    for (const plan of diff.close) {
      const managed = this.byKey.get(plan.key);
      if (managed) this.close(managed, `display ${plan.displayId} gone from the plan`);
    }
  }

  /** Puts back every window that drifted off its planned bounds; returns the keys it moved. */
  enforceBounds(): string[] {
    const moved: string[] = [];
    for (const managed of this.byKey.values()) {
      if (managed.window.isDestroyed() || !isOffPlan(managed.window.getBounds(), managed.plan)) continue;
      managed.window.setBounds(managed.plan.bounds);
      moved.push(managed.plan.key);
    }
    return moved;
  }

  /** Brings every wall window back to the front (a second agent was started, someone alt-tabbed). */
  raise(): void {
    for (const { window } of this.byKey.values()) {
      if (window.isDestroyed()) continue;
      if (window.isMinimized()) window.restore();
      window.show();
      window.moveTop();
    }
  }

  /** Reloads one window on purpose (recycling, an operator's menu): no failure, no backoff. */
  async reload(key: string, why = 'scheduled reload'): Promise<void> {
    const managed = this.byKey.get(key);
    if (!managed || managed.window.isDestroyed()) return;
    this.options.health.event(key, 'recycled', why);
    await this.load(managed);
  }

  /** Checks every window's heartbeat and frames; a stalled one is reloaded. Called on a timer by the agent. */
  checkPaint(): void {
    const now = this.options.now();
    for (const managed of this.byKey.values()) {
      if (managed.restartTimer !== null || managed.window.isDestroyed()) continue;
      const health = this.options.health.get(managed.plan.key);
      if (!health) continue;
      const verdict = paintVerdict(health, now, this.options.timing.paintStallMs);
      if (verdict === 'no-heartbeat' || verdict === 'no-frame') {
        const detail = verdict === 'no-heartbeat' ? 'no heartbeat from the page' : 'the page reports no new frame';
        this.fail(managed, 'paint-stalled', `${detail} for ${this.options.timing.paintStallMs / 1000} s`);
      }
    }
  }

  closeAll(): void {
    for (const managed of [...this.byKey.values()]) this.close(managed, 'the agent is quitting');
  }

  private open(plan: WindowPlan): Managed {
    const { log, health, timing } = this.options;
    const window = new this.options.BrowserWindow({
      x: plan.bounds.x,
      y: plan.bounds.y,
      width: plan.bounds.width,
      height: plan.bounds.height,
      fullscreen: plan.fullscreen,
      frame: !plan.frameless,
      show: false,
      // A wall screen stays above anything the OS pops up; the preview is a developer's window.
      alwaysOnTop: plan.screenId !== 'all',
      title: `Toàn Cảnh — ${plan.screenId}`,
      backgroundColor: '#05080d',
      autoHideMenuBar: true,
      webPreferences: {
        preload: this.options.preloadPath,
        ...HARDENED_WEB_PREFERENCES,
        // A wall must keep painting even when the OS thinks nobody looks at it.
        backgroundThrottling: false,
        devTools: this.options.devTools,
      },
    });
    const contents = window.webContents;
    const managed: Managed = {
      window,
      plan,
      config: this.options.configFor(plan),
      contentsId: contents.id,
      supervisor: new Supervisor(this.options.now, timing.restartPolicy),
      restartTimer: null,
      hangTimer: null,
      closingOnPurpose: false,
    };
    this.byKey.set(plan.key, managed);
    this.byContents.set(contents.id, managed);
    health.opened(plan.key, plan.screenId, plan.displayId, plan.mismatch ?? null);

    window.once('ready-to-show', () => {
      window.show();
      // 'screen-saver' is the level above task bars and notifications on Windows and most Linux WMs.
      if (plan.screenId !== 'all') window.setAlwaysOnTop(true, 'screen-saver');
    });
    window.on('closed', () => {
      this.clearTimers(managed);
      if (this.byKey.get(plan.key) === managed) this.forget(managed);
      if (!managed.closingOnPurpose) {
        health.closed(plan.key, 'closed by an operator');
        this.options.onUserClosed(plan.key);
      }
    });
    const checkPlace = (): void => {
      if (this.byKey.get(plan.key) !== managed || window.isDestroyed() || !isOffPlan(window.getBounds(), managed.plan)) return;
      health.event(plan.key, 'off-display', `at ${JSON.stringify(window.getBounds())}, planned ${JSON.stringify(managed.plan.bounds)}`);
      this.options.onOffPlan(plan.key);
    };
    window.on('move', checkPlace);
    window.on('resize', checkPlace);

    contents.on('did-finish-load', () => {
      managed.supervisor.started();
      health.loaded(plan.key);
    });
    contents.on('render-process-gone', (_event, details) => {
      if (window.isDestroyed() || details.reason === 'clean-exit') return;
      this.fail(managed, 'renderer-gone', `renderer gone (${details.reason}, exit code ${details.exitCode})`);
    });
    contents.on('did-fail-load', (_event, errorCode, description, url, isMainFrame) => {
      // -3 is ERR_ABORTED: a navigation we cancelled ourselves, or a reload over a load.
      if (!isMainFrame || errorCode === -3) return;
      this.fail(managed, 'load-failed', `failed to load ${url}: ${description} (${errorCode})`);
    });
    contents.on('unresponsive', () => {
      if (managed.hangTimer !== null) return;
      health.event(plan.key, 'unresponsive', `killing it in ${timing.unresponsiveGraceMs / 1000} s unless it recovers`);
      log.warn(`window ${plan.screenId}: renderer unresponsive; killing it in ${timing.unresponsiveGraceMs / 1000} s unless it recovers`);
      managed.hangTimer = setTimeout(() => {
        managed.hangTimer = null;
        if (window.isDestroyed()) return;
        log.error(`window ${plan.screenId}: renderer still unresponsive; killing it`);
        // render-process-gone ("killed") follows and reloads through the supervisor.
        contents.forcefullyCrashRenderer();
      }, timing.unresponsiveGraceMs);
    });
    contents.on('responsive', () => {
      if (managed.hangTimer === null) return;
      clearTimeout(managed.hangTimer);
      managed.hangTimer = null;
      health.event(plan.key, 'responsive', '');
      log.info(`window ${plan.screenId}: renderer responsive again`);
    });

    log.info(`window ${plan.screenId}: opening on display ${plan.displayId} at ${JSON.stringify(plan.bounds)}`);
    void this.load(managed);
    return managed;
  }

  private async load(managed: Managed): Promise<void> {
    try {
      await managed.window.loadURL(wallPageUrl(managed.plan.screenId));
    } catch {
      // did-fail-load has logged it and scheduled a retry.
    }
  }

  /** A failure of one window: logged, counted, and a reload after the backoff (unless the app relaunches). */
  private fail(managed: Managed, kind: FailureKind, detail: string): void {
    const { log, health } = this.options;
    const key = managed.plan.key;
    log.error(`window ${managed.plan.screenId}: ${detail}`);
    health.event(key, kind, detail);
    if (managed.restartTimer !== null) return;
    if (!this.options.onFailure(key, kind)) return;
    const delay = managed.supervisor.failed();
    health.event(key, 'reloading', `in ${delay / 1000} s (failure ${managed.supervisor.failures} in a row)`);
    log.info(`window ${managed.plan.screenId}: reloading in ${delay / 1000} s (failure ${managed.supervisor.failures} in a row)`);
    managed.restartTimer = setTimeout(() => {
      managed.restartTimer = null;
      if (!managed.window.isDestroyed()) void this.load(managed);
    }, delay);
  }

  private clearTimers(managed: Managed): void {
    if (managed.restartTimer !== null) clearTimeout(managed.restartTimer);
    if (managed.hangTimer !== null) clearTimeout(managed.hangTimer);
    managed.restartTimer = null;
    managed.hangTimer = null;
  }

  private forget(managed: Managed): void {
    if (this.byKey.get(managed.plan.key) === managed) this.byKey.delete(managed.plan.key);
    this.byContents.delete(managed.contentsId);
  }

  private close(managed: Managed, why: string): void {
    this.clearTimers(managed);
    const current = this.byKey.get(managed.plan.key) === managed;
    this.forget(managed);
    if (managed.window.isDestroyed()) return;
    managed.closingOnPurpose = true;
    // A replaced window's key lives on in its replacement.
    if (current) this.options.health.closed(managed.plan.key, why);
    this.options.log.info(`window ${managed.plan.screenId}: closing (display ${managed.plan.displayId}: ${why})`);
    managed.window.destroy();
  }
}
