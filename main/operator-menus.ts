import { menuLabel, trayMenu, wallContextMenu, type ConsoleLang, type MenuAction, type MenuEntry } from './console-plan';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentMenu, AgentMenuItemOptions, AgentMenuStatic, AgentTray, AgentTrayConstructor } from './electron-api';
import type { Logger } from './log';

/**
 * The operator's ways in from the wall PC: a context menu on every wall window and an item
 * in the system tray. The entries are main/console-plan.ts's; this file builds them with
 * Electron's Menu and Tray and routes each click to the agent.
 */

/**
 * A 32×32 PNG: four light-blue panels on a dark frame, the wall in miniature. Kept here, not
 * as an asset: the tray wants a file, which is written to the data folder at start, and so
 * needs nothing from the package's resources.
 */
const TRAY_ICON_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAQElEQVR42mNgGAWjgIGBgVtE6f9A4MHnAP/D30nClOobdcCoA0YdMOqA0aJ4NA2MOmDUAaMOGC2KB48DRsGIBgDvvYXbWodeRwAAAABJRU5ErkJggg==';

export interface OperatorMenusOptions {
  Menu: AgentMenuStatic;
  Tray: AgentTrayConstructor;
  /** Where the tray icon's file is written (the agent's data folder). */
  iconDir: string;
  lang: ConsoleLang | null;
  log: Logger;
  openConsole(why: string): void;
  /** Reloads the wall window of this key. */
  reloadScreen(key: string): void;
  quit(): void;
}

export class OperatorMenus {
  private tray: AgentTray | null = null;

  constructor(private readonly options: OperatorMenusOptions) {}

  /** The tray item. A desktop without a tray (a bare X session, GNOME without its extension) shows nothing: the context menu still works. */
  showTray(): void {
    const { Tray, iconDir, lang, log } = this.options;
    try {
      mkdirSync(iconDir, { recursive: true });
      const icon = join(iconDir, 'tray-icon.png');
      writeFileSync(icon, Buffer.from(TRAY_ICON_PNG, 'base64'));
      const tray = new Tray(icon);
      tray.setToolTip(menuLabel('tooltip', lang));
      tray.setContextMenu(this.build(trayMenu(lang), null));
      this.tray = tray;
    } catch (error) {
      log.warn('no tray item: the desktop refused it', { err: error });
    }
  }

  /** Right-click on the wall window `key`. */
  popupFor(key: string): void {
    this.options.Menu.buildFromTemplate(this.items(wallContextMenu(this.options.lang), key)).popup();
  }

  destroy(): void {
    if (this.tray && !this.tray.isDestroyed()) this.tray.destroy();
    this.tray = null;
  }

  private build(entries: MenuEntry[], key: string | null): AgentMenu {
    return this.options.Menu.buildFromTemplate(this.items(entries, key));
  }

  private items(entries: MenuEntry[], key: string | null): AgentMenuItemOptions[] {
    return entries.map((entry) => ('separator' in entry ? { type: 'separator' } : { label: entry.label, click: () => this.run(entry.action, key) }));
  }

  private run(action: MenuAction, key: string | null): void {
    const { log } = this.options;
    const from = key === null ? 'the tray' : `the context menu of ${key}`;
    if (action === 'open-console') this.options.openConsole(from);
    else if (action === 'reload-screen' && key !== null) {
      log.info(`window ${key}: reloaded from its context menu`);
      this.options.reloadScreen(key);
    } else if (action === 'quit') {
      log.info(`quit from ${from}`);
      this.options.quit();
    }
  }
}
