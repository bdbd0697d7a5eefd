import { observationKey, type IndicatorMeta, type Observation } from '../../shared/protocol/model';
import { previousPeriod, samePeriodLastYear } from '../../shared/period';
import { historyYearsOf } from '../../shared/widgets/history';
import { neededTiles, periodsKey, type WallStoreState } from './wallStore';

/**
 * Pure reads of the store. Each returns an object that already lives in the state (or
 * undefined), never a fresh one, so a component using it with `useWall` re-renders only
 * when that very figure changes.
 */

export type CompareMode = 'previous' | 'yoy';

export const selectIndicator = (state: WallStoreState, code: string): IndicatorMeta | undefined => state.indicators[code];

export const selectObservation = (
  state: WallStoreState,
  indicator: string,
  region: string,
  period: string,
): Observation | undefined => state.observations[observationKey({ indicator, region, period })];

/** The periods held for indicator × region, oldest first. */
export const selectPeriods = (state: WallStoreState, indicator: string, region: string): readonly string[] | undefined =>
  state.periods[periodsKey(indicator, region)];

/** The newest period's observation (by comparePeriods: latest end, then the longest). */
export function selectLatest(state: WallStoreState, indicator: string, region: string): Observation | undefined {
  const periods = selectPeriods(state, indicator, region);
  const last = periods?.[periods.length - 1];
  return last === undefined ? undefined : selectObservation(state, indicator, region, last);
}

/** The period a figure is compared with: the one just before, or the same one a year earlier. */
export function comparisonPeriod(period: string, mode: CompareMode): string | null {
  return mode === 'yoy' ? samePeriodLastYear(period) : previousPeriod(period);
}

/** The observation of the previous period (or the same period last year) of `period`. */
export function selectComparison(
  state: WallStoreState,
  indicator: string,
  region: string,
  period: string,
  mode: CompareMode,
): Observation | undefined {
  const other = comparisonPeriod(period, mode);
  return other === null ? undefined : selectObservation(state, indicator, region, other);
}

export const selectPreviousPeriod = (state: WallStoreState, indicator: string, region: string, period: string) =>
  selectComparison(state, indicator, region, period, 'previous');

export const selectSamePeriodLastYear = (state: WallStoreState, indicator: string, region: string, period: string) =>
  selectComparison(state, indicator, region, period, 'yoy');

/**
 * Every indicator code the layout (a prepared scene, an editor's drafts) binds, sorted, or
 * null (everything) when they bind none; before any is known, what the store's
 * `beforeLayout` says: none ([]) for a wall page, whose layout then asks afresh, or everything.
 */
export function selectBoundIndicators(state: WallStoreState): string[] | null {
  if (!state.wall && !state.prepared && state.drafted.length === 0 && state.beforeLayout === 'nothing') return [];
  const tiles = neededTiles(state);
  const codes = new Set<string>();
  for (const tile of tiles) for (const code of tile.binding?.indicators ?? []) codes.add(code);
  // An alert ticker watches the indicators of its thresholds (options, not a binding).
  for (const tile of tiles) if (tile.widget === 'ticker') for (const t of tile.options.thresholds) codes.add(t.indicator);
  return codes.size ? [...codes].sort() : null;
}

/** The calendar years of history the tiles draw (the window the feed subscribes to and the store holds); undefined before a layout or a draft is known. */
export const selectHistoryYears = (state: WallStoreState): number | undefined => (state.wall || state.drafted.length ? historyYearsOf(neededTiles(state)) : undefined);

/** Whether the layout shows reporting compliance (a compliance board, or a ticker of late reports). */
export function selectWantsCompliance(state: WallStoreState): boolean {
  return neededTiles(state).some((tile) => tile.widget === 'compliance' || tile.widget === 'tasks' || (tile.widget === 'ticker' && (tile.options.reports || tile.options.tasks)));
}

/** Every compliance entry held, by `regime|agency|period`. */
export const selectCompliance = (state: WallStoreState): WallStoreState['compliance'] => state.compliance;

/** Every task held, by id (with compliance). */
export const selectTasks = (state: WallStoreState): WallStoreState['tasks'] => state.tasks;

/** Regime names and periodicities by code. */
export const selectRegimes = (state: WallStoreState): WallStoreState['regimes'] => state.regimes;
