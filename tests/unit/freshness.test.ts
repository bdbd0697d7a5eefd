import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonthsToDay, CADENCE_MONTHS, freshness, GRACE_DAYS, isStale, REPORTING_DELAY_DAYS } from '../../shared/freshness';
import type { Periodicity } from '../../shared/protocol/model';

/** An instant in Viet Nam (UTC+7): vn('2025-12-28') is that day's midnight there. */
const vn = (day: string, time = '00:00:00') => Date.parse(`${day}T${time}+07:00`);
const SECOND = 1000;

describe('addMonthsToDay', () => {
  it('keeps the last day of a month the last day, and clamps other days', () => {
    expect(addMonthsToDay('2025-10-31', 1)).toBe('2025-11-30');
    expect(addMonthsToDay('2025-11-30', 1)).toBe('2025-12-31');
    expect(addMonthsToDay('2025-06-30', 6)).toBe('2025-12-31');
    expect(addMonthsToDay('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsToDay('2025-01-15', 1)).toBe('2025-02-15');
    expect(addMonthsToDay('2025-01-30', 1)).toBe('2025-02-28');
    expect(addMonthsToDay('2025-12-31', 12)).toBe('2026-12-31');
    expect(addMonthsToDay('2024-11-14', 1)).toBe('2024-12-14');
  });
});

describe('freshness: the next figure is due one cadence step + the reporting delay after the period, plus grace', () => {
  it('a monthly figure for October 2025 goes stale on 28/12/2025 (November due 20/12, + 7 days)', () => {
    // 31/10 + 1 month = 30/11; + 20 days = 20/12 (due); + 7 days of grace = through 27/12.
    const f = freshness({ periodicity: 'month', period: '2025-10', now: vn('2025-12-20') });
    expect(f).toMatchObject({ state: 'fresh', periodEnd: '2025-10-31', nextPeriodEnd: '2025-11-30', nextDue: '2025-12-20', overdueDays: 0 });
    expect(f.staleFromMs).toBe(vn('2025-12-28'));
    expect(freshness({ periodicity: 'month', period: '2025-10', now: vn('2025-12-27', '23:59:59') }).state).toBe('fresh');
    expect(freshness({ periodicity: 'month', period: '2025-10', now: vn('2025-12-28') }).state).toBe('stale');
    expect(freshness({ periodicity: 'month', period: '2025-10', now: vn('2026-01-07', '12:00:00') })).toMatchObject({ state: 'stale', overdueDays: 10 });
  });

  it('a quarterly figure for Q3 2025 is fresh until 27/01/2026', () => {
    // 30/09 + 3 months = 31/12; + 20 = 20/01/2026; + 7 → stale from 28/01.
    expect(freshness({ periodicity: 'quarter', period: '2025-Q3', now: vn('2026-01-27', '23:00:00') })).toMatchObject({ state: 'fresh', nextDue: '2026-01-20' });
    expect(freshness({ periodicity: 'quarter', period: '2025-Q3', now: vn('2026-01-28') }).state).toBe('stale');
  });

  it('a yearly figure for 2024 is fresh until 07/04/2026 (2025 due 31/03/2026)', () => {
    // 31/12/2024 + 12 months = 31/12/2025; + 90 days = 31/03/2026; + 7 → stale from 08/04/2026.
    const f = freshness({ periodicity: 'year', period: '2024', now: vn('2026-01-09') });
    expect(f).toMatchObject({ state: 'fresh', nextPeriodEnd: '2025-12-31', nextDue: '2026-03-31' });
    expect(f.staleFromMs).toBe(vn('2026-04-08'));
    expect(isStale({ periodicity: 'year', period: '2024', now: vn('2026-04-08') })).toBe(true);
  });

  it('half-year and nine-month figures', () => {
    // H1 2025 ends 30/06; H2 ends 31/12; due 20/01/2026; stale from 28/01/2026.
    expect(freshness({ periodicity: 'half-year', period: '2025-H1', now: vn('2026-01-27') }).state).toBe('fresh');
    expect(freshness({ periodicity: 'half-year', period: '2025-H1', now: vn('2026-01-28') }).state).toBe('stale');
    // 9M 2025 ends 30/09/2025; the next 9M ends 30/09/2026; due 20/10/2026; stale from 28/10/2026.
    expect(freshness({ periodicity: 'nine-months', period: '2025-9M', now: vn('2026-10-27') }).state).toBe('fresh');
    expect(freshness({ periodicity: 'nine-months', period: '2025-9M', now: vn('2026-10-28') }).state).toBe('stale');
  });

  it('counts from the end of an explicit window (Decree 09: 15th to 14th)', () => {
    // 14/11/2024 + 1 month = 14/12/2024; + 20 = 03/01/2025; + 7 → stale from 11/01/2025.
    const f = freshness({ periodicity: 'month', period: '2023-12-15..2024-11-14', now: vn('2025-01-10', '23:59:59') });
    expect(f).toMatchObject({ state: 'fresh', periodEnd: '2024-11-14', nextPeriodEnd: '2024-12-14', nextDue: '2025-01-03' });
    expect(freshness({ periodicity: 'month', period: '2023-12-15..2024-11-14', now: vn('2025-01-11') }).state).toBe('stale');
  });

  it('follows the indicator’s cadence, not the latest period’s kind', () => {
    // A monthly indicator whose latest figure is the year 2025 expects January 2026 by 20/02 (+7).
    expect(freshness({ periodicity: 'month', period: '2025', now: vn('2026-02-27') }).state).toBe('fresh');
    expect(freshness({ periodicity: 'month', period: '2025', now: vn('2026-02-28') }).state).toBe('stale');
  });

  it('takes a delay of the tile’s own (a figure released on the 6th) and a different grace', () => {
    // October, released on the 6th: November due 06/12, stale from 14/12 (7 days grace) or 07/12 (none).
    expect(freshness({ periodicity: 'month', period: '2025-10', now: vn('2025-12-14'), delayDays: 6 }).state).toBe('stale');
    expect(freshness({ periodicity: 'month', period: '2025-10', now: vn('2025-12-13'), delayDays: 6 }).state).toBe('fresh');
    expect(freshness({ periodicity: 'month', period: '2025-10', now: vn('2025-12-07'), delayDays: 6, graceDays: 0 }).state).toBe('stale');
  });

  it('says "unknown" for an ad-hoc indicator, a period it cannot read, and a time that is not one', () => {
    expect(freshness({ periodicity: 'ad-hoc', period: '2025-10', now: vn('2030-01-01') })).toMatchObject({ state: 'unknown', periodEnd: '2025-10-31' });
    expect(freshness({ periodicity: 'month', period: 'last month', now: vn('2030-01-01') })).toMatchObject({ state: 'unknown', periodEnd: null });
    expect(freshness({ periodicity: 'month', period: '2025-10', now: Number.NaN }).state).toBe('unknown');
    expect(isStale({ periodicity: 'ad-hoc', period: '2020', now: vn('2030-01-01') })).toBe(false);
  });

  it('documents its numbers', () => {
    expect(CADENCE_MONTHS).toEqual({ month: 1, quarter: 3, 'half-year': 6, 'nine-months': 12, year: 12, 'ad-hoc': null });
    expect(REPORTING_DELAY_DAYS).toEqual({ month: 20, quarter: 20, 'half-year': 20, 'nine-months': 20, year: 90, 'ad-hoc': null });
    expect(GRACE_DAYS).toBe(7);
  });

  it('once stale, stays stale; a later period is never staler (property)', () => {
    const periodicities: Periodicity[] = ['month', 'quarter', 'half-year', 'nine-months', 'year'];
    const monthPeriod = fc.tuple(fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    const instant = fc.integer({ min: vn('2000-01-01'), max: vn('2045-01-01') });
    fc.assert(
      fc.property(fc.constantFrom(...periodicities), monthPeriod, instant, fc.integer({ min: 0, max: 400 * 86_400 * SECOND }), (periodicity, period, now, later) => {
        const a = freshness({ periodicity, period, now });
        const b = freshness({ periodicity, period, now: now + later });
        if (a.state === 'stale') expect(b.state).toBe('stale');
        expect(b.overdueDays).toBeGreaterThanOrEqual(a.overdueDays);
        // Stale exactly from staleFromMs on.
        expect(a.state === 'stale').toBe(now >= a.staleFromMs!);
      }),
    );
  });
});
