import { z } from 'zod';
import { periodSchema } from '../period';
import { PROVINCE_CODES, PROVINCES } from '../regions';
import { decimalsOption, expectUnitOption } from './common-options';
import { option } from './define';

/**
 * The options the three province maps (geographic, tile grid, 3D) share, so an operator
 * who switches a tile from one to another keeps its colours, classes, period and highlight.
 */

/** Colour-blind-safe sequential scales (d3-scale-chromatic): cividis by default. */
export const mapSchemeSchema = z.enum(['cividis', 'viridis']);
export type MapScheme = z.infer<typeof mapSchemeSchema>;

/** One of the 34 provinces' official codes. */
export const mapProvinceCodeSchema = z.enum(PROVINCE_CODES as unknown as [string, ...string[]]);

export const mapDomainSchema = z
  .object({
    min: option(z.number().finite(), { label: { vi: 'Nhỏ nhất', en: 'Minimum' } }),
    max: option(z.number().finite(), { label: { vi: 'Lớn nhất', en: 'Maximum' } }),
  })
  .strict()
  .refine((d) => d.min < d.max, { message: 'domain: min must be below max' });

export const mapCommonOptionsShape = {
  scheme: option(mapSchemeSchema.default('cividis'), {
    label: { vi: 'Thang màu', en: 'Colour scale' },
    help: { vi: 'Thang màu tuần tự, người mù màu vẫn phân biệt được', en: 'A sequential scale, safe for colour-blind readers' },
    choices: { cividis: { vi: 'Cividis', en: 'Cividis' }, viridis: { vi: 'Viridis', en: 'Viridis' } },
  }),
  classes: option(z.number().int().min(3).max(7).default(5), {
    label: { vi: 'Số lớp màu', en: 'Colour classes' },
    help: { vi: 'Tối đa; các mốc được làm tròn nên có thể ít hơn', en: 'At most: the bounds stay round, so fewer may show' },
  }),
  domain: option(mapDomainSchema.optional(), {
    label: { vi: 'Khoảng giá trị cố định', en: 'Fixed value range' },
    help: { vi: 'Để màu không đổi khi có số liệu mới; để trống: theo số liệu', en: "So that colours do not shift as figures arrive; empty: the figures' own range" },
  }),
  period: option(periodSchema.optional(), {
    label: { vi: 'Kỳ', en: 'Period' },
    help: { vi: 'Để trống: kỳ mới nhất có tỉnh báo cáo', en: 'Empty: the newest period any province reported' },
  }),
  highlight: option(mapProvinceCodeSchema.optional(), {
    label: { vi: 'Tỉnh nổi bật', en: 'Highlighted province' },
    help: { vi: 'Viền nổi bật, số liệu nhắc lại ở phần đầu', en: 'Drawn outlined, its figure repeated in the header' },
    choices: Object.fromEntries(PROVINCES.map((p) => [p.code, { vi: p.name, en: p.nameEn }])),
  }),
  decimals: decimalsOption(),
  expectUnit: expectUnitOption(),
};
