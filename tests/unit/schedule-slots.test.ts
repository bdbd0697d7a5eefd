import { describe, expect, it } from 'vitest';
import { localTime, nextBoundary, scheduleSchema, slotAt, type Slot } from '../../shared/schedule/slots';

/** An instant given as Vietnam local time (UTC+7). */
const vn = (iso: string) => Date.parse(`${iso}+07:00`);
const slot = (id: string, days: number[], start: string, end: string, layoutId = 'sang'): Slot => ({ id, days, start, end, layoutId, version: null });

describe('the schedule in Asia/Ho_Chi_Minh (shared/schedule/slots.ts)', () => {
  it('reads local time at a fixed UTC+7, across midnight UTC and the year end', () => {
    // 2026-12-02 is a Wednesday. 17:30 UTC on Tuesday is 00:30 on Wednesday in Hà Nội.
    expect(localTime(Date.parse('2026-12-01T17:30:00Z'))).toEqual({ day: 3, minute: 30 });
    expect(localTime(Date.parse('2026-12-01T16:59:00Z'))).toEqual({ day: 2, minute: 23 * 60 + 59 });
    // No daylight saving: the same offset in June.
    expect(localTime(Date.parse('2026-06-15T00:00:00Z'))).toEqual({ day: 1, minute: 7 * 60 });
    // 2026-12-31 is a Thursday; 2027-01-01 01:00 local is a Friday.
    expect(localTime(Date.parse('2026-12-31T18:00:00Z'))).toEqual({ day: 5, minute: 60 });
  });

  it('finds the slot live at an instant, start inclusive and end exclusive', () => {
    const slots = [slot('sang', [1, 2, 3, 4, 5], '07:30', '11:30'), slot('chieu', [3], '13:00', '24:00', 'chieu')];
    expect(slotAt(slots, vn('2026-12-02T07:29:59'))).toBeNull();
    expect(slotAt(slots, vn('2026-12-02T07:30:00'))?.id).toBe('sang');
    expect(slotAt(slots, vn('2026-12-02T11:30:00'))).toBeNull();
    expect(slotAt(slots, vn('2026-12-02T23:59:00'))?.id).toBe('chieu');
    expect(slotAt(slots, vn('2026-12-05T08:00:00'))).toBeNull(); // Saturday
  });

  it('gives the next boundary, a start or an end, up to a week ahead', () => {
    const slots = [slot('sang', [1, 2, 3, 4, 5], '07:30', '11:30')];
    expect(nextBoundary(slots, vn('2026-12-02T06:00:00'))).toEqual({ at: vn('2026-12-02T07:30:00'), slot: slots[0] });
    expect(nextBoundary(slots, vn('2026-12-02T07:30:00'))).toEqual({ at: vn('2026-12-02T11:30:00'), slot: null });
    // Friday afternoon: the next is Monday morning.
    expect(nextBoundary(slots, vn('2026-12-04T12:00:00'))?.at).toBe(vn('2026-12-07T07:30:00'));
    const sunday = [slot('cn', [7], '08:00', '09:00')];
    expect(nextBoundary(sunday, vn('2026-12-06T08:30:00'))?.at).toBe(vn('2026-12-06T09:00:00'));
    expect(nextBoundary(sunday, vn('2026-12-06T09:00:00'))?.at).toBe(vn('2026-12-13T08:00:00'));
    expect(nextBoundary([], vn('2026-12-06T09:00:00'))).toBeNull();
  });

  it('refuses overlapping slots, an end not after its start and repeated ids, naming them', () => {
    const result = scheduleSchema.safeParse({
      slots: [
        { id: 'sang', days: [1, 2], start: '07:30', end: '11:30', layoutId: 'a' },
        { id: 'hop', days: [2], start: '11:00', end: '12:00', layoutId: 'b' },
        { id: 'nguoc', days: [3], start: '12:00', end: '08:00', layoutId: 'b' },
        { id: 'sang', days: [6], start: '07:30', end: '08:00', layoutId: 'b' },
        { id: 'sat', days: [1], start: '11:30', end: '12:00', layoutId: 'b' },
        { id: 'gio', days: [4], start: '25:00', end: '26:00', layoutId: 'b' },
      ],
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^slots\.1: slot "hop" \(11:00–12:00\) overlaps slot "sang" \(07:30–11:30\) on Tuesday/));
    expect(messages).toContainEqual(expect.stringMatching(/^slots\.2\.end: ends at 08:00, not after its start 12:00/));
    expect(messages).toContainEqual(expect.stringMatching(/^slots\.3\.id: duplicate slot id "sang"/));
    expect(messages).toContainEqual(expect.stringMatching(/^slots\.5\.start: a time of day/));
    // Touching slots (one ends as the next starts) do not overlap.
    expect(messages.some((m) => m.startsWith('slots.4'))).toBe(false);
  });
});
