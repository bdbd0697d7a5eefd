import { describe, expect, it } from 'vitest';
import { choropleth, splitName, type ProvinceSlice } from '../../renderer/widgets/common/map-data';
import { bundledTileMap, emptyBlock, tileCells, tileMapArrangement } from '../../renderer/widgets/map-tiles/model';
import { validateTileMap, type TileMap } from '../../shared/geo';
import type { Observation } from '../../shared/protocol/model';
import { PROVINCE_CODES } from '../../shared/regions';

const map = (): TileMap => {
  if (!bundledTileMap.ok) throw new Error(bundledTileMap.errors.map((e) => e.message).join('; '));
  return bundledTileMap.value;
};

const slice = (values: (number | undefined)[]): ProvinceSlice => ({
  indicator: 'X',
  meta: { code: 'X', name: { vi: 'X', en: 'X' }, unit: 'tỷ đồng', periodicity: 'month', direction: 'up' },
  period: '2025-09',
  observations: PROVINCE_CODES.map((region, i): Observation | undefined =>
    values[i] === undefined
      ? undefined
      : {
          indicator: 'X',
          region,
          period: '2025-09',
          value: values[i]!,
          vintage: '2025-10-01T00:00:00Z',
          status: 'official',
          demo: false,
          provenance: { submissionId: null, agency: null, regime: null, source: null },
        },
  ),
});

describe('the bundled tile grid (assets/tile-map/vn-34.json)', () => {
  it('is valid against shared/geo’s schema and places exactly the 34 provinces', () => {
    expect(bundledTileMap.ok).toBe(true);
    expect(map().tiles).toHaveLength(34);
    expect(validateTileMap(map(), { codes: PROVINCE_CODES }).ok).toBe(true);
  });

  it('makes 34 equal squares inside the grid’s box that never overlap', () => {
    const cells = tileCells(map(), null, 0.08);
    expect(cells).toHaveLength(34);
    const { columns, rows } = map();
    for (const c of cells) {
      expect(c.left).toBeGreaterThanOrEqual(0);
      expect(c.top).toBeGreaterThanOrEqual(0);
      expect(c.left + c.width).toBeLessThanOrEqual(1 + 1e-9);
      expect(c.top + c.height).toBeLessThanOrEqual(1 + 1e-9);
      // Square in the grid's box: width × columns = height × rows.
      expect(c.width * columns).toBeCloseTo(c.height * rows);
      expect(c.width * columns).toBeCloseTo(0.92);
    }
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        const [a, b] = [cells[i]!, cells[j]!];
        const apart = a.left + a.width <= b.left || b.left + b.width <= a.left || a.top + a.height <= b.top || b.top + b.height <= a.top;
        expect(apart).toBe(true);
      }
    }
    // Hà Nội north of Hồ Chí Minh, Cà Mau the southernmost.
    const at = (code: string) => cells.find((c) => c.code === code)!;
    expect(at('01').top).toBeLessThan(at('79').top);
    expect(Math.max(...cells.map((c) => c.top))).toBe(at('96').top);
  });

  it('writes each square’s short name on at most two lines, its figure in vi-VN, its colour or the hatch', () => {
    const values: (number | undefined)[] = PROVINCE_CODES.map((_, i) => 1000 + i * 250.5);
    values[PROVINCE_CODES.indexOf('33')] = undefined;
    const view = choropleth(slice(values), { scheme: 'cividis', classes: 5 });
    const cells = tileCells(map(), view, 0.08, '01');
    const at = (code: string) => cells.find((c) => c.code === code)!;
    expect(at('79').nameLines).toEqual(['Hồ Chí', 'Minh']);
    expect(at('01').nameLines).toEqual(['Hà', 'Nội']);
    expect(at('79').valueText).toBe('7.763,5'); // 1000 + 27 × 250,5
    expect(at('79').fill).toMatch(/^(#|rgb)/);
    expect(at('33')).toMatchObject({ noData: true, fill: null, valueText: '—' });
    expect(at('01').highlighted).toBe(true);
    expect(cells.filter((c) => c.highlighted)).toHaveLength(1);
    expect(Math.max(...cells.flatMap((c) => c.nameLines.map((l) => l.length)))).toBeLessThanOrEqual(7);
  });

  it('splits names where the longer line is shortest', () => {
    expect(splitName('Thái Nguyên')).toEqual(['Thái', 'Nguyên']);
    expect(splitName('Huế')).toEqual(['Huế']);
    expect(splitName('Bà Rịa Vũng Tàu')).toEqual(['Bà Rịa', 'Vũng Tàu']);
  });
});

describe('where the header and legend go', () => {
  it('finds the empty block south-west of the central coast on vn-34', () => {
    expect(emptyBlock(map())).toEqual({ column: 0, row: 5, columns: 3, rows: 7 });
    const block = emptyBlock(map())!;
    const taken = new Set(map().tiles.map((t) => `${t.column},${t.row}`));
    for (let c = block.column; c < block.column + block.columns; c++) {
      for (let r = block.row; r < block.row + block.rows; r++) expect(taken.has(`${c},${r}`)).toBe(false);
    }
  });

  it('has no block in a full grid', () => {
    const full: TileMap = { columns: 2, rows: 2, tiles: ['01', '04', '08', '11'].map((code, i) => ({ code, column: i % 2, row: Math.floor(i / 2) })) };
    expect(emptyBlock(full)).toBeNull();
  });

  it('puts them beside the grid on a wide tile and inside it on a narrow one', () => {
    const block = emptyBlock(map());
    expect(tileMapArrangement(1920, 1080, block)).toBe('side');
    expect(tileMapArrangement(1280, 2160, block)).toBe('overlay');
    expect(tileMapArrangement(1280, 2160, null)).toBe('side');
  });
});
