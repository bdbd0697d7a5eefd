import { z } from 'zod';
import { periodSchema } from '../../period';
import { decimalsOption, expectUnitOption, reportingDelayDaysOption, showTargetOption } from '../common-options';
import { defineWidgetSpec, option } from '../define';

/**
 * The tile binds ONE province-level indicator (PROV_…); the binding's region is ignored:
 * every province that reported the period is ranked.
 */
export const comparisonOptionsSchema = z
  .object({
    view: option(z.enum(['bars', 'columns', 'table']).default('bars'), {
      label: { vi: 'Kiểu hiển thị', en: 'View' },
      choices: {
        bars: { vi: 'Thanh ngang (tên dễ đọc nhất)', en: 'Horizontal bars (names fit best)' },
        columns: { vi: 'Cột đứng', en: 'Vertical columns' },
        table: { vi: 'Bảng xếp hạng kèm mức thay đổi', en: 'Ranked table with the change' },
      },
    }),
    order: option(z.enum(['desc', 'asc']).default('desc'), {
      label: { vi: 'Thứ tự', en: 'Order' },
      choices: { desc: { vi: 'Cao nhất trước', en: 'Highest first' }, asc: { vi: 'Thấp nhất trước', en: 'Lowest first' } },
    }),
    select: option(z.enum(['top', 'bottom', 'both', 'all']).default('top'), {
      label: { vi: 'Chọn tỉnh', en: 'Which provinces' },
      choices: {
        top: { vi: '`count` tỉnh đầu bảng', en: 'The first `count`' },
        bottom: { vi: '`count` tỉnh cuối bảng', en: 'The last `count`' },
        both: { vi: 'Hai đầu (mỗi đầu một nửa)', en: 'Both ends (half each)' },
        all: { vi: 'Tất cả', en: 'All' },
      },
    }),
    count: option(z.number().int().min(1).max(34).default(10), {
      label: { vi: 'Số tỉnh', en: 'Provinces shown' },
      help: { vi: 'Ô nhỏ hiện ít hơn, đủ để chữ đọc được', en: 'A small tile shows fewer, as many as fit legibly' },
    }),
    period: option(z.union([z.literal('latest'), periodSchema]).default('latest'), {
      label: { vi: 'Kỳ', en: 'Period' },
      help: { vi: '«latest»: kỳ mới nhất có tỉnh báo cáo; hoặc một kỳ cố định (2025-Q3)', en: '"latest": the newest period any province reported; or a fixed period (2025-Q3)' },
    }),
    showTarget: showTargetOption({ vi: 'Đường kế hoạch của năm của kỳ, khi chỉ tiêu có kế hoạch', en: "A line at the plan target of the period's year, when the indicator has one" }),
    decimals: decimalsOption(),
    expectUnit: expectUnitOption(),
    reportingDelayDays: reportingDelayDaysOption(),
  })
  .strict();
export type ComparisonOptions = z.infer<typeof comparisonOptionsSchema>;

export const comparisonSpec = defineWidgetSpec({
  id: 'comparison',
  name: { vi: 'So sánh, xếp hạng tỉnh', en: 'Province ranking' },
  description: {
    vi: 'Các tỉnh xếp hạng theo một chỉ tiêu cấp tỉnh của một kỳ: thanh, cột hoặc bảng',
    en: 'Provinces ranked by one province-level indicator for one period: bars, columns or a table',
  },
  optionsSchema: comparisonOptionsSchema,
  optionsVersion: 1,
  migrations: {},
  binding: 'one',
  // Chart widgets: axis labels, legend and ranking rows at 5.6cqh (chart-base.css).
  legibility: { smallestTextFraction: 0.055 },
});
