/**
 * Viet Nam's public holidays (ngày nghỉ lễ, tết) for the years the data covers, AS DATA.
 * The rules that turn them into non-working days are in ./working-days.ts.
 *
 * ## The law
 *
 * Labour Code 45/2019/QH14 (in force from 1 January 2021), Article 112(1): New Year 1/1
 * (1 day); Tết, the lunar new year (5 days); Victory Day 30/4 (1 day); International Labour
 * Day 1/5 (1 day); National Day 2/9 and one day adjacent, before or after (2 days); the
 * Hùng Kings' Commemoration, 10th day of the 3rd lunar month (1 day). Article 112(3): each
 * year the Prime Minister fixes which five days make Tết and which day joins 2/9. Article
 * 111(3): a holiday that falls on the weekly rest day is taken on the next working day
 * (nghỉ bù). Before 2021 the Labour Code 10/2012/QH13 (Article 115) gave the same holidays
 * except that National Day was 2/9 alone.
 *
 * The weekly rest of state agencies is Saturday and Sunday (Decision 188/1999/QĐ-TTg, the
 * 40-hour week), so reporting deadlines count Monday to Friday as working days.
 *
 * ## Lunar dates (Tết, Giỗ Tổ)
 *
 * Gregorian dates of the first day of the lunar year (mùng 1 Tết) and of 10/3 lunar, from
 * the Vietnamese lunisolar calendar, which is reckoned at UTC+7: a month starts on the day
 * of the new moon in Viet Nam, month 11 holds the winter solstice, a leap month is the
 * first without a principal solar term. We computed them from the new-moon instants of
 * Meeus, Astronomical Algorithms (2nd ed., ch. 49) under those rules, and checked them
 * against the dates the Government's holiday decisions name (cited below: Tết 2020, 2022–
 * 2026). Tết 2030 is 2 February in Viet Nam: that new moon comes at 23:07 in Hà Nội,
 * already 3 February in Beijing, so the Chinese calendar's date differs by a day.
 *
 * ## Decisions
 *
 * `tet.daysBefore`: how many of the five Tết days come before mùng 1 — 1 (the last day of
 * the year and mùng 1–4, the default the Labour Code's practice suggests) or 2 (29/30
 * Chạp, the last day, and mùng 1–3). `nationalDay.adjacent`: the day joined to 2/9. Both
 * carry the decision they come from; where none is cited the value is an ASSUMPTION
 * (`source: null`) and says so. `swaps`: working days the Government moved (a weekday off,
 * a Saturday worked instead); only those of the decisions cited here are recorded, so for
 * the other years the calendar follows the Labour Code's rule alone.
 */
export interface HolidayYear {
  year: number;
  tet: {
    /** Mùng 1 Tết, the first day of the lunar year. */
    newYear: string;
    daysBefore: 1 | 2;
    /** The decision that fixed the five days; null: assumed (daysBefore 1). */
    source: string | null;
  };
  /** Giỗ Tổ Hùng Vương, 10/3 lunar. */
  hungKings: string;
  /** The day joined to 2/9 (from 2021); null when National Day was one day. */
  nationalDay: { adjacent: string | null; source: string | null };
  swaps?: readonly { dayOff: string; workedOn: string; source: string }[];
}

export const HOLIDAY_SOURCE =
  'Bộ luật Lao động 45/2019/QH14, Điều 111 khoản 3 và Điều 112 (trước 2021: Bộ luật Lao động 10/2012/QH13, Điều 115); ' +
  'Quyết định 188/1999/QĐ-TTg (nghỉ thứ Bảy, Chủ nhật); ngày âm lịch tính theo lịch Việt Nam (UTC+7)';

const VPCP_2026 = 'Văn phòng Chính phủ truyền đạt ý kiến Thủ tướng về nghỉ Tết Âm lịch và Quốc khánh năm 2026 (tháng 10/2025; kienthuc.net.vn, 13/10/2025)';

