import type { Rect } from '../../shared/geometry/types';
import type { WallProfile } from '../../shared/wall/profile';

/**
 * Where a layout tile must appear on each physical screen, worked out from millimetres
 * alone, on purpose without shared/geometry: a check of the geometry must not reuse it.
 *
 * The model is the wall as built: each panel's active area sits at a place on the wall
 * in mm; a grid line is a place on the wall in mm; a screen shows wall position p at
 * (p − its active area's left edge) / its own mm per pixel. Layout grid lines: on a
 * grid-placed wall whose screen columns (rows) divide the grid, each screen column's
 * active width is split evenly; otherwise the grid spreads evenly over the wall's whole
 * extent, outer bezels included.
 */

interface ActiveMm {
  id: string;
  left: number;
  top: number;
  width: number;
  height: number;
  pixelWidth: number;
  pixelHeight: number;
  column: number | null;
  row: number | null;
  /** The frame's right and bottom edges (bezel included). */
  frameRight: number;
  frameBottom: number;
}

/** Each screen's active area on the wall in mm, frames' top-left at 0,0. */
export function activeAreasMm(profile: WallProfile): ActiveMm[] {
  const hung = profile.screens.map((s) => {
    const quarter = s.rotation / 90;
    const sideways = quarter % 2 === 1;
    // Clockwise sides; a quarter turn clockwise moves the panel's left bezel to the top.
    const panel = [s.bezelMm.top, s.bezelMm.right, s.bezelMm.bottom, s.bezelMm.left];
    const side = (j: number) => panel[(j - quarter + 4) % 4]!;
    const [top, right, bottom, left] = [side(0), side(1), side(2), side(3)];
    const width = sideways ? s.activeAreaMm.height : s.activeAreaMm.width;
    const height = sideways ? s.activeAreaMm.width : s.activeAreaMm.height;
    return {
      s,
      bezel: { top, right, bottom, left },
      width,
      height,
      frameWidth: left + width + right,
      frameHeight: top + height + bottom,
      pixelWidth: sideways ? s.resolution.height : s.resolution.width,
      pixelHeight: sideways ? s.resolution.width : s.resolution.height,
    };
  });
  let frames: { x: number; y: number }[];
  if (profile.screens.every((s) => s.placement.kind === 'grid')) {
    const cell = (i: number) => profile.screens[i]!.placement as { row: number; column: number };
    const colWidth = new Map<number, number>();
    const rowHeight = new Map<number, number>();
    hung.forEach((h, i) => {
      colWidth.set(cell(i).column, Math.max(colWidth.get(cell(i).column) ?? 0, h.frameWidth));
      rowHeight.set(cell(i).row, Math.max(rowHeight.get(cell(i).row) ?? 0, h.frameHeight));
    });
    const startOf = (sizes: Map<number, number>, index: number) =>
      [...sizes.entries()].filter(([k]) => k < index).reduce((sum, [, v]) => sum + v, 0);
    frames = hung.map((h, i) => ({
      x: startOf(colWidth, cell(i).column) + (colWidth.get(cell(i).column)! - h.frameWidth) / 2,
      y: startOf(rowHeight, cell(i).row) + (rowHeight.get(cell(i).row)! - h.frameHeight) / 2,
    }));
  } else {
    const xs = profile.screens.map((s) => (s.placement.kind === 'free' ? s.placement.xMm : 0));
    const ys = profile.screens.map((s) => (s.placement.kind === 'free' ? s.placement.yMm : 0));
    frames = xs.map((x, i) => ({ x: x - Math.min(...xs), y: ys[i]! - Math.min(...ys) }));
  }
  return hung.map((h, i) => ({
    id: h.s.id,
    left: frames[i]!.x + h.bezel.left,
    top: frames[i]!.y + h.bezel.top,
    width: h.width,
    height: h.height,
    pixelWidth: h.pixelWidth,
    pixelHeight: h.pixelHeight,
    column: h.s.placement.kind === 'grid' ? h.s.placement.column : null,
    row: h.s.placement.kind === 'grid' ? h.s.placement.row : null,
    frameRight: frames[i]!.x + h.frameWidth,
    frameBottom: frames[i]!.y + h.frameHeight,
  }));
}

