import type { AgentBrowserWindowOptions } from './electron-api';
import { flagValue, readFlag, switchValue } from './argv';
import { HARDENED_WEB_PREFERENCES } from './web-preferences';
import { orderDisplays, type Display, type Rectangle } from './displays';

/**
 * The operator console as an Electron window: every decision, pure. The console is the
 * server's own web page (`<server>/console/`), shown in an ordinary framed window on the
 * operator's monitor; main/console-window.ts and main/operator-menus.ts only apply what
 * this module says. Unit-tested in tests/unit/main-console-plan.test.ts.
 */

export type ConsoleLang = 'vi' | 'en';

export interface ConsoleArgs {
  /** --console: open the console window at start. */
  open: boolean;
  /** --console-display=<id>: the display it opens on (Electron's display id). */
  displayId: number | null;
  /** --lang=vi|en: the menus' language and the console's first language; null: Vietnamese menus, the console's remembered choice. */
  lang: ConsoleLang | null;
}

/** The flags this module reads; main/config.ts treats them as known. */
export const CONSOLE_FLAGS = ['console', 'console-display', 'lang'] as const;

/**
 * Reads --console, --console-display and --lang from the agent's argv (both `--flag=value`
 * and `--flag value` for the two with values; the last one wins). A bad value is a problem
 * naming the flag, what it expects and what it got; every problem is listed, none skipped.
 */
export function parseConsoleArgs(argv: readonly string[]): { args: ConsoleArgs; problems: string[] } {
  const args: ConsoleArgs = { open: false, displayId: null, lang: null };
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = readFlag(argv[i]!);
    if (!flag) continue;
    if (flag.name === 'console') {
      const read = switchValue(flag.name, flag.inline);
      if ('problem' in read) problems.push(read.problem);
      else args.open = read.on;
      continue;
    }
    if (flag.name !== 'console-display' && flag.name !== 'lang') continue;
    const read = flagValue(argv, i, flag);
    i = read.next;
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const text = read.value.trim();
    if (flag.name === 'console-display') {
      if (/^\d{1,15}$/.test(text)) args.displayId = Number(text);
      else problems.push(`--console-display: expected a display id, a whole number as the agent's log lists them (got "${read.value}")`);
    } else if (text.toLowerCase() === 'vi' || text.toLowerCase() === 'en') {
      args.lang = text.toLowerCase() as ConsoleLang;
    } else {
      problems.push(`--lang: expected vi or en (got "${read.value}")`);
    }
  }
  return { args, problems };
}

export interface PlacementInput {
  displays: readonly Display[];
  primaryDisplayId: number | null;
  /** Displays that show a wall screen now (the preview window counts: it is a wall too). */
  wallDisplayIds: readonly number[];
  /** --console-display, if given. */
  wanted: number | null;
}

export interface ConsolePlacement {
  displayId: number;
  bounds: Rectangle;
  /** chosen: --console-display; free: a display without a wall screen; primary: no free display. */
  reason: 'chosen' | 'free' | 'primary';
  /** The display also shows a wall screen: its always-on-top window would hide the console unless raised. */
  overWall: boolean;
  /** Something the operator should know (the wanted display is not there). */
  warning: string | null;
}

/** Most of the work area, centred; never larger than a desk monitor needs, never past its edges. */
const PREFERRED = { width: 1600, height: 1000 };
const SHARE = 0.9;

export function consoleBounds(area: Rectangle): Rectangle {
  const width = Math.min(PREFERRED.width, Math.max(1, Math.round(area.width * SHARE)));
  const height = Math.min(PREFERRED.height, Math.max(1, Math.round(area.height * SHARE)));
  return { x: area.x + Math.floor((area.width - width) / 2), y: area.y + Math.floor((area.height - height) / 2), width, height };
}

/**
 * Where the console opens: the display asked for, else one that drives no wall screen (the
 * primary first, then in reading order), else the primary. Null without displays.
 */
