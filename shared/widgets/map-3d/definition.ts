import { z } from 'zod';
import { defineWidgetSpec, option } from '../define';
import { mapCommonOptionsShape } from '../map-common';

export const map3dOptionsSchema = z
  .object({
    ...mapCommonOptionsShape,
    orbitSpeed: option(z.number().min(0).max(30).default(3), {
      label: { vi: 'Tốc độ xoay', en: 'Orbit speed' },
      help: { vi: 'Tốc độ camera ở giữa cung xoay; 0: đứng yên', en: 'The camera’s speed at the middle of its swing; 0 keeps it still' },
      unit: { vi: 'độ/giây', en: 'degrees a second' },
    }),
    orbitAmplitude: option(z.number().min(0).max(90).default(20), {
      label: { vi: 'Biên độ xoay', en: 'Orbit amplitude' },
      help: { vi: 'Nửa cung xoay (bản đồ không bao giờ lộn ngược)', en: 'Half the swing (the map never turns upside down)' },
      unit: { vi: 'độ', en: 'degrees' },
    }),
    tilt: option(z.number().min(20).max(85).default(58), {
      label: { vi: 'Góc nhìn', en: 'Tilt' },
      help: { vi: 'Độ cao camera so với mặt bản đồ (90 = nhìn thẳng xuống)', en: "Camera elevation above the map's plane (90 = straight down)" },
      unit: { vi: 'độ', en: 'degrees' },
    }),
    topLabels: option(z.number().int().min(0).max(10).default(5), {
      label: { vi: 'Số tỉnh có nhãn', en: 'Labelled provinces' },
      help: { vi: 'Các tỉnh có giá trị cao nhất', en: 'The highest values first' },
    }),
    textSize: option(z.enum(['normal', 'large']).default('normal'), {
      label: { vi: 'Cỡ chữ', en: 'Text size' },
      help: {
        vi: 'Lớn: mọi chữ cùng một cỡ lớn (ẩn tên tiếng Anh), để một ô cao bằng một màn hình đọc được từ xa',
        en: 'Large: every text at one large size (the English name hidden), so that a screen-tall tile reads from afar',
      },
      choices: { normal: { vi: 'Thường', en: 'Normal' }, large: { vi: 'Lớn', en: 'Large' } },
    }),
    reducedMotion: option(z.enum(['respect', 'ignore']).default('respect'), {
      label: { vi: 'Hạn chế chuyển động', en: 'Reduced motion' },
      choices: {
        respect: { vi: 'Tôn trọng: camera đứng yên khi màn hình yêu cầu', en: 'Respect: the camera keeps still when the display asks' },
        ignore: { vi: 'Bỏ qua', en: 'Ignore' },
      },
    }),
  })
  .strict();
export type Map3dOptions = z.infer<typeof map3dOptionsSchema>;

export const map3dSpec = defineWidgetSpec({
  id: 'map-3d',
  name: { vi: 'Bản đồ 3D', en: '3D province map' },
  description: { vi: 'Mỗi tỉnh nổi khối theo số liệu, camera xoay chậm', en: 'Each province extruded to its figure, the camera swinging slowly' },
  optionsSchema: map3dOptionsSchema,
  optionsVersion: 1,
  migrations: {},
  binding: 'one',
  // labels over the picture and the legend's unit: 3.6 mu, 3.24 % on a tile 0.6 as wide as tall (map-3d.css)
  // large text: every text at 6 mu (map-3d.css), 6 × 0.9 = 5.4 % on a tile 0.6 as wide as tall
  legibility: { smallestTextFraction: 0.032, smallestTextFractionFor: (options) => (options.textSize === 'large' ? 0.054 : 0.032) },
});
