/**
 * Wall geometry: from a wall profile (the hardware) and a layout's grid (the content) to
 * canvas pixels and to each screen's own pixels. Pure functions, no runtime dependencies.
 */
export type { CanvasTransform, GridLines, GridPlacement, GridSize, Rect, ScreenPart, ScreenViewport, WallCanvas } from './types';
export { wallCanvas } from './canvas';
export { gridLines, tileRect } from './grid';
export { screenParts, tilesForScreen } from './parts';
export { tilesAcrossBezels, type BezelCrossing } from './bezels';
export { previewTransform, screenTransform } from './transform';
