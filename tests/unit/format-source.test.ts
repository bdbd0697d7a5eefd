import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shortSource, sourceLine } from '../../shared/format/source';

describe('the publisher on a wall line', () => {
  it('takes the abbreviation a publisher goes by, drops a parent body, keeps short names', () => {
    expect(shortSource('Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI)')).toBe('VCCI');
    expect(shortSource('Cục Thống kê (Bộ Tài chính)')).toBe('Cục Thống kê');
    expect(shortSource('UNDP và CECODES')).toBe('UNDP và CECODES');
    expect(shortSource('  ')).toBeNull();
    expect(shortSource(undefined)).toBeNull();
    expect(sourceLine('VCCI')).toBe('Nguồn: VCCI');
    expect(sourceLine('VCCI', 'en')).toBe('Source: VCCI');
  });

  it('gives every ranking of the catalogue a short publisher', () => {
    const { indicators } = JSON.parse(readFileSync('server/catalog/data/indicators.json', 'utf8')) as { indicators: { code: string; source?: string; ranking?: boolean }[] };
    const rankings = indicators.filter((i) => i.ranking);
    expect(rankings.length).toBeGreaterThanOrEqual(5);
    for (const r of rankings) {
      const short = shortSource(r.source);
      expect(short, r.code).not.toBeNull();
      // A side column of a screen-tall map holds about 18 letters in large text.
      expect(short!.length, `${r.code}: ${short}`).toBeLessThanOrEqual(24);
    }
  });
});
