import { briefingSchema, MAX_SCENE_SECONDS, MAX_SCENES, MIN_SCENE_SECONDS, type Briefing, type Scene, type SceneFocus } from '../../../../shared/briefing/schema';
import { isProvinceCode } from '../../../../shared/regions';

/**
 * The briefing editor's form state (pure, so each rule is tested on its own): the fields as
 * typed (a duration is text until saved), turned into the document the server checks. Each
 * fault is keyed by its field (`name`, `scene:<id>:title` …), keyed by the scene's id, not
 * its place, so a fault stays at its scene when the scenes are reordered.
 */
export interface SceneDraft {
  id: string;
  title: string;
  layoutId: string;
  layoutVersion: number;
  focusKind: SceneFocus['kind'];
  tileId: string;
  province: string;
  notesVi: string;
  notesEn: string;
  /** Seconds as typed; empty: no duration (an unattended loop waits on this scene). */
  duration: string;
}

export interface BriefingDraft {
  id: string;
  name: string;
  scenes: SceneDraft[];
}

export type Faults = Readonly<Record<string, readonly string[]>>;

export const sceneKey = (sceneId: string, field: string): string => `scene:${sceneId}:${field}`;

export function newDraft(): BriefingDraft {
  return { id: '', name: '', scenes: [] };
}

export function draftFromBriefing(b: Briefing): BriefingDraft {
  return {
    id: b.id,
    name: b.name,
    scenes: b.scenes.map((s) => ({
      id: s.id,
      title: s.title,
      layoutId: s.layoutId,
      layoutVersion: s.layoutVersion,
      focusKind: s.focus.kind,
      tileId: s.focus.kind === 'tile' ? s.focus.tileId : '',
      province: s.focus.kind === 'province' ? s.focus.province : '',
      notesVi: s.notes.vi,
      notesEn: s.notes.en ?? '',
      duration: s.durationS === undefined ? '' : String(s.durationS),
    })),
  };
}

/** A scene id not used yet in the briefing: canh-1, canh-2 … */
export function freshSceneId(scenes: readonly SceneDraft[]): string {
  const used = new Set(scenes.map((s) => s.id));
  for (let n = scenes.length + 1; ; n++) if (!used.has(`canh-${n}`)) return `canh-${n}`;
}

export function addScene(draft: BriefingDraft, layout: { id: string; version: number; title: string }): BriefingDraft {
  const id = freshSceneId(draft.scenes);
  const scene: SceneDraft = { id, title: layout.title, layoutId: layout.id, layoutVersion: layout.version, focusKind: 'none', tileId: '', province: '', notesVi: '', notesEn: '', duration: '' };
  return { ...draft, scenes: [...draft.scenes, scene] };
}

/** The scene at `from` moved to `to` (both clamped): the one move that drag and Alt+arrow both make. */
export function moveScene(draft: BriefingDraft, from: number, to: number): BriefingDraft {
  const last = draft.scenes.length - 1;
  const target = Math.max(0, Math.min(last, to));
  if (from < 0 || from > last || target === from) return draft;
  const scenes = [...draft.scenes];
  const [moved] = scenes.splice(from, 1);
  scenes.splice(target, 0, moved!);
  return { ...draft, scenes };
}

export function removeScene(draft: BriefingDraft, index: number): BriefingDraft {
  return { ...draft, scenes: draft.scenes.filter((_, i) => i !== index) };
}

export function updateScene(draft: BriefingDraft, index: number, patch: Partial<SceneDraft>): BriefingDraft {
  return { ...draft, scenes: draft.scenes.map((s, i) => (i === index ? { ...s, ...patch } : s)) };
}

function focusOf(s: SceneDraft): SceneFocus {
  if (s.focusKind === 'tile') return { kind: 'tile', tileId: s.tileId };
  if (s.focusKind === 'province') return { kind: 'province', province: s.province };
  return { kind: 'none' };
}

/** The scene as the server stores it; a duration that is not a whole number stays a fault (NaN), never a silent loop. */
export function sceneOf(s: SceneDraft): Scene {
  const text = s.duration.trim();
  return {
    id: s.id,
    title: s.title.trim(),
    layoutId: s.layoutId,
    layoutVersion: s.layoutVersion,
    focus: focusOf(s),
    notes: s.notesEn.trim() ? { vi: s.notesVi, en: s.notesEn } : { vi: s.notesVi },
    ...(text === '' ? {} : { durationS: /^\d+$/.test(text) ? Number(text) : Number.NaN }),
  };
}

export function documentOf(d: BriefingDraft): Briefing {
  return { id: d.id.trim(), name: d.name.trim(), scenes: d.scenes.map(sceneOf) };
}

