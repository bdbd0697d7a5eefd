import type { Display } from './displays';
import type { Rectangle } from './displays';

/**
 * The parts of Electron's API the display agent uses, as structural interfaces: the real
 * module fits them (main/index.ts passes `await import('electron')`), and so does the
 * test double under tests/agent/electron-double/, whose windows are real Chromium pages.
 * Nothing here is imported at run time; keeping the list short keeps the double honest.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

export interface NavigationEvent extends PreventableEvent {
  url: string;
}

export interface RenderProcessGoneDetails {
  reason: string;
  exitCode: number;
}

export interface ChildProcessGoneDetails {
  type: string;
  reason: string;
  exitCode: number;
}

export interface WindowOpenHandlerResponse {
  action: 'allow' | 'deny';
}

export interface AgentWebContents {
  readonly id: number;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse): void;
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): this;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): this;
  on(event: 'did-finish-load' | 'unresponsive' | 'responsive' | 'destroyed', listener: () => void): this;
  on(event: 'render-process-gone', listener: (event: unknown, details: RenderProcessGoneDetails) => void): this;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
  ): this;
  /** A right-click the page did not handle: where a context menu would open. */
  on(event: 'context-menu', listener: (event: unknown, params: { x: number; y: number }) => void): this;
  once(event: 'destroyed', listener: () => void): this;
  forcefullyCrashRenderer(): void;
}

export interface AgentBrowserWindowOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  fullscreen: boolean;
  frame: boolean;
  resizable?: boolean;
  minWidth?: number;
  minHeight?: number;
  show: boolean;
  alwaysOnTop: boolean;
  title: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: {
    /** The wall's bridge (main/preload); the console window has none. */
    preload?: string;
    contextIsolation: boolean;
    sandbox: boolean;
    nodeIntegration: boolean;
    webSecurity: boolean;
    webviewTag: boolean;
    spellcheck: boolean;
    backgroundThrottling: boolean;
    devTools: boolean;
  };
}

export interface AgentBrowserWindow {
  readonly webContents: AgentWebContents;
  on(event: 'closed' | 'ready-to-show' | 'move' | 'resize', listener: () => void): this;
  once(event: 'closed' | 'ready-to-show', listener: () => void): this;
  loadURL(url: string): Promise<void>;
  show(): void;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  moveTop(): void;
  focus(): void;
  destroy(): void;
  getBounds(): Rectangle;
  setBounds(bounds: Partial<Rectangle>): void;
  setAlwaysOnTop(flag: boolean, level?: 'screen-saver'): void;
}

export type AgentBrowserWindowConstructor = new (options: AgentBrowserWindowOptions) => AgentBrowserWindow;

export interface IpcSenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export interface AgentIpcEvent {
  readonly sender: AgentWebContents;
  readonly senderFrame: IpcSenderFrame | null;
}

export interface AgentIpcMain {
  handle(channel: string, listener: (event: AgentIpcEvent, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: AgentIpcEvent, ...args: unknown[]) => void): this;
}

export interface PrivilegedScheme {
  scheme: string;
  privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean };
}

export interface AgentProtocol {
  registerSchemesAsPrivileged(schemes: PrivilegedScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface AgentScreen {
  getAllDisplays(): Display[];
  getPrimaryDisplay(): Display;
  on(event: 'display-added' | 'display-removed', listener: (event: unknown, display: Display) => void): this;
  on(event: 'display-metrics-changed', listener: (event: unknown, display: Display, changedMetrics: string[]) => void): this;
}

export interface PermissionRequestDetails {
  requestingUrl: string;
}

export interface PermissionCheckDetails {
  requestingUrl?: string;
}

export interface AgentSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetails) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, requestingOrigin: string, details: PermissionCheckDetails) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

export interface LoginItemSettings {
  openAtLogin: boolean;
  args?: string[];
}

export interface AgentApp {
  readonly isPackaged: boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): this;
  on(event: 'window-all-closed' | 'before-quit', listener: () => void): this;
  on(event: 'will-quit', listener: (event: PreventableEvent) => void): this;
  on(event: 'web-contents-created', listener: (event: unknown, contents: AgentWebContents) => void): this;
  on(event: 'child-process-gone', listener: (event: unknown, details: ChildProcessGoneDetails) => void): this;
  whenReady(): Promise<void>;
  getPath(name: 'userData'): string;
  getVersion(): string;
  quit(): void;
  exit(code?: number): void;
  relaunch(): void;
  requestSingleInstanceLock(): boolean;
  setLoginItemSettings(settings: LoginItemSettings): void;
}

export interface AgentPowerSaveBlocker {
  start(type: 'prevent-display-sleep'): number;
  stop(id: number): boolean;
  isStarted(id: number): boolean;
}

export interface AgentDialog {
  showErrorBox(title: string, content: string): void;
}

export interface UtilityChild {
  readonly pid: number | undefined;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  kill(): boolean;
  once(event: 'exit', listener: (code: number) => void): this;
}

export interface AgentUtilityProcess {
  fork(modulePath: string, args: string[], options: { env: Record<string, string>; stdio: 'pipe'; serviceName: string }): UtilityChild;
}

/** What the operator's menus are built from (main/operator-menus.ts). */
export interface AgentMenuItemOptions {
  label?: string;
  type?: 'normal' | 'separator';
  click?: () => void;
}

export interface AgentMenu {
  /** Opens it as a context menu at the mouse, over the focused window. */
  popup(): void;
}

export interface AgentMenuStatic {
  buildFromTemplate(template: AgentMenuItemOptions[]): AgentMenu;
}

export interface AgentTray {
  setToolTip(toolTip: string): void;
  setContextMenu(menu: AgentMenu | null): void;
  on(event: 'click', listener: () => void): this;
  destroy(): void;
  isDestroyed(): boolean;
}

/** The icon as a PNG file's path (main/operator-menus.ts writes it). */
export type AgentTrayConstructor = new (image: string) => AgentTray;

export interface AgentElectron {
  app: AgentApp;
  screen: AgentScreen;
  BrowserWindow: AgentBrowserWindowConstructor;
  protocol: AgentProtocol;
  ipcMain: AgentIpcMain;
  powerSaveBlocker: AgentPowerSaveBlocker;
  session: { defaultSession: AgentSession };
  dialog: AgentDialog;
  utilityProcess: AgentUtilityProcess;
  Menu: AgentMenuStatic;
  Tray: AgentTrayConstructor;
}
