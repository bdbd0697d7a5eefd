import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { labelPoint, loadTileMap, placeTiles, provincesFromTopology, validateTileMap, type TileMap } from '../../shared/geo';
import { formatErrors } from '../../shared/layout/load';
import { projectRoot, provincesTopoPath } from '../support/paths';

const tileMapPath = resolve(projectRoot, 'assets/tile-map/vn-34.json');

let topology: Topology;
let codes: string[];
let labels: Map<string, [number, number]>;
let map: TileMap;

beforeAll(() => {
  topology = JSON.parse(readFileSync(provincesTopoPath, 'utf8')) as Topology;
  const provinces = provincesFromTopology(topology, provincesTopoPath);
  codes = provinces.features.map((f) => f.properties.code);
  labels = new Map(provinces.features.map((f) => [f.properties.code, labelPoint(f)]));
  const result = loadTileMap(readFileSync(tileMapPath, 'utf8'), { codes });
  if (!result.ok) throw new Error(formatErrors(tileMapPath, result.errors));
  map = result.value;
});

describe('assets/tile-map/vn-34.json', () => {
  it('places each of the 34 provinces of the boundary file once, one to a cell, inside the grid', () => {
    expect(map.tiles).toHaveLength(34);
    expect(new Set(map.tiles.map((t) => t.code))).toEqual(new Set(codes));
    expect(new Set(map.tiles.map((t) => `${t.column},${t.row}`)).size).toBe(34);
    for (const t of map.tiles) {
      expect(t.column).toBeLessThan(map.columns);
      expect(t.row).toBeLessThan(map.rows);
    }
  });

  it('keeps north above south: a province more than 1.5° of latitude north is never on a lower row', () => {
    const inversions: string[] = [];
    for (const a of map.tiles) {
      for (const b of map.tiles) {
        const [latA, latB] = [labels.get(a.code)![1], labels.get(b.code)![1]];
        if (latA - latB > 1.5 && a.row > b.row) inversions.push(`${a.code} (row ${a.row}) below ${b.code} (row ${b.row})`);
      }
    }
    expect(inversions).toEqual([]);
  });

  it('keeps west left of east within a band of latitude', () => {
    // Provinces within 1° of latitude whose label points are more than 1° of longitude apart.
    const inversions: string[] = [];
    for (const a of map.tiles) {
      for (const b of map.tiles) {
        const [pa, pb] = [labels.get(a.code)!, labels.get(b.code)!];
        if (Math.abs(pa[1] - pb[1]) < 1 && pb[0] - pa[0] > 1 && a.column >= b.column) inversions.push(`${a.code} not left of ${b.code}`);
      }
    }
    expect(inversions).toEqual([]);
  });

  it('puts provinces that share a border in touching cells (edge or corner), nearly always', () => {
    const geometries = (topology.objects.provinces as GeometryCollection).geometries;
    const cell = new Map(map.tiles.map((t) => [t.code, t]));
    const pairs = neighbors(geometries).flatMap((list, i) => list.filter((j) => j > i).map((j) => [codes[i]!, codes[j]!] as const));
    const apart = pairs.filter(([a, b]) => {
      const [p, q] = [cell.get(a)!, cell.get(b)!];
      return Math.max(Math.abs(p.column - q.column), Math.abs(p.row - q.row)) > 1;
    });
    expect(pairs.length).toBeGreaterThan(50);
    // One pair only: Phú Thọ (Hòa Bình) and Ninh Bình meet at a short stretch of border.
    expect(apart).toEqual([['25', '37']]);
  });
});

describe('tile map loader', () => {
  const valid = { columns: 3, rows: 2, tiles: [{ code: '01', column: 0, row: 0 }, { code: '79', column: 2, row: 1 }] };

  it('accepts a valid map', () => {
    const result = validateTileMap(valid, { codes: ['01', '79'] });
    expect(result.ok).toBe(true);
  });

  it('reports every fault with its JSON path', () => {
    const result = validateTileMap({
      columns: 3,
      rows: 2,
      tiles: [
        { code: '01', column: 0, row: 0 },
        { code: '01', column: 1, row: 0 },
        { code: '79', column: 0, row: 0 },
        { code: '80', column: 3, row: 2 },
        { code: '8', column: 1, row: 1 },
      ],
    });
    expect(result.ok ? [] : result.errors).toEqual([
      { path: '$.tiles[4].code', message: 'province code: two digits (Decision 19/2025/QĐ-TTg)' },
      { path: '$.tiles[1].code', message: 'province "01" placed twice (also tiles[0])' },
      { path: '$.tiles[2]', message: 'column 0, row 0 already holds "01" (tiles[0])' },
      { path: '$.tiles[3].column', message: "column 3 is past the map's 3 columns" },
      { path: '$.tiles[3].row', message: "row 2 is past the map's 2 rows" },
    ]);
    // A tile of the wrong type is reported by itself (the cross-tile checks need whole tiles).
    const typed = validateTileMap({ columns: 3, rows: 2, tiles: [{ code: '01', column: 'a', row: 0 }] });
    expect(typed.ok ? [] : typed.errors.map((e) => e.path)).toEqual(['$.tiles[0].column']);
  });

  it('checks the codes against a list when given one', () => {
    const result = validateTileMap(valid, { codes: ['01', '04'] });
    expect(result.ok ? [] : result.errors).toEqual([
      { path: '$.tiles[1].code', message: 'unknown province code "79"' },
      { path: '$.tiles', message: 'province "04" has no tile' },
    ]);
  });

  it('refuses unknown fields and text that is not JSON', () => {
    const extra = validateTileMap({ ...valid, $schema: 'x' });
    expect(extra.ok).toBe(false);
    const text = loadTileMap('{ "columns": 3,');
    expect(text.ok ? '' : text.errors[0]!.message).toMatch(/^not valid JSON/);
  });
});

describe('placeTiles', () => {
  it('fits square cells to the box, centres the grid and leaves a gap', () => {
    // 7 × 14 grid in 1400 × 1400: cell = min(1400 / 7, 1400 / 14) = 100, grid 700 wide,
    // centred at x = 350; gap 0.08 → squares of 92 inset by 4.
    const placed = placeTiles({ columns: 7, rows: 14, tiles: [{ code: '01', column: 2, row: 3 }] }, 1400, 1400);
    expect(placed).toEqual([{ code: '01', column: 2, row: 3, x: 350 + 200 + 4, y: 300 + 4, size: 92 }]);
    const flush = placeTiles({ columns: 2, rows: 1, tiles: [{ code: '01', column: 1, row: 0 }] }, 200, 50, { gap: 0 });
    // 2 × 1 in 200 × 50: cells of 50, the grid 100 wide centred at x = 50.
    expect(flush).toEqual([{ code: '01', column: 1, row: 0, x: 50 + 50, y: 0, size: 50 }]);
    expect(() => placeTiles(map, 100, 100, { gap: 1 })).toThrow(RangeError);
  });
});
