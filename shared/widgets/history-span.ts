/**
 * How much history the wall holds, from what its tiles draw. The server windows a wall's
 * snapshot to it (the `historyYears` of a subscribe) and the wall's store drops what falls
 * out of it, so a wall's memory and snapshot follow its layout, not the years of data the
 * store has gathered (issue 12: "bound what a window holds to what its tiles can show").
 *
 * A window is counted in calendar years back from each series' own newest year (the year of
 * a period is its first four digits; an explicit window's is its start's), so a series that
 * stopped being reported keeps its last figures.
 */

/** The newest year and the one before: a figure and its same period last year, a year's plan and progress. */
export const DEFAULT_HISTORY_YEARS = 2;
/** The most any layout asks for (a 120-period yearly chart would ask for 121). */
export const MAX_HISTORY_YEARS = 50;

/** The calendar year of a period text ("2025-Q3" → 2025), or null for a text without one. */
export function periodYear(period: string): number | null {
  const year = Number.parseInt(period.slice(0, 4), 10);
  return /^\d{4}/.test(period) ? year : null;
}

/**
 * Years a chart of `periods` periods of `kind` spans, plus the year before its first (its
 * first point's comparison). 'auto' and unknown kinds count as yearly, the widest.
 */
export function yearsForPeriods(periods: number, kind: string): number {
  const perYear: Record<string, number> = { month: 12, quarter: 4, 'half-year': 2 };
  return Math.ceil(periods / (perYear[kind] ?? 1)) + 1;
}

