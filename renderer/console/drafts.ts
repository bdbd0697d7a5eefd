import { z } from 'zod';
import { layoutFieldsSchema, type Layout } from '../../shared/layout/schema';
import type { BriefingDraft } from './pages/briefings/draft';

/**
 * Unsaved edits, kept in memory while the session ends (idle or absolute expiry, a logout
 * elsewhere) and given back when the same person signs in again: a layout's by layout id,
 * a briefing's by briefing id ('new' for one not saved yet), each with the version it was
 * based on, so that a save after a newer version landed meanwhile still gets the conflict
 * choice. Signing out, or another person signing in, clears them.
 *
 * They also outlive a reload of the page (F5, a crash of the tab's page, the console window
 * reloaded by the agent): as the page goes (`pagehide`) they are written to the tab's
 * sessionStorage with the person they belong to, and read back, checked, when that person's
 * session is known again. sessionStorage is the tab's own: closing the tab forgets them, and
 * nothing is left on a shared desk's disk for the next person beyond the tab's life.
 */
export interface Drafts {
  layouts: Map<string, { layout: Layout; baseVersion: number }>;
  briefings: Map<string, { draft: BriefingDraft; baseVersion: number | null }>;
}

export const newDrafts = (): Drafts => ({ layouts: new Map(), briefings: new Map() });

export function clearDrafts(drafts: Drafts): void {
  drafts.layouts.clear();
  drafts.briefings.clear();
}

export const hasDrafts = (drafts: Drafts): boolean => drafts.layouts.size > 0 || drafts.briefings.size > 0;

export const DRAFTS_STORAGE_KEY = 'toancanh.console.drafts';
/** sessionStorage holds about 5 MB a site; drafts past this are not kept over a reload. */
const MAX_STORED_CHARS = 2_000_000;
const MAX_KEPT = 50;

const versionSchema = z.number().int().min(1);
const text = (max: number) => z.string().max(max);
const sceneDraftSchema = z
  .object({
    // As typed: a draft may hold what the form marks as a fault, so the bounds are generous.
    id: text(200),
    title: text(2000),
    layoutId: text(200),
    layoutVersion: z.number().int().min(0),
    focusKind: z.enum(['none', 'tile', 'province']),
    tileId: text(200),
    province: text(64),
    notesVi: text(20_000),
    notesEn: text(20_000),
    duration: text(64),
  })
  .strict();
const briefingDraftSchema = z.object({ id: text(200), name: text(2000), scenes: z.array(sceneDraftSchema).max(500) }).strict();

const storedSchema = z
  .object({
    userId: z.number().int(),
    layouts: z.array(z.tuple([text(200), z.object({ layout: layoutFieldsSchema, baseVersion: versionSchema }).strict()])).max(MAX_KEPT),
    briefings: z.array(z.tuple([text(200), z.object({ draft: briefingDraftSchema, baseVersion: versionSchema.nullable() }).strict()])).max(MAX_KEPT),
  })
  .strict();

/**
 * The tab's sessionStorage, or null where the browser refuses it (storage blocked for the
 * site: reading `window.sessionStorage` then throws): then edits outlive no reload, as before.
 */
export function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Forgets what a reload kept (signing out). */
export function forgetDraftsKeptOverReload(storage: Storage | null): void {
  try {
    storage?.removeItem(DRAFTS_STORAGE_KEY);
  } catch {
    // Nothing could have been kept either.
  }
}

/** Writes the drafts for this person, or removes what was kept when there are none. */
export function keepDraftsOverReload(drafts: Drafts, userId: number, storage: Storage | null): void {
  if (!storage) return;
  try {
    if (!hasDrafts(drafts)) {
      storage.removeItem(DRAFTS_STORAGE_KEY);
      return;
    }
    const text = JSON.stringify({ userId, layouts: [...drafts.layouts].slice(0, MAX_KEPT), briefings: [...drafts.briefings].slice(0, MAX_KEPT) });
    if (text.length > MAX_STORED_CHARS) {
      storage.removeItem(DRAFTS_STORAGE_KEY);
      console.warn(`console: unsaved edits of ${text.length} characters are too many to keep over a reload`);
      return;
    }
    storage.setItem(DRAFTS_STORAGE_KEY, text);
  } catch (error) {
    // Storage full or refused (a private window): the edits are only lost on a reload, as before.
    console.warn('console: unsaved edits could not be kept over a reload', error);
  }
}

/**
 * Takes back what a reload kept, if it was this person's, into `drafts`, and removes it
 * either way (another person signing in on this tab never sees it). Returns how many edits
 * came back. A kept value that does not read back as drafts is dropped, and said.
 */
export function takeDraftsKeptOverReload(drafts: Drafts, userId: number, storage: Storage | null): number {
  if (!storage) return 0;
  let text: string | null;
  try {
    text = storage.getItem(DRAFTS_STORAGE_KEY);
    storage.removeItem(DRAFTS_STORAGE_KEY);
  } catch {
    return 0;
  }
  if (text === null || text.length > MAX_STORED_CHARS) return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    console.warn('console: the unsaved edits kept over a reload are not JSON; dropped');
    return 0;
  }
  const kept = storedSchema.safeParse(parsed);
  if (!kept.success) {
    console.warn('console: the unsaved edits kept over a reload do not read back; dropped', kept.error.issues.slice(0, 5));
    return 0;
  }
  if (kept.data.userId !== userId) return 0;
  for (const [id, value] of kept.data.layouts) if (!drafts.layouts.has(id)) drafts.layouts.set(id, value as { layout: Layout; baseVersion: number });
  for (const [id, value] of kept.data.briefings) if (!drafts.briefings.has(id)) drafts.briefings.set(id, value);
  return kept.data.layouts.length + kept.data.briefings.length;
}
