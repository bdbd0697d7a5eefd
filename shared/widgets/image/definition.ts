import { z } from 'zod';
import { defineWidgetSpec, option } from '../define';

/**
 * An image tile: a picture bundled with the renderer (renderer/public/media, served at
 * /media/… by the server and by the app:// protocol), never a remote one: the pages' CSP
 * allows images from 'self', data: and blob: only.
 */

/**
 * "media/" then one or more path segments of letters, digits, ".", "_" and "-", each
 * starting with a letter or digit (so no "..", no hidden files, no empty segment), ending
 * in an image extension. No scheme, no leading "/", no backslash, no "%", no query.
 */
const MEDIA_PATH = /^media\/(?:[A-Za-z0-9][A-Za-z0-9._-]{0,99}\/){0,4}[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.(?:svg|png|jpe?g|webp|gif|avif)$/;

/** Whether `src` names a file under media/ and nothing else. */
export function isMediaPath(src: string): boolean {
  return src.length <= 300 && MEDIA_PATH.test(src) && !src.split('/').some((segment) => segment === '.' || segment === '..');
}

/** The URL of a media path on our own origin ("/media/…"), or null when the path is not one. */
export function mediaUrl(src: string): string | null {
  return isMediaPath(src) ? `/${src}` : null;
}

/** The pattern also goes into the generated JSON Schema, so an editor flags a bad path as it is typed. */
export const mediaPathSchema = z
  .string()
  .max(300)
  .regex(MEDIA_PATH, 'src: a file under media/ (e.g. "media/quoc-huy.svg"); no remote URLs, no "..", no leading "/"');

export const imageOptionsSchema = z
  .object({
    src: option(mediaPathSchema.default('media/toan-canh.svg'), {
      label: { vi: 'Tệp hình', en: 'Picture' },
      help: { vi: 'Một tệp trong media/ đi kèm màn hình, không phải địa chỉ web', en: 'A file under media/ bundled with the wall, never a web address' },
    }),
    fit: option(z.enum(['contain', 'cover']).default('contain'), {
      label: { vi: 'Cách đặt hình', en: 'Fit' },
      choices: { contain: { vi: 'Trọn hình, chừa viền', en: 'The whole picture, letterboxed' }, cover: { vi: 'Phủ kín ô, cắt mép', en: 'Fill the tile, cropping the edges' } },
    }),
    caption: option(
      z
        .object({
          vi: option(z.string().min(1).max(120), { label: { vi: 'Tiếng Việt', en: 'Vietnamese' } }),
          en: option(z.string().min(1).max(120).optional(), { label: { vi: 'Tiếng Anh', en: 'English' } }),
        })
        .strict()
        .optional(),
      { label: { vi: 'Chú thích', en: 'Caption' }, help: { vi: 'Dòng dưới hình; cũng là mô tả thay thế', en: 'A line under the picture; also its text alternative' } },
    ),
  })
  .strict();
export type ImageOptions = z.infer<typeof imageOptionsSchema>;

export const imageSpec = defineWidgetSpec({
  id: 'image',
  name: { vi: 'Hình ảnh', en: 'Image' },
  description: { vi: 'Một hình đi kèm màn hình, có chú thích', en: 'A picture bundled with the wall, with an optional caption' },
  optionsSchema: imageOptionsSchema,
  optionsVersion: 1,
  migrations: {},
  binding: 'none',
  // the caption (10.5cqh); a tile without a caption has no text at all
  legibility: { smallestTextFraction: 0.105 },
});
