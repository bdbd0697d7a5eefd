import { gridLines, tileRect, wallCanvas, type Rect, type WallCanvas } from '../../../shared/geometry';
import { freshness } from '../../../shared/freshness';
import { checkLegibility } from '../../../shared/legibility';
import { validateLayout } from '../../../shared/layout/load';
import type { Layout, Tile } from '../../../shared/layout/schema';
import { jsonPath } from '../../../shared/validation/errors';
import type { WallProfile } from '../../../shared/wall/profile';
import { widgetLegibility, widgetSpecFor } from '../../../shared/widgets/catalog';
import { selectLatest } from '../../store/selectors';
import type { WallStoreState } from '../../store/wallStore';
import { insideGrid } from './edits';
import { partOf, textAreasOf } from './text-areas';
import { schemaMessage } from './texts';
import type { EditorData, Warning } from './types';

/**
 * Everything the shell lists before publishing, each at the field it concerns: the layout
 * schema's refusals (errors: they block publishing), then per tile the warnings (text
 * under a bezel, too small to read, no data, stale data). Pure: the same layout, profile
 * and data give the same list.
 */
export function publishWarnings(layout: Layout, profile: WallProfile, data: EditorData): Warning[] {
  const warnings: Warning[] = schemaErrors(layout);
  const canvas = wallCanvas(profile);
  const lines = gridLines(canvas, profile, layout.grid);
  // The checks below need a tile inside the grid, of a known widget; the schema names the others.
  const placeable = layout.tiles.filter((tile) => insideGrid(layout.grid, tile) && widgetSpecFor(tile.widget));
  const legibility = new Map(checkLegibility(profile, { grid: layout.grid, tiles: placeable }, widgetLegibility).map((r) => [r.tileId, r]));
  layout.tiles.forEach((tile, index) => {
    if (!placeable.includes(tile)) return;
    const at = (...rest: (string | number)[]) => jsonPath(['tiles', index, ...rest]);
    const rect = tileRect(lines, tile);
    const under = bezelCovers(canvas, rect, tile.widget);
    if (under) {
      warnings.push(
        under === 'figure'
          ? { kind: 'bezel', severity: 'warning', tileId: tile.id, path: at(), message_vi: 'Con số chính nằm dưới viền màn hình', message_en: "The tile's figure sits under a bezel" }
          : { kind: 'bezel', severity: 'warning', tileId: tile.id, path: at(), message_vi: 'Có chữ nằm dưới viền màn hình', message_en: 'Some text sits under a bezel' },
      );
    }
    const legible = legibility.get(tile.id);
    if (legible && !legible.ok) {
      const need = Math.ceil(legible.requiredTileHeightMm);
      const now = Math.round(legible.tileHeightMm);
      warnings.push({
        kind: 'legibility',
        severity: 'warning',
        tileId: tile.id,
        path: at('h'),
        message_vi: `Chữ quá nhỏ để đọc từ ${profile.viewingDistanceMm / 1000} m: ô cần cao ít nhất ${need} mm (hiện ${now} mm)`,
        message_en: `Text too small to read from ${profile.viewingDistanceMm / 1000} m: the tile needs to be at least ${need} mm tall (now ${now} mm)`,
      });
    }
    warnings.push(...dataWarnings(tile, index, data));
  });
  return warnings;
}

/** The layout schema's refusals, as errors at their fields. */
export function schemaErrors(layout: Layout): Warning[] {
  const result = validateLayout(layout);
  if (result.ok) return [];
  return result.errors.map((error) => {
    const match = /^\$\.tiles\[(\d+)\]/.exec(error.path);
    const tile = match ? layout.tiles[Number(match[1])] : undefined;
    return { kind: 'schema', severity: 'error', tileId: tile?.id ?? null, path: error.path, ...schemaMessage(error.message) };
  });
}

/** Which kind of text (the figure first) of a tile at `rect` some bezel hides, or null. */
export function bezelCovers(canvas: WallCanvas, rect: Rect, widget: string): 'figure' | 'text' | null {
  let found: 'figure' | 'text' | null = null;
  for (const { kind, area } of textAreasOf(widget)) {
    if (!hiddenPart(canvas, partOf(rect, area))) continue;
    if (kind === 'figure') return 'figure';
    found = 'text';
  }
  return found;
}

/** Whether part of `rect` lies outside every screen's picture (viewports never overlap, so their areas add up). */
function hiddenPart(canvas: WallCanvas, rect: Rect): boolean {
  const area = rect.width * rect.height;
  let seen = 0;
  for (const { viewport: v } of canvas.screens) {
    const w = Math.min(rect.x + rect.width, v.x + v.width) - Math.max(rect.x, v.x);
    const h = Math.min(rect.y + rect.height, v.y + v.height) - Math.max(rect.y, v.y);
    if (w > 0 && h > 0) seen += w * h;
  }
  return area - seen > 0.5; // less than a pixel is rounding, not a letter
}

function dataWarnings(tile: Tile, index: number, data: EditorData): Warning[] {
  const binding = tile.binding;
  if (!binding) return [];
  const out: Warning[] = [];
  const delayDays = (tile.options as { reportingDelayDays?: number }).reportingDelayDays;
  binding.indicators.forEach((code, i) => {
    const path = jsonPath(['tiles', index, 'binding', 'indicators', i]);
    const meta = data.indicators[code];
    const latest = data.latest(code, binding.region);
    if (!latest || latest.value === null) {
      out.push({
        kind: 'no-data',
        severity: 'warning',
        tileId: tile.id,
        path,
        message_vi: `Chưa có số liệu của ${code} cho ${binding.region}`,
        message_en: `No figure of ${code} for ${binding.region}`,
      });
      return;
    }
    if (!meta) return;
    const fresh = freshness({ periodicity: meta.periodicity, period: latest.period, now: data.now, delayDays });
    if (fresh.state === 'stale') {
      out.push({
        kind: 'stale',
        severity: 'warning',
        tileId: tile.id,
        path,
        message_vi: `Số liệu ${code} kỳ ${latest.period} đã quá hạn ${fresh.overdueDays} ngày (kỳ sau hạn ${fresh.nextDue})`,
        message_en: `${code} for ${latest.period} is ${fresh.overdueDays} days overdue (the next was due ${fresh.nextDue})`,
      });
    }
  });
  return out;
}

/** The live data the warnings read, from the page's store (what the feed delivered). */
export function editorDataFromStore(state: Pick<WallStoreState, 'indicators' | 'observations' | 'periods'>, now: number = Date.now()): EditorData {
  return {
    indicators: state.indicators,
    latest: (indicator, region) => selectLatest(state as WallStoreState, indicator, region),
    now,
  };
}
