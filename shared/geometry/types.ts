/** Axis-aligned rectangle; x/y is the top-left corner. Units are stated where used. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One screen's part of the wall canvas. */
export interface ScreenViewport {
  screenId: string;
  /**
   * The screen's active area on the wall canvas, in canvas pixels: whole pixels on a
   * grid-placed wall, exact (fractional) with free placement (see ./canvas).
   */
  viewport: Rect;
  /** Screen pixels per canvas pixel (1 when the screen has the wall's finest pixel pitch). */
  scale: number;
  /** The screen's size in its own pixels as it hangs on the wall (rotation applied). */
  pixelSize: { width: number; height: number };
  /** Outer frame (active area plus bezels) on the canvas, in canvas pixels (may be fractional). */
  frame: Rect;
  rotation: 0 | 90 | 180 | 270;
}

/** The whole wall as one canvas, bezel gaps included (bezel compensation). */
export interface WallCanvas {
  /** Whole canvas pixels (the extent rounded up): the size of the drawing surface. */
  width: number;
  height: number;
  /** The wall's exact extent in canvas pixels, frames included; the layout grid spreads over this. */
  extent: { width: number; height: number };
  /** Millimetres on the wall per canvas pixel. */
  mmPerPixel: number;
  screens: ScreenViewport[];
}

/**
 * Where the layout grid's lines fall on the canvas. A tile that starts at grid line i
 * begins at `starts[i]`; a tile that ends at line i ends at `ends[i]`. They differ only
 * at a line that sits on a bezel gap: a tile ending there stops at the left screen's
 * active edge and one starting there begins at the right screen's active edge.
 */
export interface GridLines {
  columns: { starts: number[]; ends: number[] };
  rows: { starts: number[]; ends: number[] };
}

export interface GridPlacement {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The layout's grid size (same shape as a layout's `grid`). */
export interface GridSize {
  columns: number;
  rows: number;
}

/**
 * A uniform scale then a translation: a canvas point p lands at p * scale + (x, y) in the
 * window. In CSS: `transform-origin: 0 0; transform: translate(${x}px, ${y}px) scale(${scale})`
 * (CSS applies the right-most function first, so this is scale, then translate).
 */
export interface CanvasTransform {
  scale: number;
  x: number;
  y: number;
}

/** The part of one rectangle (usually a tile) that one screen shows. */
export interface ScreenPart {
  screenId: string;
  /** The intersection of the rectangle and the screen's viewport, in canvas pixels. */
  part: Rect;
  /**
   * The whole rectangle in the screen's own pixels, relative to the screen's top-left
   * corner. It may reach past the screen's edges; the screen clips it. Drawing the whole
   * tile there (rather than only the part) keeps a tile that spans screens continuous.
   */
  inScreen: Rect;
}
