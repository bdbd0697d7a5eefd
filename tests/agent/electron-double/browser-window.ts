import { EventEmitter } from 'node:events';
import type { BrowserContext, Page, Route } from 'playwright-core';
import type {
  AgentBrowserWindow,
  AgentBrowserWindowOptions,
  AgentWebContents,
  NavigationEvent,
  WindowOpenHandlerResponse,
} from '../../../main/electron-api';
import type { Rectangle } from '../../../main/displays';
import type { ProtocolBridge } from './protocol-bridge';
import { CONTEXT_MENU_BINDING, contextMenuInitScript, IPC_BINDING, preloadInitScript } from './preload-shim';

/**
 * BrowserWindow and webContents of the double. A window is a real Chromium page (a tab
 * of the double's persistent context) of the window's size; its webContents turns the
 * page's life into Electron's events:
 *  - did-finish-load: the main frame's load event after a loadURL;
 *  - did-fail-load: a loadURL that fails (the bridge down, a refused URL);
 *  - render-process-gone: the page's renderer crashed (playwright's `crash`), or
 *    forcefullyCrashRenderer() closed its target ("killed");
 *  - unresponsive / responsive: a probe evaluates `1` in the page every second; no
 *    answer within UNRESPONSIVE_AFTER_MS is "unresponsive", as Electron's hang monitor;
 *  - will-navigate: every main-frame navigation the page starts itself is routed and
 *    shown to the agent's guard first (with app:// URLs); a preventDefault answers it
 *    204 No Content, which leaves the page where it was;
 *  - context-menu: a right-click (a real `contextmenu` event in the page) that the page
 *    did not cancel, as Electron's; the native menu it would open is the double's Menu.
 * A window without a preload (the console's) gets no bridge, as in Electron.
 * Playwright cannot revive a crashed page, so the next loadURL after a crash opens a new
 * page in the same context: the webContents (its id, listeners, the agent's view) stays.
 */

const UNRESPONSIVE_AFTER_MS = 2_000;
const PROBE_EVERY_MS = 1_000;

export interface IpcCaller {
  (contents: DoubleWebContents, frame: { url: string; parent: unknown }, kind: 'invoke' | 'send', channel: string, args: unknown[]): Promise<unknown>;
}

export interface WindowHost {
  context: BrowserContext;
  bridge: ProtocolBridge;
  ipc: IpcCaller;
  /** app 'web-contents-created' */
  contentsCreated(contents: DoubleWebContents): void;
  windowClosed(window: DoubleBrowserWindow): void;
}

let nextContentsId = 1;

export class DoubleWebContents extends EventEmitter implements AgentWebContents {
  readonly id = nextContentsId++;
  page: Page | null = null;
  private openHandler: ((details: { url: string }) => WindowOpenHandlerResponse) | null = null;
  private loading: string | null = null;
  private crashed = false;
  private probe: NodeJS.Timeout | null = null;
  private hung = false;
  destroyed = false;
  /** URLs the agent's guard refused, as the agent saw them. */
  readonly refusedNavigations: string[] = [];
  readonly refusedPopups: string[] = [];

