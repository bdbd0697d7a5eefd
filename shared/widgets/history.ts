import { widgetSpecFor } from './catalog';
import { DEFAULT_HISTORY_YEARS, MAX_HISTORY_YEARS } from './history-span';

/** How much history a layout needs (the rule and its reasons: ./history-span.ts). */
interface TileLike {
  readonly widget: string;
  readonly options?: unknown;
}

/** The years of history a layout's tiles need, between DEFAULT_HISTORY_YEARS and MAX_HISTORY_YEARS. */
export function historyYearsOf(tiles: readonly TileLike[]): number {
  let years = DEFAULT_HISTORY_YEARS;
  for (const tile of tiles) {
    const spec = widgetSpecFor(tile.widget);
    if (!spec?.historyYears) continue;
    const options = spec.optionsSchema.safeParse(tile.options ?? {});
    if (options.success) years = Math.max(years, spec.historyYears(options.data));
  }
  return Math.min(MAX_HISTORY_YEARS, years);
}