export const HOLIDAY_YEARS: readonly HolidayYear[] = Object.freeze([
  {
    year: 2019,
    tet: { newYear: '2019-02-05', daysBefore: 1, source: null },
    hungKings: '2019-04-14',
    nationalDay: { adjacent: null, source: 'Bộ luật Lao động 10/2012/QH13, Điều 115: Quốc khánh 01 ngày' },
  },
  {
    year: 2020,
    tet: { newYear: '2020-01-25', daysBefore: 2, source: 'Công chức, viên chức nghỉ Tết 23/1–29/1/2020 (Sở Công Thương Đắk Lắk, 07/01/2020)' },
    hungKings: '2020-04-02',
    nationalDay: { adjacent: null, source: 'Bộ luật Lao động 10/2012/QH13, Điều 115: Quốc khánh 01 ngày' },
  },
  {
    year: 2021,
    tet: { newYear: '2021-02-12', daysBefore: 1, source: null },
    hungKings: '2021-04-21',
    nationalDay: { adjacent: '2021-09-03', source: null },
  },
  {
    year: 2022,
    tet: { newYear: '2022-02-01', daysBefore: 1, source: 'Công văn 245 của Văn phòng Chính phủ, 11/01/2022 (5 ngày Tết và 4 ngày cuối tuần trước và sau Tết)' },
    hungKings: '2022-04-10',
    nationalDay: { adjacent: '2022-09-01', source: null },
  },
  {
    year: 2023,
    tet: { newYear: '2023-01-22', daysBefore: 2, source: 'Phó Thủ tướng Vũ Đức Đam đồng ý nghỉ Tết 20/1–26/1/2023 (đề nghị của Bộ Lao động – Thương binh và Xã hội)' },
    hungKings: '2023-04-29',
    nationalDay: { adjacent: '2023-09-01', source: 'Công văn 8056/VPCP-KGVX: nghỉ 1/9–4/9/2023' },
  },
  {
    year: 2024,
    tet: { newYear: '2024-02-10', daysBefore: 2, source: 'Công văn 8662/VPCP-KGVX (2023): nghỉ Tết 8/2–14/2/2024' },
    hungKings: '2024-04-18',
    nationalDay: { adjacent: '2024-09-03', source: 'Công văn 8662/VPCP-KGVX (2023): nghỉ 31/8–3/9/2024' },
  },
  {
    year: 2025,
    tet: { newYear: '2025-01-29', daysBefore: 2, source: 'Công văn 8726/VPCP-KGVX, 26/11/2024: nghỉ Tết 25/1–2/2/2025' },
    hungKings: '2025-04-07',
    nationalDay: { adjacent: '2025-09-01', source: 'Thông báo 6150/TB-BLĐTBXH (2024): nghỉ 30/8–2/9/2025' },
  },
  {
    year: 2026,
    tet: { newYear: '2026-02-17', daysBefore: 1, source: `${VPCP_2026}: nghỉ Tết 14/2–22/2/2026` },
    hungKings: '2026-04-26',
    nationalDay: { adjacent: '2026-09-01', source: `${VPCP_2026}: nghỉ 29/8–2/9/2026` },
    swaps: [{ dayOff: '2026-08-31', workedOn: '2026-08-22', source: VPCP_2026 }],
  },
  {
    year: 2027,
    tet: { newYear: '2027-02-06', daysBefore: 1, source: null },
    hungKings: '2027-04-16',
    nationalDay: { adjacent: '2027-09-03', source: null },
  },
  {
    year: 2028,
    tet: { newYear: '2028-01-26', daysBefore: 1, source: null },
    hungKings: '2028-04-04',
    nationalDay: { adjacent: '2028-09-01', source: null },
  },
  {
    year: 2029,
    tet: { newYear: '2029-02-13', daysBefore: 1, source: null },
    hungKings: '2029-04-23',
    nationalDay: { adjacent: '2029-09-03', source: null },
  },
  {
    year: 2030,
    tet: { newYear: '2030-02-02', daysBefore: 1, source: null },
    hungKings: '2030-04-12',
    nationalDay: { adjacent: '2030-09-03', source: null },
  },
]);

/** The first and last years whose lunar holidays are known here. */
export const HOLIDAY_YEARS_COVERED = { first: HOLIDAY_YEARS[0]!.year, last: HOLIDAY_YEARS[HOLIDAY_YEARS.length - 1]!.year } as const;
