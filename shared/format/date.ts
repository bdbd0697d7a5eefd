import type { Locale } from './number';
import { parsePeriod } from '../period';

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy, the Vietnamese way (also used in English on this wall, for one reading). */
export function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** dd/mm/yyyy HH:mm in the given IANA time zone (the wall runs on Asia/Ho_Chi_Minh). */
export function formatDateTime(instant: Date, timeZone = 'Asia/Ho_Chi_Minh'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** A reporting period as a reader says it: "Quý 3/2024", "Tháng 01/2025", "6 tháng đầu năm 2025". */
export function formatPeriod(text: string, locale: Locale = 'vi'): string {
  const p = parsePeriod(text);
  if (!p) return text;
  const y = text.slice(0, 4);
  const vi = locale === 'vi';
  switch (p.kind) {
    case 'year':
      return vi ? `Năm ${y}` : `Year ${y}`;
    case 'quarter':
      return vi ? `Quý ${text.slice(6)}/${y}` : `Q${text.slice(6)} ${y}`;
    case 'month':
      return vi ? `Tháng ${text.slice(5, 7)}/${y}` : `${text.slice(5, 7)}/${y}`;
    case 'half-year':
      return text.endsWith('H1')
        ? vi ? `6 tháng đầu năm ${y}` : `H1 ${y}`
        : vi ? `6 tháng cuối năm ${y}` : `H2 ${y}`;
    case 'nine-months':
      return vi ? `9 tháng năm ${y}` : `9 months ${y}`;
    case 'window':
      return `${formatDay(p.start)}–${formatDay(p.end)}`;
  }
}

/** How old a figure is, in words a reader takes in at a glance: "5 phút trước", "3 ngày trước". */
export function formatAge(ageMs: number, locale: Locale = 'vi'): string {
  const minutes = Math.max(0, Math.floor(ageMs / 60_000));
  const vi = locale === 'vi';
  if (minutes < 1) return vi ? 'vừa xong' : 'just now';
  if (minutes < 60) return vi ? `${minutes} phút trước` : `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return vi ? `${hours} giờ trước` : `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 60) return vi ? `${days} ngày trước` : `${days} days ago`;
  const months = Math.floor(days / 30);
  if (months < 24) return vi ? `${months} tháng trước` : `${months} months ago`;
  return vi ? `${Math.floor(days / 365)} năm trước` : `${Math.floor(days / 365)} years ago`;
}

export { pad as padTwo };
