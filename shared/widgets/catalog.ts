import { z } from 'zod';
import { kpiOptionsSchema } from './kpi';

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
    optionsVersion: 1,
    binding: 'one',
    smallestTextFraction: 0.07,
  },
} as const satisfies Record<string, WidgetSpec>;

export type WidgetType = keyof typeof widgetCatalog;
export const widgetTypes = Object.keys(widgetCatalog) as WidgetType[];
