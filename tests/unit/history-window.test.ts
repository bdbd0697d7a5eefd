import { describe, expect, it } from 'vitest';
import { historyYearsOf } from '../../shared/widgets/history';
import { DEFAULT_HISTORY_YEARS, MAX_HISTORY_YEARS, periodYear, yearsForPeriods } from '../../shared/widgets/history-span';

describe('the years of history a layout draws', () => {
  it('reads the year of every period form', () => {
    expect(['2025', '2025-Q3', '2025-07', '2025-H1', '2025-9M', '2024-12-15..2025-11-14', '2025-01..2025-11'].map(periodYear)).toEqual([2025, 2025, 2025, 2025, 2025, 2024, 2025]);
    expect(periodYear('Q3')).toBeNull();
  });

  it("counts a chart's periods in years of its kind, plus the year before its first", () => {
    expect(yearsForPeriods(12, 'month')).toBe(2);
    expect(yearsForPeriods(13, 'month')).toBe(3);
    expect(yearsForPeriods(12, 'quarter')).toBe(4);
    expect(yearsForPeriods(12, 'year')).toBe(13);
    expect(yearsForPeriods(12, 'auto')).toBe(13);
  });

  it('is the widest tile, never under the default nor over the cap', () => {
    expect(historyYearsOf([])).toBe(DEFAULT_HISTORY_YEARS);
    expect(historyYearsOf([{ widget: 'clock', options: {} }, { widget: 'map-geo', options: {} }])).toBe(DEFAULT_HISTORY_YEARS);
    expect(historyYearsOf([{ widget: 'kpi', options: { sparklinePeriods: 0 } }])).toBe(DEFAULT_HISTORY_YEARS);
    expect(historyYearsOf([{ widget: 'kpi', options: {} }])).toBe(9);
    expect(historyYearsOf([{ widget: 'kpi', options: {} }, { widget: 'timeseries', options: { periods: 20, periodKind: 'quarter' } }])).toBe(9);
    expect(historyYearsOf([{ widget: 'timeseries', options: { periods: 120, periodKind: 'year' } }])).toBe(MAX_HISTORY_YEARS);
    // Options the widget would refuse count as nothing (the loader refuses the layout anyway).
    expect(historyYearsOf([{ widget: 'timeseries', options: { periods: 'many' } }, { widget: 'nope', options: {} }])).toBe(DEFAULT_HISTORY_YEARS);
  });
});
