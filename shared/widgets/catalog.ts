import type { z } from 'zod';
import { clockSpec } from './clock/definition';
import { comparisonSpec } from './comparison/definition';
import { complianceSpec } from './compliance/definition';
import { imageSpec } from './image/definition';
import { kpiSpec } from './kpi/definition';
import { map3dSpec } from './map-3d/definition';
import { mapGeoSpec } from './map-geo/definition';
import { mapTilesSpec } from './map-tiles/definition';
import { noteSpec } from './note/definition';
import { tickerSpec } from './ticker/definition';
import { tasksSpec } from './tasks/definition';
import { timeseriesSpec } from './timeseries/definition';

export type { WidgetSpec } from './define';

/**
 * Every widget the wall knows, as one list of definitions (shared/widgets/<id>/definition.ts):
 * the layout schema, the loader's migrations, the legibility check and the renderer's
 * registry all derive from it. Ids are stored in layouts: a renamed or removed one breaks
 * saved layouts, so tests/unit/widget-ids.test.ts freezes the list.
 */
export const widgetSpecs = [
  kpiSpec,
  timeseriesSpec,
  comparisonSpec,
  complianceSpec,
  tickerSpec,
  clockSpec,
  noteSpec,
  imageSpec,
  mapGeoSpec,
  mapTilesSpec,
  map3dSpec,
  tasksSpec,
] as const;

export type AnyWidgetSpec = (typeof widgetSpecs)[number];
export type WidgetType = AnyWidgetSpec['id'];
export type WidgetSpecOf<K extends WidgetType> = Extract<AnyWidgetSpec, { id: K }>;
/** A tile's options as the loader hands them on: validated, migrated, every default applied. */
export type WidgetOptions<K extends WidgetType> = z.output<WidgetSpecOf<K>['optionsSchema']>;

export const widgetTypes: readonly WidgetType[] = widgetSpecs.map((spec) => spec.id);

if (new Set(widgetTypes).size !== widgetTypes.length) throw new Error(`two widgets share an id: ${widgetTypes.join(', ')}`);

/** The same list by id. */
export const widgetCatalog = Object.fromEntries(widgetSpecs.map((spec) => [spec.id, spec])) as { readonly [K in WidgetType]: WidgetSpecOf<K> };

/** The widget of an id read from a document, or undefined (never an inherited property such as "toString"). */
export function widgetSpecFor(id: unknown): AnyWidgetSpec | undefined {
  return typeof id === 'string' && Object.hasOwn(widgetCatalog, id) ? widgetCatalog[id as WidgetType] : undefined;
}

/** What shared/legibility.ts needs of each widget: its smallest text. */
export const widgetLegibility = Object.fromEntries(widgetSpecs.map((spec) => [spec.id, spec.legibility])) as {
  readonly [K in WidgetType]: WidgetSpecOf<K>['legibility'];
};
