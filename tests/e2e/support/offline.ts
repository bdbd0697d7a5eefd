import type { Page } from 'playwright-core';
import { eventually } from '../../helpers/wait';

/**
 * The sequence number of this page's own record in its last-good database (read in the
 * page, from IndexedDB itself, not from the app's memory); null for none. The record of
 * the screen in the page's address (`?screen=`): the pages of one agent share an origin and
 * so one database, and another screen's newer record says nothing of this one (reading the
 * highest of all once let a test go on before three of four screens had written theirs).
 */
export function keptSeq(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve, reject) => {
        const open = indexedDB.open('toancanh-last-good');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('walls')) {
            db.close();
            resolve(null);
            return;
          }
          const screen = new URLSearchParams(location.search).get('screen');
          const all = db.transaction('walls', 'readonly').objectStore('walls').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            const mine = (all.result as { key: string; snapshot: { seq: number } | null }[]).filter((r) => screen === null || r.key.endsWith(`|${screen}`));
            const seqs = mine.map((r) => r.snapshot?.seq ?? -1);
            resolve(seqs.length > 0 ? Math.max(...seqs) : null);
          };
        };
      }),
  );
}

/** Waits until the page has written a record at `seq` or later (it writes at most every 5 s). */
export async function waitForKeptSeq(page: Page, seq: number, timeout = 20_000): Promise<void> {
  await eventually(
    async () => {
      const kept = await keptSeq(page);
      if (kept === null || kept < seq) throw new Error(`the page kept seq ${kept} on disk`);
    },
    `the page keeping seq ${seq}`,
    timeout,
    250,
  );
}

/**
 * The figures the offline mark overlaps (none expected). A figure: any `data-field` of a tile
 * but its labels (title, names, legend, period, age line), which the mark may cover on a
 * crowded small screen.
 */
export async function offlineMarkCoversNoFigure(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const labels = new Set(['title', 'name', 'name-en', 'agency-name', 'legend', 'age', 'period']);
    const mark = document.querySelector('[data-offline="true"]')?.getBoundingClientRect();
    if (!mark) return ['no offline mark'];
    const overlaps: string[] = [];
    for (const figure of document.querySelectorAll('[data-tile-id] [data-field]')) {
      if (labels.has(figure.getAttribute('data-field') ?? '')) continue;
      const r = figure.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < mark.right && mark.left < r.right && r.top < mark.bottom && mark.top < r.bottom) {
        overlaps.push(`${figure.closest('[data-tile-id]')?.getAttribute('data-tile-id')}:${figure.getAttribute('data-field')}`);
      }
    }
    return overlaps;
  });
}
