import type { CanvasTransform, Rect, WallCanvas } from './types';

/**
 * The whole canvas fitted into a window of the given size (CSS pixels), centred with bars
 * on the two sides that have room to spare: the operator's "screen=all" preview. Bezel
 * gaps show as gaps, so the preview is the wall as people will see it.
 */
export function previewTransform(canvas: WallCanvas, windowWidth: number, windowHeight: number): CanvasTransform {
  const scale = Math.max(0, Math.min(windowWidth / canvas.width, windowHeight / canvas.height));
  return {
    scale,
    x: (windowWidth - canvas.width * scale) / 2,
    y: (windowHeight - canvas.height * scale) / 2,
  };
}

/**
 * What a wall window applies to the canvas so that its own viewport fills the window:
 * move the viewport's origin to 0,0, then scale canvas pixels to screen pixels.
 */
export function screenTransform(viewport: Rect, scale: number): CanvasTransform {
  // `0 -` rather than unary minus: a viewport at 0 gives +0, not -0.
  return { scale, x: 0 - viewport.x * scale, y: 0 - viewport.y * scale };
}
