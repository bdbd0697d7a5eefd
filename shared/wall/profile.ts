import { z } from 'zod';

/**
 * Wall profile: the hardware a technician configures. Pure data; geometry derives
 * the wall canvas from it (see ../geometry). Millimetres and pixels are always given
 * in the panel's own, unrotated orientation; `rotation` says how it hangs on the wall.
 */

const positiveMm = z.number().positive().max(100_000);
const nonNegativeMm = z.number().min(0).max(1_000);
const pixels = z.number().int().positive().max(16_384);

export const screenIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'screen id: lower-case letters, digits and dashes, at most 40');

export const rotationSchema = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type Rotation = z.infer<typeof rotationSchema>;

export const gridPlacementSchema = z.object({
  kind: z.literal('grid'),
  row: z.number().int().min(0).max(63),
  column: z.number().int().min(0).max(63),
});

/** Top-left corner of the screen's outer frame (bezel included) on the wall, in mm. */
export const freePlacementSchema = z.object({
  kind: z.literal('free'),
  xMm: z.number().min(0).max(100_000),
  yMm: z.number().min(0).max(100_000),
});

export const screenSchema = z.object({
  id: screenIdSchema,
  name: z.string().max(80).optional(),
  resolution: z.object({ width: pixels, height: pixels }),
  activeAreaMm: z.object({ width: positiveMm, height: positiveMm }),
  bezelMm: z.object({ top: nonNegativeMm, right: nonNegativeMm, bottom: nonNegativeMm, left: nonNegativeMm }),
  /** Clockwise, as the panel hangs on the wall. */
  rotation: rotationSchema.default(0),
  placement: z.discriminatedUnion('kind', [gridPlacementSchema, freePlacementSchema]),
  /** Which host and display drive this screen; matched by the display agent. */
  display: z
    .object({
      host: z.string().max(120).optional(),
      /** Electron's display id, when the technician pinned it. */
      displayId: z.number().int().optional(),
      /** Position in the host's display list, left-to-right then top-to-bottom. */
      index: z.number().int().min(0).max(63).optional(),
    })
    .optional(),
});
export type Screen = z.infer<typeof screenSchema>;

export const wallProfileSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    name: z.string().min(1).max(120),
    /** Typical distance of the nearest reader from the wall, used for legibility checks. */
    viewingDistanceMm: z.number().positive().max(100_000),
    screens: z.array(screenSchema).min(1).max(64),
  })
  .superRefine((profile, ctx) => {
    const ids = new Set<string>();
    const cells = new Set<string>();
    profile.screens.forEach((screen, index) => {
      if (ids.has(screen.id)) {
        ctx.addIssue({ code: 'custom', path: ['screens', index, 'id'], message: `duplicate screen id "${screen.id}"` });
      }
      ids.add(screen.id);
      if (screen.placement.kind === 'grid') {
        const cell = `${screen.placement.row}:${screen.placement.column}`;
        if (cells.has(cell)) {
          ctx.addIssue({
            code: 'custom',
            path: ['screens', index, 'placement'],
            message: `two screens in grid cell row ${screen.placement.row}, column ${screen.placement.column}`,
          });
        }
        cells.add(cell);
      }
    });
    const kinds = new Set(profile.screens.map((s) => s.placement.kind));
    if (kinds.size > 1) {
      ctx.addIssue({ code: 'custom', path: ['screens'], message: 'mix of grid and free placement; use one kind per wall' });
    }
  });
export type WallProfile = z.infer<typeof wallProfileSchema>;
export type WallProfileInput = z.input<typeof wallProfileSchema>;
