import { bezelFromSeams, freeFromGrid, gridProfile, panelById, PANEL_CATALOGUE, seamsOf } from '../../../../shared/wall/catalogue';
import { ROTATIONS, type Rotation, type WallProfile, type WallProfileInput } from '../../../../shared/wall/profile';
import { validateWallProfile } from '../../../../shared/wall/validate';

/**
 * What the profile editor's form holds: the texts as typed (so "1,75" stays as the person
 * wrote it while they type), one panel model for the whole wall, and either a rows ×
 * columns grid or each screen's frame corner. `toProfile` turns it into a profile and
 * says, per field, what the validator refuses.
 */
export type Sides = { top: string; right: string; bottom: string; left: string };
export interface FreeScreenDraft {
  id: string;
  x: string;
  y: string;
  rotation: Rotation;
  /**
   * What a stored screen had that the form does not edit, kept as it was: its name, the
   * display pinned to it, and its own panel when it differs from the wall's (a mixed wall).
   */
  keep?: { name?: string; display?: WallProfile['screens'][number]['display']; panel?: Pick<WallProfile['screens'][number], 'resolution' | 'activeAreaMm' | 'bezelMm'> };
}
export interface Draft {
  id: string;
  name: string;
  distance: string;
  mode: 'grid' | 'free';
  panelId: string;
  resW: string;
  resH: string;
  areaW: string;
  areaH: string;
  bezel: Sides;
  rotation: Rotation;
  rows: string;
  columns: string;
  screens: FreeScreenDraft[];
}

/** Field keys: the form's inputs; `screen.<i>.x|y|rotation` in free mode; `general` for the rest. */
export type FieldErrors = Record<string, string[]>;

const text = (n: number) => String(n);

export function draftFromPanel(panelId: string, base: Pick<Draft, 'id' | 'name' | 'distance' | 'rows' | 'columns'>): Draft {
  const panel = panelById(panelId) ?? PANEL_CATALOGUE[0]!;
  return {
    ...base,
    mode: 'grid',
    panelId: panel.id,
    resW: text(panel.resolution.width),
    resH: text(panel.resolution.height),
    areaW: text(panel.activeAreaMm.width),
    areaH: text(panel.activeAreaMm.height),
    bezel: { top: text(panel.bezelMm.top), right: text(panel.bezelMm.right), bottom: text(panel.bezelMm.bottom), left: text(panel.bezelMm.left) },
    rotation: panel.rotation,
    screens: [],
  };
}

export function newDraft(): Draft {
  return draftFromPanel(PANEL_CATALOGUE[0]!.id, { id: 'tuong-moi', name: 'Tường mới', distance: '5000', rows: '2', columns: '2' });
}