/** Grid lines of one axis in wall mm: `starts[i]` where a tile starting at line i begins, `ends[i]` where one ending there stops. */
function axisMm(areas: ActiveMm[], count: number, key: 'column' | 'row') {
  const extents = new Map<number, { from: number; to: number }>();
  let aligned = true;
  for (const a of areas) {
    const index = a[key];
    if (index === null) aligned = false;
    else {
      const [from, to] = key === 'column' ? [a.left, a.left + a.width] : [a.top, a.top + a.height];
      const seen = extents.get(index);
      extents.set(index, { from: Math.min(seen?.from ?? from, from), to: Math.max(seen?.to ?? to, to) });
    }
  }
  const ordered = [...extents.entries()].sort((p, q) => p[0] - q[0]).map(([, e]) => e);
  if (!aligned || count % ordered.length !== 0) {
    const size = Math.max(...areas.map((a) => (key === 'column' ? a.frameRight : a.frameBottom)));
    const lines = Array.from({ length: count + 1 }, (_, i) => (i * size) / count);
    return { starts: lines, ends: lines };
  }
  const per = count / ordered.length;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i <= count; i++) {
    const j = Math.min(Math.floor(i / per), ordered.length - 1);
    const e = ordered[j]!;
    const k = i - j * per;
    starts.push(e.from + ((e.to - e.from) * k) / per);
    const before = i > 0 && i % per === 0 ? ordered[i / per - 1]! : e;
    const kb = i > 0 && i % per === 0 ? per : k;
    ends.push(before.from + ((before.to - before.from) * kb) / per);
  }
  return { starts, ends };
}

export interface TileOnScreen {
  screenId: string;
  tileId: string;
  /** The whole tile in the screen's own pixels (may reach past the screen's edges). */
  box: Rect;
}

/**
 * Every tile on every screen it crosses (with positive area), in that screen's pixels,
 * for a window the size of the screen's resolution.
 */
export function predictTilesOnScreens(
  profile: WallProfile,
  grid: { columns: number; rows: number },
  tiles: readonly { id: string; x: number; y: number; w: number; h: number }[],
): TileOnScreen[] {
  const areas = activeAreasMm(profile);
  const columns = axisMm(areas, grid.columns, 'column');
  const rows = axisMm(areas, grid.rows, 'row');
  const out: TileOnScreen[] = [];
  for (const tile of tiles) {
    const left = columns.starts[tile.x]!;
    const right = columns.ends[tile.x + tile.w]!;
    const top = rows.starts[tile.y]!;
    const bottom = rows.ends[tile.y + tile.h]!;
    for (const a of areas) {
      const meets = left < a.left + a.width && a.left < right && top < a.top + a.height && a.top < bottom;
      if (!meets) continue;
      const mmPerPxX = a.width / a.pixelWidth;
      const mmPerPxY = a.height / a.pixelHeight;
      out.push({
        screenId: a.id,
        tileId: tile.id,
        box: {
          x: (left - a.left) / mmPerPxX,
          y: (top - a.top) / mmPerPxY,
          width: (right - left) / mmPerPxX,
          height: (bottom - top) / mmPerPxY,
        },
      });
    }
  }
  return out;
}

/** Where a vertical (horizontal) line at wall position `mm` lands on a screen, in its pixels. */
export function wallMmToScreen(profile: WallProfile, screenId: string, xMm: number, yMm: number): { x: number; y: number } {
  const a = activeAreasMm(profile).find((s) => s.id === screenId);
  if (!a) throw new Error(`no screen ${screenId}`);
  return { x: ((xMm - a.left) * a.pixelWidth) / a.width, y: ((yMm - a.top) * a.pixelHeight) / a.height };
}
