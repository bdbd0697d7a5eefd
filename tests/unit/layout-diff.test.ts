import { describe, expect, it } from 'vitest';
import { diffLayouts, MAX_DIFF_ENTRIES, summariseDiff } from '../../shared/layout/diff';
import type { Layout, Tile } from '../../shared/layout/schema';

const kpi = (id: string, x: number, y: number, code = 'GDP_GROWTH', options: Record<string, unknown> = {}): Tile =>
  ({ id, widget: 'kpi', x, y, w: 2, h: 2, optionsVersion: 1, binding: { indicators: [code], region: 'VN' }, options }) as unknown as Tile;
const layout = (tiles: Tile[], extra: Partial<Layout> = {}): Layout =>
  ({ schemaVersion: 1, id: 'thu', title: { vi: 'Thử', en: 'Test' }, grid: { columns: 24, rows: 12 }, tiles, ...extra }) as Layout;

describe('diffLayouts (shared/layout/diff.ts)', () => {
  it('says nothing changed for equal layouts, whatever the order of tiles and keys', () => {
    const a = layout([kpi('a', 0, 0, 'GDP_GROWTH', { compare: 'previous', decimals: 1 }), kpi('b', 2, 0)]);
    const b = layout([kpi('b', 2, 0), kpi('a', 0, 0, 'GDP_GROWTH', { decimals: 1, compare: 'previous' })]);
    const diff = diffLayouts(a, b);
    expect(diff.same).toBe(true);
    expect(summariseDiff(diff)).toBe('no change');
  });

  it('lists tiles added, removed, moved or resized, rebound and options changed, with old and new', () => {
    const before = layout([kpi('a', 0, 0), kpi('b', 2, 0), kpi('c', 4, 0, 'CPI', { compare: 'previous' })]);
    const moved = { ...kpi('a', 6, 1), w: 3 } as Tile;
    const after = layout([moved, kpi('c', 4, 0, 'CPI', { compare: 'year' }), kpi('d', 0, 4), { ...kpi('b', 2, 0, 'CPI') } as Tile]);
    const diff = diffLayouts(before, after);
    expect(diff.added).toEqual([{ id: 'd', widget: 'kpi', rect: { x: 0, y: 4, w: 2, h: 2 } }]);
    expect(diff.removed).toEqual([]);
    expect(diff.moved).toEqual([{ id: 'a', from: { x: 0, y: 0, w: 2, h: 2 }, to: { x: 6, y: 1, w: 3, h: 2 } }]);
    expect(diff.rebound).toEqual([{ id: 'b', from: { indicators: ['GDP_GROWTH'], region: 'VN' }, to: { indicators: ['CPI'], region: 'VN' } }]);
    expect(diff.options).toEqual([{ id: 'c', keys: ['compare'] }]);
    expect(diff.same).toBe(false);
    expect(summariseDiff(diff)).toBe('1 added, 1 moved, 1 rebound, 1 options');

    const back = diffLayouts(after, before);
    expect(back.removed.map((t) => t.id)).toEqual(['d']);
  });

  it('reports a changed widget type instead of its options, and title and grid changes', () => {
    const before = layout([kpi('a', 0, 0)]);
    const after = layout([{ ...kpi('a', 0, 0), widget: 'trend', options: { window: 12 } } as unknown as Tile], { title: { vi: 'Mới' }, grid: { columns: 12, rows: 6 } });
    const diff = diffLayouts(before, after);
    expect(diff.widget).toEqual([{ id: 'a', from: 'kpi', to: 'trend' }]);
    expect(diff.options).toEqual([]);
    expect(diff.title).toEqual({ from: { vi: 'Thử', en: 'Test' }, to: { vi: 'Mới' } });
    expect(diff.grid).toEqual({ from: { columns: 24, rows: 12 }, to: { columns: 12, rows: 6 } });
    expect(summariseDiff(diff)).toBe('1 widget, title changed, grid 24×12 → 12×6');
  });

  it('stays bounded: 200 tiles added are 50 listed and counted as 200', () => {
    const tiles = Array.from({ length: 200 }, (_, i) => kpi(`t${i}`, (i % 12) * 2, Math.floor(i / 12) * 2));
    const diff = diffLayouts(layout([]), layout(tiles, { grid: { columns: 24, rows: 96 } }));
    expect(diff.added).toHaveLength(MAX_DIFF_ENTRIES);
    expect(diff.counts.added).toBe(200);
    expect(Buffer.byteLength(JSON.stringify(diff))).toBeLessThan(16 * 1024);
  });
});
