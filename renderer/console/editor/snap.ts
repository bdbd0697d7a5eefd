import type { GridLines } from '../../../shared/geometry';
import type { Place } from './edits';

/**
 * Snapping a drag to the layout grid. The grid's lines come from shared/geometry
 * (gridLines), which puts them on the screens' edges where the profile allows, so a tile
 * snapped to the grid also snaps to the screen edges (a start line sits on a screen's
 * active edge, an end line on the previous screen's). Canvas pixels in, grid cells out.
 */

/** The index in `lo..hi` whose line is nearest `value` (the lower one on a tie). */
export function nearestLine(lines: ReadonlyArray<number>, value: number, lo: number, hi: number): number {
  let best = lo;
  let distance = Infinity;
  for (let i = Math.max(0, lo); i <= Math.min(hi, lines.length - 1); i++) {
    const d = Math.abs((lines[i] ?? 0) - value);
    if (d < distance) {
      best = i;
      distance = d;
    }
  }
  return best;
}

/** Where a tile dragged by (dx, dy) canvas pixels from `start` lands: its top-left corner on the nearest lines, inside the grid. */
export function snapMove(lines: GridLines, start: Place, dx: number, dy: number): Place {
  const columns = lines.columns.starts.length - 1;
  const rows = lines.rows.starts.length - 1;
  const left = (lines.columns.starts[start.x] ?? 0) + dx;
  const top = (lines.rows.starts[start.y] ?? 0) + dy;
  return {
    x: nearestLine(lines.columns.starts, left, 0, columns - start.w),
    y: nearestLine(lines.rows.starts, top, 0, rows - start.h),
    w: start.w,
    h: start.h,
  };
}

/** The size of a tile whose bottom-right corner is dragged by (dx, dy): at least `min` cells, inside the grid. */
export function snapResize(lines: GridLines, start: Place, dx: number, dy: number, min: { w: number; h: number } = { w: 1, h: 1 }): Place {
  const columns = lines.columns.ends.length - 1;
  const rows = lines.rows.ends.length - 1;
  const right = (lines.columns.ends[start.x + start.w] ?? 0) + dx;
  const bottom = (lines.rows.ends[start.y + start.h] ?? 0) + dy;
  const minW = Math.max(1, Math.min(min.w, columns - start.x));
  const minH = Math.max(1, Math.min(min.h, rows - start.y));
  const endColumn = nearestLine(lines.columns.ends, right, start.x + minW, columns);
  const endRow = nearestLine(lines.rows.ends, bottom, start.y + minH, rows);
  return { x: start.x, y: start.y, w: endColumn - start.x, h: endRow - start.y };
}
