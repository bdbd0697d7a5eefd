import { consoleUrl, consoleWindowOptions, isConsoleNavigation, placeConsole, type ConsoleLang, type PlacementInput } from './console-plan';
import type { AgentBrowserWindow, AgentBrowserWindowConstructor, AgentWebContents } from './electron-api';
import type { Logger } from './log';

/**
 * The one console window (the server's /console/ page in a framed desk window). A thin
 * adapter over main/console-plan.ts: open() makes it, or brings the one that is open to the
 * front. Closing it is an operator's choice and quits nothing.
 */

export interface ConsoleWindowOptions {
  BrowserWindow: AgentBrowserWindowConstructor;
  serverUrl: string;
  lang: ConsoleLang | null;
  devTools: boolean;
  log: Logger;
  /** The displays now and which of them show the wall: asked at each open, as monitors come and go. */
  placement(): Omit<PlacementInput, 'wanted'>;
  wantedDisplay: number | null;
}

export class ConsoleWindow {
  private window: AgentBrowserWindow | null = null;
  private contentsId: number | null = null;
  readonly url: string;

  constructor(private readonly options: ConsoleWindowOptions) {
    this.url = consoleUrl(options.serverUrl, options.lang);
  }

  /** Whether these web contents are the console's (its navigation rule is not the wall's). */
  owns(contents: AgentWebContents): boolean {
    return this.contentsId !== null && contents.id === this.contentsId;
  }

  /** The rule main/windows.ts's guard applies to the console's web contents. */
  allows(url: string): boolean {
    return isConsoleNavigation(url, this.url);
  }

  isOpen(): boolean {
    return this.window !== null && !this.window.isDestroyed();
  }

  open(why: string): void {
    const { log } = this.options;
    const existing = this.window;
    if (existing && !existing.isDestroyed()) {
      log.info(`console window: brought to the front (${why})`);
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return;
    }
    const placement = placeConsole({ ...this.options.placement(), wanted: this.options.wantedDisplay });
    if (placement === null) {
      log.warn(`console window: not opened (${why}): no displays reported`);
      return;
    }
    if (placement.warning) log.warn(`console window: ${placement.warning}`);
    const window = new this.options.BrowserWindow(consoleWindowOptions(placement, this.options.lang, this.options.devTools));
    this.window = window;
    this.contentsId = window.webContents.id;
    log.info(`console window: opening ${this.url} on display ${placement.displayId} (${placement.reason}) at ${JSON.stringify(placement.bounds)} (${why})`);
    window.once('ready-to-show', () => {
      window.show();
      if (placement.overWall) {
        // Every display shows the wall: its screen-saver-level window would hide the console,
        // which the operator asked for. Raised above it, at that level, until it is closed.
        window.setAlwaysOnTop(true, 'screen-saver');
        log.warn(`console window: display ${placement.displayId} shows the wall; the console is raised above it (--console-display chooses another)`);
      }
      window.moveTop();
      window.focus();
    });
    window.on('closed', () => {
      if (this.window !== window) return;
      this.window = null;
      this.contentsId = null;
      log.info('console window: closed');
    });
    const loading = window.loadURL(this.url);
    loading.catch((error: unknown) => log.error(`console window: ${this.url} did not load`, { err: error }));
  }

  close(): void {
    const window = this.window;
    this.window = null;
    this.contentsId = null;
    if (window && !window.isDestroyed()) window.destroy();
  }
}
