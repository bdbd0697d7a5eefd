import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupByField, indexIndicators, searchIndicators } from '../../renderer/console/editor/indicator-search';
import { indicatorMetaSchema } from '../../shared/protocol/model';
import { fold, foldedWords, matchesWords } from '../../shared/text/fold';
import { projectRoot } from '../support/paths';

describe('fold', () => {
  it('drops diacritics, case and extra spaces', () => {
    expect(fold('Tăng trưởng')).toBe('tang truong');
    expect(fold('  Chỉ số   GIÁ tiêu dùng ')).toBe('chi so gia tieu dung');
    expect(fold('Hồ Chí Minh')).toBe('ho chi minh');
  });

  it('reads đ and Đ as d', () => {
    expect(fold('Đầu tư trực tiếp')).toBe('dau tu truc tiep');
    expect(fold('đường')).toBe('duong');
  });

  it('folds text written decomposed the same as composed', () => {
    expect(fold('Tăng'.normalize('NFD'))).toBe(fold('Tăng'.normalize('NFC')));
  });

  it('matches every word anywhere, in any order', () => {
    const text = fold('Tốc độ tăng GDP / GDP growth');
    expect(matchesWords(text, foldedWords('gdp tang'))).toBe(true);
    expect(matchesWords(text, foldedWords('toc do'))).toBe(true);
    expect(matchesWords(text, foldedWords('lạm phát'))).toBe(false);
    expect(matchesWords(text, foldedWords('   '))).toBe(true);
  });
});

const catalogue = indicatorMetaSchema
  .array()
  .parse(JSON.parse(readFileSync(resolve(projectRoot, 'server/catalog/data/indicators.json'), 'utf8')).indicators.map((i: Record<string, unknown>) => ({ ...i, targets: undefined })));
const index = indexIndicators(catalogue);
const codes = (query: string) => searchIndicators(index, query).map((m) => m.code);

describe('indicator search over the real catalogue', () => {
  it('"tang truong" finds GDP growth (through its field, Tăng trưởng kinh tế), with or without diacritics', () => {
    expect(codes('tang truong')).toContain('GDP_GROWTH');
    expect(codes('Tăng trưởng')).toEqual(codes('tang truong'));
    expect(codes('TANG TRUONG')).toEqual(codes('tang truong'));
  });

  it('finds by code, the exact code first', () => {
    expect(codes('GDP_GROWTH')[0]).toBe('GDP_GROWTH');
    expect(codes('gdp growth')[0]).toBe('GDP_GROWTH');
    expect(codes('cpi')).toContain('CPI_AVG');
  });

  it('finds by the English name', () => {
    expect(codes('growth')).toContain('GDP_GROWTH');
  });

  it('a name match ranks before a match through the field only', () => {
    const found = codes('tang');
    expect(found.indexOf('GDP_GROWTH')).toBeLessThan(found.length);
    const nameHits = catalogue.filter((m) => fold(`${m.name.vi} ${m.name.en}`).includes('tang')).map((m) => m.code);
    expect(found.slice(0, nameHits.length).sort()).toEqual([...nameHits].sort());
  });

  it('finds nothing for words no indicator has, and everything for no words', () => {
    expect(codes('khong co chi tieu nao nhu the')).toEqual([]);
    expect(codes('')).toHaveLength(catalogue.length);
  });

  it('groups results by the fields of Decision 293, in its order', () => {
    const groups = groupByField(searchIndicators(index, ''));
    expect(groups[0]?.field).toBe('economic-growth');
    expect(groups[0]?.name?.vi).toBe('Tăng trưởng kinh tế');
    expect(groups.reduce((n, g) => n + g.indicators.length, 0)).toBe(catalogue.length);
    expect(new Set(groups.map((g) => g.field)).size).toBe(groups.length);
  });
});
