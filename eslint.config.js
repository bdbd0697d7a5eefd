// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

/** The folder rules of docs/architecture.md, checked by the linter rather than by memory. */
const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

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
    // shared/: pure code. Nothing of ours outside shared/, no Node, no DOM, no Electron.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(
        [
          { group: ['**/main/**', '**/renderer/**', '**/server/**', '**/tests/**', '**/bench/**'], message: 'shared/ imports nothing of ours outside shared/.' },
          { group: ['electron', 'electron/*', 'react', 'react-dom', 'react-dom/*', 'three', 'socket.io', 'socket.io-client', 'better-sqlite3', 'fastify', '@fastify/*'], message: 'shared/ is pure: no runtime-specific libraries.' },
        ],
        nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node builtins.' })),
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    // renderer/: browser code. Never main/ or server/, never Node, never Electron.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      [
        { group: ['**/main/**', '**/server/**'], message: 'renderer/ never imports main/ or server/; talk over the feed or the preload bridge.' },
        { group: ['electron', 'electron/*'], message: 'renderer/ never imports Electron; use window.toancanh from the preload.' },
        { group: ['socket.io-client'], message: 'Only renderer/feed/socket.ts creates sockets.' },
      ],
      nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs in a sandboxed page: no Node builtins.' })),
    ),
  },
  {
    files: ['renderer/feed/socket.ts'],
    rules: restrict(
      [
        { group: ['**/main/**', '**/server/**'], message: 'renderer/ never imports main/ or server/.' },
        { group: ['electron', 'electron/*'], message: 'renderer/ never imports Electron.' },
      ],
      nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs in a sandboxed page: no Node builtins.' })),
    ),
  },
  {
    // A widget never imports another widget: shared behaviour lives in renderer/widgets/common.
    files: ['renderer/widgets/*/**/*.{ts,tsx}'],
    ignores: ['renderer/widgets/common/**'],
    rules: restrict(
      [
        { group: ['../*/**', '!../common/**', '!../../**'], message: 'A widget never imports another widget; share through renderer/widgets/common.' },
        { group: ['**/main/**', '**/server/**'], message: 'renderer/ never imports main/ or server/.' },
        { group: ['electron', 'electron/*', 'socket.io-client'], message: 'Widgets read the store; they never talk to Electron or sockets.' },
      ],
      nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs in a sandboxed page: no Node builtins.' })),
    ),
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict([
      { group: ['**/main/**', '**/renderer/**'], message: 'server/ may import shared/ only.' },
      { group: ['electron', 'electron/*'], message: 'server/ runs under plain Node too: no Electron.' },
    ]),
  },
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict([{ group: ['**/renderer/**', '**/server/**'], message: 'main/ may import shared/ only; it runs the server as a separate process.' }]),
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.{ts,js,mjs}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
