import { useEffect, useState } from 'react';

/**
 * Pages that take turns, in step across the whole wall. A tile spanning two screens is
 * drawn by two windows (possibly two PCs): each computes the page from the wall clock,
 * floor(now / period) mod count, so both halves turn at the same instant to the same
 * page, with no message between them. (Clocks of the PCs agree through NTP.)
 */
export function pageAt(now: number, count: number, seconds: number): number {
  if (count <= 1 || !(seconds > 0) || !Number.isFinite(now)) return 0;
  return Math.floor(now / (seconds * 1000)) % count;
}

/**
 * Which of `count` pages shows now, turning every `seconds` on the wall clock. One timer
 * per tile, re-armed on each turn, only while there is more than one page; a page count
 * that shrinks is taken into account at once (no frame shows an empty page).
 */
export function usePageRotation(count: number, seconds: number): number {
  const [, setTurn] = useState(0);
  useEffect(() => {
    if (count <= 1 || !(seconds > 0)) return;
    const period = seconds * 1000;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      timer = setTimeout(
        () => {
          setTurn((t) => t + 1);
          arm();
        },
        period - (Date.now() % period) + 5,
      );
    };
    arm();
    return () => clearTimeout(timer);
  }, [count, seconds]);
  return pageAt(Date.now(), count, seconds);
}

/** Splits `items` into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  const per = Math.max(1, Math.floor(size));
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += per) pages.push(items.slice(i, i + per));
  return pages.length ? pages : [[]];
}

