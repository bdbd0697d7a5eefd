import { validateWith } from '../layout/load';
import type { LoadResult } from '../validation/errors';
import type { StructureLimits } from '../validation/structure';
import { wallProfileSchema, type WallProfile } from './profile';

/**
 * The bare shape a wall profile can have at most (see checkStructure): 64 screens, each a
 * few levels deep (`screens[3].display.host`); tests/unit/layout-bounds.test.ts checks
 * these against the schema.
 */
export const PROFILE_LIMITS: StructureLimits = {
  maxDepth: 8,
  maxItems: 64,
  maxKeys: 64,
  maxKeyLength: 100,
  maxStringLength: 2_000,
  maxValues: 10_000,
};

/** Validates a wall profile: bounded work, errors capped like a layout's. */
export function validateWallProfile(value: unknown): LoadResult<WallProfile> {
  return validateWith(wallProfileSchema, value, PROFILE_LIMITS);
}
