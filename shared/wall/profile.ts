import { z } from 'zod';
import { errorText, type ErrorCode, type ErrorParams } from '../errors';
import { checkProfile } from './checks';

/**
 * Wall profile: the hardware a technician configures. Pure data; geometry derives
 * the wall canvas from it (see ../geometry). Millimetres and pixels are always given
 * in the panel's own, unrotated orientation (as the panel is built); `rotation` says how
 * it hangs on the wall.
 */

/** A faulty profile's issue, with its catalogue code and both texts (see shared/errors/issues.ts). */
export function profileIssue<C extends ErrorCode>(code: C, params: ErrorParams<C>): { message: string; params: { errorCode: C; message_vi: string } } {
  const text = errorText(code as never, params as never) as { vi: string; en: string };
  return { message: text.en, params: { errorCode: code, message_vi: text.vi } };
}

const positiveMm = z.number().positive({ error: 'must be more than 0 mm' }).max(100_000);
const nonNegativeMm = z.number().min(0, { error: 'must be 0 mm or more' }).max(1_000);
const pixels = z.number().int().positive({ error: 'must be at least 1 pixel' }).max(16_384);

export const screenIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'screen id: lower-case letters, digits and dashes, at most 40');

export const ROTATIONS = [0, 90, 180, 270] as const;
export const rotationSchema = z
  .literal(ROTATIONS, { error: (issue) => `rotation must be one of ${ROTATIONS.join(', ')} (degrees clockwise); got ${JSON.stringify(issue.input)}` })
  .describe('How the panel hangs on the wall, in degrees clockwise: 0, 90, 180 or 270. A portrait screen is a landscape panel with rotation 90 (or 270).');
export type Rotation = z.infer<typeof rotationSchema>;

export const gridPlacementSchema = z
  .object({
    kind: z.literal('grid'),
    row: z.number().int().min(0).max(63),
    column: z.number().int().min(0).max(63),
  })
  .describe('A cell of a rows × columns grid. A column is as wide as its widest frame, a row as tall as its tallest; a smaller screen is centred in its cell.');

export const freePlacementSchema = z
  .object({
    kind: z.literal('free'),
    xMm: z.number().min(0).max(100_000).describe("Left edge of the screen's outer frame (bezel included) on the wall, in mm."),
    yMm: z.number().min(0).max(100_000).describe("Top edge of the screen's outer frame (bezel included) on the wall, in mm."),
  })
  .describe("Free placement: the top-left corner of the screen's outer frame, bezel included, in mm from the wall's top-left. Frames must not overlap.");

export const screenSchema = z.object({
  id: screenIdSchema,
  name: z.string().max(80).optional(),
  resolution: z
    .object({ width: pixels, height: pixels })
    .describe('Pixels as the panel is built, before rotation: a portrait 1080p screen is 1920 × 1080 with rotation 90, not 1080 × 1920 as the OS reports it.'),
  activeAreaMm: z
    .object({ width: positiveMm, height: positiveMm })
    .describe('Size of the picture (active area) in mm, as the panel is built, before rotation (same orientation as `resolution`).'),
  bezelMm: z
    .object({ top: nonNegativeMm, right: nonNegativeMm, bottom: nonNegativeMm, left: nonNegativeMm })
    .describe(
      "Width of the frame on each side of the panel in mm, as the panel is built (before rotation): per side. A datasheet's bezel-to-bezel figure is the sum of two sides (3.5 mm bezel to bezel = 1.75 mm per side, for a uniform frame).",
    ),
  rotation: rotationSchema.default(0),
  placement: z.discriminatedUnion('kind', [gridPlacementSchema, freePlacementSchema]),
  /** Which host and display drive this screen; matched by the display agent. */
  display: z
    .object({
      host: z.string().max(120).optional().describe('Host name of the PC that drives this screen; absent: any host.'),
      displayId: z.number().int().optional().describe("Electron's display id, when the technician pinned it."),
      index: z.number().int().min(0).max(63).optional().describe("Position in the host's display list, left-to-right then top-to-bottom."),
    })
    .optional()
    .describe('Which display of which PC shows this screen. Without one, the agent matches screens to displays by their place on the wall.'),
});
export type Screen = z.infer<typeof screenSchema>;

/** Bounded: 64 screens, so the pairwise checks of ./checks stay at most 2,016 pairs. */
export const MAX_SCREENS = 64;

export const wallProfileSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    name: z.string().min(1).max(120),
    viewingDistanceMm: z.number().positive().max(100_000).describe('Typical distance of the nearest reader from the wall in mm, used for legibility checks.'),
    screens: z.array(screenSchema).min(1).max(MAX_SCREENS),
  })
  .superRefine((profile, ctx) => {
    for (const found of checkProfile(profile)) {
      ctx.addIssue({ code: 'custom', path: found.path, ...profileIssue(found.code, found.params as never) });
    }
  });
export type WallProfile = z.infer<typeof wallProfileSchema>;
export type WallProfileInput = z.input<typeof wallProfileSchema>;
