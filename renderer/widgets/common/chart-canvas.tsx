import { useEffect, useLayoutEffect, useRef } from 'react';
import { rendererLog } from '../../log';

/**
 * A <canvas> that fills its box and redraws in the next animation frame whenever `draw`
 * changes (a new model) or the box changes size, never during React's render. Its backing
 * store matches the device pixels the wall really shows: CSS size × devicePixelRatio × the
 * wall layer's scale (`data-scale` of the window's root), so lines stay crisp on a screen
 * window and cheap in the scaled-down preview.
 *
 * Where there is no 2D context (jsdom in tests, a GPU-less kiosk that refuses one) nothing
 * is drawn and nothing throws: the widgets keep their data model separate from drawing,
 * and their text is HTML.
 */
export interface CanvasSize {
  /** CSS (canvas-layer) pixels. */
  width: number;
  height: number;
}

export type DrawFn = (ctx: CanvasRenderingContext2D, size: CanvasSize) => void;

const noCanvas = typeof navigator !== 'undefined' && /jsdom/i.test(navigator.userAgent);

/** The 2D context of a canvas, or null where there is none. */
export function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  if (noCanvas) return null;
  try {
    return canvas.getContext('2d');
  } catch {
    return null;
  }
}

function layerScale(el: Element): number {
  const scale = Number((el.closest('[data-scale]') as HTMLElement | null)?.dataset.scale);
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

export function ChartCanvas({ draw, className }: { draw: DrawFn; className?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const drawRef = useRef(draw);
  const frame = useRef(0);
  const schedule = useRef<() => void>(() => {});

  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const paint = () => {
      frame.current = 0;
      const ctx = context2d(canvas);
      if (!ctx) return;
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      if (width <= 0 || height <= 0) return;
      const ratio = Math.min(4, (window.devicePixelRatio || 1) * layerScale(canvas));
      const w = Math.max(1, Math.round(width * ratio));
      const h = Math.max(1, Math.round(height * ratio));
      if (canvas.width !== w) canvas.width = w;
      if (canvas.height !== h) canvas.height = h;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, w, h);
      ctx.setTransform(w / width, 0, 0, h / height, 0, 0);
      try {
        drawRef.current(ctx, { width, height });
      } catch (error) {
        // A drawing fault must not take the tile (or the frame) down; the HTML still shows the figures.
        rendererLog.error('chart drawing failed', { err: error });
      }
    };
    schedule.current = () => {
      if (frame.current || noCanvas) return;
      frame.current = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(paint) : 0;
    };
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => schedule.current()) : null;
    observer?.observe(canvas);
    return () => {
      observer?.disconnect();
      if (frame.current && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame.current);
      frame.current = 0;
      schedule.current = () => {};
    };
  }, []);

  useEffect(() => {
    drawRef.current = draw;
    schedule.current();
  }, [draw]);

  return <canvas ref={ref} className={`chart-canvas${className ? ` ${className}` : ''}`} aria-hidden="true" />;
}
