import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type Dispatch, type KeyboardEvent, type PointerEvent } from 'react';
import { gridLines, previewTransform, tileRect, wallCanvas, type Rect } from '../../../shared/geometry';
import type { Layout, Tile } from '../../../shared/layout/schema';
import type { WallProfile } from '../../../shared/wall/profile';
import { widgetSpecFor } from '../../../shared/widgets/catalog';
import { BezelOverlay } from '../../surface/BezelOverlay';
import type { PlacedTile } from '../../surface/plan';
import { TileHost } from '../../surface/TileHost';
import { insideGrid, placeOf, placeTile, readingOrder, samePlace, type Place } from './edits';
import { commandForKey, type EditorAction } from './editor-state';
import { snapMove, snapResize } from './snap';
import { say, t } from './texts';
import type { EditorLang, Warning } from './types';

interface Drag {
  id: string;
  mode: 'move' | 'resize';
  pointerId: number;
  x0: number;
  y0: number;
  start: Place;
  current: Place;
}

interface Props {
  layout: Layout;
  profile: WallProfile;
  selected: string | null;
  warnings: ReadonlyMap<string, Warning[]>;
  lang: EditorLang;
  /** Lets a failed widget try again after an edit. */
  revision: number;
  /** Set when the selected tile's handle should take the focus (after an add, a choice in a list). */
  focusRequest: { current: boolean };
  dispatch: Dispatch<EditorAction>;
  onOpen(id: string): void;
}

/** The editor area's size in CSS pixels, followed as the console's panes resize. */
function useBoxSize(ref: { current: HTMLElement | null }): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => setSize((s) => (s.width === el.clientWidth && s.height === el.clientHeight ? s : { width: el.clientWidth, height: el.clientHeight }));
    read();
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/**
 * The wall as it will be, scaled to fit: the same tile hosts and widgets as /wall/ with the
 * live data of the store, screen outlines and bezels drawn over them, and over each tile a
 * handle that drags (the tile moves; the corner resizes), takes the keyboard and shows the
 * tile's warnings. A drag snaps to the grid, whose lines meet the screens' edges, and is one
 * edit when it ends.
 */
