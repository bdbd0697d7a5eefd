import type { Screen, WallProfile } from '../wall/profile';
import type { ScreenViewport, WallCanvas } from './types';
import { hang, type HungScreen } from './hang';
import { finerPitch, mmToUnits, mulDivCeil, reducePitch, UNITS_PER_MM, unitsToPixelEdge, unitsToPixels, type Pitch } from './units';

/** Top-left of each screen's outer frame on the wall, in units, before translation to 0,0. */
function framePositions(screens: Screen[], hung: HungScreen[]): { x: number; y: number }[] {
  const grid = screens.every((s) => s.placement.kind === 'grid');
  if (!grid) {
    return screens.map((s) => {
      if (s.placement.kind !== 'free') throw new Error('geometry: a wall mixes grid and free placement');
      return { x: mmToUnits(s.placement.xMm), y: mmToUnits(s.placement.yMm) };
    });
  }
  // A grid column is as wide as its widest frame and a row as tall as its tallest, so that
  // differently sized or rotated panels still line up in straight rows and columns. An
  // empty column or row (a hole in the grid) takes no space.
  const cellOf = (s: Screen) => s.placement as { row: number; column: number };
  const columns = Math.max(...screens.map((s) => cellOf(s).column)) + 1;
  const rows = Math.max(...screens.map((s) => cellOf(s).row)) + 1;
  const widths = new Array<number>(columns).fill(0);
  const heights = new Array<number>(rows).fill(0);
  screens.forEach((s, i) => {
    const { row, column } = cellOf(s);
    widths[column] = Math.max(widths[column]!, hung[i]!.frameWidth);
    heights[row] = Math.max(heights[row]!, hung[i]!.frameHeight);
  });
  const starts = (sizes: number[]) => sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
  const columnStarts = starts(widths);
  const rowStarts = starts(heights);
  // Centred in the cell. Units are even (see ./units), so the halves are whole units.
  return screens.map((s, i) => {
    const { row, column } = cellOf(s);
    return {
      x: columnStarts[column]! + (widths[column]! - hung[i]!.frameWidth) / 2,
      y: rowStarts[row]! + (heights[row]! - hung[i]!.frameHeight) / 2,
    };
  });
}

/**
 * The wall as one canvas with the bezels included: a picture that crosses a bezel
 * continues where it would if the bezel were screen, so straight lines stay straight
 * (bezel compensation).
 *
 * One canvas pixel is the finest pixel pitch on the wall (horizontal or vertical, over all
 * screens as hung), so a wall of identical screens is drawn at exactly its native pixels
 * and a coarser screen samples the canvas down (`scale` < 1) instead of a finer one
 * blowing it up.
 */
export function wallCanvas(profile: WallProfile): WallCanvas {
  const screens = profile.screens;
  const hung = screens.map(hang);

  let pitch: Pitch | undefined;
  for (const h of hung) {
    for (const candidate of [
      { units: h.activeWidth, pixels: h.pixelWidth },
      { units: h.activeHeight, pixels: h.pixelHeight },
    ]) {
      if (!pitch || finerPitch(candidate, pitch)) pitch = candidate;
    }
  }
  if (!pitch) throw new Error('geometry: a wall profile without screens');
  pitch = reducePitch(pitch);

  const free = screens.some((s) => s.placement.kind === 'free');
  const raw = framePositions(screens, hung);
  const left = Math.min(...raw.map((p) => p.x));
  const top = Math.min(...raw.map((p) => p.y));
  const frames = raw.map((p) => ({ x: p.x - left, y: p.y - top }));
  const right = Math.max(...frames.map((f, i) => f.x + hung[i]!.frameWidth));
  const bottom = Math.max(...frames.map((f, i) => f.y + hung[i]!.frameHeight));

  const viewports: ScreenViewport[] = screens.map((screen, i) => {
    const h = hung[i]!;
    const f = frames[i]!;
    const activeLeft = f.x + h.bezel.left;
    const activeTop = f.y + h.bezel.top;
    // Each edge is rounded on its own, through one monotone function of its wall
    // position: active areas that do not overlap on the wall cannot overlap on the canvas,
    // and a screen of the canvas pitch gets exactly its resolution (the exact arithmetic
    // of ./units guarantees left + pixels rounds to round(left) + pixels).
    //
    // Free placement keeps the exact (fractional) position instead: a freely placed
    // screen's edge has no grid line to agree with, and rounding its origin on its own
    // would add a second rounding to every tile edge drawn on it (up to 1.4 px measured).
    // The layout grid is then the only thing rounded (see ./grid), once.
    const edge = free ? unitsToPixels : unitsToPixelEdge;
    const x = edge(activeLeft, pitch);
    const y = edge(activeTop, pitch);
    // A free screen's size is converted on its own, not as the difference of two
    // fractional edges: that difference can come out a hair under the resolution
    // (1919.9999999999998 px), and the screen would then be drawn at a scale just under 1.
    const viewport = free
      ? { x, y, width: unitsToPixels(h.activeWidth, pitch), height: unitsToPixels(h.activeHeight, pitch) }
      : {
          x,
          y,
          width: edge(activeLeft + h.activeWidth, pitch) - x,
          height: edge(activeTop + h.activeHeight, pitch) - y,
        };
    return {
      screenId: screen.id,
      viewport,
      scale: Math.min(h.pixelWidth / viewport.width, h.pixelHeight / viewport.height),
      pixelSize: { width: h.pixelWidth, height: h.pixelHeight },
      frame: {
        x: unitsToPixels(f.x, pitch),
        y: unitsToPixels(f.y, pitch),
        width: unitsToPixels(h.frameWidth, pitch),
        height: unitsToPixels(h.frameHeight, pitch),
      },
      rotation: screen.rotation,
    };
  });

  return {
    width: mulDivCeil(right, pitch.pixels, pitch.units),
    height: mulDivCeil(bottom, pitch.pixels, pitch.units),
    extent: { width: unitsToPixels(right, pitch), height: unitsToPixels(bottom, pitch) },
    mmPerPixel: pitch.units / pitch.pixels / UNITS_PER_MM,
    screens: viewports,
  };
}
