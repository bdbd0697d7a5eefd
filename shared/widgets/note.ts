import { z } from 'zod';

/**
 * Options of a text note: a safe subset of Markdown (headings, paragraphs, bold, italic,
 * lists, line breaks; see shared/markdown.ts), never HTML. Version 1.
 */
export const NOTE_OPTIONS_VERSION = 1;

export const NOTE_MAX_CHARS = 4000;

export const noteOptionsSchema = z
  .object({
    /** The note, in the Markdown subset. Each line break in a paragraph is kept. */
    text: z.string().max(NOTE_MAX_CHARS).default(''),
    align: z.enum(['start', 'center']).default('start'),
  })
  .strict();
export type NoteOptions = z.infer<typeof noteOptionsSchema>;

/** v1 is the first version: nothing to convert yet (see migrateComplianceOptions). */
export function migrateNoteOptions(_fromVersion: number, options: unknown): unknown {
  return options;
}
