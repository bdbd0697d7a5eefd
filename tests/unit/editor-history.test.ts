import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, HISTORY_LIMIT, record, redo, undo } from '../../renderer/console/editor/history';

describe('edit history', () => {
  it('undo gives back the very state before the edit, redo the one after', () => {
    const a = { x: 1 };
    const b = { x: 2 };
    const c = { x: 3 };
    let h = record(record(createHistory(a), b), c);
    h = undo(h);
    expect(h.present).toBe(b);
    h = undo(h);
    expect(h.present).toBe(a);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe(b);
    h = redo(h);
    expect(h.present).toBe(c);
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it('a new edit after undo drops what could be redone', () => {
    const h = record(undo(record(createHistory('a'), 'b')), 'c');
    expect(h.present).toBe('c');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('a');
  });

  it('recording the present again is no step', () => {
    const h = createHistory('a');
    expect(record(h, 'a')).toBe(h);
  });

  it('edits with the same key one after another coalesce into one step (typing), other keys do not', () => {
    let h = record(createHistory(''), 'T', 'title');
    h = record(h, 'Tă', 'title');
    h = record(h, 'Tăng', 'title');
    expect(h.past).toEqual(['']);
    h = record(h, 'Tăng 2', 'other');
    expect(h.past).toEqual(['', 'Tăng']);
    // After an undo the same key starts a new step.
    h = record(undo(h), 'Tăng!', 'title');
    expect(h.past).toEqual(['', 'Tăng']);
  });

  it(`keeps the last ${HISTORY_LIMIT} steps`, () => {
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = record(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(20);
  });

  it('any sequence of edits undone in full returns to the start, and redone in full to the end', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 40 }), (values) => {
        let h = createHistory<number | string>('start');
        for (const v of values) h = record(h, v);
        const end = h.present;
        while (canUndo(h)) h = undo(h);
        expect(h.present).toBe('start');
        while (canRedo(h)) h = redo(h);
        expect(h.present).toBe(end);
      }),
    );
  });
});
