import { gridLines, tileRect, tilesForScreen, wallCanvas, type Rect, type ScreenViewport, type WallCanvas } from '../../shared/geometry';
import type { Layout, Tile } from '../../shared/layout/schema';
import type { WallProfile } from '../../shared/wall/profile';

/** A tile with its rectangle on the wall canvas (canvas pixels). */
export interface PlacedTile {
  tile: Tile;
  rect: Rect;
}

export interface WallPlan {
  canvas: WallCanvas;
  tiles: PlacedTile[];
}

/** Where every tile of `layout` falls on the canvas of `profile` (pure; shared/geometry). */
export function planWall(profile: WallProfile, layout: Layout): WallPlan {
  const canvas = wallCanvas(profile);
  const lines = gridLines(canvas, profile, layout.grid);
  return { canvas, tiles: layout.tiles.map((tile) => ({ tile, rect: tileRect(lines, tile) })) };
}

export function findScreen(canvas: WallCanvas, screenId: string): ScreenViewport | undefined {
  return canvas.screens.find((s) => s.screenId === screenId);
}

/** The tiles one window mounts: those meeting its screen's viewport with positive area. */
export function tilesOnScreen(plan: WallPlan, screenId: string): PlacedTile[] {
  if (!findScreen(plan.canvas, screenId)) return [];
  return tilesForScreen(plan.canvas, screenId, plan.tiles).map((found) => found.tile);
}

/**
 * How the screen's viewport fills a window of the given size: the largest uniform scale
 * that fits (= the screen's own scale when the window has the screen's resolution),
 * centred if the window's shape differs. A canvas point p lands at offset + s·(p − v).
 */
export function fitViewport(viewport: Rect, windowWidth: number, windowHeight: number): { scale: number; x: number; y: number } {
  const scale = Math.max(0, Math.min(windowWidth / viewport.width, windowHeight / viewport.height));
  return {
    scale,
    x: Math.max(0, (windowWidth - viewport.width * scale) / 2),
    y: Math.max(0, (windowHeight - viewport.height * scale) / 2),
  };
}
