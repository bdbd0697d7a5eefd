import { z } from 'zod';
import { decimalsOption, expectUnitOption, reportingDelayDaysOption, showTargetOption } from '../common-options';
import { yearsForPeriods } from '../history-span';
import { defineWidgetSpec, option } from '../define';

/** Up to this many series are drawn (one colour and dash pattern each); more are listed as left out. */
export const TIMESERIES_MAX_SERIES = 8;

export const timeseriesOptionsSchema = z
  .object({
    kind: option(z.enum(['line', 'area']).default('line'), {
      label: { vi: 'Kiểu biểu đồ', en: 'Chart kind' },
      choices: { line: { vi: 'Đường', en: 'Lines' }, area: { vi: 'Miền (tô nền dưới đường)', en: 'Areas (filled beneath the lines)' } },
    }),
    periods: option(z.number().int().min(2).max(120).default(12), {
      label: { vi: 'Số kỳ trên trục', en: 'Periods on the axis' },
      help: { vi: 'Các kỳ gần nhất mà trục hoành trải qua', en: 'How many recent periods the x axis spans' },
      unit: { vi: 'kỳ', en: 'periods' },
    }),
    periodKind: option(z.enum(['auto', 'month', 'quarter', 'half-year', 'nine-months', 'year']).default('auto'), {
      label: { vi: 'Loại kỳ', en: 'Period kind' },
      help: {
        vi: 'Tự động: loại kỳ mà phần lớn số liệu có (chuỗi quý kèm số cả năm được vẽ theo quý)',
        en: 'Automatic: the cadence most of the figures have (a quarterly series with its year totals is drawn by quarter)',
      },
      choices: {
        auto: { vi: 'Tự động', en: 'Automatic' },
        month: { vi: 'Tháng', en: 'Month' },
        quarter: { vi: 'Quý', en: 'Quarter' },
        'half-year': { vi: '6 tháng', en: 'Half year' },
        'nine-months': { vi: '9 tháng', en: 'Nine months' },
        year: { vi: 'Năm', en: 'Year' },
      },
    }),
    showTarget: showTargetOption({ vi: 'Đường kế hoạch từng năm của chỉ tiêu đầu tiên', en: 'The yearly plan target line of the first indicator' }),
    referenceValue: option(z.number().finite().optional(), {
      label: { vi: 'Đường tham chiếu', en: 'Reference line' },
      help: { vi: 'Một giá trị cố định theo đơn vị của chỉ tiêu, vẽ cùng (hoặc thay) đường kế hoạch', en: "A fixed value in the indicators' unit, drawn as well as (or instead of) the plan" },
    }),
    showRevisions: option(z.boolean().default(false), {
      label: { vi: 'Hiện các lần điều chỉnh', en: 'Show revisions' },
      help: { vi: 'Các số liệu đã công bố trước đó vẽ mờ phía sau', en: 'Earlier releases drawn faintly behind the current figures' },
    }),
    yAxis: option(z.enum(['auto', 'zero']).default('auto'), {
      label: { vi: 'Trục tung', en: 'Value axis' },
      choices: { auto: { vi: 'Theo số liệu', en: 'Fit the figures' }, zero: { vi: 'Luôn gồm 0', en: 'Always include 0' } },
    }),
    decimals: decimalsOption(),
    expectUnit: expectUnitOption(),
    reportingDelayDays: reportingDelayDaysOption(),
  })
  .strict();
export type TimeseriesOptions = z.infer<typeof timeseriesOptionsSchema>;

export const timeseriesSpec = defineWidgetSpec({
  id: 'timeseries',
  name: { vi: 'Chuỗi thời gian', en: 'Time series' },
  description: {
    vi: 'Đường (hoặc miền) của tối đa 8 chỉ tiêu của một địa bàn qua các kỳ gần nhất, với kế hoạch từng năm',
    en: 'Lines (or areas) of up to 8 indicators of one region over their recent periods, with the yearly plan',
  },
  optionsSchema: timeseriesOptionsSchema,
  optionsVersion: 1,
  migrations: {},
  binding: 'many',
  // Chart widgets: axis labels, legend and ranking rows at 5.6cqh (chart-base.css).
  legibility: { smallestTextFraction: 0.055 },
  // The axis's periods of the chosen kind ('auto': as if yearly, the widest), and the year before.
  historyYears: (options) =>
    yearsForPeriods(typeof options.periods === 'number' ? options.periods : 12, typeof options.periodKind === 'string' ? options.periodKind : 'auto'),
});
