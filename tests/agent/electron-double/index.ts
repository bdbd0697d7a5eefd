import { EventEmitter } from 'node:events';
import { chromium, type BrowserContext } from 'playwright-core';
import type { Display } from '../../../main/displays';
import type {
  AgentApp,
  AgentElectron,
  AgentIpcEvent,
  AgentIpcMain,
  AgentScreen,
  AgentSession,
  ChildProcessGoneDetails,
  LoginItemSettings,
  PermissionCheckDetails,
  PermissionRequestDetails,
  PreventableEvent,
  PrivilegedScheme,
} from '../../../main/electron-api';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/browser';
import { DoubleBrowserWindow, type WindowHost } from './browser-window';
import { DoubleMenuStatic, DoubleTray } from './menus';
import { ProtocolBridge, type ProtocolHandler } from './protocol-bridge';

export { DoubleBrowserWindow, DoubleWebContents } from './browser-window';
export { DoubleMenu, DoubleTray } from './menus';

/**
 * A test double of the parts of Electron the display agent uses (main/electron-api.ts),
 * whose windows are real Chromium pages: Debian's Chromium through playwright-core, one
 * persistent profile per "run of the app" (so IndexedDB survives an agent restart, as
 * Electron's user-data folder does), one tab per BrowserWindow at the window's size.
 * The agent's real startup code (main/agent.ts) runs against it unchanged. What it
 * cannot prove is listed in README.md and docs/security.md.
 */

export interface DoubleOptions {
  /** Chromium's profile folder: reuse it to "restart the app" with its storage. */
  profileDir: string;
  userData: string;
  displays: Display[];
  isPackaged?: boolean;
  /** The bridge's port; a restarted app reuses the previous run's (same origin, same storage). */
  bridgePort?: number;
}

class DoubleApp extends EventEmitter implements AgentApp {
  readonly isPackaged: boolean;
  readonly exitCodes: number[] = [];
  relaunches = 0;
  loginItems: LoginItemSettings[] = [];
  private quitting = false;
  /** Resolves when the app has exited (quit went through, or exit() was called). */
  readonly exited: Promise<number>;
  private resolveExit!: (code: number) => void;

  constructor(
    private readonly userData: string,
    packaged: boolean,
  ) {
    super();
    this.isPackaged = packaged;
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(): string {
    return this.userData;
  }
  getVersion(): string {
    return '0.0.0-double';
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  setLoginItemSettings(settings: LoginItemSettings): void {
    this.loginItems.push(settings);
  }
  relaunch(): void {
    this.relaunches++;
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
    this.resolveExit(code);
  }
  /** Electron's order: before-quit, then will-quit (which may be prevented), then exit. */
  quit(): void {
    if (!this.quitting) {
      this.quitting = true;
      this.emit('before-quit');
    }
    let prevented = false;
    const event: PreventableEvent = { preventDefault: () => (prevented = true) };
    this.emit('will-quit', event);
    if (!prevented) this.resolveExit(0);
  }
}

class DoubleScreen extends EventEmitter implements AgentScreen {
  constructor(private displays: Display[]) {
    super();
  }
  getAllDisplays(): Display[] {
    return this.displays.map((d) => ({ ...d, bounds: { ...d.bounds }, size: { ...d.size } }));
  }
  getPrimaryDisplay(): Display {
    return this.getAllDisplays()[0]!;
  }
  add(display: Display): void {
    this.displays = [...this.displays, display];
    this.emit('display-added', {}, display);
  }
  remove(id: number): void {
    const display = this.displays.find((d) => d.id === id);
    if (!display) throw new Error(`no display ${id}`);
    this.displays = this.displays.filter((d) => d.id !== id);
    this.emit('display-removed', {}, display);
  }
}

class DoubleIpcMain extends EventEmitter implements AgentIpcMain {
  readonly handlers = new Map<string, (event: AgentIpcEvent, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: AgentIpcEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
}

class DoubleSession implements AgentSession {
  request: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetails) => void) | null = null;
  check: ((contents: unknown, permission: string, requestingOrigin: string, details: PermissionCheckDetails) => boolean) | null = null;
  device: (() => boolean) | null = null;
  setPermissionRequestHandler(handler: NonNullable<DoubleSession['request']>): void {
    this.request = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<DoubleSession['check']>): void {
    this.check = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.device = handler;
  }
  /** What Chromium does when a page asks for a permission: ask the handler the agent set. */
  ask(permission: string, requestingUrl: string): Promise<boolean> {
    if (!this.request) return Promise.resolve(true); // Electron's default without a handler: granted
    return new Promise((resolve) => this.request!(null, permission, resolve, { requestingUrl }));
  }
}

export interface ElectronDouble {
  electron: AgentElectron;
  app: DoubleApp;
  screen: DoubleScreen;
  session: DoubleSession;
  bridge: ProtocolBridge;
  context: BrowserContext;
  /** Every window the agent opened, in order, closed ones too. */
  windows: DoubleBrowserWindow[];
  openWindows(): DoubleBrowserWindow[];
  schemes: PrivilegedScheme[];
  powerSaveBlocks: Set<number>;
  /** dialog.showErrorBox calls (startup failures): title and text. */
  errorBoxes: string[];
  /** Fire app 'child-process-gone' (the GPU process, …). */
  childProcessGone(details: ChildProcessGoneDetails): void;
  /** Fire app 'second-instance': another start of the app on this machine, with its argv. */
  secondInstance(argv: string[]): void;
  menus: DoubleMenuStatic;
  /** Every tray item the agent made. */
  trays: DoubleTray[];
  close(): Promise<void>;
}

export async function createElectronDouble(options: DoubleOptions): Promise<ElectronDouble> {
  const context = await chromium.launchPersistentContext(options.profileDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: null,
  });
  // The persistent context opens with a blank tab; windows get their own.
  for (const page of context.pages()) await page.close();
  const bridge = new ProtocolBridge();
  await bridge.start(options.bridgePort ?? 0);
  const app = new DoubleApp(options.userData, options.isPackaged ?? false);
  const screen = new DoubleScreen(options.displays);
  const ipcMain = new DoubleIpcMain();
  const session = new DoubleSession();
  const windows: DoubleBrowserWindow[] = [];
  const schemes: PrivilegedScheme[] = [];
  const powerSaveBlocks = new Set<number>();
  let nextBlock = 1;
  const errorBoxes: string[] = [];
  const menus = new DoubleMenuStatic();
  const trays: DoubleTray[] = [];

