import { z } from 'zod';
import { kpiOptionsSchema, migrateKpiOptions, KPI_OPTIONS_VERSION } from './kpi';
import { timeseriesOptionsSchema, migrateTimeseriesOptions, TIMESERIES_OPTIONS_VERSION } from './timeseries';
import { comparisonOptionsSchema, migrateComparisonOptions, COMPARISON_OPTIONS_VERSION } from './comparison';
import { complianceOptionsSchema, migrateComplianceOptions, COMPLIANCE_OPTIONS_VERSION } from './compliance';
import { tickerOptionsSchema, migrateTickerOptions, TICKER_OPTIONS_VERSION } from './ticker';
import { clockOptionsSchema, migrateClockOptions, CLOCK_OPTIONS_VERSION } from './clock';
import { noteOptionsSchema, migrateNoteOptions, NOTE_OPTIONS_VERSION } from './note';
import { imageOptionsSchema, migrateImageOptions, IMAGE_OPTIONS_VERSION } from './image';
import { mapGeoOptionsSchema, migrateMapGeoOptions, MAP_GEO_OPTIONS_VERSION } from './map-geo';
import { mapTilesOptionsSchema, migrateMapTilesOptions, MAP_TILES_OPTIONS_VERSION } from './map-tiles';
import { map3dOptionsSchema, migrateMap3dOptions, MAP_3D_OPTIONS_VERSION } from './map-3d';

/**
 * Everything the pure side knows about a widget type: its options schema, how many
 * indicators it binds, and how small its smallest text gets. The renderer's registry
 * pairs each id here with a component; ids are stored in layouts, never renamed.
 */
export interface WidgetSpec<Options extends z.ZodType = z.ZodType> {
  optionsSchema: Options;
  /** Current options version; older options are migrated by `migrateOptions`. */
  optionsVersion: number;
  migrateOptions?: (fromVersion: number, options: unknown) => unknown;
  binding: 'none' | 'one' | 'many';
  /**
   * CSS font size of the widget's smallest text as a fraction of the tile's height: the
   * number before `cqh` in its stylesheet (0.07 = 7cqh). shared/legibility.ts turns it
   * into a cap height on the wall and compares it with what the viewing distance needs.
   */
  smallestTextFraction: number;
}

export const widgetCatalog = {
  kpi: {
    optionsSchema: kpiOptionsSchema,
    optionsVersion: KPI_OPTIONS_VERSION,
    migrateOptions: migrateKpiOptions,
    binding: 'one',
    // 10.6cqh in kpi.css (0.105 + the border): a 4×3-cell tile of the 2×2 55" wall at 5 m.
    // The English name and the change's basis (7.2cqh) appear only where legible.
    smallestTextFraction: 0.105,
  },
  // Chart widgets: axis labels, legend and ranking rows at 5.6cqh (chart-base.css).
  timeseries: {
    optionsSchema: timeseriesOptionsSchema,
    optionsVersion: TIMESERIES_OPTIONS_VERSION,
    migrateOptions: migrateTimeseriesOptions,
    binding: 'many',
    smallestTextFraction: 0.055,
  },
  comparison: {
    optionsSchema: comparisonOptionsSchema,
    optionsVersion: COMPARISON_OPTIONS_VERSION,
    migrateOptions: migrateComparisonOptions,
    binding: 'one',
    smallestTextFraction: 0.055,
  },
  // Board widgets: compliance matrix, alert ticker, clock, note, image (see each options file).
  compliance: {
    optionsSchema: complianceOptionsSchema,
    optionsVersion: COMPLIANCE_OPTIONS_VERSION,
    migrateOptions: migrateComplianceOptions,
    binding: 'none',
    // rows at 60 % of 68cqh / rowsPerPage; with the most rows a page allows (10): 4.08cqh
    smallestTextFraction: 0.04,
  },
  ticker: {
    optionsSchema: tickerOptionsSchema,
    optionsVersion: TICKER_OPTIONS_VERSION,
    migrateOptions: migrateTickerOptions,
    binding: 'none',
    smallestTextFraction: 0.32,
  },
  clock: {
    optionsSchema: clockOptionsSchema,
    optionsVersion: CLOCK_OPTIONS_VERSION,
    migrateOptions: migrateClockOptions,
    binding: 'none',
    smallestTextFraction: 0.105,
  },
  note: {
    optionsSchema: noteOptionsSchema,
    optionsVersion: NOTE_OPTIONS_VERSION,
    migrateOptions: migrateNoteOptions,
    binding: 'none',
    smallestTextFraction: 0.072,
  },
  image: {
    optionsSchema: imageOptionsSchema,
    optionsVersion: IMAGE_OPTIONS_VERSION,
    migrateOptions: migrateImageOptions,
    binding: 'none',
    // the caption (10.5cqh); a tile without a caption has no text at all
    smallestTextFraction: 0.105,
  },
  // Province maps (one indicator, all 34 provinces).
  'map-geo': {
    optionsSchema: mapGeoOptionsSchema,
    optionsVersion: MAP_GEO_OPTIONS_VERSION,
    migrateOptions: migrateMapGeoOptions,
    binding: 'one',
    // labels on the canvas: 2.8 mu = 2.8 % of the height, 2.52 % on a tile 0.6 as wide as tall (map-geo.css)
    smallestTextFraction: 0.025,
  },
  'map-tiles': {
    optionsSchema: mapTilesOptionsSchema,
    optionsVersion: MAP_TILES_OPTIONS_VERSION,
    migrateOptions: migrateMapTilesOptions,
    binding: 'one',
    // a square's name: 21 % of a square of the 7 × 14 grid (map-tiles.css); the map needs a tall tile
    smallestTextFraction: 0.013,
  },
  'map-3d': {
    optionsSchema: map3dOptionsSchema,
    optionsVersion: MAP_3D_OPTIONS_VERSION,
    migrateOptions: migrateMap3dOptions,
    binding: 'one',
    // labels over the picture and the legend's unit: 3.6 mu, 3.24 % on a tile 0.6 as wide as tall (map-3d.css)
    smallestTextFraction: 0.032,
  },
} as const satisfies Record<string, WidgetSpec>;

export type WidgetType = keyof typeof widgetCatalog;
export const widgetTypes = Object.keys(widgetCatalog) as WidgetType[];
