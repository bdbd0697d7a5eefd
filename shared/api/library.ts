import { z } from 'zod';
import { layoutDiffSchema } from '../layout/diff';
import { layoutSchema } from '../layout/schema';
import { OPERATOR_ROLES, VIEWER_ROLES } from '../protocol/roles';
import { layoutIdSchema } from '../schedule/slots';
import { defineRoute, json } from './route';

/**
 * The layout library (docs/console.md, "The layout library"): layouts in the store, every
 * save a version that never changes, saves that carry the version they started from,
 * templates from layouts/, a bin, and publishing one version to the wall.
 */
const textSchema = z.object({ vi: z.string().min(1).max(200), en: z.string().min(1).max(200).optional() }).strict();
const noteSchema = z.string().trim().max(500);
const versionNumber = z.coerce.number().int().min(1).max(1_000_000_000);

export const layoutSummarySchema = z.object({
  id: z.string(),
  title: textSchema,
  /** A preset from layouts/: read-only (duplicate it to change it). */
  template: z.boolean(),
  headVersion: z.number().int().min(1),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** In the bin since then; null when not deleted. */
  deletedAt: z.string().nullable(),
  /** The version the wall shows, when this layout is live. */
  liveVersion: z.number().int().nullable(),
});
export type LayoutSummary = z.infer<typeof layoutSummarySchema>;

export const versionInfoSchema = z.object({
  layoutId: z.string(),
  version: z.number().int().min(1),
  note: z.string(),
  by: z.string(),
  at: z.string(),
});
export type VersionInfo = z.infer<typeof versionInfoSchema>;

export const versionDetailSchema = versionInfoSchema.extend({ document: layoutSchema });
export const layoutDetailSchema = z.object({ layout: layoutSummarySchema, head: versionDetailSchema });
export type LayoutDetail = z.infer<typeof layoutDetailSchema>;
export const layoutSummaryListSchema = z.object({ layouts: z.array(layoutSummarySchema) });
export const versionListSchema = z.object({ layoutId: z.string(), versions: z.array(versionInfoSchema) });
export const diffReplySchema = z.object({ layoutId: z.string(), from: z.number().int(), to: z.number().int(), diff: layoutDiffSchema });

/** The save's body: the document and the version the editor started from. */
export const saveBodySchema = z
  .object({
    baseVersion: z.number().int().min(1),
    document: layoutSchema,
    note: noteSchema.optional(),
  })
  .strict();
export const createBodySchema = z.object({ document: layoutSchema, note: noteSchema.optional() }).strict();
/** Duplicate a stored version (the head by default), or save `document` as a copy (the conflict's "save mine as a copy"). */
export const duplicateBodySchema = z
  .object({ version: z.number().int().min(1).optional(), document: layoutSchema.optional(), title: textSchema.optional(), note: noteSchema.optional() })
  .strict();
export const renameBodySchema = z.object({ title: textSchema }).strict();
export const restoreVersionBodySchema = z.object({ baseVersion: z.number().int().min(1).optional(), note: noteSchema.optional() }).strict();
export const publishBodySchema = z.object({ layoutId: layoutIdSchema, version: z.number().int().min(1) }).strict();

export const savedReplySchema = z.object({ layout: layoutSummarySchema, version: versionInfoSchema });
export const importedReplySchema = savedReplySchema.extend({
  /** The file's own id when it was taken and the layout got another. */
  renamedFrom: z.string().nullable(),
});

// Loose on purpose: an id or version that names nothing is a 404 (layout.not_found, layout.version_not_found), not a 400.
const idParams = z.object({ id: z.string().min(1).max(64) });
const versionParams = z.object({ id: z.string().min(1).max(64), version: z.string().min(1).max(12) });

