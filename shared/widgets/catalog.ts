import { z } from 'zod';
import { kpiOptionsSchema } from './kpi';

/**
 * Everything the pure side knows about a widget type: its options schema, how many
 * indicators it binds, and the smallest legible size in layout grid cells. The renderer's
 * registry pairs each id here with a component; ids are stored in layouts, never renamed.
 */
export interface WidgetSpec<Options extends z.ZodType = z.ZodType> {
  optionsSchema: Options;
  /** Current options version; older options are migrated by `migrateOptions`. */
  optionsVersion: number;
  migrateOptions?: (fromVersion: number, options: unknown) => unknown;
  binding: 'none' | 'one' | 'many';
  /** Smallest body text as a fraction of the tile's height, for legibility checks. */
  smallestTextFraction: number;
}

export const widgetCatalog = {
  kpi: {
    optionsSchema: kpiOptionsSchema,
    optionsVersion: 1,
    binding: 'one',
    smallestTextFraction: 0.07,
  },
} as const satisfies Record<string, WidgetSpec>;

export type WidgetType = keyof typeof widgetCatalog;
export const widgetTypes = Object.keys(widgetCatalog) as WidgetType[];
