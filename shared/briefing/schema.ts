import { z } from 'zod';
import { provinceCodeSchema } from '../regions';
import { layoutIdSchema } from '../schedule/slots';
import { viewTileIdSchema } from '../wall/view';

/**
 * A briefing (phiên giao ban, issue 10): a name and an ordered list of scenes, stored with
 * versions like layouts (server/briefing/store.ts). A scene is one published library
 * version of a layout, what the wall focuses on (nothing, one enlarged tile, or one
 * province), the presenter's notes, and how long it stays when the briefing loops
 * unattended (each scene its own duration; none: the loop waits on this scene).
 */

/** How many scenes a briefing may have: a long meeting, bounded so a save stays small. */
export const MAX_SCENES = 60;
/** The longest a looped scene may stay (one hour), and the shortest (a wall needs a moment to be read). */
export const MAX_SCENE_SECONDS = 3600;
export const MIN_SCENE_SECONDS = 3;

export const briefingIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a briefing id: lower-case letters, digits and dashes, at most 64');

export const sceneFocusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('tile'), tileId: viewTileIdSchema }).strict(),
  z.object({ kind: z.literal('province'), province: provinceCodeSchema }).strict(),
]);
export type SceneFocus = z.infer<typeof sceneFocusSchema>;

export const sceneNotesSchema = z
  .object({ vi: z.string().max(4000), en: z.string().max(4000).optional() })
  .strict();

export const sceneSchema = z
  .object({
    /** Stable within the briefing (the evidence and the remote name scenes by it). */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a scene id: lower-case letters, digits and dashes, at most 40'),
    title: z.string().trim().min(1).max(120),
    layoutId: layoutIdSchema,
    layoutVersion: z.number().int().min(1).max(1_000_000_000),
    focus: sceneFocusSchema,
    notes: sceneNotesSchema,
    /** Seconds this scene stays in an unattended loop; absent: the loop stops here until someone moves on. */
    durationS: z.number().int().min(MIN_SCENE_SECONDS).max(MAX_SCENE_SECONDS).optional(),
  })
  .strict();
export type Scene = z.infer<typeof sceneSchema>;

export const briefingSchema = z
  .object({
    id: briefingIdSchema,
    name: z.string().trim().min(1).max(200),
    scenes: z
      .array(sceneSchema)
      .min(1)
      .max(MAX_SCENES)
      .superRefine((scenes, ctx) => {
        const seen = new Set<string>();
        scenes.forEach((s, i) => {
          if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `scene id "${s.id}" is used twice` });
          seen.add(s.id);
        });
      }),
  })
  .strict();
export type Briefing = z.infer<typeof briefingSchema>;

/** A scene's focus as a wall-view patch: the focus replaces both the enlarged tile and the province (the freeze is the presenter's, untouched). */
export function focusPatch(focus: SceneFocus): { enlargedTileId: string | null; province: string | null } {
  if (focus.kind === 'tile') return { enlargedTileId: focus.tileId, province: null };
  if (focus.kind === 'province') return { enlargedTileId: null, province: focus.province };
  return { enlargedTileId: null, province: null };
}
