import { scheduleIssues, type Slot } from '../../../shared/schedule/slots';

/**
 * The schedule as the page edits it: every field a string or a list while typed (a half-typed
 * time is allowed on screen), turned into the PUT /api/v1/schedule body only on save. Pure,
 * for the page and its tests.
 */
export interface SlotDraft {
  id: string;
  label: string;
  days: number[];
  start: string;
  end: string;
  layoutId: string;
  /** '' = the layout's newest version at switch time. */
  version: string;
}

export interface ScheduleDraft {
  slots: SlotDraft[];
  /** '' = none: outside every slot the wall keeps what it shows. */
  fallbackLayoutId: string;
}

export function draftOf(schedule: { slots: readonly Slot[]; fallback: { layoutId: string } | null }): ScheduleDraft {
  return {
    slots: schedule.slots.map((s) => ({ id: s.id, label: s.label ?? '', days: [...s.days], start: s.start, end: s.end, layoutId: s.layoutId, version: s.version === null ? '' : String(s.version) })),
    fallbackLayoutId: schedule.fallback?.layoutId ?? '',
  };
}

/** A free slot id ("slot-3"), never one the draft already holds. */
export function newSlot(draft: ScheduleDraft, layoutId: string): SlotDraft {
  const taken = new Set(draft.slots.map((s) => s.id));
  let n = draft.slots.length + 1;
  while (taken.has(`slot-${n}`)) n++;
  return { id: `slot-${n}`, label: '', days: [1, 2, 3, 4, 5], start: '07:30', end: '11:30', layoutId, version: '' };
}

export interface ScheduleBody {
  slots: Array<{ id: string; label?: string; days: number[]; start: string; end: string; layoutId: string; version: number | null }>;
  fallback: { layoutId: string; version: null } | null;
}

export function bodyOf(draft: ScheduleDraft): ScheduleBody {
  return {
    slots: draft.slots.map((s) => ({
      id: s.id,
      ...(s.label.trim() ? { label: s.label.trim() } : {}),
      days: [...s.days].sort((a, b) => a - b),
      start: s.start.trim(),
      end: s.end.trim(),
      layoutId: s.layoutId,
      version: s.version.trim() === '' ? null : Number(s.version),
    })),
    fallback: draft.fallbackLayoutId ? { layoutId: draft.fallbackLayoutId, version: null } : null,
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** What the page can tell before asking the server: times, days, versions, overlaps. Keyed by "slots.<i>.<field>" (or "slots.<i>"). */
export function draftFaults(draft: ScheduleDraft): Array<{ path: string; message_vi: string; message_en: string }> {
  const faults: Array<{ path: string; message_vi: string; message_en: string }> = [];
  draft.slots.forEach((s, i) => {
    for (const key of ['start', 'end'] as const) {
      if (!TIME.test(s[key].trim())) faults.push({ path: `slots.${i}.${key}`, message_vi: `"${s[key]}" không phải giờ dạng HH:MM`, message_en: `"${s[key]}" is not a time HH:MM` });
    }
    if (s.days.length === 0) faults.push({ path: `slots.${i}.days`, message_vi: 'chọn ít nhất một ngày', message_en: 'choose at least one day' });
    if (!s.layoutId) faults.push({ path: `slots.${i}.layoutId`, message_vi: 'chọn một bố cục', message_en: 'choose a layout' });
    if (s.version.trim() !== '' && !/^[1-9]\d{0,8}$/.test(s.version.trim())) faults.push({ path: `slots.${i}.version`, message_vi: 'phiên bản là một số từ 1', message_en: 'a version is a number from 1' });
  });
  if (faults.length > 0) return faults;
  for (const issue of scheduleIssues(bodyOf(draft).slots)) {
    faults.push({ path: issue.path.join('.'), message_vi: issue.message, message_en: issue.message });
  }
  return faults;
}

/** A server fault's path ("$.slots[1].end", "slots.1.end") in the draft's form ("slots.1.end"). */
export function normalisePath(path: string | undefined): string {
  return (path ?? '').replace(/^\$\.?/, '').replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}
