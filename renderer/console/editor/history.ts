/**
 * The edit history of an editing session: every accepted state, so that undo gives back
 * exactly the state before an edit (the same object, not a recomputation) and redo the
 * one after. Pure and generic; the editor keeps layouts in it.
 *
 * Edits that carry the same `key` one after another (typing in one text field) coalesce
 * into one step, so that undo takes back the word, not the last letter.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** The key of the last edit, for coalescing; null after undo, redo or an edit without key. */
  readonly lastKey: string | null;
}

/** Steps kept; the oldest are dropped beyond it (a session of edits, not a version store). */
export const HISTORY_LIMIT = 500;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null };
}

/** Records `next` as the new present. The same value again changes nothing. */
export function record<T>(history: History<T>, next: T, key: string | null = null): History<T> {
  if (Object.is(next, history.present)) return history;
  if (key !== null && key === history.lastKey && history.past.length > 0) {
    return { past: history.past, present: next, future: [], lastKey: key };
  }
  const past = [...history.past, history.present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: next, future: [], lastKey: key };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (history.past.length === 0) return history;
  return { past: history.past.slice(0, -1), present: previous as T, future: [history.present, ...history.future], lastKey: null };
}

export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next as T, future: rest, lastKey: null };
}

export const canUndo = (history: History<unknown>): boolean => history.past.length > 0;
export const canRedo = (history: History<unknown>): boolean => history.future.length > 0;
