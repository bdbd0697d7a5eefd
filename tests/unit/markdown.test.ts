import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToPlainText, parseInline, parseMarkdown, MARKDOWN_MAX_CHARS, type MdBlock, type MdInline } from '../../shared/markdown';

const t = (text: string): MdInline => ({ type: 'text', text });

describe('markdown subset: blocks', () => {
  it('parses headings, paragraphs with kept line breaks, and lists', () => {
    const doc = parseMarkdown(
      [
        '# Phiên giao ban tháng 11',
        '',
        'Chủ trì: **Thủ tướng Chính phủ**',
        'Thời gian: 14:00, *Thứ Năm*',
        '',
        '## Nội dung',
        '- Tình hình kinh tế - xã hội',
        '- Giải ngân vốn đầu tư công',
        '',
        '1. Báo cáo của Bộ Tài chính',
        '2) Ý kiến các bộ',
      ].join('\n'),
    );
    expect(doc.children).toEqual<MdBlock[]>([
      { type: 'heading', level: 1, children: [t('Phiên giao ban tháng 11')] },
      {
        type: 'paragraph',
        children: [t('Chủ trì: '), { type: 'strong', children: [t('Thủ tướng Chính phủ')] }, { type: 'break' }, t('Thời gian: 14:00, '), { type: 'em', children: [t('Thứ Năm')] }],
      },
      { type: 'heading', level: 2, children: [t('Nội dung')] },
      { type: 'list', ordered: false, start: 1, items: [{ children: [t('Tình hình kinh tế - xã hội')] }, { children: [t('Giải ngân vốn đầu tư công')] }] },
      { type: 'list', ordered: true, start: 1, items: [{ children: [t('Báo cáo của Bộ Tài chính')] }, { children: [t('Ý kiến các bộ')] }] },
    ]);
  });

  it('caps heading levels at 3, strips closing hashes, and needs a space after the hashes', () => {
    const doc = parseMarkdown('#### Mục nhỏ ##\n#không phải tiêu đề');
    expect(doc.children[0]).toEqual({ type: 'heading', level: 3, children: [t('Mục nhỏ')] });
    expect(doc.children[1]).toEqual({ type: 'paragraph', children: [t('#không phải tiêu đề')] });
  });

  it('nests lists by indentation, keeps the first number, and continues items on the next line', () => {
    const doc = parseMarkdown(['3. Ba', '   - ba a', '   - ba b', '     tiếp theo', '4. Bốn', '- khác loại'].join('\n'));
    expect(doc.children).toHaveLength(2);
    const [ordered, bullets] = doc.children as [Extract<MdBlock, { type: 'list' }>, Extract<MdBlock, { type: 'list' }>];
    expect(ordered.ordered).toBe(true);
    expect(ordered.start).toBe(3);
    expect(ordered.items).toHaveLength(2);
    expect(ordered.items[0]!.list?.items.map((i) => i.children)).toEqual([[t('ba a')], [t('ba b'), { type: 'break' }, t('tiếp theo')]]);
    expect(bullets.ordered).toBe(false);
    expect(markdownToPlainText(doc)).toBe('3. Ba\n  • ba a\n  • ba b\ntiếp theo\n4. Bốn\n• khác loại');
  });

  it('ends a list at a blank line; CRLF and tabs are normalised; control characters dropped', () => {
    const doc = parseMarkdown('- a\r\n\r\nđoạn\tsau\u0007');
    expect(doc.children).toEqual([
      { type: 'list', ordered: false, start: 1, items: [{ children: [t('a')] }] },
      { type: 'paragraph', children: [t('đoạn    sau')] },
    ]);
  });

  it('treats a thematic break or a lone marker as text, and an empty document as no blocks', () => {
    expect(parseMarkdown('').children).toEqual([]);
    expect(parseMarkdown('   \n\n').children).toEqual([]);
    expect(parseMarkdown('---').children).toEqual([{ type: 'paragraph', children: [t('---')] }]);
  });
});

