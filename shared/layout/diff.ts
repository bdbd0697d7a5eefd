import { z } from 'zod';
import type { Layout, LocalizedText, Tile } from './schema';

/**
 * What changed between two layouts, tile by tile (matched by tile id): the console shows it
 * between two versions and the server writes it to the audit log of a save. Pure and
 * bounded: at most MAX_DIFF_ENTRIES entries of each kind are listed, with the true counts.
 */
export const MAX_DIFF_ENTRIES = 50;

const rectSchema = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });
export type Rect = z.infer<typeof rectSchema>;
const bindingSchema = z.object({ indicators: z.array(z.string()), region: z.string() }).nullable();

export const layoutDiffSchema = z.object({
  title: z.object({ from: z.object({ vi: z.string(), en: z.string().optional() }), to: z.object({ vi: z.string(), en: z.string().optional() }) }).nullable(),
  grid: z.object({ from: z.object({ columns: z.number(), rows: z.number() }), to: z.object({ columns: z.number(), rows: z.number() }) }).nullable(),
  added: z.array(z.object({ id: z.string(), widget: z.string(), rect: rectSchema })),
  removed: z.array(z.object({ id: z.string(), widget: z.string(), rect: rectSchema })),
  /** Moved or resized: the old and the new rectangle. */
  moved: z.array(z.object({ id: z.string(), from: rectSchema, to: rectSchema })),
  rebound: z.array(z.object({ id: z.string(), from: bindingSchema, to: bindingSchema })),
  /** The widget type changed (same tile id). */
  widget: z.array(z.object({ id: z.string(), from: z.string(), to: z.string() })),
  /** Options changed: which keys (top level), and the tile's title. */
  options: z.array(z.object({ id: z.string(), keys: z.array(z.string()) })),
  retitled: z.array(z.object({ id: z.string() })),
  /** True counts of each list above (the lists stop at MAX_DIFF_ENTRIES). */
  counts: z.object({ added: z.number(), removed: z.number(), moved: z.number(), rebound: z.number(), widget: z.number(), options: z.number(), retitled: z.number() }),
  /** Nothing changed at all (the order of tiles aside). */
  same: z.boolean(),
});
export type LayoutDiff = z.infer<typeof layoutDiffSchema>;

type DiffInput = Pick<Layout, 'title' | 'grid' | 'tiles'>;

const rectOf = (t: Tile): Rect => ({ x: t.x, y: t.y, w: t.w, h: t.h });
const bindingOf = (t: Tile) => (t.binding ? { indicators: [...t.binding.indicators], region: t.binding.region } : null);
/** A stable serialisation: object keys sorted, so two equal values compare equal whatever their key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
const sameText = (a: LocalizedText | undefined, b: LocalizedText | undefined) => canonical(a ?? null) === canonical(b ?? null);

function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => canonical(a[k]) !== canonical(b[k])).sort();
}

class Capped<T> {
  readonly items: T[] = [];
  count = 0;
  push(item: T): void {
    this.count++;
    if (this.items.length < MAX_DIFF_ENTRIES) this.items.push(item);
  }
}

export function diffLayouts(before: DiffInput, after: DiffInput): LayoutDiff {
  const old = new Map(before.tiles.map((t) => [t.id, t]));
  const next = new Map(after.tiles.map((t) => [t.id, t]));
  const added = new Capped<LayoutDiff['added'][number]>();
  const removed = new Capped<LayoutDiff['removed'][number]>();
  const moved = new Capped<LayoutDiff['moved'][number]>();
  const rebound = new Capped<LayoutDiff['rebound'][number]>();
  const widget = new Capped<LayoutDiff['widget'][number]>();
  const options = new Capped<LayoutDiff['options'][number]>();
  const retitled = new Capped<LayoutDiff['retitled'][number]>();

  for (const tile of after.tiles) {
    const was = old.get(tile.id);
    if (!was) {
      added.push({ id: tile.id, widget: tile.widget, rect: rectOf(tile) });
      continue;
    }
    const [from, to] = [rectOf(was), rectOf(tile)];
    if (canonical(from) !== canonical(to)) moved.push({ id: tile.id, from, to });
    if (canonical(bindingOf(was)) !== canonical(bindingOf(tile))) rebound.push({ id: tile.id, from: bindingOf(was), to: bindingOf(tile) });
    if (was.widget !== tile.widget) {
      widget.push({ id: tile.id, from: was.widget, to: tile.widget });
    } else {
      const keys = changedKeys(was.options as Record<string, unknown>, tile.options as Record<string, unknown>);
      if (keys.length > 0) options.push({ id: tile.id, keys: keys.slice(0, 20) });
    }
    if (!sameText(was.title, tile.title)) retitled.push({ id: tile.id });
  }
  for (const tile of before.tiles) if (!next.has(tile.id)) removed.push({ id: tile.id, widget: tile.widget, rect: rectOf(tile) });

  const title = sameText(before.title, after.title) ? null : { from: before.title, to: after.title };
  const grid = before.grid.columns === after.grid.columns && before.grid.rows === after.grid.rows ? null : { from: { ...before.grid }, to: { ...after.grid } };
  const counts = { added: added.count, removed: removed.count, moved: moved.count, rebound: rebound.count, widget: widget.count, options: options.count, retitled: retitled.count };
  return {
    title,
    grid,
    added: added.items,
    removed: removed.items,
    moved: moved.items,
    rebound: rebound.items,
    widget: widget.items,
    options: options.items,
    retitled: retitled.items,
    counts,
    same: title === null && grid === null && Object.values(counts).every((n) => n === 0),
  };
}

/** A one-line English summary ("2 added, 1 moved, title changed"), for logs. */
export function summariseDiff(diff: LayoutDiff): string {
  if (diff.same) return 'no change';
  const parts = Object.entries(diff.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  if (diff.title) parts.push('title changed');
  if (diff.grid) parts.push(`grid ${diff.grid.from.columns}×${diff.grid.from.rows} → ${diff.grid.to.columns}×${diff.grid.to.rows}`);
  return parts.join(', ');
}
