import { z } from 'zod';
import { periodSchema } from '../period';
import { PROVINCE_CODES } from '../regions';

/**
 * Options of the province maps. The three map widgets (geographic, tile grid, 3D) share
 * the fields of `mapCommonOptionsShape`, so an operator who switches a tile from one to
 * another keeps its colours, classes, period and highlight. Version 1 of each.
 */

/** Colour-blind-safe sequential scales (d3-scale-chromatic): cividis by default. */
export const mapSchemeSchema = z.enum(['cividis', 'viridis']);
export type MapScheme = z.infer<typeof mapSchemeSchema>;

/** One of the 34 provinces' official codes. */
export const mapProvinceCodeSchema = z.enum(PROVINCE_CODES as unknown as [string, ...string[]]);

export const mapDomainSchema = z
  .object({ min: z.number().finite(), max: z.number().finite() })
  .strict()
  .refine((d) => d.min < d.max, { message: 'domain: min must be below max' });

export const mapCommonOptionsShape = {
  /** The sequential colour scale. */
  scheme: mapSchemeSchema.default('cividis'),
  /** How many colour classes (equal, rounded intervals) the legend shows. */
  classes: z.number().int().min(3).max(7).default(5),
  /** A fixed value range for the colours (so they do not shift as figures arrive); by default the figures' own range. */
  domain: mapDomainSchema.optional(),
  /** The period shown; by default the newest period any province has reported. */
  period: periodSchema.optional(),
  /** One province drawn outlined, its figure repeated in the header. */
  highlight: mapProvinceCodeSchema.optional(),
  /** Fixed number of decimals; by default the unit decides (see format/number). */
  decimals: z.number().int().min(0).max(4).optional(),
  /** The unit the tile expects; an indicator in another unit shows "no data" rather than wrong colours. */
  expectUnit: z.string().min(1).max(60).optional(),
};

export const mapGeoOptionsSchema = z
  .object({
    ...mapCommonOptionsShape,
    /** What each province's label says, where it fits inside the province. */
    labels: z.enum(['names', 'names-values', 'none']).default('names'),
    /**
     * Where Hoàng Sa and Trường Sa go: `in-place` (where they lie, the map fitted to the
     * whole territory) or `inset` (a framed box beside a larger mainland).
     */
    archipelagos: z.enum(['in-place', 'inset']).default('in-place'),
  })
  .strict();
export type MapGeoOptions = z.infer<typeof mapGeoOptionsSchema>;

export const MAP_GEO_OPTIONS_VERSION = 1;

/** Options of an older version brought to the current one (version 1 is current: unchanged). */
export function migrateMapGeoOptions(fromVersion: number, options: unknown): unknown {
  if (fromVersion > MAP_GEO_OPTIONS_VERSION) {
    throw new RangeError(`map-geo options version ${fromVersion} is newer than this wall (${MAP_GEO_OPTIONS_VERSION})`);
  }
  return options;
}
