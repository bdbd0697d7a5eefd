import type { z } from 'zod';
import { errorText } from '../errors';
import { ErrorList, issuesToErrors, jsonPath, type LoadResult } from '../validation/errors';
import { checkStructure, type StructureLimits } from '../validation/structure';
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

const SIZE_FIELDS = new Set(['resolution', 'activeAreaMm']);

/**
 * zod's own issues that a technician meets most, given a code and both languages: a
 * rotation outside 0/90/180/270 (zod would say only "Invalid input") and a size of zero.
 */
function coded(issue: z.core.$ZodIssue, value: unknown): { code: string; message: string; message_vi: string } | null {
  const path = issue.path;
  const field = path[path.length - 1];
  if (path[0] === 'screens' && field === 'rotation' && issue.code === 'invalid_value') {
    const screen = (value as { screens?: unknown[] }).screens?.[path[1] as number] as { rotation?: unknown } | undefined;
    const text = errorText('profile.rotation', { value: JSON.stringify(screen?.rotation ?? null) });
    return { code: 'profile.rotation', message: text.en, message_vi: text.vi };
  }
  if (path[0] === 'screens' && issue.code === 'too_small' && SIZE_FIELDS.has(String(path[2]))) {
    const text = errorText('profile.size_positive', { field: `${String(path[2])}.${String(field)}` });
    return { code: 'profile.size_positive', message: text.en, message_vi: text.vi };
  }
  return null;
}

/** Validates a wall profile: bounded work, errors capped like a layout's, each with its code. */
export function validateWallProfile(value: unknown): LoadResult<WallProfile> {
  const errors = new ErrorList();
  if (!checkStructure(value, PROFILE_LIMITS, errors)) return errors.refusal();
  const parsed = wallProfileSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  for (const issue of parsed.error.issues) {
    const known = coded(issue, value);
    if (known) errors.add(jsonPath(issue.path), known.message, { code: known.code, message_vi: known.message_vi });
    else errors.addAll(issuesToErrors([issue]));
  }
  return errors.refusal();
}
