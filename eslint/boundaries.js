// @ts-check
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ANY_FOLDER, NODE, folderRules } from './folder-rules.js';

/**
 * `boundaries/allowed-imports`: every import specifier is resolved to one of the folders
 * of ./folder-rules.js (relative and absolute paths against the importing file, so
 * `../kpi/model`, `../../widgets/kpi/model` and `/…/renderer/widgets/kpi/model` are the
 * same folder) or classified as an npm package or a Node builtin, then checked against
 * the importing file's folder rule. It looks only at paths, never at the disk, so it
 * gives the same answer for a file that does not exist yet (the boundary test lints
 * snippets as if they lived in each folder).
 */

const projectRoot = resolve(import.meta.dirname, '..');
const RULES_FILE = 'eslint/folder-rules.js';
const codeExtension = /\.(?:[cm]?[jt]sx?|json)$/;
const builtins = new Set(builtinModules);

/**
 * @typedef {import('./folder-rules.js').FolderRule} FolderRule
 * @typedef {{ key: string, instance: string, rule: FolderRule }} Area
 */

/** The table's keys, parsed once: segments, whether a file, how many wildcards. */
const keys = Object.keys(folderRules).map((key) => ({
  key,
  segments: key.replace(codeExtension, '').split('/'),
  isFile: codeExtension.test(key),
  wildcards: key.split('/').filter((segment) => segment === '*').length,
}));

/**
 * The area a project-relative path (posix, any extension or none) belongs to: the
 * longest key that contains it, a file key before a folder key, fewer wildcards first.
 * A `*` matches a folder only: `renderer/widgets/registry.ts` is not a widget.
 * @param {string} path
 * @param {boolean} [withFiles] false: the folder around a single-file key
 * @returns {Area | null}
 */
export function areaOf(path, withFiles = true) {
  const segments = path.replace(codeExtension, '').split('/');
  const named = path.split('/');
  /** @type {Area | null} */
  let best = null;
  let bestScore = -1;
  for (const candidate of keys) {
    if (candidate.isFile && !withFiles) continue;
    const n = candidate.segments.length;
    if (candidate.isFile ? segments.length !== n : segments.length < n) continue;
    const matches = candidate.segments.every((segment, i) => {
      if (segment !== '*') return segment === segments[i];
      // A wildcard stands for a folder: the path goes on below it, or names no file.
      return i < segments.length - 1 || !codeExtension.test(named[i] ?? '');
    });
    if (!matches) continue;
    const score = n * 100 + (candidate.isFile ? 50 : 0) - candidate.wildcards;
    if (score > bestScore) {
      bestScore = score;
      best = { key: candidate.key, instance: segments.slice(0, n).join('/'), rule: folderRules[candidate.key] ?? { folders: [], packages: [], why: '' } };
    }
  }
  return best;
}

/** `renderer/widgets/*` reads `renderer/widgets/<type>/` in messages; folders end with `/`. */
function label(/** @type {string} */ key) {
  const shown = key.replaceAll('*', '<type>');
  return codeExtension.test(key) ? shown : `${shown}/`;
}

/** An area as messages name it: the concrete folder (`renderer/widgets/kpi/`) or file. */
function nameOf(/** @type {Area} */ area) {
  return codeExtension.test(area.key) ? area.key : `${area.instance}/`;
}

/**
 * What a bare specifier names: `{ builtin: 'node:fs' }` or `{ pkg: 'zustand' }`.
 * @param {string} specifier
 */
export function packageOf(specifier) {
  if (specifier.startsWith('node:')) return { builtin: `node:${specifier.slice(5).split('/')[0]}` };
  const top = specifier.split('/')[0] ?? specifier;
  if (builtins.has(specifier) || builtins.has(top)) return { builtin: `node:${top}` };
  const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : top;
  return { pkg };
}

/** Which shipped folders may import a package: the hint "only renderer/feed/socket.ts may". */
function holdersOf(/** @type {string} */ pkg) {
  return Object.entries(folderRules)
    .filter(([key, rule]) => /^(shared|main|server|renderer)(\/|$)/.test(key) && rule.packages.includes(pkg))
    .map(([key]) => label(key));
}

/** Same area: the same key and, for a `*` key, the same folder (the same widget). */
function same(/** @type {Area | null} */ a, /** @type {Area | null} */ b) {
  return a !== null && b !== null && a.key === b.key && a.instance === b.instance;
}

/** One line saying what a folder may import, for every error about it. */
function allowance(/** @type {Area} */ area) {
  const { folders, packages, typePackages = [] } = area.rule;
  const ours = ['its own files', ...folders.map((folder) => (folder === ANY_FOLDER ? 'any folder' : label(folder)))];
  const libraries = [...packages.map((pkg) => (pkg === NODE ? 'Node builtins' : pkg)), ...typePackages.map((pkg) => `${pkg} (import type)`)];
  return `${label(area.key)} may import ${ours.join(', ')}; packages: ${libraries.length > 0 ? libraries.join(', ') : 'none'}.`;
}

/** @param {FolderRule} rule @param {Area} target */
function allowsFolder(rule, target, /** @type {string} */ path) {
  return rule.folders.some((entry) => {
    if (entry === ANY_FOLDER) return true;
    if (codeExtension.test(entry)) return entry.replace(codeExtension, '') === path.replace(codeExtension, '');
    return entry === target.key;
  });
}

