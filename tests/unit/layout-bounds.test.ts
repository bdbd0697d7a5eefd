import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../shared/json-schemas';
import { formatErrors, LAYOUT_LIMITS, MAX_LISTED_ERRORS, validateLayout } from '../../shared/layout/load';
import { crossTileIssues, MAX_TILES } from '../../shared/layout/schema';
import type { StructureLimits } from '../../shared/validation/structure';
import { PROFILE_LIMITS, validateWallProfile } from '../../shared/wall/validate';
import { projectRoot } from '../support/paths';

type Node = Record<string, unknown>;

/** The bare-shape limits a schema needs at least: its deepest nesting, longest list, longest text, most keys. */
function schemaNeeds(schema: Node): { depth: number; items: number; text: number; keys: number; unboundedLists: string[] } {
  const needs = { depth: 0, items: 0, text: 0, keys: 0, unboundedLists: [] as string[] };
  const defs = (schema.$defs ?? {}) as Record<string, Node>;
  const visit = (node: Node, depth: number, path: string, seen: Set<string>) => {
    if (typeof node.$ref === 'string') {
      const name = node.$ref.replace('#/$defs/', '');
      if (!seen.has(name) && defs[name]) visit(defs[name]!, depth, path, new Set([...seen, name]));
    }
    for (const branch of [...((node.anyOf as Node[]) ?? []), ...((node.oneOf as Node[]) ?? []), ...((node.allOf as Node[]) ?? [])]) visit(branch, depth, path, seen);
    if (typeof node.maxLength === 'number') needs.text = Math.max(needs.text, node.maxLength);
    if (node.type === 'array') {
      needs.depth = Math.max(needs.depth, depth + 1);
      if (typeof node.maxItems === 'number') needs.items = Math.max(needs.items, node.maxItems);
      else needs.unboundedLists.push(path);
      if (node.items) visit(node.items as Node, depth + 1, `${path}[]`, seen);
    }
    if (node.properties) {
      needs.depth = Math.max(needs.depth, depth + 1);
      const properties = node.properties as Record<string, Node>;
      needs.keys = Math.max(needs.keys, Object.keys(properties).length);
      for (const [key, child] of Object.entries(properties)) visit(child, depth + 1, `${path}.${key}`, seen);
    }
  };
  visit(schema, 0, '$', new Set());
  return needs;
}

function expectLimitsCover(limits: StructureLimits, schema: Node) {
  const needs = schemaNeeds(schema);
  expect(needs.unboundedLists).toEqual([]);
  expect(needs.depth).toBeGreaterThan(2);
  expect(needs.depth).toBeLessThanOrEqual(limits.maxDepth);
  expect(needs.items).toBeLessThanOrEqual(limits.maxItems);
  expect(needs.text).toBeLessThanOrEqual(limits.maxStringLength);
  expect(needs.keys).toBeLessThanOrEqual(limits.maxKeys);
}

/** Values in a parsed JSON document, as checkStructure counts them. */
function countValues(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 1;
  return 1 + Object.values(value).reduce<number>((n, v) => n + countValues(v), 0);
}

const base = { schemaVersion: 1, id: 'thu', title: { vi: 'Thử' }, grid: { columns: 24, rows: 12 } };
const copies = (n: number) => ({ ...base, tiles: Array.from({ length: n }, () => ({ x: 0, y: 0, w: 1, h: 1 })) });
const clocks = (n: number) => ({ ...base, tiles: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, widget: 'clock', x: 0, y: 0, w: 1, h: 1 })) });

