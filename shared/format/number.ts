/**
 * Numbers as the reports write them: vi-VN groups thousands with "." and uses "," for
 * decimals (1.234,5). Formatters are cached because Intl constructors are slow and the
 * wall formats on every repaint.
 */
export type Locale = 'vi' | 'en';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${decimals}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    cache.set(key, f);
  }
  return f;
}

/**
 * Decimals as the figure was reported, at most two: 11.511,9 stays 11.511,9 and 8,02
 * stays 8,02, so the wall never shows a precision the source did not give. Counts
 * (cases, people, enterprises) are whole numbers.
 */
export function defaultDecimals(value: number, unit: string): number {
  if (/^(vụ|người|doanh nghiệp|dự án|hồ sơ)$/i.test(unit)) return 0;
  for (let decimals = 0; decimals < 2; decimals++) {
    if (Math.abs(Math.round(value * 10 ** decimals) - value * 10 ** decimals) < 1e-6) return decimals;
  }
  return 2;
}

export function formatNumber(value: number, locale: Locale = 'vi', decimals?: number): string {
  if (!Number.isFinite(value)) return '—';
  return formatter(locale, decimals ?? (Math.abs(value) >= 100 ? 1 : 2)).format(value);
}

/** A value with the decimals its unit calls for, e.g. 11.511,9 (nghìn tỷ đồng) or 7,09 (%). */
export function formatValue(value: number, unit: string, locale: Locale = 'vi', decimals?: number): string {
  return formatNumber(value, locale, decimals ?? defaultDecimals(value, unit));
}

/** Signed change, e.g. +1,23 or −0,40 (a real minus sign reads better at distance). */
export function formatSigned(value: number, locale: Locale = 'vi', decimals = 2): string {
  if (!Number.isFinite(value)) return '—';
  const body = formatNumber(Math.abs(value), locale, decimals);
  if (Number(body.replace(/[.,\s\u00a0]/g, '')) === 0) return body;
  return `${value > 0 ? '+' : '−'}${body}`;
}
