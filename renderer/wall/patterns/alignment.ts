import type { WallCanvas } from '../../../shared/geometry';

/** Grid spacing on the wall, in mm: thin lines every 100 mm, bold every 500 mm. */
export const ALIGNMENT_STEP_MM = 100;
export const ALIGNMENT_BOLD_EVERY = 5;

export interface WallLine {
  /** Wall position in mm from the wall's top-left frame corner. */
  mm: number;
  /** The same in canvas pixels (fractional: the one rounding is the browser's). */
  px: number;
  bold: boolean;
}

/**
 * Lines at fixed places on the wall (millimetres, not pixels), over the whole extent
 * including the bezels: a bezel or rotation set wrong in the profile shifts one screen's
 * part of a line, and the line visibly breaks where it crosses that screen's edge.
 */
export function alignmentLines(canvas: WallCanvas): { vertical: WallLine[]; horizontal: WallLine[] } {
  const along = (extentPx: number): WallLine[] => {
    const extentMm = extentPx * canvas.mmPerPixel;
    const count = Math.floor(extentMm / ALIGNMENT_STEP_MM + 1e-9);
    return Array.from({ length: count + 1 }, (_, i) => ({ mm: i * ALIGNMENT_STEP_MM, px: (i * ALIGNMENT_STEP_MM) / canvas.mmPerPixel, bold: i % ALIGNMENT_BOLD_EVERY === 0 }));
  };
  return { vertical: along(canvas.extent.width), horizontal: along(canvas.extent.height) };
}