  const host: WindowHost = {
    context,
    bridge,
    contentsCreated: (contents) => app.emit('web-contents-created', {}, contents),
    windowClosed: () => undefined,
    async ipc(contents, frame, kind, channel, args) {
      const event: AgentIpcEvent = { sender: contents, senderFrame: frame };
      if (kind === 'invoke') {
        const handler = ipcMain.handlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        return await handler(event, ...args);
      }
      ipcMain.emit(channel, event, ...args);
      return undefined;
    },
  };

  class BrowserWindow extends DoubleBrowserWindow {
    constructor(windowOptions: ConstructorParameters<typeof DoubleBrowserWindow>[1]) {
      super(host, windowOptions);
      windows.push(this);
    }
  }

  class Tray extends DoubleTray {
    constructor(icon: string) {
      super(icon);
      trays.push(this);
    }
  }

  const electron: AgentElectron = {
    app,
    screen,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (list) => void schemes.push(...list),
      handle(scheme: string, handler: ProtocolHandler) {
        if (scheme !== 'app') throw new Error(`the double bridges the app: scheme only, not ${scheme}:`);
        bridge.setHandler(handler);
      },
    },
    ipcMain,
    powerSaveBlocker: {
      start: () => {
        const id = nextBlock++;
        powerSaveBlocks.add(id);
        return id;
      },
      stop: (id) => powerSaveBlocks.delete(id),
      isStarted: (id) => powerSaveBlocks.has(id),
    },
    session: { defaultSession: session },
    dialog: {
      showErrorBox: (title, content) => void errorBoxes.push(`${title}: ${content}`),
    },
    utilityProcess: {
      fork: () => {
        throw new Error('utilityProcess is not part of the double (a development run spawns Node)');
      },
    },
    Menu: menus,
    Tray,
  };

  return {
    electron,
    app,
    screen,
    session,
    bridge,
    context,
    windows,
    openWindows: () => windows.filter((w) => !w.isDestroyed()),
    schemes,
    powerSaveBlocks,
    errorBoxes,
    childProcessGone: (details) => app.emit('child-process-gone', {}, details),
    secondInstance: (argv) => app.emit('second-instance', {}, argv),
    menus,
    trays,
    async close() {
      for (const window of windows) window.destroy();
      await context.close().catch(() => undefined);
      await bridge.stop();
    },
  };
}