type Lang = 'vi' | 'en';
const say = (lang: Lang, vi: string, en: string) => (lang === 'en' ? en : vi);

/** Every fault of the form, at its field, in the page's language (the server checks again on save). */
export function checkDraft(d: BriefingDraft, lang: Lang): Faults {
  const faults: Record<string, string[]> = {};
  const add = (key: string, message: string) => (faults[key] ??= []).push(message);
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(d.id.trim())) add('id', say(lang, 'Mã: chữ thường không dấu, chữ số và dấu gạch ngang, tối đa 64 ký tự', 'Id: lower-case letters, digits and dashes, at most 64'));
  // `#/briefings/new` is the address of the new-briefing form.
  if (d.id.trim() === 'new') add('id', say(lang, 'Mã "new" dành cho trang tạo mới; hãy chọn mã khác', 'The id "new" is the new-briefing page; choose another'));
  if (!d.name.trim()) add('name', say(lang, 'Hãy đặt tên phiên giao ban', 'Give the briefing a name'));
  if (d.scenes.length === 0) add('scenes', say(lang, 'Cần ít nhất một cảnh', 'At least one scene is needed'));
  if (d.scenes.length > MAX_SCENES) add('scenes', say(lang, `Tối đa ${MAX_SCENES} cảnh`, `At most ${MAX_SCENES} scenes`));
  for (const s of d.scenes) {
    if (!s.title.trim()) add(sceneKey(s.id, 'title'), say(lang, 'Hãy đặt tên cảnh', 'Give the scene a title'));
    if (!s.layoutId) add(sceneKey(s.id, 'layoutId'), say(lang, 'Hãy chọn bố cục', 'Choose a layout'));
    if (s.focusKind === 'tile' && !s.tileId) add(sceneKey(s.id, 'tileId'), say(lang, 'Hãy chọn ô để phóng to', 'Choose the tile to enlarge'));
    if (s.focusKind === 'province' && !isProvinceCode(s.province)) add(sceneKey(s.id, 'province'), say(lang, 'Hãy chọn tỉnh, thành phố', 'Choose a province'));
    const text = s.duration.trim();
    if (text !== '' && (!/^\d+$/.test(text) || Number(text) < MIN_SCENE_SECONDS || Number(text) > MAX_SCENE_SECONDS)) {
      add(sceneKey(s.id, 'duration'), say(lang, `Thời lượng: số giây nguyên từ ${MIN_SCENE_SECONDS} đến ${MAX_SCENE_SECONDS}, hoặc để trống`, `Duration: whole seconds from ${MIN_SCENE_SECONDS} to ${MAX_SCENE_SECONDS}, or empty`));
    }
  }
  if (Object.keys(faults).length > 0) return faults;
  // What the rules above do not cover (lengths, a scene id): the shared schema's own words.
  const parsed = briefingSchema.safeParse(documentOf(d));
  if (!parsed.success) for (const issue of parsed.error.issues) add(keyOfPath(d, issue.path.map((p) => (typeof p === 'number' ? p : String(p)))), issue.message);
  return faults;
}

/** `$.document.scenes[2].layoutVersion` (the server's path) → the field key of scene 3 as it was saved. */
export function keyOfServerPath(saved: Briefing, path: string): string {
  const parts = [...path.replace(/^\$\.?(document\.?)?/, '').matchAll(/\[(\d+)\]|\.?([A-Za-z]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]!));
  return keyOfPath({ scenes: saved.scenes.map((s) => ({ id: s.id }) as SceneDraft) }, parts);
}

/** A document path as a field key: scenes[i].notes.vi → scene:<id>:notesVi; focus.tileId → tileId; durationS → duration. */
function keyOfPath(d: Pick<BriefingDraft, 'scenes'>, path: ReadonlyArray<string | number>): string {
  const [head, index, field, sub] = path;
  if (head !== 'scenes') return typeof head === 'string' ? head : 'scenes';
  const scene = typeof index === 'number' ? d.scenes[index] : undefined;
  if (!scene) return 'scenes';
  const name =
    field === 'focus' ? (sub === 'province' ? 'province' : sub === 'tileId' ? 'tileId' : 'focusKind')
    : field === 'notes' ? (sub === 'en' ? 'notesEn' : 'notesVi')
    : field === 'durationS' ? 'duration'
    : field === 'layoutVersion' ? 'layoutVersion'
    : typeof field === 'string' ? field
    : 'title';
  return sceneKey(scene.id, name);
}

export function sameDocument(a: BriefingDraft, b: Briefing | null): boolean {
  return b !== null && JSON.stringify(documentOf(a)) === JSON.stringify(b);
}
