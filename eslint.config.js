// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import boundaries from './eslint/boundaries.js';

const WAIT_HELP = 'wait on an event, a sequence number or a condition (tests/helpers/wait.ts); to show that something did not happen, wait for a later marker';
const TEST_WAITS = [
  { selector: "CallExpression[callee.property.name='waitForTimeout']", message: `A fixed wait: ${WAIT_HELP}.` },
  { selector: "NewExpression[callee.name='Promise'] > ArrowFunctionExpression[body.type='CallExpression'][body.callee.name='setTimeout']", message: `A sleep: ${WAIT_HELP}.` },
];
const PRECISE = 'say what is expected: toEqual on the values, toContainEqual, or `expect(list.filter((x) => !ok(x))).toEqual([])` so that a failure names the offender';
const TEST_ASSERTIONS = [
  {
    selector: "CallExpression[callee.property.name='toBe'][arguments.0.value=true][callee.object.callee.name='expect'][callee.object.arguments.0.type='LogicalExpression']",
    message: `expect(a && b).toBe(true) fails as "expected false to be true": ${PRECISE}.`,
  },
  {
    selector: "CallExpression[callee.property.name='toBe'][arguments.0.value=true][callee.object.callee.name='expect'][callee.object.arguments.0.callee.property.name=/^(every|some)$/]",
    message: `expect(list.every(…)).toBe(true) fails without naming the item: ${PRECISE}.`,
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'layouts/*.json', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The folder rules of docs/architecture.md, as an allow-list per folder: what each
    // folder may import (our folders, npm packages, Node builtins) is the table in
    // eslint/folder-rules.js; everything else is an error that says what is allowed.
    plugins: { boundaries },
    rules: { 'boundaries/allowed-imports': 'error' },
  },
  {
    // shared/: pure code run everywhere: no Node, DOM or Electron globals either.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['server/**/*.ts', 'main/**/*.ts'],
    ignores: ['main/preload/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The sandboxed preload has neither Node nor, as far as it is concerned, the page.
    files: ['main/preload/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global'],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.{ts,mjs}', 'scripts/**/*.{ts,js,mjs}', 'eslint/**/*.js', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Tests that can be trusted on a busy machine: they wait on events, sequence numbers
    // or conditions (tests/helpers/wait.ts, the one place that polls), never for time to
    // pass; and a failure says what was wrong, not "expected false to be true".
    files: ['tests/**/*.{ts,tsx}'],
    ignores: ['tests/helpers/wait.ts', 'tests/agent/electron-double/**', 'tests/soak/**'],
    rules: { 'no-restricted-syntax': ['error', ...TEST_WAITS, ...TEST_ASSERTIONS] },
  },
  {
    // A test that starts a server lives in tests/integration/ (its own vitest project, run
    // after the fast unit and DOM tests, with the ports and files a server needs).
    files: ['tests/unit/**/*.{ts,tsx}', 'tests/dom/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/helpers/server-harness'], importNames: ['startHarness'], message: 'A test that starts a server belongs in tests/integration/.' },
            { group: ['**/server/app'], importNames: ['createServer'], message: 'A test that starts a server belongs in tests/integration/.' },
          ],
        },
      ],
    },
  },
  {
    // The soak test paces its load with timers; its assertions are held to the same rule.
    files: ['tests/soak/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...TEST_ASSERTIONS] },
  },
);
