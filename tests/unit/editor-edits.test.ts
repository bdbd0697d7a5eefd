import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstFreeSpot, newTileId, placeTile, readingOrder, removeTile } from '../../renderer/console/editor/edits';
import { commandForKey, editorReducer, initialEditorState, type EditorState, type KeyInput } from '../../renderer/console/editor/editor-state';
import { nearestLine, snapMove, snapResize } from '../../renderer/console/editor/snap';
import { minimumSize } from '../../renderer/console/editor/sizes';
import { gridLines, tileRect, wallCanvas } from '../../shared/geometry';
import { validateLayout } from '../../shared/layout/load';
import type { Layout } from '../../shared/layout/schema';
import { wallProfileSchema } from '../../shared/wall/profile';
import { widgetCatalog } from '../../shared/widgets/catalog';
import { projectRoot } from '../support/paths';

const read = (file: string): unknown => JSON.parse(readFileSync(resolve(projectRoot, file), 'utf8'));
const profile = wallProfileSchema.parse(read('assets/profiles/wall-2x2-55in.json'));
// A full 24-tile layout of known ids (the earlier KPI overview, kept as a fixture): the
// briefing preset changes with content.
const presetResult = validateLayout(read('tests/dom/fixtures/kpi-overview.layout.json'));
if (!presetResult.ok) throw new Error('preset invalid');
const preset: Layout = presetResult.value;
const canvas = wallCanvas(profile);
const lines = gridLines(canvas, profile, preset.grid);
const tile = (layout: Layout, id: string) => layout.tiles.find((t) => t.id === id)!;

describe('snapping to the grid whose lines meet the screen edges', () => {
  it('nearestLine picks the closest line within bounds', () => {
    expect(nearestLine([0, 10, 20, 30], 14, 0, 3)).toBe(1);
    expect(nearestLine([0, 10, 20, 30], 16, 0, 3)).toBe(2);
    expect(nearestLine([0, 10, 20, 30], 99, 0, 2)).toBe(2);
    expect(nearestLine([0, 10, 20, 30], -5, 1, 3)).toBe(1);
  });

  it('a tile dragged by one screen width lands on the next screen, its left edge on that screen\'s picture edge', () => {
    const s1 = canvas.screens.find((s) => s.screenId === 's1')!.viewport;
    const s2 = canvas.screens.find((s) => s.screenId === 's2')!.viewport;
    const start = { x: 0, y: 0, w: 4, h: 3 };
    const landed = snapMove(lines, start, s2.x - s1.x, 0);
    expect(landed).toEqual({ x: 12, y: 0, w: 4, h: 3 });
    expect(tileRect(lines, landed).x).toBe(s2.x);
  });

  it('a small drag (less than half a cell) stays put; past half a cell it moves one', () => {
    const cell = lines.columns.starts[1]! - lines.columns.starts[0]!;
    const start = { x: 4, y: 3, w: 4, h: 3 };
    expect(snapMove(lines, start, cell * 0.4, 0)).toEqual(start);
    expect(snapMove(lines, start, cell * 0.6, 0)).toEqual({ ...start, x: 5 });
  });

  it('never leaves the grid, whatever the drag', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 20_000 }), fc.integer({ min: -20_000, max: 20_000 }), (dx, dy) => {
        const p = snapMove(lines, { x: 10, y: 4, w: 4, h: 3 }, dx, dy);
        expect({ left: p.x >= 0, top: p.y >= 0, right: p.x + p.w <= 24, bottom: p.y + p.h <= 12 }, JSON.stringify(p)).toEqual({ left: true, top: true, right: true, bottom: true });
        const r = snapResize(lines, { x: 10, y: 4, w: 4, h: 3 }, dx, dy);
        expect({ x: r.x, y: r.y }).toEqual({ x: 10, y: 4 });
        expect({ width: r.w >= 1, height: r.h >= 1, right: r.x + r.w <= 24, bottom: r.y + r.h <= 12 }, JSON.stringify(r)).toEqual({ width: true, height: true, right: true, bottom: true });
      }),
    );
  });

  it('resizing keeps the top-left corner and snaps the far corner, at least the minimum size', () => {
    const cell = lines.columns.ends[1]! - lines.columns.ends[0]!;
    expect(snapResize(lines, { x: 0, y: 0, w: 4, h: 3 }, -cell, 0)).toEqual({ x: 0, y: 0, w: 3, h: 3 });
    expect(snapResize(lines, { x: 0, y: 0, w: 4, h: 3 }, -10 * cell, 0, { w: 2, h: 2 })).toEqual({ x: 0, y: 0, w: 2, h: 3 });
  });
});

