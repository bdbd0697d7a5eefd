import type { WidgetSpecOf, WidgetType } from '../../shared/widgets/catalog';
import type { WidgetDefinition } from './common/define-widget';
import { clockWidget } from './clock';
import { comparisonWidget } from './comparison';
import { complianceWidget } from './compliance';
import { imageWidget } from './image';
import { kpiWidget } from './kpi';
import { map3dWidget } from './map-3d';
import { tasksWidget } from './tasks';
import { mapGeoWidget } from './map-geo';
import { mapTilesWidget } from './map-tiles';
import { noteWidget } from './note';
import { tickerWidget } from './ticker';
import { timeseriesWidget } from './timeseries';

/**
 * The renderer's widgets: each folder's `defineWidget(spec, Component)`, listed once. The
 * ids, schemas and everything else come from the shared definitions; this list only says
 * which component draws each. A widget of the catalogue missing here fails the
 * type-check (below), and an id a layout names that nobody knows gets a placeholder.
 */
export const widgets = [
  kpiWidget,
  timeseriesWidget,
  comparisonWidget,
  complianceWidget,
  tickerWidget,
  clockWidget,
  noteWidget,
  imageWidget,
  mapGeoWidget,
  mapTilesWidget,
  map3dWidget,
  tasksWidget,
] as const;

type Missing = Exclude<WidgetType, (typeof widgets)[number]['id']>;
const everyWidgetHasAComponent: [Missing] extends [never] ? true : Missing = true;
void everyWidgetHasAComponent;

export const widgetRegistry = Object.fromEntries(widgets.map((widget) => [widget.id, widget])) as {
  readonly [K in WidgetType]: WidgetDefinition<WidgetSpecOf<K>>;
};

export function widgetFor(type: string): WidgetDefinition | undefined {
  return Object.hasOwn(widgetRegistry, type) ? (widgetRegistry[type as WidgetType] as unknown as WidgetDefinition) : undefined;
}
