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
  /** The display does not have the screen's resolution or orientation (the picture is letterboxed). */
  mismatch?: DisplayMismatch;
}

/** A display that does not fit the screen it shows: reported, logged and shown on the screen. */
export interface DisplayMismatch {
  kind: 'orientation' | 'size';
  /** The screen's pixels as it hangs (rotation applied). */
  expected: { width: number; height: number };
  /** The display's physical pixels (bounds × scale factor). */
  actual: { width: number; height: number };
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
  /** Windows whose display does not fit their screen (also on each window's plan). */
  mismatches: { screenId: string; displayId: number; mismatch: DisplayMismatch }[];
}

function windowOn(screenId: string, display: Display, mismatch?: DisplayMismatch): WindowPlan {
  return {
    key: screenId,
    screenId,
    bounds: { ...display.bounds },
    fullscreen: true,
    frameless: true,
    displayId: display.id,
    ...(mismatch ? { mismatch } : {}),
  };
}

/**
 * Whether a display fits its screen: the same orientation, and the same physical pixels
 * within one (scale factors such as 1.25 round). A misfit still draws, letterboxed, but
 * the technician has to know.
 */
export function displayMismatch(screen: Screen, display: Display): DisplayMismatch | undefined {
  const sideways = screen.rotation === 90 || screen.rotation === 270;
  const expected = sideways
    ? { width: screen.resolution.height, height: screen.resolution.width }
    : { width: screen.resolution.width, height: screen.resolution.height };
  const actual = { width: Math.round(display.bounds.width * display.scaleFactor), height: Math.round(display.bounds.height * display.scaleFactor) };
  const portrait = (r: { width: number; height: number }) => r.height > r.width;
  if (expected.width !== expected.height && actual.width !== actual.height && portrait(expected) !== portrait(actual)) {
    return { kind: 'orientation', expected, actual };
  }
  if (Math.abs(expected.width - actual.width) > 1 || Math.abs(expected.height - actual.height) > 1) return { kind: 'size', expected, actual };
  return undefined;
}

/** A screen's active area on the wall in mm as it hangs, for matching by geometry. */
function wallRect(screen: Screen): Rectangle {
  const sideways = screen.rotation === 90 || screen.rotation === 270;
  const b = screen.bezelMm;
  const bezel = sideways ? { left: b.bottom, top: b.left } : { left: b.left, top: b.top };
  const width = sideways ? screen.activeAreaMm.height : screen.activeAreaMm.width;
  const height = sideways ? screen.activeAreaMm.width : screen.activeAreaMm.height;
  const at = screen.placement.kind === 'free' ? { x: screen.placement.xMm, y: screen.placement.yMm } : { x: 0, y: 0 };
  return { x: at.x + bezel.left, y: at.y + bezel.top, width, height };
}

/** Rectangles scaled into the unit square of their common bounding box. */
function normalised(rects: readonly Rectangle[]): Rectangle[] {
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const width = Math.max(...rects.map((r) => r.x + r.width)) - left || 1;
  const height = Math.max(...rects.map((r) => r.y + r.height)) - top || 1;
  return rects.map((r) => ({ x: (r.x - left) / width, y: (r.y - top) / height, width: r.width / width, height: r.height / height }));
}

/**
 * Free-placed screens onto displays by geometry: the wall (active areas in mm) and the
 * desktop (display bounds) each scaled to a unit square, then pairs taken greedily by the
 * largest overlap, ties by the nearest centres. Not by the frames' top-left corners: a
 * tall portrait screen centred between two landscape ones has its corner above both and
 * went to the wrong monitor.
 */
function matchByGeometry(screens: readonly Screen[], displays: readonly Display[]): [Screen, Display][] {
  if (screens.length === 0 || displays.length === 0) return [];
  const wall = normalised(screens.map(wallRect));
  const desk = normalised(displays.map((d) => d.bounds));
  const pairs: { s: number; d: number; overlap: number; distance: number }[] = [];
  wall.forEach((w, s) =>
    desk.forEach((k, d) => {
      const ox = Math.max(0, Math.min(w.x + w.width, k.x + k.width) - Math.max(w.x, k.x));
      const oy = Math.max(0, Math.min(w.y + w.height, k.y + k.height) - Math.max(w.y, k.y));
      const distance = Math.hypot(w.x + w.width / 2 - (k.x + k.width / 2), w.y + w.height / 2 - (k.y + k.height / 2));
      pairs.push({ s, d, overlap: ox * oy, distance });
    }),
  );
  pairs.sort((a, b) => b.overlap - a.overlap || a.distance - b.distance || a.s - b.s || a.d - b.d);
  const usedS = new Set<number>();
  const usedD = new Set<number>();
  const out: [Screen, Display][] = [];
  for (const { s, d } of pairs) {
    if (usedS.has(s) || usedD.has(d)) continue;
    usedS.add(s);
    usedD.add(d);
    out.push([screens[s]!, displays[d]!]);
  }
  return out;
}

/** Placement in reading order, for screens that are matched to displays by order. */
function placementOrder(screen: Screen): [number, number] {
  return screen.placement.kind === 'grid' ? [screen.placement.row, screen.placement.column] : [screen.placement.yMm, screen.placement.xMm];
}

export function planWindows(input: PlanInput): Plan {
  const { displays, profile } = input;
  if (displays.length === 0) return { mode: 'wall', windows: [], unassigned: [], dark: [], elsewhere: [], mismatches: [] };

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
      mismatches: [],
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
  const unpinnedScreens = localScreens.filter((s) => s.display?.displayId === undefined && s.display?.index === undefined);
  if (unpinnedScreens.some((s) => s.placement.kind === 'free')) {
    for (const [screen, display] of matchByGeometry(unpinnedScreens, ordered.filter((d) => !claimed.has(d)))) claim(screen, display);
  } else {
    const unpinned = unpinnedScreens
      .map((screen, i) => ({ screen, i, order: placementOrder(screen) }))
      .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.i - b.i);
    const free = ordered.filter((d) => !claimed.has(d));
    for (const { screen } of unpinned) claim(screen, free.shift());
  }

  const windows = localScreens.flatMap((screen) => {
    const display = assigned.get(screen);
    return display ? [windowOn(screen.id, display, displayMismatch(screen, display))] : [];
  });
  return {
    mode: 'wall',
    windows,
    mismatches: windows.flatMap((w) => (w.mismatch ? [{ screenId: w.screenId, displayId: w.displayId, mismatch: w.mismatch }] : [])),
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
