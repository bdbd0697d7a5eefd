import { z } from 'zod';
import { mapCommonOptionsShape } from './map-geo';

/** Options of the 3D province map (provinces extruded by value). Version 1. */
export const MAP_3D_OPTIONS_VERSION = 1;

export const map3dOptionsSchema = z
  .object({
    ...mapCommonOptionsShape,
    /**
     * How fast the camera swings to and fro around the map, in degrees per second at the
     * middle of its swing; 0 keeps it still.
     */
    orbitSpeed: z.number().min(0).max(30).default(3),
    /** Half the swing, in degrees (the map never turns upside down). */
    orbitAmplitude: z.number().min(0).max(90).default(20),
    /** Camera elevation above the map's plane, in degrees (90 = straight down). */
    tilt: z.number().min(20).max(85).default(58),
    /** How many provinces, highest values first, carry a label. */
    topLabels: z.number().int().min(0).max(10).default(5),
    /** `respect`: a display whose system asks for reduced motion keeps the camera still. */
    reducedMotion: z.enum(['respect', 'ignore']).default('respect'),
  })
  .strict();
export type Map3dOptions = z.infer<typeof map3dOptionsSchema>;

/** Options of an older version brought to the current one (version 1 is current: unchanged). */
export function migrateMap3dOptions(fromVersion: number, options: unknown): unknown {
  if (fromVersion > MAP_3D_OPTIONS_VERSION) {
    throw new RangeError(`map-3d options version ${fromVersion} is newer than this wall (${MAP_3D_OPTIONS_VERSION})`);
  }
  return options;
}
