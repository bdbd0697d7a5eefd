import { useEffect, useState } from 'react';
import { textWidthEm } from './board-compliance';

/**
 * Width of a line of text in em, measured with the wall's own font on an offscreen
 * canvas (no layout, nothing in the document: measureText only shapes the string). Used by the board
 * widgets to decide wordings, columns and where chips wrap before anything is laid out.
 * Falls back to the estimate of board-compliance.ts where there is no OffscreenCanvas (tests) and
 * until the web font has loaded (then the hook hands out a new function, so views that
 * depend on it are computed again with the real glyphs).
 */
export type TextMeasure = (text: string) => number;

const FONT_FAMILY = "'Be Vietnam Pro', 'Segoe UI', 'Noto Sans', system-ui, sans-serif";

function canvasMeasure(weight: number): TextMeasure | null {
  // An OffscreenCanvas on the page's thread shapes text with the document's fonts.
  if (typeof OffscreenCanvas !== 'function') return null;
  let context: OffscreenCanvasRenderingContext2D | null = null;
  try {
    context = new OffscreenCanvas(1, 1).getContext('2d');
  } catch {
    context = null;
  }
  if (!context || typeof context.measureText !== 'function') return null;
  context.font = `${weight} 100px ${FONT_FAMILY}`;
  const cache = new Map<string, number>();
  return (text) => {
    let em = cache.get(text);
    if (em === undefined) {
      const width = context.measureText(text).width;
      em = Number.isFinite(width) && width > 0 ? width / 100 : textWidthEm(text);
      cache.set(text, em);
    }
    return em;
  };
}

/** A measuring function for text of `weight`; a new one once the web font is ready. */
export function useTextMeasure(weight = 700): TextMeasure {
  const [measure, setMeasure] = useState<TextMeasure>(() => canvasMeasure(weight) ?? textWidthEm);
  useEffect(() => {
    let alive = true;
    const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
    if (!fonts) return;
    // Make sure the weights we measure are requested, then measure with them.
    void Promise.all([fonts.load(`${weight} 100px 'Be Vietnam Pro'`, 'Đạt'), fonts.ready])
      .catch(() => undefined)
      .then(() => {
        if (alive) setMeasure(() => canvasMeasure(weight) ?? textWidthEm);
      });
    return () => {
      alive = false;
    };
  }, [weight]);
  return measure;
}
