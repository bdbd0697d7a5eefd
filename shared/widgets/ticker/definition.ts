import { z } from 'zod';
import { indicatorCodeSchema, regionCodeSchema } from '../../protocol/codes';
import { defineWidgetSpec, option, type OptionsMigration } from '../define';

/**
 * The alert ticker (dòng cảnh báo): indicators that cross the thresholds set here, and
 * reports that came in late or are missing (from reporting compliance), newest first,
 * scrolling or paging.
 */

const textSchema = z
  .object({
    vi: option(z.string().min(1).max(80), { label: { vi: 'Tiếng Việt', en: 'Vietnamese' } }),
    en: option(z.string().min(1).max(80).optional(), { label: { vi: 'Tiếng Anh', en: 'English' } }),
  })
  .strict();

/** One rule: the latest figure of `indicator` in `region` is above (or below) `value`. */
export const tickerThresholdSchema = z
  .object({
    indicator: option(indicatorCodeSchema, { label: { vi: 'Chỉ tiêu', en: 'Indicator' } }),
    region: option(regionCodeSchema.default('VN'), {
      label: { vi: 'Địa bàn', en: 'Region' },
      help: { vi: '«VN»: cả nước; hoặc mã hai chữ số của tỉnh', en: '"VN": the whole country; or a province\'s two-digit code' },
    }),
    when: option(z.enum(['above', 'below']), {
      label: { vi: 'Cảnh báo khi', en: 'Alert when' },
      choices: { above: { vi: 'Cao hơn ngưỡng', en: 'Above the value' }, below: { vi: 'Thấp hơn ngưỡng', en: 'Below the value' } },
    }),
    value: option(z.number().finite(), { label: { vi: 'Ngưỡng', en: 'Value' }, help: { vi: 'Theo đơn vị của chỉ tiêu', en: "In the indicator's unit" } }),
    label: option(textSchema.optional(), {
      label: { vi: 'Tên ngắn', en: 'Short name' },
      help: { vi: 'Thay tên đầy đủ của chỉ tiêu trên dòng cảnh báo', en: "Shown instead of the indicator's full name" },
    }),
  })
  .strict();
export type TickerThreshold = z.infer<typeof tickerThresholdSchema>;

const speedSchema = option(z.enum(['slow', 'normal', 'fast']).default('normal'), {
  label: { vi: 'Tốc độ chạy chữ', en: 'Scrolling speed' },
  help: { vi: 'Giảm một nửa khi màn hình yêu cầu hạn chế chuyển động', en: 'Halved when the display asks for reduced motion' },
  choices: {
    slow: { vi: 'Chậm (khoảng 3 chiều cao chữ mỗi giây)', en: 'Slow (about 3 letter heights a second)' },
    normal: { vi: 'Vừa (khoảng 4,5)', en: 'Normal (about 4.5)' },
    fast: { vi: 'Nhanh (khoảng 6,5)', en: 'Fast (about 6.5)' },
  },
});
export type TickerSpeed = z.infer<typeof speedSchema>;

/**
 * How the alerts move. Version 2 made this one choice with its own settings: version 1 had
 * `mode`, `speed` and `pageSeconds` side by side, so a paging ticker could carry a speed
 * it never used and a scrolling one a page time (neither was refused, both were ignored),
 * and a property panel had to know which field went with which mode.
 */
export const tickerMotionSchema = option(
  z
    .discriminatedUnion('mode', [
      z.object({ mode: z.literal('scroll'), speed: speedSchema }).strict(),
      z
        .object({
          mode: z.literal('page'),
          seconds: option(z.number().int().min(3).max(60).default(8), { label: { vi: 'Thời gian mỗi cảnh báo', en: 'Time per alert' }, unit: { vi: 'giây', en: 'seconds' } }),
        })
        .strict(),
    ])
    .prefault({ mode: 'scroll' }),
  {
    label: { vi: 'Cách hiển thị', en: 'Motion' },
    choices: { scroll: { vi: 'Chạy chữ từ phải sang trái', en: 'One line scrolling right to left' }, page: { vi: 'Từng cảnh báo một, lần lượt', en: 'One alert at a time, in turn' } },
  },
);
export type TickerMotion = z.infer<typeof tickerMotionSchema>;

export const tickerOptionsSchema = z
  .object({
    thresholds: option(z.array(tickerThresholdSchema).max(24).default([]), {
      label: { vi: 'Ngưỡng cảnh báo', en: 'Alert thresholds' },
      help: { vi: 'Số liệu mới nhất của chỉ tiêu vượt ngưỡng thì lên dòng cảnh báo', en: 'An indicator whose latest figure crosses its threshold is listed' },
    }),
    reports: option(z.boolean().default(true), {
      label: { vi: 'Báo cáo trễ, thiếu', en: 'Late and missing reports' },
      help: { vi: 'Liệt kê cả báo cáo gửi trễ hoặc chưa gửi (cần dữ liệu chấp hành chế độ báo cáo)', en: 'Also list reports that came in late or are missing (needs the compliance feed)' },
    }),
    reportsWithinDays: option(z.number().int().min(1).max(366).default(45), {
      label: { vi: 'Trong vòng', en: 'Within' },
      help: { vi: 'Chỉ báo cáo trở thành trễ hoặc thiếu trong chừng ấy ngày', en: 'Only reports that became late or missing within this many days' },
      unit: { vi: 'ngày', en: 'days' },
    }),
    tasks: option(z.boolean().default(true), {
      label: { vi: 'Nhiệm vụ quá hạn', en: 'Overdue tasks' },
      help: {
        vi: 'Liệt kê cả nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao đã quá hạn (cần dữ liệu chấp hành chế độ báo cáo)',
        en: 'Also list overdue tasks assigned by the Government and the Prime Minister (needs the compliance feed)',
      },
    }),
    motion: tickerMotionSchema,
    maxItems: option(z.number().int().min(1).max(100).default(40), { label: { vi: 'Số cảnh báo tối đa', en: 'Most alerts listed' } }),
  })
  .strict();
export type TickerOptions = z.infer<typeof tickerOptionsSchema>;

/**
 * Version 1 → 2: `mode`, `speed` and `pageSeconds` become `motion`, keeping only the
 * setting the mode uses (the other was ignored). A mode version 1 did not know is kept,
 * so that the schema names it.
 */
const motionFromSeparateFields: OptionsMigration = (options) => {
  const { mode, speed, pageSeconds, ...rest } = options;
  if (mode === undefined && speed === undefined && pageSeconds === undefined) return rest;
  if (mode === 'page') return { ...rest, motion: { mode, ...(pageSeconds === undefined ? {} : { seconds: pageSeconds }) } };
  if (mode === undefined || mode === 'scroll') return { ...rest, motion: { mode: 'scroll', ...(speed === undefined ? {} : { speed }) } };
  return { ...rest, motion: { mode } };
};

export const tickerSpec = defineWidgetSpec({
  id: 'ticker',
  name: { vi: 'Dòng cảnh báo', en: 'Alert ticker' },
  description: {
    vi: 'Chỉ tiêu vượt ngưỡng, báo cáo trễ, thiếu và nhiệm vụ quá hạn, mới nhất trước, chạy chữ hoặc lần lượt',
    en: 'Indicators past their thresholds, late or missing reports and overdue tasks, newest first, scrolling or in turn',
  },
  optionsSchema: tickerOptionsSchema,
  optionsVersion: 2,
  migrations: { 1: motionFromSeparateFields },
  binding: 'none',
  legibility: { smallestTextFraction: 0.32 },
});