describe('edits', () => {
  it('a tile dropped exactly onto one of its size swaps places with it', () => {
    const out = placeTile(preset, 'gdp-growth', { x: 12, y: 0, w: 4, h: 3 });
    expect(out.kind).toBe('swapped');
    expect(tile(out.layout, 'gdp-growth')).toMatchObject({ x: 12, y: 0 });
    expect(tile(out.layout, 'exports')).toMatchObject({ x: 0, y: 0 });
    expect(validateLayout(out.layout).ok).toBe(true);
    // The other tiles are the same objects: the canvas re-renders the two alone.
    expect(tile(out.layout, 'imports')).toBe(tile(preset, 'imports'));
  });

  it('an overlap that is not a swap is refused, naming the tile in the way; outside the grid too', () => {
    const blocked = placeTile(preset, 'gdp-growth', { x: 1, y: 0, w: 4, h: 3 });
    expect(blocked).toMatchObject({ kind: 'blocked', by: 'gdp-vnd' });
    expect(blocked.layout).toBe(preset);
    expect(placeTile(preset, 'gdp-growth', { x: -1, y: 0, w: 4, h: 3 }).kind).toBe('outside');
    expect(placeTile(preset, 'gdp-growth', { x: 22, y: 0, w: 4, h: 3 }).kind).toBe('outside');
  });

  it('firstFreeSpot finds the first hole of the size, row by row, or none', () => {
    expect(firstFreeSpot(preset, 1, 1)).toBeNull();
    const holed = removeTile(removeTile(preset, 'cpi-avg'), 'trade-total');
    expect(firstFreeSpot(holed, 4, 3)).toEqual({ x: 20, y: 0, w: 4, h: 3 });
    expect(firstFreeSpot(holed, 2, 6)).toBeNull();
    expect(firstFreeSpot({ grid: { columns: 4, rows: 2 }, tiles: [] }, 5, 1)).toBeNull();
  });

  it('new tile ids are unused; reading order is top to bottom, left to right', () => {
    expect(newTileId(preset, 'kpi')).toBe('kpi-1');
    expect(readingOrder(preset.tiles).slice(0, 4).map((t) => t.id)).toEqual(['gdp-growth', 'gdp-vnd', 'gdp-usd', 'exports']);
  });

  it('a new tile is as large as its smallest legible text needs on the profile', () => {
    const size = minimumSize(widgetCatalog.kpi, profile, preset.grid);
    // The preset's KPIs are 4×3 and legible (the widget's own comment says so): that size.
    expect(size).toEqual({ w: 4, h: 3 });
    expect(minimumSize(widgetCatalog.ticker, profile, preset.grid).w).toBeGreaterThan(size.w);
  });
});

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keyboard', () => {
  it('maps keys to commands', () => {
    expect(commandForKey(key('ArrowRight'))).toEqual({ kind: 'move', dx: 1, dy: 0 });
    expect(commandForKey(key('ArrowUp'))).toEqual({ kind: 'move', dx: 0, dy: -1 });
    expect(commandForKey(key('ArrowLeft', { shiftKey: true }))).toEqual({ kind: 'resize', dw: -1, dh: 0 });
    expect(commandForKey(key('ArrowDown', { shiftKey: true }))).toEqual({ kind: 'resize', dw: 0, dh: 1 });
    expect(commandForKey(key('Delete'))).toEqual({ kind: 'remove' });
    expect(commandForKey(key('z', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(commandForKey(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'redo' });
    expect(commandForKey(key('y', { ctrlKey: true }))).toEqual({ kind: 'redo' });
    expect(commandForKey(key('z', { metaKey: true }))).toEqual({ kind: 'undo' });
    expect(commandForKey(key('Escape'))).toEqual({ kind: 'deselect' });
    expect(commandForKey(key('a'))).toBeNull();
    expect(commandForKey(key('Tab'))).toBeNull();
    expect(commandForKey(key('ArrowRight', { altKey: true }))).toBeNull();
  });

  const run = (state: EditorState, ...keys: KeyInput[]) =>
    keys.reduce((s, k) => {
      const command = commandForKey(k);
      return command ? editorReducer(s, { type: 'command', command }) : s;
    }, state);

  it('arrows move the selected tile a cell, Shift+arrows resize it, undo restores the exact layout', () => {
    const holed = removeTile(preset, 'gdp-vnd');
    const start = editorReducer(initialEditorState(holed), { type: 'select', id: 'gdp-growth' });
    const moved = run(start, key('ArrowRight'));
    expect(tile(moved.history.present, 'gdp-growth')).toMatchObject({ x: 1, y: 0, w: 4, h: 3 });
    expect(moved.notice).toEqual({ kind: 'moved', tileId: 'gdp-growth' });
    const resized = run(moved, key('ArrowLeft', { shiftKey: true }));
    expect(tile(resized.history.present, 'gdp-growth')).toMatchObject({ x: 1, w: 3 });
    const back = run(resized, key('z', { ctrlKey: true }), key('z', { ctrlKey: true }));
    expect(back.history.present).toBe(holed);
    expect(run(back, key('y', { ctrlKey: true })).history.present).toBe(moved.history.present);
  });

  it('a move into another tile or off the grid is refused and said, and is no step of the history', () => {
    const start = editorReducer(initialEditorState(preset), { type: 'select', id: 'gdp-growth' });
    const blocked = run(start, key('ArrowRight'));
    expect(blocked.history).toBe(start.history);
    expect(blocked.notice).toEqual({ kind: 'blocked', tileId: 'gdp-growth', by: 'gdp-vnd' });
    expect(run(start, key('ArrowLeft')).notice).toEqual({ kind: 'outside', tileId: 'gdp-growth' });
    expect(run(start, key('ArrowLeft', { shiftKey: true }), key('ArrowLeft', { shiftKey: true }), key('ArrowLeft', { shiftKey: true }), key('ArrowLeft', { shiftKey: true })).history.present.tiles[0]!.w).toBe(1);
  });

  it('Delete removes the tile and selects the next in reading order; undo brings it back', () => {
    const start = editorReducer(initialEditorState(preset), { type: 'select', id: 'gdp-vnd' });
    const removed = run(start, key('Delete'));
    expect(removed.history.present.tiles.some((t) => t.id === 'gdp-vnd')).toBe(false);
    expect(removed.selected).toBe('gdp-usd');
    expect(run(removed, key('z', { ctrlKey: true })).history.present).toBe(preset);
  });

  it('without a selection, arrows do nothing; next goes round the tiles in reading order', () => {
    const none = initialEditorState(preset);
    expect(run(none, key('ArrowRight'))).toBe(none);
    const first = editorReducer(none, { type: 'command', command: { kind: 'next', step: 1 } });
    expect(first.selected).toBe('gdp-growth');
    expect(editorReducer(first, { type: 'command', command: { kind: 'next', step: -1 } }).selected).toBe(readingOrder(preset.tiles).at(-1)!.id);
  });

  it('a layout handed in by the shell: another layout starts a new session, the same one is an edit', () => {
    const s = initialEditorState(preset);
    const other = { ...preset, id: 'khac' };
    expect(editorReducer(s, { type: 'external', layout: other }).history.past).toEqual([]);
    const edited = { ...preset, title: { vi: 'Mới' } };
    expect(editorReducer(s, { type: 'external', layout: edited }).history.past).toEqual([preset]);
  });
});
