import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../server/catalog/load';
import { deadlineOf, type RegimeTiming } from '../../shared/regimes/calendar';
import { daysBetween, weekday } from '../../shared/regimes/days';
import { HOLIDAY_YEARS, HOLIDAY_YEARS_COVERED } from '../../shared/regimes/holidays';
import { daysOffOf, isWorkingDay, nonWorkingDay, workingDayOnOrAfter } from '../../shared/regimes/working-days';

const catalog = loadCatalog();
const regime = (code: string) => catalog.regimes.find((r) => r.code === code)!;

/** A monthly regime due N days after a calendar month: its deadline is any day we like. */
const dueOn = (days: number): RegimeTiming => ({ periodicity: 'month', window: { kind: 'calendar' }, deadline: { kind: 'days-after-window', days } });

describe('the holiday data (Labour Code 45/2019/QH14, art. 112)', () => {
  it('covers every year from 2019 to 2030, once, in order', () => {
    expect(HOLIDAY_YEARS_COVERED).toEqual({ first: 2019, last: 2030 });
    expect(HOLIDAY_YEARS.map((y) => y.year)).toEqual(Array.from({ length: 12 }, (_, i) => 2019 + i));
  });

  it('puts each Tết between 21 January and 20 February, lunar new years 354 to 385 days apart', () => {
    for (const y of HOLIDAY_YEARS) {
      expect(y.tet.newYear.slice(0, 4), `${y.year}`).toBe(String(y.year));
      expect(daysBetween(`${y.year}-01-21`, y.tet.newYear), y.tet.newYear).toBeGreaterThanOrEqual(0);
      expect(daysBetween(y.tet.newYear, `${y.year}-02-20`), y.tet.newYear).toBeGreaterThanOrEqual(0);
    }
    for (let i = 1; i < HOLIDAY_YEARS.length; i++) {
      // A lunar year has 12 months (353–355 days) or 13 with a leap month (383–385).
      const gap = daysBetween(HOLIDAY_YEARS[i - 1]!.tet.newYear, HOLIDAY_YEARS[i]!.tet.newYear);
      expect([354, 355, 383, 384, 385], `${HOLIDAY_YEARS[i]!.year}: ${gap} days`).toContain(gap);
    }
  });

  it('puts Giỗ Tổ (10/3 lunar) two or three lunar months and nine days after Tết', () => {
    for (const y of HOLIDAY_YEARS) {
      const after = daysBetween(y.tet.newYear, y.hungKings);
      // Months 1 and 2 (29 or 30 days each), plus a leap month 2 some years (2023), then 9 days.
      expect(after, `${y.year}`).toBeGreaterThanOrEqual(2 * 29 + 9);
      expect(after, `${y.year}`).toBeLessThanOrEqual(3 * 30 + 9);
    }
    expect(daysBetween(HOLIDAY_YEARS.find((y) => y.year === 2023)!.tet.newYear, '2023-04-29')).toBe(97);
  });

  it("has the dates the Government's decisions name", () => {
    const of = (year: number) => HOLIDAY_YEARS.find((y) => y.year === year)!;
    expect(of(2026)).toMatchObject({ tet: { newYear: '2026-02-17' }, hungKings: '2026-04-26' });
    expect(of(2027)).toMatchObject({ tet: { newYear: '2027-02-06' }, hungKings: '2027-04-16' });
    expect(of(2025)).toMatchObject({ tet: { newYear: '2025-01-29' }, hungKings: '2025-04-07' });
    expect(of(2024)).toMatchObject({ tet: { newYear: '2024-02-10' }, hungKings: '2024-04-18' });
    // National Day was one day until the 2019 Labour Code took effect (2021), two since.
    for (const y of HOLIDAY_YEARS) {
      if (y.year < 2021) expect(y.nationalDay.adjacent).toBeNull();
      else expect([`${y.year}-09-01`, `${y.year}-09-03`]).toContain(y.nationalDay.adjacent);
    }
    // Every recorded swap gives a weekday off and works a Saturday, and says where it comes from.
    for (const s of HOLIDAY_YEARS.flatMap((y) => y.swaps ?? [])) {
      expect(weekday(s.workedOn)).toBe(6);
      expect([1, 2, 3, 4, 5]).toContain(weekday(s.dayOff));
      expect(s.source).toMatch(/Văn phòng Chính phủ|VPCP/);
    }
    // The decisions of the years the regimes judge (from 2023) are cited, not assumed.
    for (const y of HOLIDAY_YEARS.filter((h) => h.year >= 2023 && h.year <= 2026)) {
      expect(y.tet.source, `Tết ${y.year}`).toBeTruthy();
      expect(y.nationalDay.source, `Quốc khánh ${y.year}`).toBeTruthy();
    }
  });
});

