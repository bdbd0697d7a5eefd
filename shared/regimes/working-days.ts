import { addDays, isoDay, weekday } from './days';
import { HOLIDAY_YEARS, type HolidayYear } from './holidays';

/**
 * Working days of state agencies in Viet Nam, from the holiday data of ./holidays.ts:
 * non-working are Saturdays and Sundays, the public holidays, the compensatory days of
 * holidays that fall on a weekend (Labour Code 45/2019/QH14, art. 111(3): taken on the
 * next working day), and the weekdays a cited decision gave off in a swap (the Saturday
 * worked instead is a working day).
 *
 * Years outside the data (before 2019, after 2030) get the weekends, the solar holidays
 * (1/1, 30/4, 1/5, 2/9) and their compensatory days only: their lunar dates are not known
 * here, so a deadline on Tết of such a year is not moved. Extend HOLIDAY_YEARS instead.
 */
export type NonWorkingKind = 'weekend' | 'holiday' | 'compensatory' | 'swap';

export interface NonWorkingDay {
  date: string;
  kind: NonWorkingKind;
  /** What makes it a day off: "Tết Âm lịch", "Nghỉ bù Quốc khánh", "Chủ nhật" … */
  name: { vi: string; en: string };
}

type Name = NonWorkingDay['name'];

const NEW_YEAR: Name = { vi: 'Tết Dương lịch', en: "New Year's Day" };
const TET: Name = { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)' };
const HUNG_KINGS: Name = { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration" };
const VICTORY: Name = { vi: 'Ngày Chiến thắng', en: 'Victory Day' };
const LABOUR: Name = { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' };
const NATIONAL: Name = { vi: 'Quốc khánh', en: 'National Day' };
const SWAP: Name = { vi: 'Nghỉ hoán đổi ngày làm việc', en: 'Day off by a swap of working days' };
const SATURDAY: Name = { vi: 'Thứ Bảy', en: 'Saturday' };
const SUNDAY: Name = { vi: 'Chủ nhật', en: 'Sunday' };

const inLieuOf = (n: Name): Name => ({ vi: `Nghỉ bù ${n.vi}`, en: `Day off in lieu of ${n.en}` });

const dataByYear: ReadonlyMap<number, HolidayYear> = new Map(HOLIDAY_YEARS.map((y) => [y.year, y]));

function publicHolidays(year: number): { date: string; name: Name }[] {
  const data = dataByYear.get(year);
  const out: { date: string; name: Name }[] = [{ date: isoDay(year, 1, 1), name: NEW_YEAR }];
  if (data) {
    const first = addDays(data.tet.newYear, -data.tet.daysBefore);
    for (let i = 0; i < 5; i++) out.push({ date: addDays(first, i), name: TET });
    out.push({ date: data.hungKings, name: HUNG_KINGS });
  }
  out.push({ date: isoDay(year, 4, 30), name: VICTORY }, { date: isoDay(year, 5, 1), name: LABOUR }, { date: isoDay(year, 9, 2), name: NATIONAL });
  if (data?.nationalDay.adjacent) out.push({ date: data.nationalDay.adjacent, name: NATIONAL });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const isWeekend = (date: string) => {
  const d = weekday(date);
  return d === 0 || d === 6;
};

const cache = new Map<number, ReadonlyMap<string, NonWorkingDay>>();

/** The holidays, compensatory days and swapped days off of a year (ordinary weekends left out). */
export function daysOffOf(year: number): ReadonlyMap<string, NonWorkingDay> {
  const cached = cache.get(year);
  if (cached) return cached;
  const days = new Map<string, NonWorkingDay>();
  const holidays = publicHolidays(year);
  for (const h of holidays) days.set(h.date, { date: h.date, kind: 'holiday', name: h.name });
  for (const s of dataByYear.get(year)?.swaps ?? []) days.set(s.dayOff, { date: s.dayOff, kind: 'swap', name: SWAP });
  // In date order, each holiday on a weekend gives the next day that is neither a weekend
  // nor already off: a Tết that spans a weekend is followed by its compensatory days.
  for (const h of holidays) {
    if (!isWeekend(h.date)) continue;
    let day = addDays(h.date, 1);
    while (isWeekend(day) || days.has(day)) day = addDays(day, 1);
    days.set(day, { date: day, kind: 'compensatory', name: inLieuOf(h.name) });
  }
  cache.set(year, days);
  return days;
}

const workedSaturdays: ReadonlySet<string> = new Set(HOLIDAY_YEARS.flatMap((y) => (y.swaps ?? []).map((s) => s.workedOn)));

/** Why a day is not a working day, or undefined when it is one. */
export function nonWorkingDay(date: string): NonWorkingDay | undefined {
  const off = daysOffOf(Number(date.slice(0, 4))).get(date);
  if (off) return off;
  if (workedSaturdays.has(date)) return undefined;
  const d = weekday(date);
  if (d === 6) return { date, kind: 'weekend', name: SATURDAY };
  if (d === 0) return { date, kind: 'weekend', name: SUNDAY };
  return undefined;
}

export function isWorkingDay(date: string): boolean {
  return nonWorkingDay(date) === undefined;
}

/** Enough for the longest run of days off (Tết with weekends and compensatory days is about 10). */
const MAX_RUN = 40;

/**
 * The first working day on or after `date`, and the non-working days passed over on the
 * way (empty when `date` is a working day). Civil Code 91/2015/QH13, art. 148(4): a time
 * limit whose last day is a weekly rest day or a holiday ends with the next working day.
 */
export function workingDayOnOrAfter(date: string): { date: string; skipped: NonWorkingDay[] } {
  const skipped: NonWorkingDay[] = [];
  let day = date;
  for (let i = 0; i < MAX_RUN; i++) {
    const off = nonWorkingDay(day);
    if (!off) return { date: day, skipped };
    skipped.push(off);
    day = addDays(day, 1);
  }
  throw new RangeError(`no working day within ${MAX_RUN} days of ${date}: the holiday data is wrong`);
}
