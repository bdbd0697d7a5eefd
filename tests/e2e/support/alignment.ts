import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { WallProfile } from '../../../shared/wall/profile';
import { activeAreasMm, wallMmToScreen } from '../../support/mm-prediction';

export interface DrawnLine {
  kind: string;
  mm: number;
  at: number;
}

/** Every alignment line this page draws within its own pixels, with its wall position in mm. */
export async function linesOnPage(page: Page): Promise<DrawnLine[]> {
  return page.$$eval('line[data-line="vertical"], line[data-line="horizontal"]', (lines) =>
    lines.flatMap((line) => {
      const r = line.getBoundingClientRect();
      const kind = line.getAttribute('data-line') ?? '';
      const at = kind === 'vertical' ? r.x + r.width / 2 : r.y + r.height / 2;
      const limit = kind === 'vertical' ? window.innerWidth : window.innerHeight;
      return at >= 0 && at <= limit ? [{ kind, mm: Number(line.getAttribute('data-mm')), at }] : [];
    }),
  );
}

/**
 * Every 100 mm line that crosses this screen's active area, from millimetres alone
 * (tests/support/mm-prediction, never shared/geometry), must be drawn within `tolerance`
 * px of where the millimetres put it. Lines of two neighbours that both pass this check
 * meet across the bezel between them. Returns the lines drawn, for seam checks.
 */
export async function expectAlignmentLines(page: Page, profile: WallProfile, screenId: string, tolerance: number): Promise<DrawnLine[]> {
  const lines = await linesOnPage(page);
  const area = activeAreasMm(profile).find((a) => a.id === screenId)!;
  const expected = (kind: 'vertical' | 'horizontal') => {
    const [from, size] = kind === 'vertical' ? [area.left, area.width] : [area.top, area.height];
    const out: number[] = [];
    for (let mm = Math.ceil(from / 100) * 100; mm <= from + size; mm += 100) out.push(mm);
    return out;
  };
  for (const kind of ['vertical', 'horizontal'] as const) {
    const want = expected(kind);
    expect(want.length, `${screenId} ${kind} lines expected`).toBeGreaterThan(2);
    for (const mm of want) {
      const predicted = kind === 'vertical' ? wallMmToScreen(profile, screenId, mm, 0).x : wallMmToScreen(profile, screenId, 0, mm).y;
      const drawn = lines.find((l) => l.kind === kind && l.mm === mm);
      expect(drawn, `${screenId}: ${kind} line at ${mm} mm (predicted at ${predicted.toFixed(2)} px)`).toBeDefined();
      expect(Math.abs(drawn!.at - predicted), `${screenId}: ${kind} line at ${mm} mm: ${drawn!.at} vs ${predicted}`).toBeLessThanOrEqual(tolerance);
    }
  }
  return lines;
}