  constructor(
    private readonly host: WindowHost,
    private readonly preloadPath: string | undefined,
    private size: { width: number; height: number },
  ) {
    super();
  }

  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }

  /** The page's URL as the agent would see it (app://…). */
  getURL(): string {
    return this.page && !this.page.isClosed() ? this.host.bridge.toAppUrl(this.page.url()) : '';
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.livePage();
    this.loading = this.host.bridge.toPageUrl(url);
    try {
      await page.goto(this.loading, { waitUntil: 'load', timeout: 30_000 });
    } catch (error) {
      if (this.destroyed || page.isClosed()) return;
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      this.emit('did-fail-load', {}, -2, message, url, true);
      throw error;
    } finally {
      this.loading = null;
    }
  }

  forcefullyCrashRenderer(): void {
    const page = this.page;
    if (!page || page.isClosed()) return;
    // A hung renderer does not run CDP's Page.crash; closing its target is what a kill looks like from here.
    this.crashed = true;
    void page.close({ runBeforeUnload: false }).catch(() => undefined);
    this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
  }

  setSize(size: { width: number; height: number }): void {
    this.size = size;
    if (this.page && !this.page.isClosed()) void this.page.setViewportSize(size).catch(() => undefined);
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopProbe();
    const page = this.page;
    this.page = null;
    if (page && !page.isClosed()) await page.close({ runBeforeUnload: false }).catch(() => undefined);
    this.emit('destroyed');
  }

  private async livePage(): Promise<Page> {
    if (this.page && !this.page.isClosed() && !this.crashed) return this.page;
    if (this.page && !this.page.isClosed()) await this.page.close({ runBeforeUnload: false }).catch(() => undefined);
    this.crashed = false;
    const page = await this.host.context.newPage();
    this.page = page;
    await page.setViewportSize(this.size);
    if (this.preloadPath !== undefined) {
      await page.exposeBinding(IPC_BINDING, (source, kind: 'invoke' | 'send', channel: string, args: unknown[]) =>
        this.host.ipc(this, { url: this.host.bridge.toAppUrl(source.frame.url()), parent: source.frame.parentFrame() === null ? null : {} }, kind, channel, args),
      );
      await page.addInitScript(preloadInitScript(this.preloadPath));
    }
    await page.exposeBinding(CONTEXT_MENU_BINDING, (source, x: number, y: number) => {
      if (page === this.page && source.frame === page.mainFrame()) this.emit('context-menu', {}, { x, y });
    });
    await page.addInitScript(contextMenuInitScript());
    await page.route('**/*', (route) => this.guardNavigation(route));
    page.on('load', () => {
      if (page === this.page) this.emit('did-finish-load');
    });
    page.on('crash', () => {
      if (page !== this.page) return;
      this.crashed = true;
      this.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    });
    page.on('popup', (popup) => {
      const url = this.host.bridge.toAppUrl(popup.url());
      const decision = this.openHandler?.({ url }) ?? { action: 'allow' };
      if (decision.action === 'deny') {
        this.refusedPopups.push(url);
        void popup.close().catch(() => undefined);
      }
    });
    this.startProbe();
    return page;
  }

  private async guardNavigation(route: Route): Promise<void> {
    const request = route.request();
    const page = this.page;
    // Only what the page starts itself; our own loadURL is not a will-navigate in Electron either.
    if (!request.isNavigationRequest() || request.frame() !== page?.mainFrame() || request.url() === this.loading) {
      await route.fallback();
      return;
    }
    let prevented = false;
    const event: NavigationEvent = { url: this.host.bridge.toAppUrl(request.url()), preventDefault: () => (prevented = true) };
    this.emit('will-navigate', event);
    if (prevented) {
      this.refusedNavigations.push(event.url);
      // A 204 ends a navigation without replacing the document, as Electron's preventDefault
      // does; an aborted request would commit Chromium's error page instead.
      await route.fulfill({ status: 204, body: '' });
    } else {
      await route.fallback();
    }
  }

  private startProbe(): void {
    if (this.probe !== null) return;
    const tick = async (): Promise<void> => {
      const page = this.page;
      if (this.destroyed) return;
      if (page && !page.isClosed() && !this.crashed) {
        let answered = false;
        const answer = page.evaluate('1').then(
          () => (answered = true),
          () => undefined,
        );
        await Promise.race([answer, new Promise((resolve) => setTimeout(resolve, UNRESPONSIVE_AFTER_MS))]);
        if (!answered && !this.hung && page === this.page && !this.crashed) {
          this.hung = true;
          this.emit('unresponsive');
        } else if (answered && this.hung) {
          this.hung = false;
          this.emit('responsive');
        }
      }
      if (!this.destroyed) this.probe = setTimeout(() => void tick(), PROBE_EVERY_MS);
    };
    this.probe = setTimeout(() => void tick(), PROBE_EVERY_MS);
  }

  private stopProbe(): void {
    if (this.probe !== null) clearTimeout(this.probe);
    this.probe = null;
  }
}

export class DoubleBrowserWindow extends EventEmitter implements AgentBrowserWindow {
  readonly webContents: DoubleWebContents;
  private bounds: Rectangle;
  private destroyedFlag = false;
  visible = false;
  /** moveTop() and focus() calls: how a test sees "brought to the front". */
  raised = 0;
  focused = 0;
  alwaysOnTop: { flag: boolean; level: string | undefined };
  private shownOnce = false;

  constructor(
    private readonly host: WindowHost,
    readonly options: AgentBrowserWindowOptions,
  ) {
    super();
    this.bounds = { x: options.x, y: options.y, width: options.width, height: options.height };
    this.alwaysOnTop = { flag: options.alwaysOnTop, level: undefined };
    this.webContents = new DoubleWebContents(host, options.webPreferences.preload, { width: options.width, height: options.height });
    this.webContents.on('did-finish-load', () => {
      if (this.shownOnce) return;
      this.shownOnce = true;
      this.emit('ready-to-show');
    });
    host.contentsCreated(this.webContents);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.visible = true;
  }

  isDestroyed(): boolean {
    return this.destroyedFlag;
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {}

  moveTop(): void {
    this.raised++;
  }

  focus(): void {
    this.focused++;
  }

  destroy(): void {
    if (this.destroyedFlag) return;
    this.destroyedFlag = true;
    void this.webContents.destroy().finally(() => {
      this.emit('closed');
      this.host.windowClosed(this);
    });
  }

  getBounds(): Rectangle {
    return { ...this.bounds };
  }

  /** Also what the OS does when it moves a window (the test's "a display changed"): emits move/resize. */
  setBounds(bounds: Partial<Rectangle>): void {
    const next = { ...this.bounds, ...bounds };
    const moved = next.x !== this.bounds.x || next.y !== this.bounds.y;
    const resized = next.width !== this.bounds.width || next.height !== this.bounds.height;
    this.bounds = next;
    if (resized) this.webContents.setSize({ width: next.width, height: next.height });
    if (moved) this.emit('move');
    if (resized) this.emit('resize');
  }

  setAlwaysOnTop(flag: boolean, level?: 'screen-saver'): void {
    this.alwaysOnTop = { flag, level };
  }
}
