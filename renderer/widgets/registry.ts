import { widgetCatalog, type WidgetSpec, type WidgetType } from '../../shared/widgets/catalog';
import type { WidgetComponent } from './common/types';
import { KpiTile } from './kpi/KpiTile';

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
};

export function widgetFor(type: string): WidgetEntry | undefined {
  return Object.hasOwn(widgetRegistry, type) ? (widgetRegistry[type as WidgetType] as WidgetEntry) : undefined;
}