export function placeConsole(input: PlacementInput): ConsolePlacement | null {
  if (input.displays.length === 0) return null;
  const wall = new Set(input.wallDisplayIds);
  const ordered = orderDisplays(input.displays).map((cell) => cell.display);
  const primary = ordered.find((d) => d.id === input.primaryDisplayId) ?? ordered[0]!;
  let warning: string | null = null;
  let display: Display | undefined;
  let reason: ConsolePlacement['reason'];
  const wanted = input.wanted === null ? undefined : ordered.find((d) => d.id === input.wanted);
  if (input.wanted !== null && wanted === undefined) {
    warning = `--console-display ${input.wanted}: no such display (there are ${ordered.map((d) => d.id).join(', ')}); choosing another`;
  }
  if (wanted) {
    display = wanted;
    reason = 'chosen';
  } else {
    display = [primary, ...ordered].find((d) => !wall.has(d.id));
    reason = display ? 'free' : 'primary';
    display ??= primary;
  }
  return { displayId: display.id, bounds: consoleBounds(display.workArea ?? display.bounds), reason, overWall: wall.has(display.id), warning };
}

/** The console page of a server (its URL as the agent has it: an origin, maybe a path prefix, no trailing slash). */
export function consoleUrl(serverUrl: string, lang: ConsoleLang | null): string {
  const url = new URL(`${serverUrl.replace(/\/+$/, '')}/console/`);
  if (lang !== null) url.searchParams.set('lang', lang);
  return url.toString();
}

/**
 * Where the console window may go: its server's origin (scheme, host and port), under the
 * console's path. Anything else — another site, the wall pages, the API's JSON, a
 * `javascript:` or `file:` URL — is refused: the window holds an operator's session.
 */
export function isConsoleNavigation(target: string, consolePage: string): boolean {
  if (!URL.canParse(target) || !URL.canParse(consolePage)) return false;
  const to = new URL(target);
  const home = new URL(consolePage);
  if (to.protocol !== 'http:' && to.protocol !== 'https:') return false;
  if (to.username !== '' || to.password !== '') return false;
  return to.origin === home.origin && to.pathname.startsWith(home.pathname);
}

/** The console window: an ordinary desk window. The same web preferences as the wall's, without the wall's preload bridge. */
export function consoleWindowOptions(placement: ConsolePlacement, lang: ConsoleLang | null, devTools: boolean): AgentBrowserWindowOptions {
  return {
    ...placement.bounds,
    fullscreen: false,
    frame: true,
    resizable: true,
    minWidth: Math.min(800, placement.bounds.width),
    minHeight: Math.min(600, placement.bounds.height),
    show: false,
    alwaysOnTop: false,
    title: menuLabel('title', lang),
    backgroundColor: '#05080d',
    autoHideMenuBar: true,
    webPreferences: {
      // No preload: the console talks to its server over HTTP and its socket, never to the agent.
      ...HARDENED_WEB_PREFERENCES,
      backgroundThrottling: true,
      devTools,
    },
  };
}

export type MenuAction = 'open-console' | 'reload-screen' | 'quit';
export type MenuEntry = { action: MenuAction; label: string } | { separator: true };

const LABELS = {
  title: { vi: 'Toàn Cảnh — Bảng điều khiển', en: 'Toàn Cảnh — Console' },
  'open-console': { vi: 'Mở bảng điều khiển', en: 'Open console' },
  'reload-screen': { vi: 'Tải lại màn hình này', en: 'Reload this screen' },
  quit: { vi: 'Thoát Toàn Cảnh', en: 'Quit Toàn Cảnh' },
  tooltip: { vi: 'Toàn Cảnh — tường hiển thị', en: 'Toàn Cảnh — video wall' },
} as const;

export function menuLabel(key: keyof typeof LABELS, lang: ConsoleLang | null): string {
  return LABELS[key][lang ?? 'vi'];
}

/** Right-click on a wall window. */
export function wallContextMenu(lang: ConsoleLang | null): MenuEntry[] {
  return [
    { action: 'open-console', label: menuLabel('open-console', lang) },
    { separator: true },
    { action: 'reload-screen', label: menuLabel('reload-screen', lang) },
  ];
}

/** The tray item's menu. */
export function trayMenu(lang: ConsoleLang | null): MenuEntry[] {
  return [{ action: 'open-console', label: menuLabel('open-console', lang) }, { separator: true }, { action: 'quit', label: menuLabel('quit', lang) }];
}
