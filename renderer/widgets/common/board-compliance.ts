import { agencyByCode } from '../../../shared/agencies';
import type { ComplianceStatus } from '../../../shared/compliance/status';
import { formatPeriod } from '../../../shared/format/date';
import { parsePeriod } from '../../../shared/period';
import type { RegimeMeta } from '../../../shared/protocol/compliance';

/**
 * Words and marks for reporting compliance, shared by the compliance board and the alert
 * ticker: short regime labels, agency names that fit a row, the delay in days, and the
 * status glyphs that make each status readable without its colour.
 */

export const DAY_MS = 86_400_000;

/**
 * The mark of each status, so the colour is never the only cue: ✓ on time, ! late,
 * ✕ missing, · not yet due. (The board draws them as SVG, see board-icons.tsx; these
 * characters are the text equivalent used in titles, tests and the ticker.)
 */
export const STATUS_GLYPH: Readonly<Record<ComplianceStatus, string>> = {
  'on-time': '✓',
  late: '!',
  missing: '✕',
  'not-due': '·',
};

/** Worst first: the order rows and counts are read in. */
export const STATUS_ORDER: readonly ComplianceStatus[] = ['missing', 'late', 'on-time', 'not-due'];

/**
 * Days late, counted as calendar days after the deadline day: lateness runs from
 * 23:59:59 of the deadline day, so anything up to a day is "1 ngày", received on the third
 * day after is "3 ngày".
 */
export function daysLate(ms: number | null | undefined): number | null {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return null;
  return Math.max(1, Math.ceil(ms / DAY_MS));
}

/** "trễ 3 ngày" / "3 days late". */
export const lateText = (days: number, lang: 'vi' | 'en' = 'vi'): string => (lang === 'vi' ? `trễ ${days} ngày` : `${days} day${days === 1 ? '' : 's'} late`);

/** "quá hạn 5 ngày" / "5 days overdue". */
export const overdueText = (days: number, lang: 'vi' | 'en' = 'vi'): string => (lang === 'vi' ? `quá hạn ${days} ngày` : `${days} day${days === 1 ? '' : 's'} overdue`);

/** What a regime reports, from the middle words of its code (BTC-NSNN-THANG → NSNN). */
const SUBJECTS: Readonly<Record<string, string>> = {
  KTXH: 'KT-XH',
  GRDP: 'GRDP',
  TTHC: 'TTHC',
  NSNN: 'NSNN',
  DTC: 'ĐTC',
  FDI: 'FDI',
  DKDN: 'ĐKDN',
  XNK: 'XNK',
  DIEN: 'Điện',
  TNGT: 'TNGT',
  TTTD: 'Tiền tệ',
  THADS: 'THADS',
  LDVL: 'Lao động',
  BHYT: 'BHXH',
  HTGT: 'Hạ tầng',
  YTE: 'Y tế',
  KHCN: 'KH&CN',
  NLTS: 'NLTS',
  RUNG: 'Rừng',
  TNTHPT: 'Thi THPT',
  THIENTAI: 'Thiên tai',
};

/** Words of a code that say how often, not what (THANG = monthly, 9T = nine months …). */
const CADENCE_WORDS = new Set(['THANG', 'QUY', 'NAM', '6T', '9T']);

/**
 * A regime's subject in a few letters: "KT-XH" for TINH-KTXH-THANG, "NSNN" for
 * BTC-NSNN-THANG. The period beside it says which cadence (T10/2026, Quý 3/2026 …).
 */
export function regimeSubject(code: string): string {
  const words = code.split('-');
  const middle = words.length > 1 ? words.slice(1).filter((w) => !CADENCE_WORDS.has(w)) : words;
  const parts = (middle.length ? middle : words).map((w) => SUBJECTS[w] ?? w);
  return parts.join(' ');
}

/** The regime's full name from the feed, or its code. */
export const regimeName = (code: string, meta: RegimeMeta | undefined): { vi: string; en: string } => meta?.name ?? { vi: code, en: code };

/**
 * A period in few letters for a column head: T10/2026, Q3/2026, 6T/2026, 9T/2026, 2025.
 * (formatPeriod gives the long form: Tháng 10/2026, Quý 3/2026 …)
 */
export function periodShort(text: string): string {
  const p = parsePeriod(text);
  if (!p) return text;
  const y = text.slice(0, 4);
  switch (p.kind) {
    case 'month':
      return `T${text.slice(5, 7)}/${y}`;
    case 'quarter':
      return `Q${text.slice(6)}/${y}`;
    case 'half-year':
      return text.endsWith('H1') ? `6T/${y}` : `6T cuối/${y}`;
    case 'nine-months':
      return `9T/${y}`;
    case 'year':
      return y;
    case 'window':
      return formatPeriod(text, 'vi');
  }
}

/** The period in a chip, the year left out where the cadence says enough: T10, Q3, 6T, 9T, 2025. */
export function periodTiny(text: string): string {
  const p = parsePeriod(text);
  if (!p) return text;
  switch (p.kind) {
    case 'month':
      return `T${Number(text.slice(5, 7))}`;
    case 'quarter':
      return `Q${text.slice(6)}`;
    case 'half-year':
      return text.endsWith('H1') ? '6T' : '6T cuối';
    case 'nine-months':
      return '9T';
    case 'year':
      return text.slice(0, 4);
    case 'window':
      return formatPeriod(text, 'vi');
  }
}

/** "Báo cáo KT-XH tháng 10/2026": a report named the way a reader says it. */
export function reportName(regime: string, period: string): string {
  const when = formatPeriod(period, 'vi');
  const lowered = parsePeriod(period)?.kind === 'window' ? when : when.charAt(0).toLocaleLowerCase('vi') + when.slice(1);
  return `Báo cáo ${regimeSubject(regime)} ${lowered}`;
}

/** Standard short names of ministries whose own short name is long. */
const CENTRAL_WALL_NAMES: Readonly<Record<string, string>> = {
  BNNMT: 'Bộ NN&MT',
  BVHTTDL: 'Bộ VHTTDL',
  BKHCN: 'Bộ KH&CN',
  BGDDT: 'Bộ GD&ĐT',
  BDTTG: 'Bộ DT&TG',
  NHNN: 'Ngân hàng NN',
  TTCP: 'Thanh tra CP',
  VPCP: 'Văn phòng CP',
  CTK: 'Cục Thống kê',
  BHXH: 'BHXH VN',
};

/**
 * An agency's name for a row or a ticker item: a province by its name ("Hà Nội"), a
 * ministry as "Bộ Tài chính", a long one by its usual abbreviation ("Bộ NN&MT").
 */
export function agencyWallName(code: string): string {
  const agency = agencyByCode(code);
  if (!agency) return code;
  if (agency.kind === 'province') return agency.shortName.vi;
  return CENTRAL_WALL_NAMES[code] ?? agency.name.vi;
}

/**
 * Rough width of a line of text in em of its font (Be Vietnam Pro, semibold), from the
 * font's advance widths measured in Chromium (Vietnamese lower case ≈ 0.58 em, capitals
 * ≈ 0.7, digits ≈ 0.55), rounded up a little. Enough to choose a wording, a number of
 * columns or where chips wrap before layout; never used to position anything.
 */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    em +=
      ch === ' ' ? 0.27 : /[0-9]/.test(ch) ? 0.56 : /[,.:;]/.test(ch) ? 0.28 : /[/-]/.test(ch) ? 0.45 : /[A-ZĐÂĂÊÔƠƯ&]/.test(ch) ? 0.72 : /[ijlíìỉĩị]/.test(ch) ? 0.3 : 0.6;
  }
  return em;
}