/** The largest layout the schema accepts, near enough: 200 tiles, each a ticker with every option at its longest. */
function largestLayout() {
  const threshold = (i: number) => ({ indicator: `PROV_GRDP_${i}`, region: '01', when: 'above', value: i, label: { vi: 'Tăng trưởng GRDP', en: 'GRDP growth' } });
  const tiles = Array.from({ length: MAX_TILES }, (_, i) => ({
    id: `canh-bao-${i}`,
    widget: 'ticker',
    optionsVersion: 2,
    x: i % 96,
    y: Math.floor(i / 96),
    w: 1,
    h: 1,
    title: { vi: 'Cảnh báo'.padEnd(200, '.'), en: 'Alerts'.padEnd(200, '.') },
    options: {
      thresholds: Array.from({ length: 24 }, (_, k) => threshold(k)),
      reports: true,
      reportsWithinDays: 45,
      motion: { mode: 'page', seconds: 8 },
      maxItems: 100,
    },
  }));
  return { ...base, grid: { columns: 96, rows: 96 }, tiles };
}

describe('the structure limits never refuse a valid document', () => {
  it('layout: at least as loose as every list, text, object and nesting of the layout schema', () => {
    expectLimitsCover(LAYOUT_LIMITS, schemaFiles['layouts/layout.schema.json']() as Node);
  });

  it('wall profile: the same against the wall-profile schema', () => {
    expectLimitsCover(PROFILE_LIMITS, schemaFiles['layouts/wall-profile.schema.json']() as Node);
  });

  it('the largest layout is accepted, and has well under the value budget', () => {
    const layout = largestLayout();
    const result = validateLayout(layout);
    if (!result.ok) throw new Error(formatErrors('largest', result.errors, result.total));
    expect(countValues(layout)).toBeLessThan(LAYOUT_LIMITS.maxValues / 1.5);
  });

  it('a profile of 64 screens is accepted', () => {
    const profile = JSON.parse(readFileSync(resolve(projectRoot, 'assets/profiles/wall-2x2-55in.json'), 'utf8')) as { screens: Record<string, unknown>[] };
    const screen = profile.screens[0]!;
    const screens = Array.from({ length: 64 }, (_, i) => ({ ...screen, id: `s${i}`, display: { index: i }, placement: { kind: 'grid', row: Math.floor(i / 8), column: i % 8 } }));
    const result = validateWallProfile({ ...profile, screens });
    if (!result.ok) throw new Error(formatErrors('64 screens', result.errors, result.total));
  });
});