export function EditorCanvas({ layout, profile, selected, warnings, lang, revision, focusRequest, dispatch, onOpen }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const size = useBoxSize(box);
  const canvas = useMemo(() => wallCanvas(profile), [profile]);
  const lines = useMemo(() => gridLines(canvas, profile, layout.grid), [canvas, profile, layout.grid]);
  const names = useMemo(() => new Map(profile.screens.map((s) => [s.id, s.name])), [profile]);
  const [drag, setDrag] = useState<Drag | null>(null);
  const view = previewTransform(canvas, size.width, size.height);

  // Tiles keep their placed object while neither the tile nor its rectangle changes, so a
  // drag re-renders the dragged widget alone.
  const cache = useRef(new Map<string, PlacedTile>());
  const placed = useMemo(() => {
    const next = new Map<string, PlacedTile>();
    const list: PlacedTile[] = [];
    for (const tile of layout.tiles) {
      const at = drag && drag.id === tile.id ? { ...tile, ...drag.current } : tile;
      if (!insideGrid(layout.grid, at)) continue;
      const rect = tileRect(lines, at);
      const old = cache.current.get(tile.id);
      const entry = old && old.tile === at && sameRect(old.rect, rect) ? old : { tile: at as Tile, rect };
      next.set(tile.id, entry);
      list.push(entry);
    }
    cache.current = next;
    return list;
  }, [layout, lines, drag]);

  const dropKind = drag ? placeTile(layout, drag.id, drag.current).kind : null;

  // Keyboard focus follows the selection when it was on the wall (or asked for).
  useEffect(() => {
    if (!selected) return;
    const active = document.activeElement;
    const onWall = !active || active === document.body || box.current?.contains(active);
    if (!onWall && !focusRequest.current) return;
    focusRequest.current = false;
    box.current?.querySelector<HTMLElement>(`[data-handle="${selected}"]`)?.focus();
  }, [selected, layout, focusRequest]);

  const order = useMemo(() => readingOrder(layout.tiles), [layout.tiles]);
  const rects = new Map(placed.map((p) => [p.tile.id, p.rect]));

  return (
    <div className="ed-canvas" ref={box} role="group" aria-label={say(t.canvas, lang)} tabIndex={-1}>
      <div
        className="wall-layer wall-layer--preview ed-layer"
        style={{
          width: canvas.width,
          height: canvas.height,
          transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`,
          overflow: 'visible',
          ['--ed-px' as string]: `${view.scale > 0 ? 1 / view.scale : 1}px`,
        }}
        data-scale={view.scale}
      >
        <div className="wall-canvas" style={{ left: 0, top: 0, width: canvas.width, height: canvas.height }}>
          {placed.map((p) => (
            <TileHost key={p.tile.id} placed={p} revision={revision} />
          ))}
        </div>
        <BezelOverlay canvas={canvas} scale={view.scale} names={names} />
        <div className="ed-handles">
          {order.map((tile) => {
            const rect = rects.get(tile.id);
            if (!rect) return null;
            return (
              <TileHandle
                key={tile.id}
                tile={tile}
                rect={rect}
                selected={selected === tile.id}
                dragging={drag?.id === tile.id ? dropKind : null}
                warnings={warnings.get(tile.id)}
                lang={lang}
                onPointerDown={(e, mode) => {
                  if (e.button !== 0) return;
                  e.currentTarget.setPointerCapture(e.pointerId);
                  dispatch({ type: 'select', id: tile.id });
                  setDrag({ id: tile.id, mode, pointerId: e.pointerId, x0: e.clientX, y0: e.clientY, start: placeOf(tile), current: placeOf(tile) });
                }}
                onPointerMove={(e) => {
                  if (!drag || drag.id !== tile.id || drag.pointerId !== e.pointerId || view.scale <= 0) return;
                  const dx = (e.clientX - drag.x0) / view.scale;
                  const dy = (e.clientY - drag.y0) / view.scale;
                  const min = { w: 1, h: 1 };
                  const next = drag.mode === 'move' ? snapMove(lines, drag.start, dx, dy) : snapResize(lines, drag.start, dx, dy, min);
                  if (!samePlace(next, drag.current)) setDrag({ ...drag, current: next });
                }}
                onPointerUp={(e) => {
                  if (!drag || drag.pointerId !== e.pointerId) return;
                  setDrag(null);
                  if (!samePlace(drag.current, drag.start)) dispatch({ type: 'place', id: drag.id, place: drag.current, how: drag.mode === 'move' ? 'moved' : 'resized' });
                }}
                onPointerCancel={() => setDrag(null)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape' && drag) {
                    setDrag(null);
                    e.preventDefault();
                    return;
                  }
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    dispatch({ type: 'select', id: tile.id });
                    onOpen(tile.id);
                    return;
                  }
                  const command = commandForKey(e);
                  if (!command) return;
                  e.preventDefault();
                  e.stopPropagation();
                  dispatch({ type: 'select', id: tile.id });
                  dispatch({ type: 'command', command });
                }}
                onFocus={() => dispatch({ type: 'select', id: tile.id })}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

interface HandleProps {
  tile: Tile;
  rect: Rect;
  selected: boolean;
  dragging: string | null;
  warnings: Warning[] | undefined;
  lang: EditorLang;
  onPointerDown(e: PointerEvent<HTMLDivElement>, mode: 'move' | 'resize'): void;
  onPointerMove(e: PointerEvent<HTMLDivElement>): void;
  onPointerUp(e: PointerEvent<HTMLDivElement>): void;
  onPointerCancel(): void;
  onKeyDown(e: KeyboardEvent<HTMLDivElement>): void;
  onFocus(): void;
}

/** One tile's handle: focusable in reading order, labelled in Vietnamese with its place and warnings. */
const TileHandle = memo(function TileHandle({ tile, rect, selected, dragging, warnings, lang, ...on }: HandleProps) {
  const spec = widgetSpecFor(tile.widget);
  const name = spec ? say(spec.name, lang) : tile.widget;
  const errors = warnings?.filter((w) => w.severity === 'error').length ?? 0;
  const count = warnings?.length ?? 0;
  const vi = lang !== 'en';
  const where = vi
    ? `${name} «${tile.id}», cột ${tile.x + 1}, hàng ${tile.y + 1}, rộng ${tile.w}, cao ${tile.h}`
    : `${name} "${tile.id}", column ${tile.x + 1}, row ${tile.y + 1}, ${tile.w} wide, ${tile.h} high`;
  const about = count === 0 ? '' : `. ${count} ${vi ? 'cảnh báo' : 'warning(s)'}: ${warnings!.map((w) => (vi ? w.message_vi : w.message_en)).join('; ')}`;
  return (
    <div
      className="ed-handle"
      data-handle={tile.id}
      data-selected={selected || undefined}
      data-drop={dragging ?? undefined}
      data-warnings={count > 0 ? warnings!.map((w) => w.kind).join(' ') : undefined}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={where + about}
      style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
      onPointerDown={(e) => on.onPointerDown(e, (e.target as HTMLElement).dataset.resize !== undefined ? 'resize' : 'move')}
      onPointerMove={on.onPointerMove}
      onPointerUp={on.onPointerUp}
      onPointerCancel={on.onPointerCancel}
      onKeyDown={on.onKeyDown}
      onFocus={on.onFocus}
    >
      {count > 0 && (
        <span className="ed-badge" data-severity={errors > 0 ? 'error' : 'warning'} title={about.slice(2)} aria-hidden="true">
          {errors > 0 ? '!' : '⚠'} {count}
        </span>
      )}
      <span className="ed-resize" data-resize="" title={say(t.resize, lang)} aria-hidden="true" />
    </div>
  );
});
