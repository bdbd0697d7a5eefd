import { BrowserWindow, type Session, type WebContents } from 'electron';
import type { WindowConfig } from '../shared/ipc';
import { APP_ORIGIN, wallPageUrl } from './app-origin';
import type { Logger } from './log';
import { isAllowedNavigation, isAllowedWindowOpen } from './navigation-guard';
import { isPermissionAllowed } from './permission-policy';
import { Supervisor, UNRESPONSIVE_GRACE_MS } from './supervisor';
import type { PlanDiff, WindowPlan } from './window-plan';

/**
 * The wall windows: one borderless full-screen BrowserWindow per planned screen, each
 * loading app://toancanh/wall/index.html?screen=<id>. Applies plan diffs and keeps each
 * renderer alive (reload after a crash or a hang, with the supervisor's backoff).
 */

export interface WallWindowsOptions {
  preloadPath: string;
  /** WindowConfig of a screen: the same server and token for all, a different screenId. */
  configFor(screenId: string): WindowConfig;
  devTools: boolean;
  log: Logger;
  now: () => number;
  /** An operator closed a window (Alt+F4): the only exit gesture of a frameless wall. */
  onUserClosed(key: string): void;
}

interface Managed {
  window: BrowserWindow;
  plan: WindowPlan;
  config: WindowConfig;
  contentsId: number;
  supervisor: Supervisor;
  restartTimer: NodeJS.Timeout | null;
  hangTimer: NodeJS.Timeout | null;
  /** Closed by us (re-plan, replacement, quit), not by an operator. */
  closingOnPurpose: boolean;
}

/** Blocks every way out of app://toancanh/ for any web contents (applied app-wide). */
export function hardenWebContents(contents: WebContents, log: Logger): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedWindowOpen(url)) return { action: 'allow' };
    log.warn(`window.open refused: ${url}`);
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (isAllowedNavigation(url, APP_ORIGIN)) return;
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
export function hardenSession(session: Session, log: Logger): void {
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

  configForContents(contents: WebContents): WindowConfig | null {
    return this.byContents.get(contents.id)?.config ?? null;
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
        const closeOld = (): void => this.close(old);
        replacement.window.once('ready-to-show', closeOld);
        setTimeout(closeOld, 10_000).unref();
      }
    }
    for (const plan of diff.close) {
      const managed = this.byKey.get(plan.key);
      if (managed) this.close(managed);
    }
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

  closeAll(): void {
    for (const managed of [...this.byKey.values()]) this.close(managed);
  }

  private open(plan: WindowPlan): Managed {
    const { log } = this.options;
    const window = new BrowserWindow({
      x: plan.bounds.x,
      y: plan.bounds.y,
      width: plan.bounds.width,
      height: plan.bounds.height,
      fullscreen: plan.fullscreen,
      frame: !plan.frameless,
      show: false,
      title: `Toàn Cảnh — ${plan.screenId}`,
      backgroundColor: '#05080d',
      autoHideMenuBar: true,
      webPreferences: {
        preload: this.options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        spellcheck: false,
        // A wall must keep painting even when the OS thinks nobody looks at it.
        backgroundThrottling: false,
        devTools: this.options.devTools,
      },
    });
    const contents = window.webContents;
    const managed: Managed = {
      window,
      plan,
      config: this.options.configFor(plan.screenId),
      contentsId: contents.id,
      supervisor: new Supervisor(this.options.now),
      restartTimer: null,
      hangTimer: null,
      closingOnPurpose: false,
    };
    this.byKey.set(plan.key, managed);
    this.byContents.set(contents.id, managed);

    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      this.clearTimers(managed);
      if (this.byKey.get(plan.key) === managed) this.forget(managed);
      if (!managed.closingOnPurpose) this.options.onUserClosed(plan.key);
    });

    contents.on('did-finish-load', () => managed.supervisor.started());
    contents.on('render-process-gone', (_event, details) => {
      if (window.isDestroyed() || details.reason === 'clean-exit') return;
      log.error(`window ${plan.screenId}: renderer gone (${details.reason}, exit code ${details.exitCode})`);
      this.scheduleReload(managed);
    });
    contents.on('did-fail-load', (_event, errorCode, description, url, isMainFrame) => {
      // -3 is ERR_ABORTED: a navigation we cancelled ourselves, or a reload over a load.
      if (!isMainFrame || errorCode === -3) return;
      log.error(`window ${plan.screenId}: failed to load ${url}: ${description} (${errorCode})`);
      this.scheduleReload(managed);
    });
    contents.on('unresponsive', () => {
      if (managed.hangTimer !== null) return;
      log.warn(`window ${plan.screenId}: renderer unresponsive; killing it in ${UNRESPONSIVE_GRACE_MS / 1000} s unless it recovers`);
      managed.hangTimer = setTimeout(() => {
        managed.hangTimer = null;
        if (window.isDestroyed()) return;
        log.error(`window ${plan.screenId}: renderer still unresponsive; killing it`);
        // render-process-gone ("killed") follows and reloads through the supervisor.
        contents.forcefullyCrashRenderer();
      }, UNRESPONSIVE_GRACE_MS);
    });
    contents.on('responsive', () => {
      if (managed.hangTimer === null) return;
      clearTimeout(managed.hangTimer);
      managed.hangTimer = null;
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

  private scheduleReload(managed: Managed): void {
    if (managed.restartTimer !== null) return;
    const delay = managed.supervisor.failed();
    this.options.log.info(`window ${managed.plan.screenId}: reloading in ${delay / 1000} s (failure ${managed.supervisor.failures} in a row)`);
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

  private close(managed: Managed): void {
    this.clearTimers(managed);
    this.forget(managed);
    if (managed.window.isDestroyed()) return;
    managed.closingOnPurpose = true;
    this.options.log.info(`window ${managed.plan.screenId}: closing (display ${managed.plan.displayId})`);
    managed.window.destroy();
  }
}
