import { EventEmitter } from 'node:events';
import type { AgentMenu, AgentMenuItemOptions, AgentMenuStatic, AgentTray } from '../../../main/electron-api';

/**
 * Menu and Tray of the double. There is no native menu or tray here: a menu is its
 * template, a popup is counted, and a test "clicks" an item by its label, which runs the
 * agent's own click handler. What the OS would draw (or refuse to draw: a Linux desktop
 * without a tray host) is not proved; docs/console.md says so.
 */

export class DoubleMenu implements AgentMenu {
  popups = 0;
  constructor(readonly template: AgentMenuItemOptions[]) {}

  popup(): void {
    this.popups++;
  }

  labels(): string[] {
    return this.template.map((item) => (item.type === 'separator' ? '—' : (item.label ?? '')));
  }

  click(label: string): void {
    const item = this.template.find((entry) => entry.type !== 'separator' && entry.label === label);
    if (!item?.click) throw new Error(`no menu item "${label}" (the menu has: ${this.labels().join(', ')})`);
    item.click();
  }
}

export class DoubleMenuStatic implements AgentMenuStatic {
  /** Every menu the agent built, in order. */
  readonly built: DoubleMenu[] = [];

  buildFromTemplate(template: AgentMenuItemOptions[]): DoubleMenu {
    const menu = new DoubleMenu(template.map((item) => ({ ...item })));
    this.built.push(menu);
    return menu;
  }

  /** The last menu opened as a context menu. */
  lastPopup(): DoubleMenu | undefined {
    return this.built.filter((menu) => menu.popups > 0).at(-1);
  }
}

export class DoubleTray extends EventEmitter implements AgentTray {
  toolTip = '';
  menu: DoubleMenu | null = null;
  private destroyed = false;

  constructor(readonly icon: string) {
    super();
  }

  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }

  setContextMenu(menu: AgentMenu | null): void {
    if (menu !== null && !(menu instanceof DoubleMenu)) throw new Error('the double tray takes the double Menu only');
    this.menu = menu;
  }

  destroy(): void {
    this.destroyed = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}
