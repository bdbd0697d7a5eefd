import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod, previousPeriod, samePeriodLastYear } from '../../shared/period';

describe('periods', () => {
  it('parses every form the reports use', () => {
    expect(parsePeriod('2024')).toMatchObject({ kind: 'year', start: '2024-01-01', end: '2024-12-31' });
    expect(parsePeriod('2024-Q1')).toMatchObject({ kind: 'quarter', start: '2024-01-01', end: '2024-03-31' });
    expect(parsePeriod('2024-02')).toMatchObject({ kind: 'month', start: '2024-02-01', end: '2024-02-29' });
    expect(parsePeriod('2025-H1')).toMatchObject({ kind: 'half-year', start: '2025-01-01', end: '2025-06-30' });
    expect(parsePeriod('2025-9M')).toMatchObject({ kind: 'nine-months', start: '2025-01-01', end: '2025-09-30' });
    expect(parsePeriod('2023-12-15..2024-11-14')).toMatchObject({ kind: 'window', start: '2023-12-15', end: '2024-11-14' });
    expect(parsePeriod('2025-01..2025-11')).toMatchObject({ kind: 'window', start: '2025-01-01', end: '2025-11-30' });
  });

  it('refuses what is not a period', () => {
    for (const bad of ['24', '2024-Q5', '2024-13', '2023-02-29..2023-03-01', '2024-03-01..2024-02-01', 'Q1-2024', '']) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it('finds the previous period and the same period last year', () => {
    expect(previousPeriod('2024-Q1')).toBe('2023-Q4');
    expect(previousPeriod('2024-01')).toBe('2023-12');
    expect(previousPeriod('2024-H1')).toBe('2023-H2');
    expect(previousPeriod('2023-12-15..2024-11-14')).toBeNull();
    expect(samePeriodLastYear('2024-Q3')).toBe('2023-Q3');
    expect(samePeriodLastYear('2024')).toBe('2023');
    expect(samePeriodLastYear('2023-12-15..2024-11-14')).toBe('2022-12-15..2023-11-14');
    expect(samePeriodLastYear('2024-02-29..2024-03-14')).toBe('2023-02-28..2023-03-14');
  });

  it('orders periods by their end, shorter first', () => {
    const sorted = ['2024', '2024-Q4', '2024-Q1', '2023', '2024-12'].sort(comparePeriods);
    expect(sorted).toEqual(['2023', '2024-Q1', '2024-12', '2024-Q4', '2024']);
  });
});
