import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every web application under renderer/ (wall, console, info, and any added later) starts
 * from the same head: Vietnamese as the document language, UTF-8, a viewport, the dark
 * colour scheme, no referrer leaking the page's address to anything it loads, and no
 * favicon request (the CSP allows none). A new entry that forgets one fails here.
 */
const rendererDir = join(import.meta.dirname, '..', '..', 'renderer');
const entries = readdirSync(rendererDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(rendererDir, d.name, 'index.html')))
  .map((d) => d.name);

describe('the head every page starts from', () => {
  it('finds the renderer entries', () => {
    expect(entries).toEqual(expect.arrayContaining(['wall', 'console', 'info']));
  });

  it.each(entries)('renderer/%s/index.html', (entry) => {
    const html = readFileSync(join(rendererDir, entry, 'index.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).toContain('<meta charset="utf-8" />');
    expect(html).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1[^"]*" \/>/);
    expect(html).toContain('<meta name="color-scheme" content="dark" />');
    expect(html).toContain('<meta name="referrer" content="no-referrer" />');
    expect(html).toContain('<link rel="icon" href="data:," />');
    expect(html).toMatch(/<title>Toàn Cảnh — [^<]+<\/title>/);
    expect(html).toContain('<script type="module" src="./main.tsx"></script>');
  });
});
