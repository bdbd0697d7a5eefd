import type { JSX, KeyboardEvent } from 'react';
import { wallCanvas } from '../../../../shared/geometry';
import { hang } from '../../../../shared/geometry/hang';
import { UNITS_PER_MM } from '../../../../shared/geometry/units';
import { freeFromGrid } from '../../../../shared/wall/catalogue';
import type { Screen, WallProfile, WallProfileInput } from '../../../../shared/wall/profile';
import { useT } from '../../i18n';

interface Drawn {
  id: string;
  frame: { x: number; y: number; width: number; height: number };
  active: { x: number; y: number; width: number; height: number };
  pixels: { width: number; height: number };
  rotation: number;
}

/** Each screen's frame and picture on the wall in mm (grid placements where the grid puts them). */
function layout(profile: WallProfileInput): Drawn[] {
  const placed = freeFromGrid(profile);
  return placed.screens.flatMap((s) => {
    if (s.placement.kind !== 'free') return [];
    const numbers = [s.resolution.width, s.resolution.height, s.activeAreaMm.width, s.activeAreaMm.height, s.bezelMm.top, s.bezelMm.right, s.bezelMm.bottom, s.bezelMm.left, s.placement.xMm, s.placement.yMm];
    if (!numbers.every((n) => Number.isFinite(n)) || s.activeAreaMm.width <= 0 || s.activeAreaMm.height <= 0) return [];
    const h = hang({ ...s, rotation: s.rotation ?? 0 } as Screen);
    const mm = (u: number) => u / UNITS_PER_MM;
    const { x, y } = { x: s.placement.xMm, y: s.placement.yMm };
    return [
      {
        id: s.id,
        frame: { x, y, width: mm(h.frameWidth), height: mm(h.frameHeight) },
        active: { x: x + mm(h.bezel.left), y: y + mm(h.bezel.top), width: mm(h.activeWidth), height: mm(h.activeHeight) },
        pixels: { width: h.pixelWidth, height: h.pixelHeight },
        rotation: s.rotation ?? 0,
      },
    ];
  });
}

/**
 * What a page that reuses the drawing adds to each screen (the fleet page: its health
 * colour, the display that shows it, and a drop target for a dragged display).
 */
export interface ScreenDecoration {
  className?: string;
  /** A third line under the pixels (e.g. "PC A · màn hình 1"). */
  note?: string;
  /** Accessible name of the screen's group (the health in words). */
  label?: string;
}

export interface DrawingExtras {
  decorate?(screenId: string): ScreenDecoration;
  /** Makes every screen a drop target: called with the screen and the dragged data. */
  onDropOnScreen?(screenId: string, data: DataTransfer): void;
  /** Makes every screen a button (Tab to it, Enter or Space, or a click): the keyboard's drop. */
  onActivateScreen?(screenId: string): void;
}

const fmt = (lang: 'vi' | 'en', n: number) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });

/**
 * The wall to scale as the form stands: frames (bezels shaded), pictures, each screen's id,
 * pixels and rotation; the wall's size in mm and the canvas in px under it. Drawn from the
 * millimetres typed, so a fault (two frames overlapping, drawn red) is visible before saving.
 */
export function WallDrawing({ profile, valid, overlapping, lang, extras }: { profile: WallProfileInput; valid: WallProfile | null; overlapping: ReadonlySet<string>; lang: 'vi' | 'en'; extras?: DrawingExtras }): JSX.Element {
  const t = useT();
  const screens = layout(profile);
  const width = Math.max(1, ...screens.map((s) => s.frame.x + s.frame.width));
  const height = Math.max(1, ...screens.map((s) => s.frame.y + s.frame.height));
  let canvas: { width: number; height: number } | null = null;
  if (valid) {
    const c = wallCanvas(valid);
    canvas = { width: c.width, height: c.height };
  }
  const label = Math.max(width, height) / 40;
  return (
    <figure className="wall-drawing" aria-label={t('Bản vẽ tường theo tỉ lệ', 'The wall drawn to scale')}>
      <svg viewBox={`${-label} ${-label} ${width + 2 * label} ${height + 2 * label}`} role="img" data-testid="wall-drawing">
        <title>{t('Tường màn hình theo tỉ lệ', 'The video wall to scale')}</title>
        <defs>
          {/* Bezels hatched at a fixed size on the page whatever the wall's scale. */}
          <pattern id="bezel-hatch" patternUnits="userSpaceOnUse" width={label / 2} height={label / 2} patternTransform="rotate(45)">
            <rect width={label / 2} height={label / 2} fill="#4a5868" />
            <line x1="0" y1="0" x2="0" y2={label / 2} stroke="#c9d6e3" strokeWidth={label / 8} />
          </pattern>
        </defs>
        {screens.map((s) => {
          const extra = extras?.decorate?.(s.id) ?? {};
          const drop = extras?.onDropOnScreen;
          const activate = extras?.onActivateScreen;
          const className = [overlapping.has(s.id) ? 'overlap' : '', extra.className ?? ''].filter(Boolean).join(' ') || undefined;
          return (
          <g
            key={s.id}
            data-screen={s.id}
            className={className}
            aria-label={extra.label}
            {...(activate
              ? {
                  tabIndex: 0,
                  role: 'button',
                  onClick: () => activate(s.id),
                  onKeyDown: (e: KeyboardEvent<SVGGElement>) => {
                    if (e.key !== 'Enter' && e.key !== ' ') return;
                    e.preventDefault();
                    activate(s.id);
                  },
                }
              : {})}
            onDragOver={drop ? (e) => e.preventDefault() : undefined}
            onDrop={
              drop
                ? (e) => {
                    e.preventDefault();
                    drop(s.id, e.dataTransfer);
                  }
                : undefined
            }
          >
            <rect className="frame" x={s.frame.x} y={s.frame.y} width={s.frame.width} height={s.frame.height} />
            <rect className="active" x={s.active.x} y={s.active.y} width={s.active.width} height={s.active.height} />
            <text x={s.active.x + s.active.width / 2} y={s.active.y + s.active.height / 2} fontSize={label * 1.4} textAnchor="middle">
              {s.id}
            </text>
            <text x={s.active.x + s.active.width / 2} y={s.active.y + s.active.height / 2 + label * 1.6} fontSize={label * 0.8} textAnchor="middle">
              {`${s.pixels.width} × ${s.pixels.height} px${s.rotation ? ` · ${s.rotation}°` : ''}`}
            </text>
            {extra.note ? (
              <text className="note" x={s.active.x + s.active.width / 2} y={s.active.y + s.active.height / 2 + label * 2.8} fontSize={label * 0.8} textAnchor="middle">
                {extra.note}
              </text>
            ) : null}
          </g>
          );
        })}
      </svg>
      <figcaption>
        <span data-testid="wall-size-mm">
          {t('Kích thước tường', 'Wall size')}: {fmt(lang, width)} × {fmt(lang, height)} mm
        </span>
        {' · '}
        <span data-testid="wall-canvas-px">
          {t('Khung vẽ', 'Canvas')}: {canvas ? `${canvas.width} × ${canvas.height} px` : t('— (hồ sơ còn lỗi)', '— (the profile has faults)')}
        </span>
        {' · '}
        {t(`${screens.length} màn hình; phần gạch chéo là viền`, `${screens.length} screens; hatched: bezels`)}
      </figcaption>
    </figure>
  );
}
