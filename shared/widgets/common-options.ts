import { z } from 'zod';
import { option } from './define';

/**
 * Options several indicator widgets share, written once so that they read the same
 * (bounds and labels) in every widget and every property panel.
 */

/** Fixed number of decimals; by default the unit and the reported figure decide (see format/number). */
export const decimalsOption = () =>
  option(z.number().int().min(0).max(4).optional(), {
    label: { vi: 'Số chữ số thập phân', en: 'Decimal places' },
    help: { vi: 'Để trống: theo đơn vị và số liệu báo cáo', en: 'Empty: as the unit and the reported figure need' },
  });

/** The unit the tile expects; an indicator in another unit shows "no data" rather than a wrong figure. */
export const expectUnitOption = () =>
  option(z.string().min(1).max(60).optional(), {
    label: { vi: 'Đơn vị mong đợi', en: 'Expected unit' },
    help: { vi: 'Chỉ tiêu có đơn vị khác hiện «Chưa có số liệu» thay vì một con số sai', en: 'An indicator in another unit shows "no data" rather than a wrong figure' },
  });

/** Days after the next period's end by which its figure is due (default: by periodicity, see shared/freshness.ts). */
export const reportingDelayDaysOption = () =>
  option(z.number().int().min(0).max(400).optional(), {
    label: { vi: 'Hạn có số liệu sau kỳ', en: 'Reporting delay' },
    help: { vi: 'Số ngày sau khi kỳ kết thúc mà số liệu phải có; để trống: theo định kỳ của chỉ tiêu', en: "Days after a period ends by which its figure is due; empty: by the indicator's periodicity" },
    unit: { vi: 'ngày', en: 'days' },
  });

/** A plan-target line or mark, when the indicator has a target for the year. */
export const showTargetOption = (help: { vi: string; en: string }) =>
  option(z.boolean().default(true), { label: { vi: 'Hiện kế hoạch', en: 'Show the plan target' }, help });
