import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareGeoSync, type PreparedGeo } from '../../renderer/geo/prepare';
import { choropleth, type ProvinceSlice } from '../../renderer/widgets/common/map-data';
import {
  approximateMeasure,
  fitLabels,
  labelFontPx,
  layoutGeoMap,
  planLabels,
  planSeaLabels,
  type Box,
  type GeoLayout,
  type LabelCandidate,
} from '../../renderer/widgets/map-geo/model';
import { PROVINCE_CODES } from '../../shared/regions';
import { provincesTopoPath } from '../support/paths';

let geo: PreparedGeo;
beforeAll(() => {
  geo = prepareGeoSync(JSON.parse(readFileSync(provincesTopoPath, 'utf8')), provincesTopoPath);
});

const within = (inner: Box, outer: Box, slack = 0.5) =>
  inner[0][0] >= outer[0][0] - slack && inner[0][1] >= outer[0][1] - slack && inner[1][0] <= outer[1][0] + slack && inner[1][1] <= outer[1][1] + slack;
const meets = (a: Box, b: Box) => a[0][0] < b[1][0] && b[0][0] < a[1][0] && a[0][1] < b[1][1] && b[0][1] < a[1][1];
const whole = (l: GeoLayout): Box => [
  [0, 0],
  [l.width, l.height],
];

describe('the boundary file prepared for drawing', () => {
  it('has the 34 provinces and names Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa)', () => {
    expect(geo.provinces.map((p) => p.code).sort()).toEqual([...PROVINCE_CODES].sort());
    expect(geo.archipelagos.map((a) => [a.province, a.id, a.name?.vi])).toEqual([
      ['48', 'hoang-sa', 'Quần đảo Hoàng Sa'],
      ['56', 'truong-sa', 'Quần đảo Trường Sa'],
    ]);
    // Hoàng Sa lies around 111–113° E, 15.7–17.1° N; Trường Sa 111.5–117.8° E, 6.5–11.5° N.
    const [hsLon, hsLat] = geo.archipelagos[0]!.anchor;
    expect(hsLon).toBeGreaterThan(111);
    expect(hsLat).toBeGreaterThan(15.5);
    const [tsLon, tsLat] = geo.archipelagos[1]!.anchor;
    expect(tsLon).toBeGreaterThan(112);
    expect(tsLat).toBeLessThan(12);
  });
});

describe('the map laid out in a tile', () => {
  it('fits every province and archipelago inside the box, archipelagos in place', () => {
    const layout = layoutGeoMap(geo, 800, 900)!;
    expect(layout.provinces).toHaveLength(34);
    for (const p of layout.provinces) {
      expect(within(p.box, whole(layout))).toBe(true);
      expect(p.path.length).toBeGreaterThan(10);
      // The label point is inside its own mainland box.
      expect(within([p.label, p.label], p.box)).toBe(true);
    }
    expect(layout.archipelagoShapes.map((a) => a.id)).toEqual(['hoang-sa', 'truong-sa']);
    for (const a of layout.archipelagoShapes) expect(within(a.box, whole(layout))).toBe(true);
    // Hoàng Sa is drawn north of Trường Sa and east of Đà Nẵng's mainland.
    const [hs, ts] = layout.archipelagoShapes;
    expect(hs!.box[1][1]).toBeLessThan(ts!.box[0][1]);
    expect(hs!.box[0][0]).toBeGreaterThan(layout.provinces.find((p) => p.code === '48')!.box[1][0]);
    expect(layout.inset).toBeNull();
    expect(layout.sea).not.toBeNull();
  });

  it('in inset mode gives the mainland the left and frames the archipelagos on the right', () => {
    const inPlace = layoutGeoMap(geo, 700, 1100)!;
    const layout = layoutGeoMap(geo, 700, 1100, 'inset')!;
    expect(layout.inset).not.toBeNull();
    const inset = layout.inset!;
    const insetBox: Box = [
      [inset.x, inset.y],
      [inset.x + inset.width, inset.y + inset.height],
    ];
    for (const a of layout.archipelagoShapes) expect(within(a.box, insetBox)).toBe(true);
    for (const p of layout.provinces) expect(p.box[1][0]).toBeLessThanOrEqual(inset.x + 1);
    // On a portrait tile, a much bigger mainland: Hà Nội's box grows.
    const area = (l: GeoLayout) => l.provinces.find((p) => p.code === '01')!.boxArea;
    expect(area(layout)).toBeGreaterThan(area(inPlace) * 1.8);
  });

  it('refuses a box too small to draw in', () => {
    expect(layoutGeoMap(geo, 4, 300)).toBeNull();
  });
});

const cand = (code: string, x: number, y: number, w: number, h: number, box: Box, priority = 1, force = false): LabelCandidate => ({
  code,
  variants: [{ lines: [code], width: w, height: h }],
  x,
  y,
  box,
  priority,
  force,
});

