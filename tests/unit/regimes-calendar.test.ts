import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../server/catalog/load';
import { parsePeriod } from '../../shared/period';
import {
  addDays,
  dataWindow,
  deadlineOf,
  duePeriods,
  formatVietnamTime,
  isOnTime,
  isPastDeadline,
  lateness,
  nextDeadline,
  openPeriods,
  periodFitsPeriodicity,
  periodsBetween,
  toInstant,
  vietnamDate,
  type RegimeTiming,
} from '../../shared/regimes/calendar';
import type { Regime } from '../../shared/regimes/schema';

const catalog = loadCatalog();
const regime = (code: string): Regime => {
  const r = catalog.regimes.find((x) => x.code === code);
  if (!r) throw new Error(`no regime ${code} in the catalogue`);
  return r;
};

/** Days from a to b, both included. */
const daysInclusive = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) + 1;
const at = (iso: string) => toInstant(iso);

// The regimes used below, and the rules they carry (checked first, so that a change of
// the catalogue shows up here rather than as a puzzling date):
//   BCA-TNGT-THANG    monthly,   cutoff 15 (Decree 09), deadline the 20th of the period's last month
//   BHXH-BHYT-QUY     quarterly, cutoff 15,             deadline the 20th of the quarter's last month
//   BYT-YTE-NAM       yearly,    cutoff 15,             deadline the 20th of December
//   TINH-KTXH-9T      9 months,  cutoff 15 (local practice: not in Decree 09), deadline the 20th of September
//   TINH-KTXH-NAM     yearly,    cutoff 15,             deadline the 20th of December
//   CTK-KTXH-THANG/QUY/NAM  statistical: calendar periods, deadline the 6th of the next month
//   BNNMT-NLTS-THANG  monthly, calendar, 3 days after the window closes
//   CTK-GRDP-QUY      quarterly, calendar, the 6th of the next month;  BKHCN-KHCN-NAM yearly, calendar, 90 days after
//   BGDDT-TNTHPT-NAM  yearly, the examination session 1/6–31/7, 20 days after
//   BNNMT-THIENTAI    ad hoc: the window the report names, due 1 day after it
describe('the catalogue regimes used here carry the rules these tests assume', () => {
  it.each([
    ['BCA-TNGT-THANG', 'month', { kind: 'cutoff', day: 15 }, { kind: 'day-of-month', day: 20, monthOffset: 0 }],
    ['BHXH-BHYT-QUY', 'quarter', { kind: 'cutoff', day: 15 }, { kind: 'day-of-month', day: 20, monthOffset: 0 }],
    ['BYT-YTE-NAM', 'year', { kind: 'cutoff', day: 15 }, { kind: 'day-of-month', day: 20, monthOffset: 0 }],
    ['TINH-KTXH-9T', 'nine-months', { kind: 'cutoff', day: 15, basis: 'local-practice' }, { kind: 'day-of-month', day: 20, monthOffset: 0 }],
    ['TINH-KTXH-NAM', 'year', { kind: 'cutoff', day: 15 }, { kind: 'day-of-month', day: 20, monthOffset: 0 }],
    ['CTK-KTXH-THANG', 'month', { kind: 'calendar' }, { kind: 'day-of-month', day: 6, monthOffset: 1 }],
    ['CTK-KTXH-QUY', 'quarter', { kind: 'calendar' }, { kind: 'day-of-month', day: 6, monthOffset: 1 }],
    ['CTK-KTXH-NAM', 'year', { kind: 'calendar' }, { kind: 'day-of-month', day: 6, monthOffset: 1 }],
    ['BNNMT-NLTS-THANG', 'month', { kind: 'calendar' }, { kind: 'days-after-window', days: 3 }],
    ['CTK-GRDP-QUY', 'quarter', { kind: 'calendar' }, { kind: 'day-of-month', day: 6, monthOffset: 1 }],
    ['BGDDT-TNTHPT-NAM', 'year', { kind: 'part-of-year', start: '06-01', end: '07-31' }, { kind: 'days-after-window', days: 20 }],
    ['BKHCN-KHCN-NAM', 'year', { kind: 'calendar' }, { kind: 'days-after-window', days: 90 }],
    ['BNNMT-THIENTAI', 'ad-hoc', { kind: 'calendar' }, { kind: 'days-after-window', days: 1 }],
  ])('%s', (code, periodicity, window, deadline) => {
    expect(regime(code)).toMatchObject({ periodicity, window, deadline });
  });
});