export const libraryRoutes = {
  list: defineRoute({
    name: 'library.list',
    method: 'GET',
    path: '/api/v1/library/layouts',
    access: VIEWER_ROLES,
    summary: 'The layouts of the library (templates first, then by title), without those in the bin.',
    replies: { 200: json(layoutSummaryListSchema) },
  }),
  bin: defineRoute({
    name: 'library.bin',
    method: 'GET',
    path: '/api/v1/library/bin',
    access: VIEWER_ROLES,
    summary: 'The layouts in the bin, most recently deleted first.',
    replies: { 200: json(layoutSummaryListSchema) },
  }),
  create: defineRoute({
    name: 'library.create',
    method: 'POST',
    path: '/api/v1/library/layouts',
    access: OPERATOR_ROLES,
    summary: 'Create a layout from a document (its id must be free: 409 layout.exists); version 1.',
    body: { schema: createBodySchema, check: 'handler' },
    replies: { 201: json(savedReplySchema) },
  }),
  import: defineRoute({
    name: 'library.import',
    method: 'POST',
    path: '/api/v1/library/import',
    access: OPERATOR_ROLES,
    summary: 'Import a layout file (the body is the file): validated whole, older options migrated; a taken id gets a free one.',
    body: { schema: layoutSchema, check: 'handler' },
    replies: { 201: json(importedReplySchema) },
  }),
  get: defineRoute({
    name: 'library.get',
    method: 'GET',
    path: '/api/v1/library/layouts/:id',
    access: VIEWER_ROLES,
    summary: 'One layout with its head version (in the bin too).',
    params: idParams,
    replies: { 200: json(layoutDetailSchema) },
  }),
  save: defineRoute({
    name: 'library.save',
    method: 'POST',
    path: '/api/v1/library/layouts/:id/versions',
    access: OPERATOR_ROLES,
    summary: 'Save a new version; 409 layout.version_conflict when the head is not baseVersion (nothing written), 409 layout.template_read_only on a template.',
    params: idParams,
    body: { schema: saveBodySchema, check: 'handler' },
    replies: { 201: json(savedReplySchema) },
  }),
  duplicate: defineRoute({
    name: 'library.duplicate',
    method: 'POST',
    path: '/api/v1/library/layouts/:id/duplicate',
    access: OPERATOR_ROLES,
    summary: 'A new layout (new id, title "… (bản sao)") from a version of this one, or from the document given (save as a copy).',
    params: idParams,
    body: { schema: duplicateBodySchema, check: 'handler' },
    replies: { 201: json(savedReplySchema) },
  }),
  rename: defineRoute({
    name: 'library.rename',
    method: 'PATCH',
    path: '/api/v1/library/layouts/:id',
    access: OPERATOR_ROLES,
    summary: 'Change the title (the id stays: schedules and the wall refer to it); not a new version.',
    params: idParams,
    body: { schema: renameBodySchema, check: 'route' },
    replies: { 200: json(layoutSummarySchema) },
  }),
  delete: defineRoute({
    name: 'library.delete',
    method: 'DELETE',
    path: '/api/v1/library/layouts/:id',
    access: OPERATOR_ROLES,
    summary: 'Move a layout to the bin (restorable); refused for a template and for the layout the wall or the schedule uses.',
    params: idParams,
    replies: { 200: json(layoutSummarySchema) },
  }),
  undelete: defineRoute({
    name: 'library.undelete',
    method: 'POST',
    path: '/api/v1/library/bin/:id/restore',
    access: OPERATOR_ROLES,
    summary: 'Take a layout out of the bin.',
    params: idParams,
    replies: { 200: json(layoutSummarySchema) },
  }),
  versions: defineRoute({
    name: 'library.versions',
    method: 'GET',
    path: '/api/v1/library/layouts/:id/versions',
    access: VIEWER_ROLES,
    summary: 'Every version of a layout, newest first (who, when, note).',
    params: idParams,
    replies: { 200: json(versionListSchema) },
  }),
  version: defineRoute({
    name: 'library.version',
    method: 'GET',
    path: '/api/v1/library/layouts/:id/versions/:version',
    access: VIEWER_ROLES,
    summary: 'One version with its document.',
    params: versionParams,
    replies: { 200: json(versionDetailSchema) },
  }),
  export: defineRoute({
    name: 'library.export',
    method: 'GET',
    path: '/api/v1/library/layouts/:id/versions/:version/export',
    access: VIEWER_ROLES,
    summary: 'One version as a layout file (Content-Disposition: attachment; <id>-v<N>.json), importable as is.',
    params: versionParams,
    replies: { 200: json(layoutSchema) },
  }),
  diff: defineRoute({
    name: 'library.diff',
    method: 'GET',
    path: '/api/v1/library/layouts/:id/diff',
    access: VIEWER_ROLES,
    summary: 'What changed from one version to another (shared/layout/diff.ts).',
    params: idParams,
    query: z.object({ from: versionNumber, to: versionNumber }).strict(),
    replies: { 200: json(diffReplySchema) },
  }),
  restoreVersion: defineRoute({
    name: 'library.restore_version',
    method: 'POST',
    path: '/api/v1/library/layouts/:id/versions/:version/restore',
    access: OPERATOR_ROLES,
    summary: 'A new version copying version N (note "khôi phục phiên bản N"); baseVersion, when given, is checked as a save\'s.',
    params: versionParams,
    body: { schema: restoreVersionBodySchema, check: 'route' },
    replies: { 201: json(savedReplySchema) },
  }),
} as const;
