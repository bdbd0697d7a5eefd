import type { IndicatorMeta, Observation } from '../../../shared/protocol/model';
import { formatSigned, formatValue } from '../../../shared/format/number';
import { formatAge, formatPeriod } from '../../../shared/format/date';
import { messages, updatedAgo, type Bilingual } from '../../../shared/i18n';
import { arrowOf, toneOf, type Tone } from '../common/colours';

/**
 * What a KPI tile shows, computed from the store's figures without React, so the rules
 * (rates compare in percentage points, other figures in relative %, a missing or
 * non-finite figure is "no data") are plain functions.
 */
export interface KpiChange {
  /** "+0,93 điểm %" or "+11,6%". */
  text: string;
  arrow: '▲' | '▼' | '=';
  tone: Tone;
  /** "so với năm 2024". */
  basis: Bilingual;
}

export interface KpiView {
  name: Bilingual;
  /** The formatted latest value, or null for "Chưa có số liệu". */
  value: string | null;
  unit: string | null;
  period: Bilingual | null;
  change: KpiChange | null;
  estimate: boolean;
  demo: boolean;
  /** "cập nhật 3 ngày trước"; `prefix` + `rest` is the Vietnamese, split so a narrow tile can drop the prefix. */
  age: (Bilingual & { prefix: string; rest: string }) | null;
}

export interface KpiInput {
  code: string | null;
  meta: IndicatorMeta | undefined;
  latest: Observation | undefined;
  comparison: Observation | undefined;
  decimals?: number;
  title?: { vi: string; en?: string };
  now: number;
}

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** A rate written in % (%, % so với cùng kỳ, % dân số, % kế hoạch) changes in percentage points. */
export const isPercentUnit = (unit: string): boolean => unit.trim().startsWith('%');

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

export function kpiChange(meta: IndicatorMeta | undefined, latest: Observation, comparison: Observation | undefined): KpiChange | null {
  if (!comparison || !isNumber(latest.value) || !isNumber(comparison.value)) return null;
  const unit = meta?.unit ?? '';
  let shown: number;
  let text: string;
  if (isPercentUnit(unit)) {
    const delta = latest.value - comparison.value;
    shown = Math.round(delta * 100) / 100;
    text = `${formatSigned(delta, 'vi', 2)} ${messages.percentagePoints.vi}`;
  } else {
    if (comparison.value === 0) return null;
    const relative = ((latest.value - comparison.value) / Math.abs(comparison.value)) * 100;
    shown = Math.round(relative * 10) / 10;
    text = `${formatSigned(relative, 'vi', 1)}%`;
  }
  // Zero at the precision shown is "unchanged", whatever the tiny difference behind it.
  if (shown === 0 || Object.is(shown, -0)) shown = 0;
  return {
    text,
    arrow: arrowOf(shown),
    tone: toneOf(meta?.direction, shown),
    basis: {
      vi: `so với ${lowerFirst(formatPeriod(comparison.period, 'vi'))}`,
      en: `vs ${formatPeriod(comparison.period, 'en')}`,
    },
  };
}

function ageOf(ageMs: number): KpiView['age'] {
  const text = updatedAgo(ageMs);
  const rest = formatAge(ageMs, 'vi');
  return { ...text, prefix: text.vi.slice(0, text.vi.length - rest.length), rest };
}

export function kpiView(input: KpiInput): KpiView {
  const { meta, latest, comparison, now } = input;
  // The operator's tile title (often a shorter label) wins over the indicator's full name.
  const name: Bilingual = input.title
    ? { vi: input.title.vi, en: input.title.en ?? meta?.name.en ?? '' }
    : meta
      ? { vi: meta.name.vi, en: meta.name.en }
      : { vi: input.code ?? '—', en: '' };
  const unit = meta?.unit ?? null;
  const hasValue = !!latest && isNumber(latest.value);
  const vintage = latest ? Date.parse(latest.vintage) : NaN;
  return {
    name,
    value: hasValue ? formatValue(latest.value!, unit ?? '', 'vi', input.decimals) : null,
    unit: hasValue ? unit : null,
    period: latest ? { vi: formatPeriod(latest.period, 'vi'), en: formatPeriod(latest.period, 'en') } : null,
    change: hasValue ? kpiChange(meta, latest, comparison) : null,
    estimate: latest?.status === 'estimate',
    demo: latest?.demo === true,
    age: Number.isFinite(vintage) ? ageOf(now - vintage) : null,
  };
}
