import { z } from 'zod';
import { decimalsOption, expectUnitOption, reportingDelayDaysOption, showTargetOption } from '../common-options';
import { yearsForPeriods } from '../history-span';
import { defineWidgetSpec, option } from '../define';

/**
 * Status thresholds in the indicator's unit. Which side is good comes from the
 * indicator's direction: for a rising-is-good indicator a value at or above `good` is
 * good, at or below `bad` is bad, in between "watch"; for a falling-is-good one the other
 * way round. For a neutral indicator the order of the two numbers says it (good > bad:
 * higher is better).
 */
export const kpiThresholdsSchema = z
  .object({
    good: option(z.number().finite().optional(), { label: { vi: 'Ngưỡng tốt', en: 'Good at' } }),
    bad: option(z.number().finite().optional(), { label: { vi: 'Ngưỡng xấu', en: 'Bad at' } }),
  })
  .strict();
export type KpiThresholds = z.infer<typeof kpiThresholdsSchema>;

export const kpiOptionsSchema = z
  .object({
    compare: option(z.enum(['previous', 'yoy']).default('previous'), {
      label: { vi: 'So sánh với', en: 'Compare with' },
      choices: { previous: { vi: 'Kỳ trước', en: 'Previous period' }, yoy: { vi: 'Cùng kỳ năm trước', en: 'Same period last year' } },
    }),
    decimals: decimalsOption(),
    sparklinePeriods: option(z.number().int().min(0).max(36).default(8), {
      label: { vi: 'Số kỳ trên biểu đồ nhỏ', en: 'Sparkline periods' },
      help: { vi: 'Các kỳ gần nhất được vẽ; 0: không vẽ', en: 'How many recent periods it draws; 0: none' },
      unit: { vi: 'kỳ', en: 'periods' },
    }),
    showTarget: showTargetOption({
      vi: 'Tiến độ so với kế hoạch năm của kỳ mới nhất, khi chỉ tiêu có kế hoạch',
      en: "Progress against the plan of the latest period's year, when the indicator has one",
    }),
    thresholds: option(kpiThresholdsSchema.optional(), {
      label: { vi: 'Ngưỡng màu trạng thái', en: 'Status thresholds' },
      help: { vi: 'Theo đơn vị của chỉ tiêu; để trống: kế hoạch (nếu có) quyết định', en: "In the indicator's unit; empty: the plan target (if any) decides" },
    }),
    reportingDelayDays: reportingDelayDaysOption(),
    expectUnit: expectUnitOption(),
  })
  .strict();
export type KpiOptions = z.infer<typeof kpiOptionsSchema>;

/** Version 1: every field added since has a default, so every version-1 layout still means the same. */
export const kpiSpec = defineWidgetSpec({
  id: 'kpi',
  name: { vi: 'Chỉ tiêu chính', en: 'Key figure' },
  description: {
    vi: 'Số liệu mới nhất của một chỉ tiêu, với kỳ, mức thay đổi, tiến độ kế hoạch và biểu đồ nhỏ',
    en: 'The latest figure of one indicator, with its period, change, progress against the plan and a sparkline',
  },
  optionsSchema: kpiOptionsSchema,
  optionsVersion: 1,
  migrations: {},
  binding: 'one',
  // 10.6cqh in kpi.css (0.105 + the border): a 4×3-cell tile of the 2×2 55" wall at 5 m.
  // The English name and the change's basis (7.2cqh) appear only where legible.
  legibility: { smallestTextFraction: 0.105 },
  // The sparkline's periods, counted as years (the widest cadence), and the year before the
  // first of them (its change against the same period a year earlier).
  historyYears: (options) => yearsForPeriods(typeof options.sparklinePeriods === 'number' ? options.sparklinePeriods : 0, 'auto'),
});
