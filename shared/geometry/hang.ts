import type { Screen } from '../wall/profile';
import { mmToUnits } from './units';

/** A screen's sizes as it hangs on the wall (rotation applied), lengths in units (./units). */
export interface HungScreen {
  activeWidth: number;
  activeHeight: number;
  /** Resolution as hung. */
  pixelWidth: number;
  pixelHeight: number;
  bezel: { top: number; right: number; bottom: number; left: number };
  frameWidth: number;
  frameHeight: number;
}

const SIDES = ['top', 'right', 'bottom', 'left'] as const;

/**
 * The profile gives sizes in the panel's own orientation. Turning a panel a quarter turn
 * clockwise swaps its width and height, and each bezel moves one side clockwise: the
 * panel's left bezel is now on top, its top bezel on the right, and so on. With the sides
 * listed clockwise, the wall's side j shows the panel's side j - quarterTurns.
 */
export function hang(screen: Screen): HungScreen {
  const quarterTurns = screen.rotation / 90;
  const sideways = quarterTurns % 2 === 1;
  const panelBezel = SIDES.map((side) => mmToUnits(screen.bezelMm[side]));
  const wallSide = (j: number) => panelBezel[(j - quarterTurns + 4) % 4]!;
  const bezel = { top: wallSide(0), right: wallSide(1), bottom: wallSide(2), left: wallSide(3) };
  const w = mmToUnits(screen.activeAreaMm.width);
  const h = mmToUnits(screen.activeAreaMm.height);
  if (w === 0 || h === 0) throw new RangeError(`screen "${screen.id}": active area under a micrometre`);
  const activeWidth = sideways ? h : w;
  const activeHeight = sideways ? w : h;
  return {
    activeWidth,
    activeHeight,
    pixelWidth: sideways ? screen.resolution.height : screen.resolution.width,
    pixelHeight: sideways ? screen.resolution.width : screen.resolution.height,
    bezel,
    frameWidth: bezel.left + activeWidth + bezel.right,
    frameHeight: bezel.top + activeHeight + bezel.bottom,
  };
}
