import { z } from 'zod';
import { layoutSchema } from './layout/schema';
import { wallProfileSchema } from './wall/profile';

/**
 * JSON Schemas generated from the zod schemas, for editors and for people who write
 * layout and wall-profile files by hand. The zod schemas stay the source of truth:
 * cross-field rules (overlaps, duplicate ids) are checked only by the loader.
 */
function generate(schema: z.ZodType, title: string, description: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...json, title, description };
}

export const schemaFiles = {
  'layouts/layout.schema.json': () =>
    generate(layoutSchema, 'Toàn Cảnh layout', 'Tiles on a wall-level grid, each with a widget type, a data binding and options. Generated from shared/layout/schema.ts: run `npm run schema` after changing it.'),
  'layouts/wall-profile.schema.json': () =>
    generate(wallProfileSchema, 'Toàn Cảnh wall profile', 'Screens of a video wall: resolution, active area, bezels, rotation, placement. Generated from shared/wall/profile.ts: run `npm run schema` after changing it.'),
} as const;
