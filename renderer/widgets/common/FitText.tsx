import { useLayoutEffect, useRef, type HTMLAttributes, type ReactNode } from 'react';

/**
 * Text that shrinks to fit its box. The box's size and the text's largest size come from
 * CSS (container units, so a bigger tile has bigger type); this only lowers the CSS
 * variable `--fit` (1 = full size) until nothing overflows, down to `minScale`, so a long
 * indicator name or a wide figure never spills out of its tile. Measured in layout
 * pixels, which the wall's scale transform does not change. The element needs a bounded
 * box (a flex item that may shrink, or a max-height) for the height check to mean anything.
 */
export interface FitTextProps extends HTMLAttributes<HTMLDivElement> {
  children: ReactNode;
  /** The smallest fraction of the CSS size the text may shrink to. */
  minScale?: number;
  [dataAttribute: `data-${string}`]: string | undefined;
}

/**
 * Overflow is judged on an inline-block inner box (its size is whole line boxes), not on
 * scrollHeight: glyphs with stacked Vietnamese diacritics reach past a tight line box, and
 * that ink overflow would make every text look too big.
 */
function overflows(el: HTMLElement, inner: HTMLElement): boolean {
  return inner.offsetWidth > el.clientWidth + 1 || inner.offsetHeight > el.clientHeight + 1;
}

/**
 * Sets `--fit` on `el` to the largest scale in [minScale, 1] at which its text fits. When
 * even minScale overflows, marks the element `data-clamped` (CSS then cuts the text with
 * an ellipsis) rather than going below the legible minimum.
 */
export function fitElement(el: HTMLElement, minScale: number): number {
  const inner = el.firstElementChild as HTMLElement | null;
  el.style.setProperty('--fit', '1');
  el.removeAttribute('data-clamped');
  if (!inner || (el.clientWidth === 0 && el.clientHeight === 0)) return 1; // not laid out (hidden, or no layout engine)
  if (!overflows(el, inner)) return 1;
  let lo = minScale;
  let hi = 1;
  el.style.setProperty('--fit', String(lo));
  if (overflows(el, inner)) {
    el.setAttribute('data-clamped', '');
    return lo;
  }
  for (let i = 0; i < 7; i++) {
    const mid = (lo + hi) / 2;
    el.style.setProperty('--fit', mid.toFixed(4));
    if (overflows(el, inner)) hi = mid;
    else lo = mid;
  }
  el.style.setProperty('--fit', lo.toFixed(4));
  return lo;
}

export function FitText({ children, minScale = 0.35, className, ...rest }: FitTextProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const fit = () => {
      frame = 0;
      fitElement(el, minScale);
    };
    fit();
    const later = () => {
      if (!frame && typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(fit);
    };
    // Re-fit when the tile changes size, and once the web font has arrived (its glyphs
    // are wider or narrower than the fallback's).
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(later) : null;
    observer?.observe(el.closest('[data-tile-id]') ?? el.parentElement ?? el);
    let alive = true;
    void document.fonts?.ready.then(() => alive && later());
    return () => {
      alive = false;
      observer?.disconnect();
      if (frame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    };
  }, [children, minScale]);
  return (
    <div ref={ref} className={`fit-text${className ? ` ${className}` : ''}`} {...rest}>
      <span className="fit-text__inner">{children}</span>
    </div>
  );
}
