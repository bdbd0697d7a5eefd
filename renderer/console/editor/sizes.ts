import { wallCanvas } from '../../../shared/geometry';
import { minimumLegibleTileHeightMm } from '../../../shared/legibility';
import type { WallProfile } from '../../../shared/wall/profile';
import type { AnyWidgetSpec } from '../../../shared/widgets/catalog';
import type { GridSize } from '../../../shared/geometry';

/**
 * The width of a new tile of each widget for its height, on the wall (millimetres over
 * millimetres): a ticker is a long line, a clock a short one, a map about square.
 */
// kpi: a little narrower than the presets' 4×3-cell KPI on the 2×2 55" wall (406 × 344 mm, 1.18).
const ASPECT: Readonly<Record<string, number>> = { kpi: 1.15, ticker: 10, clock: 2, note: 1.5, image: 16 / 9, 'map-geo': 1, 'map-tiles': 1, 'map-3d': 1, compliance: 1.2 };
const DEFAULT_ASPECT = 4 / 3;

/**
 * The smallest tile, in grid cells, at which a widget's smallest text is legible from the
 * profile's viewing distance (shared/legibility.ts), in the widget's usual proportions; at
 * most the whole grid. The palette places new tiles at this size.
 */
export function minimumSize(spec: AnyWidgetSpec, profile: WallProfile, grid: GridSize): { w: number; h: number } {
  const canvas = wallCanvas(profile);
  const rowMm = (canvas.height * canvas.mmPerPixel) / grid.rows;
  const columnMm = (canvas.width * canvas.mmPerPixel) / grid.columns;
  const needMm = minimumLegibleTileHeightMm(spec.legibility.smallestTextFraction, profile.viewingDistanceMm);
  const h = Math.min(grid.rows, Math.max(1, Math.ceil(needMm / rowMm - 1e-9)));
  const aspect = Object.hasOwn(ASPECT, spec.id) ? ASPECT[spec.id]! : DEFAULT_ASPECT;
  const w = Math.min(grid.columns, Math.max(1, Math.ceil((h * rowMm * aspect) / columnMm - 1e-9)));
  return { w, h };
}
