import type { Layout } from '../../shared/layout/schema';
import type { BriefingDraft } from './pages/briefings/draft';

/**
 * Unsaved edits, kept in memory while the session ends (idle or absolute expiry, a logout
 * elsewhere) and given back when the same person signs in again: a layout's by layout id,
 * a briefing's by briefing id ('new' for one not saved yet), each with the version it was
 * based on, so that a save after a newer version landed meanwhile still gets the conflict
 * choice. Signing out, or another person signing in, clears them.
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
