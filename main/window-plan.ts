import type { Screen, WallProfile } from '../shared/wall/profile';
import { orderDisplays, type Display, type Rectangle } from './displays';

/**
 * Which window goes on which monitor. Pure: the adapter feeds it Electron's displays
 * and applies the difference between two plans, so a monitor that comes or goes only
 * touches its own window and the rest of the wall keeps painting.
 */

/** The screen id of the single window that shows the whole wall scaled down. */
export const PREVIEW_SCREEN_ID = 'all';

export interface WindowPlan {
  /** Identity across re-plans: the same key on another display is a move, not a new window. */
  key: string;
  /** The profile screen this window draws, or "all" for the preview. */
  screenId: string;
  /** The display's bounds: the window covers the whole monitor. */
  bounds: Rectangle;
  fullscreen: true;
  frameless: true;
  displayId: number;
}

export interface PlanInput {
  displays: readonly Display[];
  /** Electron's screen.getPrimaryDisplay().id; the preview goes there. */
  primaryDisplayId?: number;
  profile: WallProfile | null;
  /** --preview: one window with the whole wall, whatever the monitors. */
  preview: boolean;
  /** This machine's host name; screens pinned to another host are not ours to draw. */
  host?: string;
}

export interface Plan {
  mode: 'preview' | 'wall';
  windows: WindowPlan[];
  /** Profile screens of this host that found no display (reported, drawn nowhere). */
  unassigned: string[];
  /** Displays that draw nothing (left dark, reported). */
  dark: number[];
  /** Profile screens pinned to another host. */
  elsewhere: string[];
}

function windowOn(screenId: string, display: Display): WindowPlan {
  return {
    key: screenId,
    screenId,
    bounds: { ...display.bounds },
    fullscreen: true,
    frameless: true,
    displayId: display.id,
  };
}

/** Placement in reading order, for screens that are matched to displays by order. */
function placementOrder(screen: Screen): [number, number] {
  return screen.placement.kind === 'grid' ? [screen.placement.row, screen.placement.column] : [screen.placement.yMm, screen.placement.xMm];
}

export function planWindows(input: PlanInput): Plan {
  const { displays, profile } = input;
  if (displays.length === 0) return { mode: 'wall', windows: [], unassigned: [], dark: [], elsewhere: [] };

  const ours = (screen: Screen): boolean => input.host === undefined || screen.display?.host === undefined || screen.display.host === input.host;
  const localScreens = profile ? profile.screens.filter(ours) : [];
  const elsewhere = profile ? profile.screens.filter((s) => !ours(s)).map((s) => s.id) : [];
  // A host of a multi-host wall may drive a single panel: that is its screen, not a preview.
  const pinnedToThisHost = input.host !== undefined && localScreens.some((s) => s.display?.host === input.host);

  if (input.preview || profile === null || (displays.length === 1 && !pinnedToThisHost)) {
    const primary = displays.find((d) => d.id === input.primaryDisplayId) ?? orderDisplays(displays)[0]!.display;
    return {
      mode: 'preview',
      windows: [windowOn(PREVIEW_SCREEN_ID, primary)],
      unassigned: [],
      dark: displays.filter((d) => d !== primary).map((d) => d.id),
      elsewhere,
    };
  }

  const ordered = orderDisplays(displays).map((cell) => cell.display);
  const claimed = new Map<Display, Screen>();
  const assigned = new Map<Screen, Display>();
  const claim = (screen: Screen, display: Display | undefined): void => {
    if (display === undefined || claimed.has(display) || assigned.has(screen)) return;
    claimed.set(display, screen);
    assigned.set(screen, display);
  };

  // Display ids first: they are the most specific pin. Then positions in reading order,
  // which survive the OS renumbering its displays. A screen with a pin that no display
  // satisfies stays unassigned rather than drawn on a guessed monitor.
  for (const screen of localScreens) {
    const id = screen.display?.displayId;
    if (id !== undefined) claim(screen, ordered.find((d) => d.id === id));
  }
  for (const screen of localScreens) {
    const index = screen.display?.index;
    if (index !== undefined) claim(screen, ordered[index]);
  }
  const unpinned = localScreens
    .filter((s) => s.display?.displayId === undefined && s.display?.index === undefined)
    .map((screen, i) => ({ screen, i, order: placementOrder(screen) }))
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.i - b.i);
  const free = ordered.filter((d) => !claimed.has(d));
  for (const { screen } of unpinned) claim(screen, free.shift());

  return {
    mode: 'wall',
    windows: localScreens.flatMap((screen) => {
      const display = assigned.get(screen);
      return display ? [windowOn(screen.id, display)] : [];
    }),
    unassigned: localScreens.filter((s) => !assigned.has(s)).map((s) => s.id),
    dark: ordered.filter((d) => !claimed.has(d)).map((d) => d.id),
    elsewhere,
  };
}

export interface PlanDiff {
  open: WindowPlan[];
  close: WindowPlan[];
  /** Windows that stay but change display or bounds (the new plan). */
  move: WindowPlan[];
}

function samePlace(a: WindowPlan, b: WindowPlan): boolean {
  return (
    a.displayId === b.displayId &&
    a.bounds.x === b.bounds.x &&
    a.bounds.y === b.bounds.y &&
    a.bounds.width === b.bounds.width &&
    a.bounds.height === b.bounds.height
  );
}

export function diffPlans(current: readonly WindowPlan[], next: readonly WindowPlan[]): PlanDiff {
  const before = new Map(current.map((w) => [w.key, w]));
  const after = new Map(next.map((w) => [w.key, w]));
  return {
    open: next.filter((w) => !before.has(w.key)),
    close: current.filter((w) => !after.has(w.key)),
    move: next.filter((w) => {
      const old = before.get(w.key);
      return old !== undefined && !samePlace(old, w);
    }),
  };
}

export function isEmptyDiff(diff: PlanDiff): boolean {
  return diff.open.length === 0 && diff.close.length === 0 && diff.move.length === 0;
}

/**
 * Whether a window no longer covers the display it was planned for: the OS moved it
 * (a display removed, a resolution changed, a window manager's whim). Off by a pixel
 * counts: a wall screen with a one-pixel gap shows the desktop through it.
 */
export function isOffPlan(actual: Rectangle, plan: WindowPlan): boolean {
  const b = plan.bounds;
  return actual.x !== b.x || actual.y !== b.y || actual.width !== b.width || actual.height !== b.height;
}