/** "1,75" or "1.75" → 1.75; anything else NaN (the field then says so). */
export function parseNumber(value: string): number {
  const t = value.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** Each side from the seams a datasheet quotes (B2B), as the editor's "bezel to bezel" fields set them. */
export function withSeams(draft: Draft, seams: { horizontal: string; vertical: string }): Draft {
  const h = parseNumber(seams.horizontal);
  const v = parseNumber(seams.vertical);
  const sides = bezelFromSeams({ horizontal: Number.isNaN(h) ? 0 : h, vertical: Number.isNaN(v) ? 0 : v });
  return {
    ...draft,
    panelId: 'custom',
    bezel: {
      top: Number.isNaN(v) ? seams.vertical : text(sides.top),
      bottom: Number.isNaN(v) ? seams.vertical : text(sides.bottom),
      left: Number.isNaN(h) ? seams.horizontal : text(sides.left),
      right: Number.isNaN(h) ? seams.horizontal : text(sides.right),
    },
  };
}

export function seamsOfDraft(draft: Draft): { horizontal: number; vertical: number } {
  return seamsOf({ top: parseNumber(draft.bezel.top), right: parseNumber(draft.bezel.right), bottom: parseNumber(draft.bezel.bottom), left: parseNumber(draft.bezel.left) });
}

interface Parsed {
  profile: WallProfileInput;
  numberErrors: FieldErrors;
}

function parse(draft: Draft): Parsed {
  const numberErrors: FieldErrors = {};
  const num = (key: string, value: string): number => {
    const n = parseNumber(value);
    if (Number.isNaN(n)) numberErrors[key] = ['cần một số (vd. 1,75) / a number is needed (e.g. 1.75)'];
    return n;
  };
  const int = (key: string, value: string, max: number): number => {
    const n = num(key, value);
    if (!Number.isNaN(n) && (!Number.isInteger(n) || n < 1 || n > max)) numberErrors[key] = [`từ 1 đến ${max} / 1 to ${max}`];
    return n;
  };
  const panel = {
    resolution: { width: num('resW', draft.resW), height: num('resH', draft.resH) },
    activeAreaMm: { width: num('areaW', draft.areaW), height: num('areaH', draft.areaH) },
    bezelMm: { top: num('bezel', draft.bezel.top), right: num('bezel', draft.bezel.right), bottom: num('bezel', draft.bezel.bottom), left: num('bezel', draft.bezel.left) },
    rotation: draft.rotation,
  };
  const base = { id: draft.id.trim(), name: draft.name.trim(), viewingDistanceMm: num('distance', draft.distance) };
  if (draft.mode === 'grid') {
    const rows = int('rows', draft.rows, 8);
    const columns = int('columns', draft.columns, 8);
    const ok = !numberErrors.rows && !numberErrors.columns;
    return { profile: gridProfile({ ...base, rows: ok ? rows : 1, columns: ok ? columns : 1, panel }), numberErrors };
  }
  const screens = draft.screens.map((s, i) => ({
    id: s.id.trim(),
    ...(s.keep ? (s.keep.name === undefined ? {} : { name: s.keep.name }) : { name: `Màn hình ${i + 1}` }),
    ...structuredClone(s.keep?.panel ?? { resolution: panel.resolution, activeAreaMm: panel.activeAreaMm, bezelMm: panel.bezelMm }),
    rotation: s.rotation,
    placement: { kind: 'free' as const, xMm: num(`screen.${i}.x`, s.x), yMm: num(`screen.${i}.y`, s.y) },
    ...(s.keep && 'display' in s.keep ? (s.keep.display ? { display: s.keep.display } : {}) : { display: { index: i } }),
  }));
  return { profile: { schemaVersion: 1, ...base, screens }, numberErrors };
}

/** `$.screens[2].placement.xMm` → the form field it concerns. */
export function fieldOf(path: string, mode: Draft['mode']): string {
  const m = /^\$\.screens\[(\d+)\]\.([a-zA-Z]+)(?:\.([a-zA-Z]+))?/.exec(path);
  if (!m) {
    if (path === '$.viewingDistanceMm') return 'distance';
    if (path === '$.id') return 'id';
    if (path === '$.name') return 'name';
    return 'general';
  }
  const [, index, field, sub] = m;
  if (field === 'resolution') return sub === 'height' ? 'resH' : 'resW';
  if (field === 'activeAreaMm') return sub === 'height' ? 'areaH' : 'areaW';
  if (field === 'bezelMm') return 'bezel';
  if (field === 'rotation') return mode === 'free' ? `screen.${index}.rotation` : 'rotation';
  if (field === 'placement' && mode === 'free') return `screen.${index}.${sub === 'yMm' ? 'y' : 'x'}`;
  if (field === 'id' && mode === 'free') return `screen.${index}.id`;
  return 'general';
}

export interface Checked {
  profile: WallProfileInput;
  /** The validated profile, when there is no fault. */
  valid: WallProfile | null;
  errors: FieldErrors;
  /** Free mode: the screens an overlap names (drawn red). */
  overlapping: Set<string>;
}

export function checkDraft(draft: Draft, lang: 'vi' | 'en'): Checked {
  const { profile, numberErrors } = parse(draft);
  const errors: FieldErrors = { ...numberErrors };
  const overlapping = new Set<string>();
  if (Object.keys(numberErrors).length > 0) return { profile, valid: null, errors, overlapping };
  const checked = validateWallProfile(profile);
  if (checked.ok) return { profile, valid: checked.value, errors, overlapping };
  // A grid repeats a fault of the panel on every screen: said once, with how many screens it concerns.
  const repeats = new Map<string, number>();
  for (const e of checked.errors) {
    const key = fieldOf(e.path, draft.mode);
    const message = lang === 'vi' && e.message_vi ? e.message_vi : e.message;
    const list = (errors[key] ??= []);
    const once = draft.mode === 'grid' && key !== 'general' ? `${key}\u0000${e.code ?? message}` : null;
    if (once !== null && repeats.has(once)) repeats.set(once, repeats.get(once)! + 1);
    else if (!list.includes(message)) {
      list.push(message);
      if (once !== null) repeats.set(once, 1);
    }
    if (e.code === 'profile.screens_overlap') for (const id of message.match(/"([^"]+)"/g) ?? []) overlapping.add(id.slice(1, -1));
  }
  for (const [once, count] of repeats) {
    if (count < 2) continue;
    const list = errors[once.split('\u0000')[0]!]!;
    list[list.length - 1] += lang === 'vi' ? ` (và ${count - 1} màn hình khác)` : ` (and ${count - 1} more screens)`;
  }
  return { profile, valid: null, errors, overlapping };
}

/** Free mode from the grid as it stands: each frame where the grid put it, so nothing moves. */
export function toFree(draft: Draft): Draft {
  const { profile } = parse({ ...draft, mode: 'grid' });
  const free = freeFromGrid(profile);
  return {
    ...draft,
    mode: 'free',
    screens: free.screens.map((s) => ({
      id: s.id,
      x: s.placement.kind === 'free' ? text(s.placement.xMm) : '0',
      y: s.placement.kind === 'free' ? text(s.placement.yMm) : '0',
      rotation: s.rotation ?? 0,
    })),
  };
}

/**
 * A stored profile in the form: one panel (the first screen's) for the wall; a grid when
 * every screen is grid-placed with that panel, else free placement.
 */
export function draftFromProfile(profile: WallProfile): Draft {
  const first = profile.screens[0]!;
  const same = (s: WallProfile['screens'][number]) =>
    JSON.stringify([s.resolution, s.activeAreaMm, s.bezelMm, s.rotation]) === JSON.stringify([first.resolution, first.activeAreaMm, first.bezelMm, first.rotation]);
  const panelId = PANEL_CATALOGUE.find((p) => JSON.stringify([p.resolution, p.activeAreaMm, p.bezelMm]) === JSON.stringify([first.resolution, first.activeAreaMm, first.bezelMm]))?.id ?? 'custom';
  const base: Draft = {
    id: profile.id,
    name: profile.name,
    distance: text(profile.viewingDistanceMm),
    mode: 'grid',
    panelId,
    resW: text(first.resolution.width),
    resH: text(first.resolution.height),
    areaW: text(first.activeAreaMm.width),
    areaH: text(first.activeAreaMm.height),
    bezel: { top: text(first.bezelMm.top), right: text(first.bezelMm.right), bottom: text(first.bezelMm.bottom), left: text(first.bezelMm.left) },
    rotation: first.rotation,
    rows: '1',
    columns: '1',
    screens: [],
  };
  // A grid only when the form's grid would give back exactly these screens (names and displays included).
  if (profile.screens.every((s) => s.placement.kind === 'grid' && same(s))) {
    const rows = Math.max(...profile.screens.map((s) => (s.placement.kind === 'grid' ? s.placement.row : 0))) + 1;
    const columns = Math.max(...profile.screens.map((s) => (s.placement.kind === 'grid' ? s.placement.column : 0))) + 1;
    const again = gridProfile({ id: profile.id, name: profile.name, viewingDistanceMm: profile.viewingDistanceMm, rows, columns, panel: first });
    const key = (list: readonly { id: string; name?: string | undefined; placement: unknown; display?: unknown }[]) =>
      JSON.stringify(list.map((s) => [s.id, s.name, s.placement, s.display]).sort());
    if (key(again.screens) === key(profile.screens)) return { ...base, rows: text(rows), columns: text(columns) };
  }
  const free = freeFromGrid(profile);
  return {
    ...base,
    mode: 'free',
    screens: free.screens.map((s) => ({
      id: s.id,
      x: s.placement.kind === 'free' ? text(s.placement.xMm) : '0',
      y: s.placement.kind === 'free' ? text(s.placement.yMm) : '0',
      rotation: s.rotation ?? 0,
      keep: {
        ...(s.name === undefined ? {} : { name: s.name }),
        display: s.display,
        ...(same(s as WallProfile['screens'][number]) ? {} : { panel: { resolution: s.resolution, activeAreaMm: s.activeAreaMm, bezelMm: s.bezelMm } }),
      },
    })),
  };
}

export { ROTATIONS };