describe('which labels fit', () => {
  const box: Box = [
    [0, 0],
    [100, 40],
  ];
  it('hides a label whose text box leaves its province’s box', () => {
    const placed = fitLabels([cand('a', 50, 20, 90, 20, box), cand('b', 50, 20, 120, 20, box)], { width: 500, height: 500 });
    expect(placed.map((p) => p.code)).toEqual(['a']);
  });

  it('writes the name on two lines where one line is too wide but two fit', () => {
    const square: Box = [
      [0, 0],
      [60, 60],
    ];
    const placed = fitLabels(
      [
        {
          code: 'gl',
          variants: [
            { lines: ['Gia Lai'], width: 80, height: 20 },
            { lines: ['Gia', 'Lai'], width: 40, height: 40 },
          ],
          x: 30,
          y: 30,
          box: square,
          priority: 1,
        },
      ],
      { width: 500, height: 500 },
    );
    expect(placed.map((p) => p.lines)).toEqual([['Gia', 'Lai']]);
  });

  it('keeps the higher priority of two labels that meet, and stays off occupied places', () => {
    const other: Box = [
      [40, 0],
      [200, 40],
    ];
    const placed = fitLabels([cand('small', 60, 20, 30, 10, box, 1), cand('big', 70, 20, 30, 10, other, 9)], { width: 500, height: 500 });
    expect(placed.map((p) => p.code)).toEqual(['big']);
    const off = fitLabels([cand('a', 50, 20, 30, 10, box)], { width: 500, height: 500 }, [
      [
        [55, 15],
        [60, 18],
      ],
    ]);
    expect(off).toEqual([]);
  });

  it('always places the highlighted province’s label, kept inside the map', () => {
    const placed = fitLabels([cand('hl', 2, 20, 60, 10, box, 0, true)], { width: 500, height: 500 });
    expect(placed).toHaveLength(1);
    expect(placed[0]!.rect[0][0]).toBeGreaterThanOrEqual(0);
  });

  it('labels the large provinces of a big tile, not the small ones, and fewer on a smaller tile', () => {
    const slice: ProvinceSlice = { indicator: 'X', meta: undefined, period: null, observations: PROVINCE_CODES.map(() => undefined) };
    const view = choropleth(slice, { scheme: 'cividis', classes: 5 });
    // The whole 2×2 55" wall's height in one map tile: 2160 px.
    const big = layoutGeoMap(geo, 2600, 2100)!;
    const plan = planLabels(big, view, 'names', { width: 2800, height: 2160 }, approximateMeasure);
    const codes = plan.labels.map((l) => l.code);
    expect(codes).toContain('52'); // Gia Lai, one of the largest
    expect(codes.length).toBeGreaterThanOrEqual(5);
    expect(codes).not.toContain('33'); // Hưng Yên, among the smallest
    expect(codes).not.toContain('92'); // Cần Thơ
    for (const l of plan.labels) {
      const shape = big.provinces.find((p) => p.code === l.code)!;
      expect(within(l.rect, shape.box)).toBe(true);
    }
    for (let i = 0; i < plan.labels.length; i++) {
      for (let j = i + 1; j < plan.labels.length; j++) expect(meets(plan.labels[i]!.rect, plan.labels[j]!.rect)).toBe(false);
    }
    const small = layoutGeoMap(geo, 640, 520)!;
    expect(planLabels(small, view, 'names', { width: 700, height: 540 }, approximateMeasure).labels.length).toBeLessThan(codes.length);
    expect(planLabels(big, view, 'none', { width: 2800, height: 2160 }, approximateMeasure).labels).toEqual([]);
  });

  it('sizes labels at 2.8 % of the tile’s height, or 4.2 % of its width on a narrow tile', () => {
    expect(labelFontPx(2000, 1000)).toBeCloseTo(28);
    expect(labelFontPx(500, 1000)).toBeCloseTo(21);
  });
});

describe('names at sea', () => {
  it('names both archipelagos on two lines, apart, off every province, and "Biển Đông" where it fits', () => {
    for (const [w, h] of [
      [1200, 2000],
      [1800, 1000],
      [900, 900],
    ] as const) {
      const layout = layoutGeoMap(geo, w * 0.9, h * 0.7)!;
      const font = labelFontPx(w, h);
      const sea = planSeaLabels(layout, font, approximateMeasure);
      const names = sea.filter((s) => s.kind === 'archipelago');
      expect(names.map((s) => s.lines.join(' '))).toEqual(['Quần đảo Hoàng Sa', 'Quần đảo Trường Sa']);
      expect(meets(names[0]!.rect, names[1]!.rect)).toBe(false);
      for (const s of sea) {
        expect(within(s.rect, whole(layout), 1)).toBe(true);
        for (const p of layout.provinces) expect(meets(s.rect, p.box)).toBe(false);
      }
    }
  });

  it('keeps province labels off the names at sea', () => {
    const layout = layoutGeoMap(geo, 2600, 2100)!;
    const slice: ProvinceSlice = { indicator: 'X', meta: undefined, period: null, observations: PROVINCE_CODES.map(() => undefined) };
    const plan = planLabels(layout, choropleth(slice, { scheme: 'cividis', classes: 5 }), 'names', { width: 2800, height: 2160 }, approximateMeasure);
    for (const l of plan.labels) for (const s of plan.sea) expect(meets(l.rect, s.rect)).toBe(false);
  });
});