describe('markdown subset: inline', () => {
  it('bold, italic, nested, with both delimiters', () => {
    expect(parseInline('**đậm** và *nghiêng* và __đậm__ và _nghiêng_')).toEqual([
      { type: 'strong', children: [t('đậm')] },
      t(' và '),
      { type: 'em', children: [t('nghiêng')] },
      t(' và '),
      { type: 'strong', children: [t('đậm')] },
      t(' và '),
      { type: 'em', children: [t('nghiêng')] },
    ]);
    expect(parseInline('***cả hai***')).toEqual([{ type: 'em', children: [{ type: 'strong', children: [t('cả hai')] }] }]);
    expect(parseInline('**đậm *và nghiêng* trong**')).toEqual([
      { type: 'strong', children: [t('đậm '), { type: 'em', children: [t('và nghiêng')] }, t(' trong')] },
    ]);
  });

  it('leaves arithmetic, snake_case, lone and unmatched delimiters as written', () => {
    expect(parseInline('2 * 3 * 4')).toEqual([t('2 * 3 * 4')]);
    expect(parseInline('GDP_GROWTH_RATE')).toEqual([t('GDP_GROWTH_RATE')]);
    expect(parseInline('**chưa đóng')).toEqual([t('**chưa đóng')]);
    expect(parseInline('a ** b')).toEqual([t('a ** b')]);
  });

  it('honours backslash escapes', () => {
    expect(parseInline('\\*không nghiêng\\* \\\\')).toEqual([t('*không nghiêng* \\')]);
  });

  it('shows a link’s label only, and an image’s alt text only', () => {
    expect(parseInline('Xem [cổng **Chính phủ**](https://chinhphu.vn) và ![quốc huy](http://x/y.png)')).toEqual([
      t('Xem cổng '),
      { type: 'strong', children: [t('Chính phủ')] },
      t(' và quốc huy'),
    ]);
    expect(parseInline('[javascript](javascript:alert(1))')).toEqual([t('[javascript](javascript:alert(1))')]);
  });

  it('keeps raw HTML as text: tags, scripts and entities are characters, nothing more', () => {
    const doc = parseMarkdown('<script>alert("x")</script>\n<img src=x onerror=alert(1)> &amp; <b>đậm</b>');
    expect(doc.children).toEqual([
      { type: 'paragraph', children: [t('<script>alert("x")</script>'), { type: 'break' }, t('<img src=x onerror=alert(1)> &amp; <b>đậm</b>')] },
    ]);
  });
});

describe('markdown subset: robustness', () => {
  const inlineTypes = new Set(['text', 'strong', 'em', 'break']);
  const checkInline = (nodes: readonly MdInline[]): void => {
    for (const n of nodes) {
      expect(inlineTypes.has(n.type)).toBe(true);
      if (n.type === 'strong' || n.type === 'em') checkInline(n.children);
    }
  };

  it('never throws and only ever produces the small AST, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('*', '_', '\\', '[', ']', '(', ')', '!', '#', '-', '1', '.', ' ', '\n', 'a', 'ệ', '<', '>') , maxLength: 300 }), (text) => {
        const doc = parseMarkdown(text);
        for (const block of doc.children) {
          expect(['heading', 'paragraph', 'list']).toContain(block.type);
          if (block.type === 'list') for (const item of block.items) checkInline(item.children);
          else checkInline(block.children);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every letter of plain text (no markup characters) in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'ư', 'ế', ' ', ',', '<', '>', '&'), maxLength: 80 }), (text) => {
        const plain = markdownToPlainText(parseMarkdown(text));
        expect(plain).toBe(text.trim());
      }),
    );
  });

  // No wall-clock budget here (a busy machine would fail it): a parser that backtracks
  // without end never returns, and the test's timeout catches that. Speed belongs in bench/.
  it('finishes on a pathological input and cuts what is past the limit', () => {
    const nasty = '*a _b '.repeat(5000) + '\n' + '- '.repeat(3000);
    const doc = parseMarkdown(nasty);
    const plain = markdownToPlainText(doc);
    expect(plain.length).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS);
    // Markers that never close stay as the letters they are.
    expect(plain.slice(0, 12)).toBe('*a _b *a _b ');
  });
});