describe('data windows (Decree 09/2019/NĐ-CP, art. 12: the 15th of the previous month to the 14th)', () => {
  const monthly = regime('BCA-TNGT-THANG');

  it('a monthly report covers the 15th of the previous month to the 14th of its month', () => {
    // March 2025: 15 February 2025 → 14 March 2025.
    expect(dataWindow(monthly, '2025-03')).toEqual({ start: '2025-02-15', end: '2025-03-14' });
    // December: 15 November → 14 December, same year.
    expect(dataWindow(monthly, '2025-12')).toEqual({ start: '2025-11-15', end: '2025-12-14' });
  });

  it("January's window starts on 15 December of the previous year", () => {
    expect(dataWindow(monthly, '2025-01')).toEqual({ start: '2024-12-15', end: '2025-01-14' });
  });

  it('a leap-year February: the window of March 2024 holds 29 February', () => {
    // 2024 is a leap year: 15–29 Feb (15 days) + 1–14 Mar (14 days) = 29 days.
    const leap = dataWindow(monthly, '2024-03');
    expect(leap).toEqual({ start: '2024-02-15', end: '2024-03-14' });
    expect(daysInclusive(leap.start, leap.end)).toBe(29);
    // 2025 is not: 15–28 Feb (14) + 14 = 28 days.
    const common = dataWindow(monthly, '2025-03');
    expect(daysInclusive(common.start, common.end)).toBe(28);
    // February's own window (15 Jan → 14 Feb) is 31 days either way.
    expect(dataWindow(monthly, '2024-02')).toEqual({ start: '2024-01-15', end: '2024-02-14' });
    // A calendar month: February 2024 ends on the 29th, 2025 on the 28th.
    expect(dataWindow(regime('CTK-KTXH-THANG'), '2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(dataWindow(regime('CTK-KTXH-THANG'), '2025-02')).toEqual({ start: '2025-02-01', end: '2025-02-28' });
  });

  it('quarterly: the 15th of the month before the quarter → the 14th of its last month', () => {
    const quarterly = regime('BHXH-BHYT-QUY');
    // Q1: the month before January is December of the previous year.
    expect(dataWindow(quarterly, '2025-Q1')).toEqual({ start: '2024-12-15', end: '2025-03-14' });
    expect(dataWindow(quarterly, '2025-Q2')).toEqual({ start: '2025-03-15', end: '2025-06-14' });
    expect(dataWindow(quarterly, '2025-Q3')).toEqual({ start: '2025-06-15', end: '2025-09-14' });
    expect(dataWindow(quarterly, '2025-Q4')).toEqual({ start: '2025-09-15', end: '2025-12-14' });
  });

  it('6 months: 15/12 of the previous year → 14/6; 9 months: 15/12 → 14/9; yearly: 15/12 → 14/12', () => {
    // No catalogue regime is six-monthly now (health workforce and beds are yearly figures).
    const sixMonthly: RegimeTiming = { periodicity: 'half-year', window: { kind: 'cutoff', day: 15 }, deadline: { kind: 'day-of-month', day: 20, monthOffset: 0 } };
    expect(dataWindow(sixMonthly, '2025-H1')).toEqual({ start: '2024-12-15', end: '2025-06-14' });
    // The second half continues without a gap.
    expect(dataWindow(sixMonthly, '2025-H2')).toEqual({ start: '2025-06-15', end: '2025-12-14' });
    expect(dataWindow(regime('BYT-YTE-NAM'), '2025')).toEqual({ start: '2024-12-15', end: '2025-12-14' });
    expect(dataWindow(regime('TINH-KTXH-9T'), '2025-9M')).toEqual({ start: '2024-12-15', end: '2025-09-14' });
    expect(dataWindow(regime('TINH-KTXH-NAM'), '2025')).toEqual({ start: '2024-12-15', end: '2025-12-14' });
  });

  it('statistical reports use calendar periods', () => {
    expect(dataWindow(regime('CTK-KTXH-QUY'), '2025-Q2')).toEqual({ start: '2025-04-01', end: '2025-06-30' });
    expect(dataWindow(regime('CTK-KTXH-NAM'), '2025')).toEqual({ start: '2025-01-01', end: '2025-12-31' });
  });

  it('the graduation examination covers its session, 1 June to 31 July of the year', () => {
    expect(dataWindow(regime('BGDDT-TNTHPT-NAM'), '2025')).toEqual({ start: '2025-06-01', end: '2025-07-31' });
  });

  it('an ad-hoc report covers the window it names', () => {
    expect(dataWindow(regime('BNNMT-THIENTAI'), '2025-09-25..2025-09-30')).toEqual({ start: '2025-09-25', end: '2025-09-30' });
  });

  it('refuses a period of another kind', () => {
    expect(() => dataWindow(monthly, '2025-Q1')).toThrow(RangeError);
    expect(() => deadlineOf(monthly, '2025')).toThrow(RangeError);
    expect(() => dataWindow(regime('BNNMT-THIENTAI'), '2025-09')).toThrow(RangeError);
    expect(periodFitsPeriodicity('month', '2025-03')).toBe(true);
    expect(periodFitsPeriodicity('month', '2025-Q1')).toBe(false);
    expect(periodFitsPeriodicity('ad-hoc', '2025-09-25..2025-09-30')).toBe(true);
    expect(periodFitsPeriodicity('half-year', '2025-H2')).toBe(true);
    expect(periodFitsPeriodicity('nine-months', '2025-9M')).toBe(true);
  });
});

describe('deadlines: the end of the deadline day, 23:59:59 in Viet Nam (UTC+7)', () => {
  it('"the 20th of the period\'s last month"', () => {
    // The March report (window closing 14 March) is due by 20 March 2025, a Thursday,
    // 23:59:59+07:00, which is 16:59:59 UTC the same day.
    const d = deadlineOf(regime('BCA-TNGT-THANG'), '2025-03');
    expect(d).toEqual({ date: '2025-03-20', nominal: '2025-03-20', movedOver: [], at: '2025-03-20T23:59:59+07:00', ms: Date.parse('2025-03-20T16:59:59Z') });
    // Quarterly: the 20th of the quarter's last month; 9 months: 20 September; yearly: 20 December.
    expect(deadlineOf(regime('BHXH-BHYT-QUY'), '2025-Q1').date).toBe('2025-03-20');
    expect(deadlineOf(regime('TINH-KTXH-9T'), '2025-9M').nominal).toBe('2025-09-20');
    expect(deadlineOf(regime('TINH-KTXH-NAM'), '2025').nominal).toBe('2025-12-20');
    expect(deadlineOf(regime('BYT-YTE-NAM'), '2024').date).toBe('2024-12-20');
  });

  it('"the 6th of the next month", across the turn of the year', () => {
    expect(deadlineOf(regime('CTK-KTXH-THANG'), '2025-03').nominal).toBe('2025-04-06');
    expect(deadlineOf(regime('CTK-KTXH-THANG'), '2025-12').date).toBe('2026-01-06');
    expect(deadlineOf(regime('CTK-KTXH-QUY'), '2025-Q4').date).toBe('2026-01-06');
    expect(deadlineOf(regime('CTK-KTXH-NAM'), '2025')).toMatchObject({ date: '2026-01-06', at: '2026-01-06T23:59:59+07:00' });
    // GRDP of every province comes with the national quarterly release.
    expect(deadlineOf(regime('CTK-GRDP-QUY'), '2025-Q3').date).toBe('2025-10-06');
  });

  it('"N days after the data window closes", leap years included', () => {
    // February 2024 closes on the 29th: + 3 days = 3 March. February 2025 closes on the 28th: + 3 = 3 March too.
    expect(deadlineOf(regime('BNNMT-NLTS-THANG'), '2024-02').nominal).toBe('2024-03-03');
    expect(deadlineOf(regime('BNNMT-NLTS-THANG'), '2025-02').date).toBe('2025-03-03');
    // January closes on the 31st: + 3 = 3 February.
    expect(deadlineOf(regime('BNNMT-NLTS-THANG'), '2025-01').date).toBe('2025-02-03');
    // 2025 closes 31 December: + 90 days = 31 Jan (31) + 28 Feb (59) + 31 Mar (90) → 31 March 2026.
    expect(deadlineOf(regime('BKHCN-KHCN-NAM'), '2025').date).toBe('2026-03-31');
    // 2023 closes 31 December: 2024 is a leap year, so + 90 days is 30 March 2024.
    expect(deadlineOf(regime('BKHCN-KHCN-NAM'), '2023').nominal).toBe('2024-03-30');
    // Ad hoc: the window 25–30 September 2025, due the day after: 1 October.
    expect(deadlineOf(regime('BNNMT-THIENTAI'), '2025-09-25..2025-09-30').date).toBe('2025-10-01');
    // The graduation examination: the session ends 31 July, the report is due 20 August.
    expect(deadlineOf(regime('BGDDT-TNTHPT-NAM'), '2025').date).toBe('2025-08-20');
  });

  it('a day past the end of the month is its last day (leap February)', () => {
    const endOfNextMonth: RegimeTiming = { periodicity: 'month', window: { kind: 'calendar' }, deadline: { kind: 'day-of-month', day: 31, monthOffset: 1 } };
    expect(deadlineOf(endOfNextMonth, '2024-01').date).toBe('2024-02-29');
    expect(deadlineOf(endOfNextMonth, '2025-01').date).toBe('2025-02-28');
    // 30 April is Victory Day, 1 May Labour Day: the deadline is Friday 2 May.
    expect(deadlineOf(endOfNextMonth, '2025-03')).toMatchObject({ nominal: '2025-04-30', date: '2025-05-02' });
  });

  it('on time through 23:59:59.999; a submission at 00:00:30 the next day is late by 31 s', () => {
    const d = deadlineOf(regime('BCA-TNGT-THANG'), '2025-03');
    expect(isOnTime(d, at('2025-03-20T23:59:59+07:00'))).toBe(true);
    expect(isOnTime(d, at('2025-03-20T23:59:59.999+07:00'))).toBe(true);
    expect(isOnTime(d, at('2025-03-21T00:00:00+07:00'))).toBe(false);
    expect(lateness(d, at('2025-03-21T00:00:00+07:00'))).toBe(1000);
    expect(lateness(d, at('2025-03-21T00:00:30+07:00'))).toBe(31_000);
    // The same instant written in UTC.
    expect(lateness(d, at('2025-03-20T17:00:30Z'))).toBe(31_000);
    expect(lateness(d, at('2025-03-19T08:00:00+07:00'))).toBe(0);
    expect(isPastDeadline(d, at('2025-03-20T23:59:59.999+07:00'))).toBe(false);
    expect(isPastDeadline(d, at('2025-03-21T00:00:00+07:00'))).toBe(true);
  });
});

describe('instants and days in Viet Nam', () => {
  it('formats and reads instants with their +07:00 offset', () => {
    expect(formatVietnamTime(Date.parse('2025-03-20T16:59:59Z'))).toBe('2025-03-20T23:59:59+07:00');
    expect(formatVietnamTime(Date.parse('2025-03-20T17:00:00.250Z'))).toBe('2025-03-21T00:00:00.250+07:00');
    // 23:30 UTC on 31 December is already 1 January in Viet Nam.
    expect(vietnamDate(Date.parse('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
  });

  it('refuses an instant without an offset (it would be read in the host\'s zone)', () => {
    expect(() => toInstant('2025-03-20T23:59:59')).toThrow(RangeError);
    expect(() => toInstant('yesterday')).toThrow(RangeError);
    expect(toInstant(new Date(0))).toBe(0);
  });
});

describe('periodsBetween', () => {
  it('lists the periods lying within [from, to]', () => {
    expect(periodsBetween('month', '2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(periodsBetween('quarter', '2025', '2025')).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(periodsBetween('half-year', '2024', '2025')).toEqual(['2024-H1', '2024-H2', '2025-H1', '2025-H2']);
    expect(periodsBetween('nine-months', '2023', '2025')).toEqual(['2023-9M', '2024-9M', '2025-9M']);
    expect(periodsBetween(regime('TINH-KTXH-NAM'), '2023', '2025')).toEqual(['2023', '2024', '2025']);
  });

  it('takes days too: a period counts when wholly inside', () => {
    expect(periodsBetween('year', '2023-06-01', '2025-12-31')).toEqual(['2024', '2025']);
    expect(periodsBetween('month', '2025-03-10', '2025-05-31')).toEqual(['2025-04', '2025-05']);
    expect(periodsBetween('quarter', '2025-01-01', '2025-06-29')).toEqual(['2025-Q1']);
  });

  it('is empty for ad-hoc regimes and reversed bounds, and refuses nonsense', () => {
    expect(periodsBetween('ad-hoc', '2025', '2025')).toEqual([]);
    expect(periodsBetween('month', '2025-05', '2025-03')).toEqual([]);
    expect(() => periodsBetween('month', 'last year', '2025')).toThrow(RangeError);
    expect(() => periodsBetween('month', '1000', '3000')).toThrow(RangeError);
  });

  it('gives 12 months, 4 quarters, 2 halves, one 9-month period and one year per year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2090 }), fc.integer({ min: 0, max: 10 }), (y0, span) => {
        const [from, to] = [String(y0), String(y0 + span)];
        const years = span + 1;
        expect(periodsBetween('month', from, to)).toHaveLength(12 * years);
        expect(periodsBetween('quarter', from, to)).toHaveLength(4 * years);
        expect(periodsBetween('half-year', from, to)).toHaveLength(2 * years);
        expect(periodsBetween('nine-months', from, to)).toHaveLength(years);
        expect(periodsBetween('year', from, to)).toHaveLength(years);
      }),
    );
  });
});

describe('which periods are due', () => {
  const monthly = regime('BCA-TNGT-THANG');

  it('lists the periods whose deadline has passed', () => {
    // Deadlines: 2025-01 → 20 Jan, 02 → 20 Feb, 03 → 20 Mar; 04 → 20 Apr is a Sunday, so Monday 21 Apr.
    // At 21 April 23:59:59 the April report is not yet late; at midnight it is due.
    expect(duePeriods(monthly, '2025-04-21T23:59:59+07:00', { from: '2025-01-01' })).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(duePeriods(monthly, '2025-04-22T00:00:00+07:00', { from: '2025-01-01' })).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    // From a period: the same thing.
    expect(duePeriods(monthly, '2025-04-22T00:00:00+07:00', { from: '2025-03' })).toEqual(['2025-03', '2025-04']);
  });

  it("starts at the regime's effectiveFrom", () => {
    // The provinces' regime applies from 1 July 2025: July's window (15 Jun–14 Jul) is the
    // first to end after that day. At 1 September: July (due 20 Jul) and August (20 Aug).
    const provinces = regime('TINH-KTXH-THANG');
    expect(provinces.effectiveFrom).toBe('2025-07-01');
    expect(duePeriods(provinces, '2025-09-01T09:00:00+07:00')).toEqual(['2025-07', '2025-08']);
    // The yearly statistical report for 2025 is due after 6 January 2026.
    expect(duePeriods(regime('CTK-KTXH-NAM'), '2026-01-07T00:00:00+07:00', { from: '2025' })).toEqual(['2025']);
    expect(duePeriods(regime('CTK-KTXH-NAM'), '2026-01-06T12:00:00+07:00', { from: '2025' })).toEqual([]);
  });

  it('has nothing regular for an ad-hoc regime', () => {
    expect(duePeriods(regime('BNNMT-THIENTAI'), '2026-01-01T00:00:00+07:00')).toEqual([]);
    expect(nextDeadline(regime('BNNMT-THIENTAI'), '2026-01-01T00:00:00+07:00')).toBeUndefined();
  });

  it('knows which periods are being reported and the next deadline', () => {
    // 18 March 2025: March's window (15 Feb–14 Mar) is closed but due on the 20th; April's
    // window (15 Mar–14 Apr) has begun.
    expect(openPeriods(monthly, '2025-03-18T10:00:00+07:00')).toEqual(['2025-03', '2025-04']);
    expect(nextDeadline(monthly, '2025-03-18T10:00:00+07:00')).toMatchObject({ period: '2025-03', deadline: { date: '2025-03-20' } });
    expect(nextDeadline(monthly, '2025-03-21T00:00:00+07:00')).toMatchObject({ period: '2025-04', deadline: { nominal: '2025-04-20', date: '2025-04-21' } });
  });
});

describe('calendar properties over the whole catalogue', () => {
  const year = fc.integer({ min: 2000, max: 2080 });

  it('consecutive Decree-09 monthly windows tile time: no gap, no overlap', () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 12 }), (y, m) => {
        const period = `${y}-${String(m).padStart(2, '0')}`;
        const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
        expect(dataWindow(monthly(), next).start).toBe(addDays(dataWindow(monthly(), period).end, 1));
      }),
    );
  });

  it('every regime: the window is well-formed, the deadline never precedes its close', () => {
    const regular = catalog.regimes.filter((r) => r.periodicity !== 'ad-hoc');
    fc.assert(
      fc.property(fc.constantFrom(...regular), year, (r, y) => {
        for (const period of periodsBetween(r, String(y), String(y))) {
          const w = dataWindow(r, period);
          const d = deadlineOf(r, period);
          expect(w.start <= w.end).toBe(true);
          // Decree 09, art. 8: the deadline comes after the cut-off; a move only makes it later.
          expect(d.nominal > w.end).toBe(true);
          expect(d.date >= d.nominal).toBe(true);
          // A window ends within its period's last month (Decree 09) or with the period
          // (calendar); a part-of-year window within the period's year.
          const end = parsePeriod(period)!.end;
          if (r.window.kind === 'part-of-year') expect(w.end.slice(0, 4)).toBe(end.slice(0, 4));
          else expect(w.end.slice(0, 7)).toBe(end.slice(0, 7));
          expect(d.at).toBe(`${d.date}T23:59:59+07:00`);
        }
      }),
    );
  });
});

function monthly(): Regime {
  return regime('BCA-TNGT-THANG');
}
