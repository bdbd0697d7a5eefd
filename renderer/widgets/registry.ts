import { widgetCatalog, type WidgetSpec, type WidgetType } from '../../shared/widgets/catalog';
import type { WidgetComponent } from './common/types';
import { KpiTile } from './kpi/KpiTile';
import { TimeSeriesTile } from './timeseries/TimeSeriesTile';
import { ComparisonTile } from './comparison/ComparisonTile';
import { ComplianceTile } from './compliance/ComplianceTile';
import { TickerTile } from './ticker/TickerTile';
import { ClockTile } from './clock/ClockTile';
import { NoteTile } from './note/NoteTile';
import { ImageTile } from './image/ImageTile';
import { MapGeoTile } from './map-geo/MapGeoTile';
import { MapTilesTile } from './map-tiles/MapTilesTile';
import { Map3dTile } from './map-3d/Map3dTile';

/**
 * The one widget registry: each id of the shared catalogue (stored in layouts, never
 * renamed) with its component and its spec (options schema with defaults, migration,
 * binding arity). A type the catalogue gains before the renderer does is simply missing
 * here, and the wall shows a placeholder for it.
 */
export interface WidgetEntry<K extends WidgetType = WidgetType> {
  component: WidgetComponent<K>;
  spec: (typeof widgetCatalog)[K] & WidgetSpec;
}

export const widgetRegistry: { readonly [K in WidgetType]: WidgetEntry<K> } = {
  kpi: { component: KpiTile, spec: widgetCatalog.kpi },
  timeseries: { component: TimeSeriesTile, spec: widgetCatalog.timeseries },
  comparison: { component: ComparisonTile, spec: widgetCatalog.comparison },
  compliance: { component: ComplianceTile, spec: widgetCatalog.compliance },
  ticker: { component: TickerTile, spec: widgetCatalog.ticker },
  clock: { component: ClockTile, spec: widgetCatalog.clock },
  note: { component: NoteTile, spec: widgetCatalog.note },
  image: { component: ImageTile, spec: widgetCatalog.image },
  'map-geo': { component: MapGeoTile, spec: widgetCatalog['map-geo'] },
  'map-tiles': { component: MapTilesTile, spec: widgetCatalog['map-tiles'] },
  'map-3d': { component: Map3dTile, spec: widgetCatalog['map-3d'] },
};

export function widgetFor(type: string): WidgetEntry | undefined {
  return Object.hasOwn(widgetRegistry, type) ? (widgetRegistry[type as WidgetType] as WidgetEntry) : undefined;
}
