import { resolve } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The test-hygiene rules of eslint.config.js tried the hard way: the project's own ESLint
 * configuration lints a snippet as if it were a test file, and each fixed sleep or
 * "expected false to be true" assertion must come back as an error; the ways to write the
 * same test that CONTRIBUTING.md recommends must come back clean.
 */

const root = resolve(import.meta.dirname, '../..');
const RULE = 'no-restricted-syntax';

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first lint loads the whole configuration (typescript-eslint and all): not inside a test's time.
  await eslint.lintText('', { filePath: resolve(root, 'tests/unit/probe.test.ts') });
}, 60_000);

async function lint(file: string, body: string): Promise<Linter.LintMessage[]> {
  // Exported, so that the unused-variable rule has nothing to say about the probe's names.
  const code = `import { expect, it } from 'vitest';\nimport type { Page } from 'playwright-core';\nexport declare const page: Page;\nexport const xs = [1, 2];\nexport const a = xs.length > 0;\nexport const b = xs.length < 3;\nexport { expect };\nit('probe', async () => {\n  ${body}\n});\n`;
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return result?.messages ?? [];
}

const refused: [file: string, body: string, why: string][] = [
  ['tests/unit/probe.test.ts', 'await new Promise((r) => setTimeout(r, 100));', 'a sleep in a unit test'],
  ['tests/integration/probe.test.ts', 'await new Promise((resolve) => setTimeout(resolve, 5_500));', 'a sleep in an integration test'],
  ['tests/e2e/probe.test.ts', 'await page.waitForTimeout(500);', "playwright's fixed wait"],
  ['tests/e2e/support/probe.ts', 'await page.waitForTimeout(250);', 'a fixed wait in the e2e support'],
  ['tests/unit/probe.test.ts', 'expect(a && b).toBe(true);', 'a compound condition against true'],
  ['tests/unit/probe.test.ts', 'expect(a || b, "either").toBe(true);', 'a disjunction against true'],
  ['tests/dom/probe.test.tsx', 'expect(xs.every((x) => x > 0)).toBe(true);', 'every() against true'],
  ['tests/soak/probe.test.ts', 'expect(xs.some((x) => x > 1)).toBe(true);', 'some() against true, in the soak test too'],
];

const allowed: [file: string, body: string, why: string][] = [
  ['tests/unit/probe.test.ts', 'expect(xs.filter((x) => x <= 0)).toEqual([]);', 'the offenders listed'],
  ['tests/unit/probe.test.ts', 'expect(xs).toContain(2);', 'a precise matcher'],
  ['tests/unit/probe.test.ts', 'expect(a).toBe(true);', 'one flag against true'],
  ['tests/soak/probe.test.ts', 'await new Promise((r) => setTimeout(r, 5));', 'the soak test paces its load'],
  ['tests/e2e/probe.test.ts', "await page.waitForSelector('[data-wall-revision=\"2\"]');", 'a wait on what the page shows'],
];

describe('test hygiene lint', () => {
  it.each(refused)('refuses %s: %s (%s)', async (file, body) => {
    const messages = await lint(file, body);
    expect(messages.map((m) => m.ruleId)).toContain(RULE);
  });

  it.each(allowed)('accepts %s: %s (%s)', async (file, body) => {
    expect(await lint(file, body)).toEqual([]);
  });

  it('names the way out in its message', async () => {
    const ours = async (body: string) => (await lint('tests/unit/probe.test.ts', body)).filter((m) => m.ruleId === RULE).map((m) => m.message);
    expect(await ours('await new Promise((r) => setTimeout(r, 100));')).toEqual([expect.stringMatching(/tests\/helpers\/wait\.ts/)]);
    expect(await ours('expect(xs.every((x) => x > 0)).toBe(true);')).toEqual([expect.stringMatching(/list\.filter/)]);
  });
});