describe('layout validation is bounded', () => {
  it.each([2000, 4000, 6000])('%i copies of one tile: refused by count alone, before anything pairwise', (n) => {
    const result = validateLayout(copies(n));
    expect(result).toEqual({ ok: false, errors: [{ path: '$.tiles', message: `${n.toLocaleString('en-US')} tiles; a layout holds at most ${MAX_TILES}` }], total: 1 });
  });

  it('200 copies of one tile: the first 100 errors and the total (199 overlapping tiles and 200 missing widgets)', () => {
    const result = validateLayout(copies(MAX_TILES));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(result.total).toBe(MAX_TILES - 1 + MAX_TILES);
  });

  it('200 valid tiles in one cell: one error per overlapping tile, counting the tiles it overlaps, 100 listed', () => {
    const result = validateLayout(clocks(MAX_TILES));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(result.errors[0]).toEqual({ path: '$.tiles[1]', message: 'tile "c1" overlaps tile "c0" (tiles[0])' });
    expect(result.errors[2]).toEqual({ path: '$.tiles[3]', message: 'tile "c3" overlaps tile "c0" (tiles[0]) and 2 more tile(s) before it' });
    expect(result.total).toBe(MAX_TILES - 1);
  });

  it('crossTileIssues looks at no more tiles than a layout may hold, whoever calls it', () => {
    expect(crossTileIssues(copies(6000))).toEqual([{ path: ['tiles'], message: `6000 tiles; a layout holds at most ${MAX_TILES}` }]);
  });

  it('5,000 nested arrays as tiles: one error at the depth limit', () => {
    const deep = JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`) as unknown;
    const result = validateLayout({ ...base, tiles: deep });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.total).toBe(1);
    expect(result.errors[0]!.message).toMatch(/nested more than 16 levels deep/);
  });

  it('nesting deeper than any JSON parser stack, built in code: refused the same way', () => {
    let value: unknown = {};
    for (let i = 0; i < 200_000; i += 1) value = { a: value };
    const result = validateLayout({ ...base, tiles: [{ id: 'x', widget: 'note', x: 0, y: 0, w: 1, h: 1, options: value }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/nested more than/);
  });

  it('a cycle (only code can make one) ends at the depth limit', () => {
    const options: Record<string, unknown> = {};
    options.self = options;
    const result = validateLayout({ ...base, tiles: [{ id: 'x', widget: 'note', x: 0, y: 0, w: 1, h: 1, options }] });
    expect(result.ok).toBe(false);
  });

  it('a huge text is refused by its length, and no message repeats it', () => {
    const huge = 'x'.repeat(900_000);
    const result = validateLayout({ ...base, title: { vi: huge }, tiles: [{ id: 'a', widget: huge.slice(0, 9000), x: 0, y: 0, w: 1, h: 1 }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ path: '$.title.vi', message: 'a text of 900,000 characters; at most 10,000' });
    expect(JSON.stringify(result).length).toBeLessThan(2000);
  });

  it('a widget name under the text limit is quoted short in its message', () => {
    const result = validateLayout({ ...base, tiles: [{ id: 'a', widget: 'y'.repeat(9000), x: 0, y: 0, w: 1, h: 1 }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Math.max(...result.errors.map((e) => e.message.length))).toBeLessThan(300);
  });

  it('an object of 100,000 keys, or a key of 1,000 characters, is refused before the schema lists them', () => {
    const many = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 1]));
    const wide = validateLayout({ ...base, ...many, tiles: [] });
    expect(wide).toEqual({ ok: false, errors: [{ path: '$', message: '100,005 keys; at most 64' }], total: 1 });
    const long = validateLayout({ ...base, tiles: [], ['k'.repeat(1000)]: 1 });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.errors[0]!.message).toBe('a key of 1,000 characters; at most 100');
  });

  it('a document of more values than any layout has is refused by the count', () => {
    const rows = Array.from({ length: 200 }, () => Array.from({ length: 200 }, () => [0, 0, 0]));
    const result = validateLayout({ ...base, tiles: [], extra: rows });
    expect(result).toEqual({ ok: false, errors: [{ path: '$', message: 'more than 100,000 values in the document; it cannot be valid' }], total: 1 });
  });

  it('prints the listed errors and how many more there were', () => {
    const result = validateLayout(clocks(MAX_TILES));
    if (result.ok) throw new Error('expected a refusal');
    const text = formatErrors('chong.json', result.errors, result.total);
    expect(text.split('\n')[0]).toBe('chong.json: 199 error(s)');
    expect(text.split('\n').at(-1)).toBe('  … and 99 more');
  });
});

describe('wall profile validation is bounded', () => {
  it('5,000 screens: refused by the list length alone', () => {
    const screens = Array.from({ length: 5000 }, () => ({}));
    expect(validateWallProfile({ schemaVersion: 1, id: 'p', name: 'P', viewingDistanceMm: 5000, screens })).toEqual({
      ok: false,
      errors: [{ path: '$.screens', message: '5,000 items; at most 64' }],
      total: 1,
    });
  });

  it('64 broken screens: 100 errors listed and the total', () => {
    const screens = Array.from({ length: 64 }, () => ({ id: 'X', resolution: {}, activeAreaMm: {}, bezelMm: {}, placement: {} }));
    const result = validateWallProfile({ schemaVersion: 1, id: 'p', name: 'P', viewingDistanceMm: 5000, screens });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(result.total).toBeGreaterThan(MAX_LISTED_ERRORS);
  });

  it('deep nesting and huge texts: refused by the structure limits', () => {
    const deep = JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`) as unknown;
    const result = validateWallProfile({ schemaVersion: 1, id: 'p', name: 'x'.repeat(500_000), viewingDistanceMm: 5000, screens: deep });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.message)).toEqual(['a text of 500,000 characters; at most 2,000', expect.stringMatching(/nested more than 8 levels/)]);
  });
});
