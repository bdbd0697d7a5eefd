import { z } from 'zod';
import { defineWidgetSpec, option } from '../define';
import { mapCommonOptionsShape } from '../map-common';

export const mapGeoOptionsSchema = z
  .object({
    ...mapCommonOptionsShape,
    labels: option(z.enum(['names', 'names-values', 'none']).default('names'), {
      label: { vi: 'Nhãn tỉnh', en: 'Province labels' },
      help: { vi: 'Chỉ hiện ở tỉnh đủ chỗ', en: 'Shown where they fit inside the province' },
      choices: { names: { vi: 'Tên', en: 'Names' }, 'names-values': { vi: 'Tên và số liệu', en: 'Names and figures' }, none: { vi: 'Không', en: 'None' } },
    }),
    archipelagos: option(z.enum(['in-place', 'inset']).default('in-place'), {
      label: { vi: 'Hoàng Sa, Trường Sa', en: 'Hoàng Sa and Trường Sa' },
      choices: {
        'in-place': { vi: 'Đúng vị trí (bản đồ gồm toàn bộ lãnh thổ)', en: 'Where they lie (the map fits the whole territory)' },
        inset: { vi: 'Khung riêng bên cạnh đất liền lớn hơn', en: 'A framed box beside a larger mainland' },
      },
    }),
  })
  .strict();
export type MapGeoOptions = z.infer<typeof mapGeoOptionsSchema>;

export const mapGeoSpec = defineWidgetSpec({
  id: 'map-geo',
  name: { vi: 'Bản đồ hành chính', en: 'Province map' },
  description: { vi: 'Ranh giới 34 tỉnh, tô màu theo một chỉ tiêu cấp tỉnh', en: 'The 34 provinces’ boundaries, coloured by one province-level indicator' },
  optionsSchema: mapGeoOptionsSchema,
  optionsVersion: 1,
  migrations: {},
  binding: 'one',
  // labels on the canvas: 2.8 mu = 2.8 % of the height, 2.52 % on a tile 0.6 as wide as tall (map-geo.css)
  legibility: { smallestTextFraction: 0.025 },
});
