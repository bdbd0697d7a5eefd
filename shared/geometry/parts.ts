import type { Rect, ScreenPart, ScreenViewport, WallCanvas } from './types';

function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

function partOn(screen: ScreenViewport, rect: Rect): ScreenPart | null {
  const part = intersection(rect, screen.viewport);
  if (!part) return null;
  const { viewport, scale } = screen;
  return {
    screenId: screen.screenId,
    part,
    inScreen: {
      x: (rect.x - viewport.x) * scale,
      y: (rect.y - viewport.y) * scale,
      width: rect.width * scale,
      height: rect.height * scale,
    },
  };
}

/**
 * The screens that show some of `rect` (canvas pixels): those whose viewport meets it with
 * positive area. A rectangle that only touches a viewport's edge is not drawn there.
 */
export function screenParts(canvas: WallCanvas, rect: Rect): ScreenPart[] {
  return canvas.screens.flatMap((screen) => partOn(screen, rect) ?? []);
}

/**
 * What one wall window draws: the tiles whose rect meets its screen, each with where the
 * whole tile sits in the screen's own pixels. Throws for an unknown screen id, because a
 * window silently drawing nothing is harder to diagnose on a wall than an error.
 */
export function tilesForScreen<T extends { rect: Rect }>(
  canvas: WallCanvas,
  screenId: string,
  tiles: readonly T[],
): (Omit<ScreenPart, 'screenId'> & { tile: T })[] {
  const screen = canvas.screens.find((s) => s.screenId === screenId);
  if (!screen) {
    throw new Error(`geometry: no screen "${screenId}" on this wall (screens: ${canvas.screens.map((s) => s.screenId).join(', ')})`);
  }
  return tiles.flatMap((tile) => {
    const found = partOn(screen, tile.rect);
    return found ? [{ tile, part: found.part, inScreen: found.inScreen }] : [];
  });
}
