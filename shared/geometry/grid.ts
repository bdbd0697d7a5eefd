import type { WallProfile } from '../wall/profile';
import type { GridLines, GridPlacement, GridSize, Rect, WallCanvas } from './types';
import { mulDivRound } from './units';

type Axis = { starts: number[]; ends: number[] };

/** `count` equal steps from `from` to `to`, rounded to whole pixels; the ends exact. */
function split(from: number, to: number, count: number): number[] {
  return Array.from({ length: count + 1 }, (_, i) => from + mulDivRound(i, to - from, count));
}

/**
 * `count` equal steps over the wall's exact extent (fractional canvas pixels), each line
 * rounded once to a whole pixel. Not over the rounded-up canvas width: that stretched the
 * grid by up to a pixel at the far edge.
 */
function uniform(extent: number, count: number): Axis {
  const lines = Array.from({ length: count + 1 }, (_, i) => Math.round((i * extent) / count));
  return { starts: lines, ends: [...lines] };
}

/**
 * Lines for one axis when the grid divides evenly among the screen columns (or rows):
 * each screen column's active extent gets `count / extents.length` equal grid columns,
 * and the line between two screen columns is split in two, ending at the left column's
 * active edge and starting at the right one's. So no tile edge falls inside a bezel, and a
 * tile that spans the line also covers the gap (bezel compensation keeps it continuous).
 */
function aligned(extents: { from: number; to: number }[], count: number): Axis {
  const per = count / extents.length;
  const starts: number[] = [];
  const ends: number[] = [];
  extents.forEach(({ from, to }, j) => {
    const lines = split(from, to, per);
    if (j === 0) {
      starts.push(lines[0]!);
      ends.push(lines[0]!);
    } else {
      starts[starts.length - 1] = lines[0]!;
    }
    for (let i = 1; i <= per; i++) {
      starts.push(lines[i]!);
      ends.push(lines[i]!);
    }
  });
  return { starts, ends };
}

/**
 * Where a layout's grid lines fall on the canvas, aligned to the screens' edges where the
 * profile allows: a grid-placed wall whose C screen columns divide the grid's columns (and
 * likewise rows). Otherwise — free placement, or a grid that does not divide — the axis is
 * spread uniformly over the whole canvas and tiles may cross bezels anywhere; they still
 * render correctly, only not edge-aligned. Lines are whole canvas pixels.
 */
export function gridLines(canvas: WallCanvas, profile: WallProfile, grid: GridSize): GridLines {
  for (const count of [grid.columns, grid.rows]) {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`geometry: grid size must be a positive integer, got ${count}`);
  }
  const placed = profile.screens.map((screen) => {
    const onCanvas = canvas.screens.find((s) => s.screenId === screen.id);
    if (!onCanvas) throw new Error(`geometry: screen "${screen.id}" is not on this canvas (canvas of another profile?)`);
    return { placement: screen.placement, viewport: onCanvas.viewport };
  });

  const axis = (count: number, size: number, key: 'column' | 'row'): Axis => {
    const cells = new Map<number, { from: number; to: number }>();
    for (const { placement, viewport } of placed) {
      if (placement.kind !== 'grid') return uniform(size, count);
      const [from, length] = key === 'column' ? [viewport.x, viewport.width] : [viewport.y, viewport.height];
      const seen = cells.get(placement[key]);
      cells.set(placement[key], {
        from: Math.min(seen?.from ?? from, from),
        to: Math.max(seen?.to ?? from + length, from + length),
      });
    }
    // Screen columns in wall order; holes in the grid (unused indices) do not count.
    const extents = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, extent]) => extent);
    return count % extents.length === 0 ? aligned(extents, count) : uniform(size, count);
  };

  return { columns: axis(grid.columns, canvas.extent.width, 'column'), rows: axis(grid.rows, canvas.extent.height, 'row') };
}

/** A tile's rectangle on the canvas, in canvas pixels. */
export function tileRect(lines: GridLines, tile: GridPlacement): Rect {
  const x = lines.columns.starts[tile.x];
  const right = lines.columns.ends[tile.x + tile.w];
  const y = lines.rows.starts[tile.y];
  const bottom = lines.rows.ends[tile.y + tile.h];
  if (x === undefined || right === undefined || y === undefined || bottom === undefined || tile.w < 1 || tile.h < 1) {
    throw new RangeError(`geometry: tile at ${tile.x},${tile.y} size ${tile.w}×${tile.h} is outside the grid`);
  }
  return { x, y, width: right - x, height: bottom - y };
}
