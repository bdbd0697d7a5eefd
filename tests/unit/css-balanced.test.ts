import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths';

/**
 * Every stylesheet of renderer/ closes every rule it opens. An unclosed rule is not a
 * syntax error to Chromium: with CSS nesting, every rule after it becomes nested inside it
 * and stops applying. That is how a merge left `strong.warning {` open in console.css and
 * hid the editor's handles (tests/e2e/console-pages.test.ts failed 5 of 6, fixed in b47d75b).
 */
function cssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? cssFiles(path) : name.endsWith('.css') ? [path] : [];
  });
}

/** The depth of braces at the end (0 when balanced), or where a `}` closed nothing. */
function braceFault(css: string): string | null {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
  let depth = 0;
  let line = 1;
  for (const char of code) {
    if (char === '\n') line++;
    else if (char === '{') depth++;
    else if (char === '}' && --depth < 0) return `a "}" at line ${line} closes nothing`;
  }
  return depth === 0 ? null : `${depth} rule(s) left open at the end`;
}

describe('renderer stylesheets', () => {
  const files = cssFiles(join(projectRoot, 'renderer'));

  it('has stylesheets to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it('close every rule they open', () => {
    const faults = files.flatMap((file) => {
      const fault = braceFault(readFileSync(file, 'utf8'));
      return fault === null ? [] : [`${relative(projectRoot, file)}: ${fault}`];
    });
    expect(faults).toEqual([]);
  });

  it('would have caught the open rule of b47d75b', () => {
    expect(braceFault('strong.warning {\n  color: red;\n/* next */\nlabel.inline {\n  display: flex;\n}\n')).toBe('1 rule(s) left open at the end');
    expect(braceFault('a { content: "}"; }')).toBeNull();
  });
});
