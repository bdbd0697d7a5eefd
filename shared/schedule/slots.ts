import { z } from 'zod';

/**
 * The wall's schedule: slots by day of week and time of day in Asia/Ho_Chi_Minh, each
 * naming a layout. Vietnam keeps UTC+7 all year (no daylight saving since 1975), so local
 * time is a fixed offset: no time-zone database is needed, on the server or in a browser.
 */
export const VN_OFFSET_MINUTES = 7 * 60;
export const MINUTES_PER_DAY = 24 * 60;
export const MAX_SLOTS = 200;

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day "HH:MM" (00:00 to 24:00)');

/** ISO days: 1 = Monday (Thứ Hai) … 7 = Sunday (Chủ nhật). */
export const isoDaySchema = z.number().int().min(1).max(7);

export const layoutIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'layout id: lower-case letters, digits and dashes');

export const slotSchema = z
  .object({
    /** Stable within the schedule (the console's key, the live status's "why"). */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'slot id: lower-case letters, digits and dashes'),
    label: z.string().trim().min(1).max(120).optional(),
    days: z.array(isoDaySchema).min(1).max(7),
    /** Local time (UTC+7); `end` after `start`, on the same day ("24:00" is midnight at its end). */
    start: hhmm,
    end: hhmm,
    layoutId: layoutIdSchema,
    /** A pinned version; null: the layout's newest version at switch time. */
    version: z.number().int().min(1).nullable().default(null),
  })
  .strict();
export type Slot = z.output<typeof slotSchema>;
export type SlotInput = z.input<typeof slotSchema>;

/** What is live outside every slot; null: the wall keeps what it shows. */
export const layoutRefSchema = z.object({ layoutId: layoutIdSchema, version: z.number().int().min(1).nullable().default(null) }).strict();
export type LayoutRef = z.output<typeof layoutRefSchema>;

export const scheduleSchema = z
  .object({
    slots: z.array(slotSchema).max(MAX_SLOTS),
    fallback: layoutRefSchema.nullable().default(null),
  })
  .strict()
  .superRefine((schedule, ctx) => {
    for (const issue of scheduleIssues(schedule.slots)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type Schedule = z.output<typeof scheduleSchema>;

export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Faults across slots: end before start, repeated days or ids, and overlaps (one error per slot, naming the first it overlaps). */
export function scheduleIssues(slots: ReadonlyArray<Pick<Slot, 'id' | 'days' | 'start' | 'end'>>): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const ids = new Map<string, number>();
  slots.forEach((slot, index) => {
    const seen = ids.get(slot.id);
    if (seen !== undefined) issues.push({ path: ['slots', index, 'id'], message: `duplicate slot id "${slot.id}" (also slots[${seen}])` });
    else ids.set(slot.id, index);
    if (new Set(slot.days).size !== slot.days.length) issues.push({ path: ['slots', index, 'days'], message: 'a day is listed twice' });
    const [start, end] = [minutesOf(slot.start), minutesOf(slot.end)];
    if (end <= start) {
      issues.push({ path: ['slots', index, 'end'], message: `ends at ${slot.end}, not after its start ${slot.start}` });
      return;
    }
    for (let other = 0; other < index; other++) {
      const o = slots[other]!;
      const [os, oe] = [minutesOf(o.start), minutesOf(o.end)];
      const day = slot.days.find((d) => o.days.includes(d));
      if (day !== undefined && oe > os && start < oe && os < end) {
        issues.push({ path: ['slots', index], message: `slot "${slot.id}" (${slot.start}–${slot.end}) overlaps slot "${o.id}" (${o.start}–${o.end}) on ${DAY_NAMES_EN[day - 1]}` });
        break;
      }
    }
  });
  return issues;
}

export const DAY_NAMES_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const DAY_NAMES_VI = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'] as const;

/** The local (UTC+7) ISO day and minute of an instant. */
export function localTime(epochMs: number): { day: number; minute: number } {
  const local = new Date(epochMs + VN_OFFSET_MINUTES * 60_000);
  const day = ((local.getUTCDay() + 6) % 7) + 1;
  return { day, minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** The slot whose span holds this instant, if any (slots do not overlap, so at most one). */
export function slotAt<S extends Pick<Slot, 'days' | 'start' | 'end'>>(slots: readonly S[], epochMs: number): S | null {
  const { day, minute } = localTime(epochMs);
  return slots.find((s) => s.days.includes(day) && minutesOf(s.start) <= minute && minute < minutesOf(s.end)) ?? null;
}

/** Epoch ms of the start of the local (UTC+7) minute holding this instant. */
const localMidnight = (epochMs: number): number => {
  const offset = VN_OFFSET_MINUTES * 60_000;
  return Math.floor((epochMs + offset) / 86_400_000) * 86_400_000 - offset;
};

export interface Boundary {
  /** Epoch ms. */
  at: number;
  /** The slot starting there, or null when a slot ends and none starts. */
  slot: Slot | null;
}

/**
 * The first slot boundary (a slot's start or end) strictly after `epochMs`, and the slot
 * live from then; null for an empty schedule. Looks at most 8 days ahead: every slot
 * repeats weekly.
 */
export function nextBoundary(slots: readonly Slot[], epochMs: number): Boundary | null {
  if (slots.length === 0) return null;
  const midnight = localMidnight(epochMs);
  let best: number | null = null;
  for (let d = 0; d <= 7 && best === null; d++) {
    const dayStart = midnight + d * 86_400_000;
    const { day } = localTime(dayStart);
    for (const slot of slots) {
      if (!slot.days.includes(day)) continue;
      for (const m of [minutesOf(slot.start), minutesOf(slot.end)]) {
        const at = dayStart + m * 60_000;
        if (at > epochMs && (best === null || at < best)) best = at;
      }
    }
  }
  if (best === null) return null;
  return { at: best, slot: slotAt(slots, best) };
}
