import type { Layout } from '../../../shared/layout/schema';
import { placeTile, readingOrder, removeTile, type Place } from './edits';
import { canRedo, canUndo, createHistory, record, redo, undo, type History } from './history';

/**
 * The editor's state as a pure reducer: the edit history of the layout, the selected tile
 * and what the last command did (read out to screen readers, shown in the status line).
 * Keyboard, pointer and panels all end here, so undo covers every edit of the session.
 */

export type Notice =
  | { kind: 'moved' | 'resized' | 'swapped' | 'removed' | 'added'; tileId: string }
  | { kind: 'blocked'; tileId: string; by: string }
  | { kind: 'outside'; tileId: string }
  | { kind: 'undone' | 'redone' | 'nothing-to-undo' | 'nothing-to-redo' | 'no-room' };

export interface EditorState {
  history: History<Layout>;
  selected: string | null;
  notice: Notice | null;
}

export type EditorCommand =
  | { kind: 'move'; dx: number; dy: number }
  | { kind: 'resize'; dw: number; dh: number }
  | { kind: 'remove' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'next'; step: 1 | -1 }
  | { kind: 'deselect' };

export type EditorAction =
  | { type: 'command'; command: EditorCommand }
  | { type: 'select'; id: string | null }
  | { type: 'place'; id: string; place: Place; how: 'moved' | 'resized' }
  /** A change from a panel or the palette; the same `key` one after another coalesces (typing). */
  | { type: 'edit'; layout: Layout; key?: string; notice?: Notice; select?: string | null }
  /** The shell handed another layout: a new session when it is another layout, an edit otherwise. */
  | { type: 'external'; layout: Layout };

export interface KeyInput {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * What a key does on the canvas. Arrows move the selected tile one cell, Shift+arrows
 * resize it (right/down grow, left/up shrink), Delete removes it, Ctrl+Z undoes, Ctrl+Y and
 * Ctrl+Shift+Z redo, Escape lets go of the selection. Tab is left to the browser: the tiles
 * are focusable in reading order. null: not the editor's key.
 */
export function commandForKey(input: KeyInput): EditorCommand | null {
  const mod = input.ctrlKey || input.metaKey;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (mod && !input.altKey) {
    if (key === 'z') return input.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
    if (key === 'y') return { kind: 'redo' };
    return null;
  }
  if (input.altKey) return null;
  const arrow = ARROWS[key];
  if (arrow) return input.shiftKey ? { kind: 'resize', dw: arrow[0], dh: arrow[1] } : { kind: 'move', dx: arrow[0], dy: arrow[1] };
  if (key === 'Delete' || key === 'Backspace') return { kind: 'remove' };
  if (key === 'Escape') return { kind: 'deselect' };
  return null;
}

export function initialEditorState(layout: Layout): EditorState {
  return { history: createHistory(layout), selected: null, notice: null };
}

function place(state: EditorState, id: string, target: Place, how: 'moved' | 'resized'): EditorState {
  const outcome = placeTile(state.history.present, id, target);
  switch (outcome.kind) {
    case 'unchanged':
      return state;
    case 'blocked':
      return { ...state, notice: { kind: 'blocked', tileId: id, by: outcome.by } };
    case 'outside':
      return { ...state, notice: { kind: 'outside', tileId: id } };
    default:
      return { ...state, history: record(state.history, outcome.layout), notice: { kind: outcome.kind === 'swapped' ? 'swapped' : how, tileId: id } };
  }
}

function command(state: EditorState, cmd: EditorCommand): EditorState {
  const layout = state.history.present;
  if (cmd.kind === 'undo') return canUndo(state.history) ? keepSelection({ ...state, history: undo(state.history), notice: { kind: 'undone' } }) : { ...state, notice: { kind: 'nothing-to-undo' } };
  if (cmd.kind === 'redo') return canRedo(state.history) ? keepSelection({ ...state, history: redo(state.history), notice: { kind: 'redone' } }) : { ...state, notice: { kind: 'nothing-to-redo' } };
  if (cmd.kind === 'deselect') return { ...state, selected: null };
  if (cmd.kind === 'next') {
    const order = readingOrder(layout.tiles);
    if (order.length === 0) return state;
    const at = order.findIndex((t) => t.id === state.selected);
    const next = at < 0 ? (cmd.step > 0 ? 0 : order.length - 1) : (at + cmd.step + order.length) % order.length;
    return { ...state, selected: order[next]!.id };
  }
  const tile = layout.tiles.find((t) => t.id === state.selected);
  if (!tile) return state;
  if (cmd.kind === 'remove') {
    // The selection goes on to the next tile in reading order, so that the keyboard stays on the wall.
    const order = readingOrder(layout.tiles);
    const next = order[order.findIndex((t) => t.id === tile.id) + 1] ?? order[order.length - 2];
    const selected = next && next.id !== tile.id ? next.id : null;
    return { ...state, history: record(state.history, removeTile(layout, tile.id)), selected, notice: { kind: 'removed', tileId: tile.id } };
  }
  if (cmd.kind === 'move') return place(state, tile.id, { x: tile.x + cmd.dx, y: tile.y + cmd.dy, w: tile.w, h: tile.h }, 'moved');
  const w = tile.w + cmd.dw;
  const h = tile.h + cmd.dh;
  if (w < 1 || h < 1) return state;
  return place(state, tile.id, { x: tile.x, y: tile.y, w, h }, 'resized');
}

/** After undo or redo the selection stays on its tile if the tile still exists. */
function keepSelection(state: EditorState): EditorState {
  const exists = state.history.present.tiles.some((t) => t.id === state.selected);
  return exists ? state : { ...state, selected: null };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'command':
      return command(state, action.command);
    case 'select':
      return state.selected === action.id ? state : { ...state, selected: action.id, notice: null };
    case 'place':
      return place(state, action.id, action.place, action.how);
    case 'edit':
      return {
        ...state,
        history: record(state.history, action.layout, action.key ?? null),
        notice: action.notice ?? null,
        selected: action.select === undefined ? state.selected : action.select,
      };
    case 'external':
      if (action.layout === state.history.present) return state;
      if (action.layout.id !== state.history.present.id) return initialEditorState(action.layout);
      return keepSelection({ ...state, history: record(state.history, action.layout) });
  }
}
