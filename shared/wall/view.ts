import { z } from 'zod';
import type { Role } from '../protocol/roles';
import { provinceByCode, provinceCodeSchema } from '../regions';

/**
 * The wall's "view" during a briefing, over whatever layout is live: frozen on the data as
 * of a moment (or live), drilled down to one province (or national), one tile enlarged
 * over the whole canvas (or the layout as laid out). Owned by the server
 * (server/wall/view.ts), pushed to every wall page on /control as `wallView`.
 */

/** Who steers the view during a briefing: the presenter, and the operators (a viewer reads only). */
export const VIEW_ROLES: readonly Role[] = ['presenter', 'operator', 'admin'];

/** The change-log sequence the freeze was taken at, and when (server clock, ISO 8601). */
export const freezeSchema = z.object({ at: z.iso.datetime({ offset: true }), seq: z.number().int().min(0) }).strict();
export type Freeze = z.infer<typeof freezeSchema>;

/** A tile id as layouts write it (shared/layout/schema: lower-case, digits, dashes). */
export const viewTileIdSchema = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'a tile id: lower-case letters, digits and dashes');

export const wallViewSchema = z
  .object({
    freeze: freezeSchema.nullable(),
    /** A province's two-digit code (shared/regions), or null: national. */
    province: provinceCodeSchema.nullable(),
    enlargedTileId: viewTileIdSchema.nullable(),
  })
  .strict();
export type WallView = z.infer<typeof wallViewSchema>;

/** The view as pushed: with a revision that rises with every change, and who made it. */
export const wallViewEventSchema = wallViewSchema.extend({
  revision: z.number().int().min(0),
  by: z.string().max(200).nullable(),
  changedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type WallViewEvent = z.infer<typeof wallViewEventSchema>;

export const LIVE_NATIONAL_VIEW: WallView = Object.freeze({ freeze: null, province: null, enlargedTileId: null });

/**
 * What a caller asks to change: each key absent = unchanged. `freeze: true` freezes now
 * (the server fills in the time and sequence), `false` returns to live; a freeze object
 * (a scene replayed by the briefing helper) is taken as given.
 */
export const wallViewPatchSchema = z
  .object({
    freeze: z.union([z.boolean(), freezeSchema]).optional(),
    province: provinceCodeSchema.nullable().optional(),
    enlargedTileId: viewTileIdSchema.nullable().optional(),
  })
  .strict()
  .refine((p) => p.freeze !== undefined || p.province !== undefined || p.enlargedTileId !== undefined, {
    message: 'name at least one of freeze, province, enlargedTileId',
  });
export type WallViewPatch = z.infer<typeof wallViewPatchSchema>;

/**
 * The next view: pure, so every transition is tested on its own. Freezing an already
 * frozen wall keeps the first snapshot (a second tap must not move the figures).
 */
export function applyViewPatch(current: WallView, patch: WallViewPatch, now: { at: string; seq: number }): WallView {
  let freeze = current.freeze;
  if (patch.freeze === true) freeze = current.freeze ?? { at: now.at, seq: now.seq };
  else if (patch.freeze === false) freeze = null;
  else if (patch.freeze !== undefined) freeze = patch.freeze;
  return {
    freeze,
    province: patch.province === undefined ? current.province : patch.province,
    enlargedTileId: patch.enlargedTileId === undefined ? current.enlargedTileId : patch.enlargedTileId,
  };
}

export function sameView(a: WallView, b: WallView): boolean {
  return a.province === b.province && a.enlargedTileId === b.enlargedTileId && a.freeze?.at === b.freeze?.at && a.freeze?.seq === b.freeze?.seq;
}

/** The province's short name for the wall's mark ("Đà Nẵng"), or null for national. */
export function viewProvinceName(view: Pick<WallView, 'province'>, lang: 'vi' | 'en' = 'vi'): string | null {
  if (view.province === null) return null;
  const p = provinceByCode(view.province);
  return p ? (lang === 'vi' ? p.name : p.nameEn) : view.province;
}

/** "HH:MM" of an instant in Vietnam's time (UTC+7, no daylight saving), as the freeze mark shows it. */
export function frozenClock(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${hh}:${mm}`;
}

/** The freeze mark: "Đã dừng lúc 14:05" / "Frozen at 14:05" (UTC+7). */
export function frozenAtText(iso: string): { vi: string; en: string } {
  const time = frozenClock(iso);
  return { vi: `Đã dừng lúc ${time}`, en: `Frozen at ${time}` };
}

/** What changed since the freeze: "12 số liệu mới" / "12 new figures" (vi-VN digits). */
export function newFiguresText(count: number): { vi: string; en: string } {
  const n = count.toLocaleString('vi-VN');
  return { vi: `${n} số liệu mới`, en: `${count.toLocaleString('en-GB')} new figure${count === 1 ? '' : 's'}` };
}

/** Widgets that show the drilled province: a KPI of a province-level indicator, the maps, the rankings. */
export const DRILL_FILTERED_WIDGETS: readonly string[] = ['kpi', 'map-geo', 'map-3d', 'map-tiles', 'comparison'];
/** Widgets with no figures to filter (no "toàn quốc" mark on them). */
export const DRILL_NEUTRAL_WIDGETS: readonly string[] = ['clock', 'image', 'note'];
/** Widgets that say «toàn quốc» in their own header (their corners hold a title, a DEMO mark): no corner badge on them. */
export const DRILL_SELF_MARKED_WIDGETS: readonly string[] = ['compliance', 'tasks'];