describe('working days', () => {
  it('counts Tết 2026 as the Government set it: 16–20 February, with the weekends around it', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) expect(nonWorkingDay(d)).toMatchObject({ kind: 'holiday', name: { vi: 'Tết Âm lịch' } });
    for (const d of ['2026-02-14', '2026-02-15', '2026-02-21', '2026-02-22']) expect(nonWorkingDay(d)?.kind).toBe('weekend');
    expect(isWorkingDay('2026-02-13')).toBe(true);
    expect(isWorkingDay('2026-02-23')).toBe(true);
  });

  it('gives a holiday on a weekend its day off on the next working day (art. 111(3))', () => {
    // 1/1/2023 was a Sunday: Monday 2 January off.
    expect(nonWorkingDay('2023-01-02')).toMatchObject({ kind: 'compensatory', name: { vi: 'Nghỉ bù Tết Dương lịch', en: "Day off in lieu of New Year's Day" } });
    // Tết 2027 (the Labour Code's default: the last day of the year and mùng 1–4): Friday 5
    // to Tuesday 9 February; Saturday 6 and Sunday 7 are Tết days, so Wednesday 10 and
    // Thursday 11 are off in lieu.
    expect([...daysOffOf(2027).values()].filter((d) => d.date.startsWith('2027-02')).map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2027-02-05 holiday',
      '2027-02-06 holiday',
      '2027-02-07 holiday',
      '2027-02-08 holiday',
      '2027-02-09 holiday',
      '2027-02-10 compensatory',
      '2027-02-11 compensatory',
    ]);
    // Giỗ Tổ 2026 is a Sunday: Monday 27 April off.
    expect(nonWorkingDay('2026-04-27')?.kind).toBe('compensatory');
  });

  it('takes the swaps of the 2026 decision: Monday 31 August off, Saturday 22 August worked', () => {
    expect(nonWorkingDay('2026-08-31')).toMatchObject({ kind: 'swap' });
    expect(isWorkingDay('2026-08-22')).toBe(true);
    expect(nonWorkingDay('2026-09-01')).toMatchObject({ kind: 'holiday', name: { vi: 'Quốc khánh' } });
  });

  it('outside the data, knows the weekends and the solar holidays only', () => {
    expect(nonWorkingDay('2031-01-01')?.kind).toBe('holiday');
    expect(nonWorkingDay('2031-09-02')?.kind).toBe('holiday');
    // Tết 2031 (23 January) is not in the data: that Thursday counts as a working day.
    expect(isWorkingDay('2031-01-23')).toBe(true);
  });

  it('finds the next working day and says what it passed over', () => {
    expect(workingDayOnOrAfter('2025-03-20')).toEqual({ date: '2025-03-20', skipped: [] });
    expect(workingDayOnOrAfter('2025-03-22').date).toBe('2025-03-24');
    expect(workingDayOnOrAfter('2025-03-22').skipped.map((d) => d.name.vi)).toEqual(['Thứ Bảy', 'Chủ nhật']);
  });
});

describe('deadlines on non-working days move to the next working day (Civil Code 91/2015/QH13, art. 148)', () => {
  it('a weekend: Saturday and Sunday deadlines end on Monday', () => {
    // The traffic report of April 2025 is due the 20th, a Sunday: Monday 21 April.
    expect(deadlineOf(regime('BCA-TNGT-THANG'), '2025-04')).toMatchObject({ nominal: '2025-04-20', date: '2025-04-21', at: '2025-04-21T23:59:59+07:00' });
    // January 2025 closes on the 31st; 22 days later is Saturday 22 February: Monday 24.
    expect(deadlineOf(dueOn(22), '2025-01')).toMatchObject({ nominal: '2025-02-22', date: '2025-02-24' });
  });

  it('Tết 2026: the provinces\' February report, due Friday 20 February (mùng 4 Tết), ends on Monday 23', () => {
    const d = deadlineOf(regime('TINH-KTXH-THANG'), '2026-02');
    expect(d).toMatchObject({ nominal: '2026-02-20', date: '2026-02-23', at: '2026-02-23T23:59:59+07:00' });
    expect(d.movedOver.map((x) => `${x.date} ${x.name.vi}`)).toEqual(['2026-02-20 Tết Âm lịch', '2026-02-21 Thứ Bảy', '2026-02-22 Chủ nhật']);
    // A deadline on Saturday 14 February runs over the whole holiday: Monday 23 February.
    expect(deadlineOf(dueOn(14), '2026-01')).toMatchObject({ nominal: '2026-02-14', date: '2026-02-23' });
    // On mùng 1 (Tuesday 17): Monday 23 too.
    expect(deadlineOf(dueOn(17), '2026-01')).toMatchObject({ nominal: '2026-02-17', date: '2026-02-23' });
  });

  it('Tết 2027: a deadline on Saturday 6 February (mùng 1) or Monday 8 (mùng 3) ends on Friday 12', () => {
    expect(deadlineOf(dueOn(6), '2027-01')).toMatchObject({ nominal: '2027-02-06', date: '2027-02-12' });
    expect(deadlineOf(dueOn(8), '2027-01')).toMatchObject({ nominal: '2027-02-08', date: '2027-02-12' });
    // Thursday 4 February 2027 is a working day: nothing moves.
    expect(deadlineOf(dueOn(4), '2027-01')).toMatchObject({ nominal: '2027-02-04', date: '2027-02-04', movedOver: [] });
  });

  it('public holidays and their compensatory days: 30/4–1/5 and National Day', () => {
    // Thursday 30 April and Friday 1 May 2026, then the weekend: Monday 4 May.
    expect(deadlineOf(dueOn(30), '2026-03')).toMatchObject({ nominal: '2026-04-30', date: '2026-05-04' });
    // 2023: National Day Friday 1 and Saturday 2 September, Monday 4 in lieu: Tuesday 5.
    expect(deadlineOf(dueOn(2), '2023-08')).toMatchObject({ nominal: '2023-09-02', date: '2023-09-05' });
    // 2026: Saturday 29 August, the swapped Monday 31, then 1–2 September: Thursday 3.
    expect(deadlineOf(dueOn(29), '2026-07')).toMatchObject({ nominal: '2026-08-29', date: '2026-09-03' });
    // The worked Saturday of that swap is a working day: a deadline on it stays.
    expect(deadlineOf(dueOn(22), '2026-07')).toMatchObject({ nominal: '2026-08-22', date: '2026-08-22' });
  });
});
