/**
 * Exact length arithmetic for the wall geometry.
 *
 * Millimetres arrive as decimal fractions (1209.6 mm) that binary floating point cannot
 * hold exactly, and a pixel edge computed as `mm / mmPerPixel` can land a hair either
 * side of .5 and round the wrong way: a wall of identical 1920-pixel screens would then
 * get a 1919- or 1921-pixel viewport. So lengths are converted once to integers of a
 * small unit, the pixel pitch is kept as a ratio of integers, and every rounding is done
 * on exact integers (BigInt, so that no product can overflow). Exact cases stay exact.
 */

/**
 * The internal unit is half a micrometre. Inputs are rounded to whole micrometres (far
 * below a pixel on any real panel) and stored doubled, so that centring a frame in a grid
 * cell (half the difference of two input sums) is still a whole number of units.
 */
export const UNITS_PER_MM = 2000;

export function mmToUnits(mm: number): number {
  return 2 * Math.round(mm * 1000);
}

/** A length per pixel as an exact ratio: `units / pixels`. */
export interface Pitch {
  units: number;
  pixels: number;
}

/** a < b for two pitches, compared exactly by cross-multiplying. */
export function finerPitch(a: Pitch, b: Pitch): boolean {
  return BigInt(a.units) * BigInt(b.pixels) < BigInt(b.units) * BigInt(a.pixels);
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

export function reducePitch(p: Pitch): Pitch {
  const g = gcd(p.units, p.pixels);
  return { units: p.units / g, pixels: p.pixels / g };
}

function assertNonNegativeIntegers(...values: number[]): void {
  for (const v of values) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`geometry: expected a non-negative integer, got ${v}`);
  }
}

/** round(a * b / c), halves rounded up; a, b ≥ 0 and c > 0 integers. Exact. */
export function mulDivRound(a: number, b: number, c: number): number {
  assertNonNegativeIntegers(a, b, c);
  const q = BigInt(c);
  return Number((2n * BigInt(a) * BigInt(b) + q) / (2n * q));
}

/** ceil(a * b / c); a, b ≥ 0 and c > 0 integers. Exact. */
export function mulDivCeil(a: number, b: number, c: number): number {
  assertNonNegativeIntegers(a, b, c);
  const q = BigInt(c);
  return Number((BigInt(a) * BigInt(b) + q - 1n) / q);
}

/** Units to canvas pixels (fractional), for values that are shown but not rounded. */
export function unitsToPixels(units: number, pitch: Pitch): number {
  return (units * pitch.pixels) / pitch.units;
}

/** Units to canvas pixels, rounded exactly: the one rounding every viewport edge goes through. */
export function unitsToPixelEdge(units: number, pitch: Pitch): number {
  return mulDivRound(units, pitch.pixels, pitch.units);
}
