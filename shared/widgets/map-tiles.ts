import { z } from 'zod';
import { mapCommonOptionsShape } from './map-geo';

/** Options of the province tile map (every province an equal square). Version 1. */
export const MAP_TILES_OPTIONS_VERSION = 1;

export const mapTilesOptionsSchema = z
  .object({
    ...mapCommonOptionsShape,
    /** Gap between neighbouring squares, as a fraction of a cell. */
    gap: z.number().min(0).max(0.3).default(0.08),
  })
  .strict();
export type MapTilesOptions = z.infer<typeof mapTilesOptionsSchema>;

/** Options of an older version brought to the current one (version 1 is current: unchanged). */
export function migrateMapTilesOptions(fromVersion: number, options: unknown): unknown {
  if (fromVersion > MAP_TILES_OPTIONS_VERSION) {
    throw new RangeError(`map-tiles options version ${fromVersion} is newer than this wall (${MAP_TILES_OPTIONS_VERSION})`);
  }
  return options;
}
