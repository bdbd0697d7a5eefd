/**
 * Watches an element's layout size (offsetWidth/Height: layout pixels, which the wall's
 * scale transform does not change) and calls back on every change, plus once at once.
 * Falls back to `fallback` where there is no layout (jsdom) so models still run.
 */
export function observeSize(
  el: HTMLElement,
  onSize: (width: number, height: number) => void,
  fallback: () => { width: number; height: number },
): () => void {
  let last = '';
  const measure = () => {
    let width = el.offsetWidth;
    let height = el.offsetHeight;
    if (!(width > 0 && height > 0)) ({ width, height } = fallback());
    const key = `${width}x${height}`;
    if (key === last) return;
    last = key;
    onSize(width, height);
  };
  measure();
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
  observer?.observe(el);
  // The wall's scale (window size) changes the backing store's density, not the layout size.
  const onResize = () => {
    last = '';
    measure();
  };
  window.addEventListener('resize', onResize);
  return () => {
    observer?.disconnect();
    window.removeEventListener('resize', onResize);
  };
}

/** Calls back when web fonts finish loading (canvas text measures differently after). */
export function onFontsLoaded(callback: () => void): () => void {
  const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
  if (!fonts) return () => {};
  let alive = true;
  void fonts.ready.then(() => alive && callback());
  const listener = () => alive && callback();
  fonts.addEventListener?.('loadingdone', listener);
  return () => {
    alive = false;
    fonts.removeEventListener?.('loadingdone', listener);
  };
}
