import { z } from 'zod';
import { defineWidgetSpec, option } from '../define';
import { mapCommonOptionsShape } from '../map-common';

export const mapTilesOptionsSchema = z
  .object({
    ...mapCommonOptionsShape,
    gap: option(z.number().min(0).max(0.3).default(0.08), {
      label: { vi: 'Khoảng cách giữa các ô', en: 'Gap between squares' },
      help: { vi: 'Theo phần của một ô', en: 'As a fraction of a square' },
    }),
  })
  .strict();
export type MapTilesOptions = z.infer<typeof mapTilesOptionsSchema>;

export const mapTilesSpec = defineWidgetSpec({
  id: 'map-tiles',
  name: { vi: 'Bản đồ ô vuông', en: 'Province tile map' },
  description: { vi: '34 tỉnh là 34 ô vuông bằng nhau, đặt gần đúng vị trí', en: 'The 34 provinces as equal squares placed roughly where they lie' },
  optionsSchema: mapTilesOptionsSchema,
  optionsVersion: 1,
  migrations: {},
  binding: 'one',
  // a square's name: 21 % of a square of the 7 × 14 grid (map-tiles.css); the map needs a tall tile
  legibility: { smallestTextFraction: 0.013 },
});
