import { z } from 'zod';

/**
 * Options of an image tile: a picture bundled with the renderer (renderer/public/media,
 * served at /media/… by the server and by the app:// protocol), never a remote one: the
 * pages' CSP allows images from 'self', data: and blob: only. Version 1.
 */
export const IMAGE_OPTIONS_VERSION = 1;

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
    src: mediaPathSchema.default('media/toan-canh.svg'),
    /** contain: the whole picture, letterboxed; cover: fill the tile, cropping the edges. */
    fit: z.enum(['contain', 'cover']).default('contain'),
    /** A line under the picture; also its text alternative. */
    caption: z.object({ vi: z.string().min(1).max(120), en: z.string().min(1).max(120).optional() }).strict().optional(),
  })
  .strict();
export type ImageOptions = z.infer<typeof imageOptionsSchema>;

/** v1 is the first version: nothing to convert yet (see migrateComplianceOptions). */
export function migrateImageOptions(_fromVersion: number, options: unknown): unknown {
  return options;
}