/** @param {FolderRule} rule */
function allowsPackage(rule, /** @type {{ builtin?: string, pkg?: string }} */ named) {
  if (named.builtin) return rule.packages.includes(NODE) || rule.packages.includes(named.builtin);
  return rule.packages.includes(named.pkg ?? '');
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what eslint/folder-rules.js allows it (folders, npm packages, Node builtins).' },
    schema: [],
    messages: {
      unlisted: `{{file}} is in no folder of ${RULES_FILE}: add its folder there with what it may import (CONTRIBUTING.md, "Folder rules").`,
      outside: `'{{specifier}}' leads out of the project (to {{target}}). {{allowance}}`,
      unlistedTarget: `'{{specifier}}' leads to {{target}}, which is in no folder of ${RULES_FILE}. {{allowance}}`,
      folder: `{{from}} may not import {{target}} ('{{specifier}}'): {{why}} {{allowance}}`,
      package: `{{from}} may not import {{what}}{{holders}}: {{why}} {{allowance}}`,
      typeOnly: `'{{specifier}}' only has types: import it with \`import type\`.`,
    },
  },
  create(context) {
    const file = relative(projectRoot, context.filename).split(sep).join('/');
    const from = file.startsWith('..') || isAbsolute(file) ? null : areaOf(file);
    // A single-file key (renderer/feed/socket.ts) stays a member of its folder: it imports
    // its folder's files, and whoever may import the folder may import it.
    const fromFolder = from && codeExtension.test(from.key) ? areaOf(file, false) : from;

    /**
     * @param {import('estree').Node} node
     * @param {string} raw
     * @param {boolean} typeOnly
     */
    function check(node, raw, typeOnly) {
      if (!from) {
        context.report({ node, messageId: 'unlisted', data: { file } });
        return;
      }
      // Vite's `?raw`, `?url` and fragments say how to load a file, not which one.
      const specifier = raw.replace(/[?#].*$/, '');
      const common = { specifier: raw, from: nameOf(from), why: from.rule.why, allowance: allowance(from) };

      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const absolute = resolve(dirname(context.filename), specifier);
        const path = relative(projectRoot, absolute).split(sep).join('/');
        if (path.startsWith('..') || isAbsolute(path)) {
          context.report({ node, messageId: 'outside', data: { ...common, target: absolute } });
          return;
        }
        const target = areaOf(path);
        if (!target) {
          context.report({ node, messageId: 'unlistedTarget', data: { ...common, target: path } });
          return;
        }
        const targetFolder = codeExtension.test(target.key) ? areaOf(path, false) : target;
        if (same(target, from) || same(targetFolder, fromFolder)) return;
        if (allowsFolder(from.rule, target, path)) return;
        if (targetFolder && targetFolder !== target && allowsFolder(from.rule, targetFolder, path)) return;
        context.report({ node, messageId: 'folder', data: { ...common, target: nameOf(target) } });
        return;
      }

      const named = packageOf(specifier);
      if (allowsPackage(from.rule, named)) return;
      if (named.pkg && (from.rule.typePackages ?? []).includes(named.pkg)) {
        if (!typeOnly) context.report({ node, messageId: 'typeOnly', data: { specifier: raw } });
        return;
      }
      const holders = named.pkg ? holdersOf(named.pkg) : [];
      context.report({
        node,
        messageId: 'package',
        data: {
          ...common,
          what: `${named.builtin ? `the Node builtin ${named.builtin}` : `the package ${named.pkg}`}${[named.builtin, named.pkg].includes(raw) ? '' : ` ('${raw}')`}`,
          holders: holders.length > 0 && holders.length <= 2 ? ` (only ${holders.join(' and ')} may)` : '',
        },
      });
    }

    /** A string literal or a template literal without expressions. */
    function literal(/** @type {any} */ node) {
      if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
      return null;
    }

    return {
      ImportDeclaration(node) {
        check(node.source, String(node.source.value), /** @type {any} */ (node).importKind === 'type');
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node.source, String(node.source.value), /** @type {any} */ (node).exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node.source, String(node.source.value), /** @type {any} */ (node).exportKind === 'type');
      },
      ImportExpression(node) {
        const value = literal(node.source);
        if (value !== null) check(node.source, value, false);
      },
      // `require('x')` in CommonJS files.
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'require' || node.arguments.length !== 1) return;
        const value = literal(node.arguments[0]);
        if (value !== null) check(node, value, false);
      },
      // `type T = import('../server/app').App` ties folders together as much as an import.
      /** @param {any} node */
      TSImportType(node) {
        // typescript-eslint 8 names the string `source` (`argument` is deprecated).
        const value = literal(node.source ?? node.argument?.literal);
        if (value !== null) check(node, value, true);
      },
      // `import x = require('y')`.
      /** @param {any} node */
      TSExternalModuleReference(node) {
        const value = literal(node.expression);
        if (value !== null) check(node, value, false);
      },
    };
  },
};

export default { meta: { name: 'toancanh-boundaries' }, rules: { 'allowed-imports': allowedImports } };
