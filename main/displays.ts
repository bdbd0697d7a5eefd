import { wallProfileSchema, type Rotation, type WallProfile } from '../shared/wall/profile';

/**
 * The monitors the agent sees, and the wall profile it derives from them when the
 * technician configured none. No Electron import: `Display` mirrors the fields of
 * Electron's Display that we use, so Electron's objects fit it structurally and tests
 * can write displays by hand.
 */

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Display {
  id: number;
  /** In device-independent pixels, on the OS's virtual desktop, rotation applied. */
  bounds: Rectangle;
  /** The bounds less task bars and docks (Electron always gives it; hand-written displays may not). */
  workArea?: Rectangle;
  size: { width: number; height: number };
  scaleFactor: number;
  /** Clockwise degrees: 0, 90, 180 or 270. */
  rotation: number;
  internal: boolean;
}

/** A 55" 16:9 panel is 1209.6 × 680.4 mm of picture: 0.63 mm per pixel at 1920 px. */
export const ASSUMED_PANEL_WIDTH_MM = 1209.6;
export const ASSUMED_PANEL_WIDTH_PX = 1920;
export const ASSUMED_BEZEL_MM = 3.5;
/** The derived profile needs a viewing distance for legibility checks; a small control room. */
export const ASSUMED_VIEWING_DISTANCE_MM = 4000;

export interface DisplayCell {
  display: Display;
  row: number;
  column: number;
}

/**
 * Groups values into bands: sorted by centre, a value joins the current band while its
 * centre lies inside the span of the band's first member. Aligned monitors share a
 * band even when their sizes differ (a portrait panel beside landscape ones).
 */
function bands(displays: readonly Display[], start: (d: Display) => number, length: (d: Display) => number): Map<Display, number> {
  const centre = (d: Display): number => start(d) + length(d) / 2;
  const sorted = [...displays].sort((a, b) => centre(a) - centre(b) || a.id - b.id);
  const band = new Map<Display, number>();
  let index = -1;
  let spanStart = 0;
  let spanEnd = 0;
  for (const display of sorted) {
    const c = centre(display);
    if (index < 0 || c < spanStart || c >= spanEnd) {
      index++;
      spanStart = start(display);
      spanEnd = start(display) + length(display);
    }
    band.set(display, index);
  }
  return band;
}

/**
 * The displays in reading order (left-to-right, then top-to-bottom), each with its grid
 * row and column as deduced from the bounds. The position in this list is what a
 * profile's `display.index` refers to. The OS's own order (and its display ids) is not
 * stable across reboots and reconnections; positions on the desktop are.
 */
export function orderDisplays(displays: readonly Display[]): DisplayCell[] {
  const rows = bands(displays, (d) => d.bounds.y, (d) => d.bounds.height);
  const columns = bands(displays, (d) => d.bounds.x, (d) => d.bounds.width);
  return displays
    .map((display) => ({ display, row: rows.get(display)!, column: columns.get(display)! }))
    .sort((a, b) => a.row - b.row || a.column - b.column || a.display.bounds.x - b.display.bounds.x || a.display.id - b.display.id);
}

export function toRotation(degrees: number): Rotation {
  const normal = (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
  return normal as Rotation;
}

/**
 * A grid profile with one 55"-class screen per display, for a wall nobody described
 * yet. Returns null for fewer than two displays: one monitor shows the scaled preview
 * of the embedded default wall instead.
 *
 * Resolution is the display's physical pixels (bounds × scaleFactor). Profiles give
 * pixels and millimetres in the panel's own unrotated orientation, so a display the OS
 * turned by 90° or 270° has its width and height swapped back. The physical size is a
 * guess: 0.63 mm per device-independent pixel, i.e. a 55" 16:9 panel for a 1920-wide
 * desktop (a 4K panel at 200 % is still 55"), keeping the display's aspect ratio.
 *
 * Two displays with the same cell (mirrored outputs) would make an invalid grid: the
 * later one is left out, and planning leaves it dark.
 */
export function deriveWallProfile(displays: readonly Display[]): WallProfile | null {
  if (displays.length < 2) return null;
  const taken = new Set<string>();
  const cells = orderDisplays(displays)
    .map((cell, index) => ({ ...cell, index }))
    .filter(({ row, column }) => {
      const key = `${row}:${column}`;
      if (taken.has(key)) return false;
      taken.add(key);
      return true;
    });
  if (cells.length < 2) return null;

  const mmPerDip = ASSUMED_PANEL_WIDTH_MM / ASSUMED_PANEL_WIDTH_PX;
  const round1 = (mm: number): number => Math.round(mm * 10) / 10;
  const screens = cells.map(({ display, row, column, index }, position) => {
    const rotation = toRotation(display.rotation);
    const quarterTurn = rotation === 90 || rotation === 270;
    const dipWidth = quarterTurn ? display.bounds.height : display.bounds.width;
    const dipHeight = quarterTurn ? display.bounds.width : display.bounds.height;
    return {
      id: `s${position + 1}`,
      name: `Màn hình ${position + 1}`,
      resolution: {
        width: Math.round(dipWidth * display.scaleFactor),
        height: Math.round(dipHeight * display.scaleFactor),
      },
      activeAreaMm: { width: round1(dipWidth * mmPerDip), height: round1(dipHeight * mmPerDip) },
      bezelMm: { top: ASSUMED_BEZEL_MM, right: ASSUMED_BEZEL_MM, bottom: ASSUMED_BEZEL_MM, left: ASSUMED_BEZEL_MM },
      rotation,
      placement: { kind: 'grid' as const, row, column },
      display: { displayId: display.id, index },
    };
  });
  const rows = new Set(cells.map((c) => c.row)).size;
  const columns = new Set(cells.map((c) => c.column)).size;
  // Parsing checks our own output against the shared schema (grid cells, bounds).
  return wallProfileSchema.parse({
    schemaVersion: 1,
    id: `auto-${rows}x${columns}`,
    name: `Tường tự nhận: ${screens.length} màn hình (${rows}×${columns})`,
    viewingDistanceMm: ASSUMED_VIEWING_DISTANCE_MM,
    screens,
  });
}

/**
 * Whether a newly derived profile should replace the one the agent runs with. It only
 * grows: a wall whose panels were switched on after the PC booted gets its full grid,
 * but a panel that blinks off (power cycle, loose cable) does not reshape the wall and
 * restart the server; its window just closes until the display returns.
 */
export function shouldReplaceDerivedProfile(current: WallProfile | null, next: WallProfile | null): boolean {
  if (next === null) return false;
  return current === null || next.screens.length > current.screens.length;
}
