import { BE_VIETNAM_PRO_CAP_HEIGHT_EM, minimumLegibleTextMm } from '../../../shared/legibility';

/** Cap heights of the ladder's rungs, as multiples of the smallest comfortably legible one. */
const RUNGS = [0.5, 0.7, 1, 1.4, 2, 2.8];

export interface Rung {
  /** Cap height on the wall, mm. */
  capMm: number;
  /** CSS font size in canvas pixels that gives that cap height. */
  fontPx: number;
  /** Whether shared/legibility says this size reads from the profile's viewing distance. */
  legible: boolean;
}

/** The text ladder for a viewing distance: rungs below and above the legible minimum. */
export function textLadder(viewingDistanceMm: number, mmPerPixel: number): { minimumMm: number; rungs: Rung[] } {
  const minimumMm = minimumLegibleTextMm(viewingDistanceMm);
  return {
    minimumMm,
    rungs: RUNGS.map((k) => {
      const capMm = minimumMm * k;
      return { capMm, fontPx: capMm / BE_VIETNAM_PRO_CAP_HEIGHT_EM / mmPerPixel, legible: capMm >= minimumMm - 1e-9 };
    }),
  };
}
