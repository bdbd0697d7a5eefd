import { wallCanvas } from '../../../shared/geometry';
import { BE_VIETNAM_PRO_CAP_HEIGHT_EM, minimumLegibleTextMm } from '../../../shared/legibility';
import type { WallProfile } from '../../../shared/wall/profile';
import { useWall } from '../../store/context';

/**
 * The smallest font size, as a fraction of a tile's height, that a reader of THIS wall
 * reads comfortably (shared/legibility.ts: 0.3° of capital-letter height at the profile's
 * viewing distance). A widget's always-shown text is at least its catalogue's
 * `smallestTextFraction` (what the layout check judges); secondary lines smaller than
 * that (an English name, a comparison's basis) are shown only on tiles where this says
 * they are readable, so a small tile drops them and a big one keeps them.
 */

const mmPerPixel = new WeakMap<WallProfile, number>();

function mmPerCanvasPixel(profile: WallProfile): number | null {
  let mm = mmPerPixel.get(profile);
  if (mm === undefined) {
    try {
      mm = wallCanvas(profile).mmPerPixel;
    } catch {
      return null;
    }
    mmPerPixel.set(profile, mm);
  }
  return mm;
}

/** The legible font-size fraction of a tile `tileHeightPx` canvas pixels tall, or null when unknown. */
export function legibleFraction(profile: WallProfile | null | undefined, tileHeightPx: number): number | null {
  if (!profile || !(tileHeightPx > 0)) return null;
  const mm = mmPerCanvasPixel(profile);
  if (mm === null || !(mm > 0)) return null;
  const required = minimumLegibleTextMm(profile.viewingDistanceMm);
  return required / (BE_VIETNAM_PRO_CAP_HEIGHT_EM * tileHeightPx * mm);
}

/** legibleFraction for this tile on the wall's current profile. */
export function useLegibleFraction(tileHeightPx: number): number | null {
  const profile = useWall((s) => s.wall?.profile);
  return legibleFraction(profile, tileHeightPx);
}

/** Whether text of `fraction` of the tile's height is readable on this tile (false when unknown). */
export const isLegible = (fraction: number, legible: number | null): boolean => legible !== null && fraction >= legible;
