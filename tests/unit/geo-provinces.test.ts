import { readFileSync } from 'node:fs';
import { geoArea, geoBounds, geoCentroid, geoContains, geoPath } from 'd3';
import type { Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ARCHIPELAGO_MIN_DISTANCE_KM,
  archipelagoFeatures,
  fitProjection,
  GeoDataError,
  labelPoint,
  mainlandPolygon,
  poleOfInaccessibility,
  polygonsOf,
  provincesFromTopology,
  splitArchipelago,
  withoutArchipelagos,
  type ProvinceCollection,
  type ProvinceFeature,
} from '../../shared/geo';
import { provincesTopoPath } from '../support/paths';

let provinces: ProvinceCollection;
const byCode = (code: string): ProvinceFeature => {
  const f = provinces.features.find((p) => p.properties.code === code);
  if (!f) throw new Error(`no province ${code}`);
  return f;
};
const vertices = (features: ReadonlyArray<ProvinceFeature>): Position[] =>
  features.flatMap((f) => polygonsOf(f.geometry).flatMap((p) => p.coordinates.flat()));

beforeAll(() => {
  provinces = provincesFromTopology(JSON.parse(readFileSync(provincesTopoPath, 'utf8')), provincesTopoPath);
});

describe('provincesFromTopology (the real boundary file)', () => {
  it('gives the 34 provinces, with unique two-digit codes, typed names and the code as id', () => {
    expect(provinces.type).toBe('FeatureCollection');
    expect(provinces.features).toHaveLength(34);
    const codes = provinces.features.map((f) => f.properties.code);
    expect(new Set(codes).size).toBe(34);
    for (const f of provinces.features) {
      expect(f.properties.code).toMatch(/^\d{2}$/);
      expect(f.id).toBe(f.properties.code);
      expect(f.properties.name.length).toBeGreaterThan(0);
      expect(f.properties.nameEn.length).toBeGreaterThan(0);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    expect(byCode('01').properties).toMatchObject({ name: 'Hà Nội', nameEn: 'Hanoi' });
    expect(byCode('79').properties).toMatchObject({ name: 'Hồ Chí Minh' });
    expect(byCode('56').properties).toMatchObject({ name: 'Khánh Hòa', nameEn: 'Khanh Hoa' });
  });

  it('winds every polygon as d3-geo expects (each smaller than a hemisphere)', () => {
    for (const f of provinces.features) {
      for (const p of polygonsOf(f.geometry)) expect(geoArea(p)).toBeLessThan(2 * Math.PI);
    }
    // The country's area, 4πR² × the features' share of the sphere: ~330 000 km² with the islands.
    const km2 = provinces.features.reduce((sum, f) => sum + geoArea(f), 0) * 6371 ** 2;
    expect(km2).toBeGreaterThan(320_000);
    expect(km2).toBeLessThan(345_000);
  });
});

describe('mainlandPolygon and labelPoint (the real boundary file)', () => {
  it('the mainland is the largest polygon', () => {
    for (const f of provinces.features) {
      const mainland = geoArea(mainlandPolygon(f));
      for (const p of polygonsOf(f.geometry)) expect(mainland).toBeGreaterThanOrEqual(geoArea(p));
    }
  });

  it("every label point is inside its province's mainland polygon", () => {
    for (const f of provinces.features) {
      const point = labelPoint(f);
      expect(geoContains(mainlandPolygon(f), point), `${f.properties.code} ${f.properties.name} at ${point.join(', ')}`).toBe(true);
    }
  });

  it("Khánh Hòa's and Đà Nẵng's labels are on the mainland, though Khánh Hòa's plain centroid is at sea", () => {
    const khanhHoa = byCode('56');
    const daNang = byCode('48');
    // The centroid of the whole of Khánh Hòa, Trường Sa included, is in the sea off the coast.
    const centroid = geoCentroid(khanhHoa);
    expect(centroid[0]).toBeGreaterThan(110);
    expect(geoContains(khanhHoa, centroid)).toBe(false);
    for (const f of [khanhHoa, daNang]) {
      const [lon, lat] = labelPoint(f);
      expect(lon).toBeLessThan(110);
      expect(lon).toBeGreaterThan(107);
      expect(geoContains(f, [lon, lat])).toBe(true);
    }
    expect(labelPoint(khanhHoa)[1]).toBeGreaterThan(11);
    expect(labelPoint(khanhHoa)[1]).toBeLessThan(13);
    expect(labelPoint(daNang)[1]).toBeGreaterThan(15);
    expect(labelPoint(daNang)[1]).toBeLessThan(16.5);
  });

  it('falls back to an interior point where the centroid is outside (Hồ Chí Minh, Tây Ninh)', () => {
    for (const code of ['79', '80']) {
      const mainland = mainlandPolygon(byCode(code));
      const centroid = geoCentroid(mainland);
      expect(geoContains(mainland, centroid)).toBe(false);
      const point = labelPoint(byCode(code));
      expect(point).not.toEqual(centroid);
      expect(geoContains(mainland, point)).toBe(true);
    }
  });
});

describe('labelPoint on a made-up shape', () => {
  // A "C" open to the east, 0–4 °E × 0–3 °N (clockwise, as d3 winds an exterior ring): a
  // back 1.5° thick, arms 1° thick. Its centroid (x ≈ 1.8) is in the mouth, outside the shape.
  const c: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [0, 3],
        [4, 3],
        [4, 2],
        [1.5, 2],
        [1.5, 1],
        [4, 1],
        [4, 0],
        [0, 0],
      ],
    ],
  };

  it('puts the label inside, in the thick back of the C', () => {
    expect(geoContains(c, geoCentroid(c))).toBe(false);
    const point = labelPoint(c);
    expect(geoContains(c, point)).toBe(true);
    // The back is thicker than the arms: the point farthest from every edge is in it, where
    // it meets an arm (a circle touching the outer sides and the mouth's corner, r ≈ 0.77°).
    expect(point[0]).toBeGreaterThan(0.7);
    expect(point[0]).toBeLessThan(0.85);
    expect(poleOfInaccessibility(c)).toEqual(point);
  });

  it('keeps the centroid where it is inside', () => {
    const square: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [10, 10],
          [10, 12],
          [12, 12],
          [12, 10],
          [10, 10],
        ],
      ],
    };
    const [lon, lat] = labelPoint(square);
    expect(lon).toBeCloseTo(11, 6);
    expect(lat).toBeCloseTo(11, 2);
  });
});

describe('archipelagos (the real boundary file)', () => {
  it('finds Hoàng Sa under Đà Nẵng and Trường Sa under Khánh Hòa, and nothing else', () => {
    const far = archipelagoFeatures(provinces.features);
    expect(far.map((f) => f.properties.code)).toEqual(['48', '56']);
    expect(far[0]!.properties.name).toBe('Đà Nẵng');
    // Hoàng Sa: ≈ 111–113 °E, 15.5–17.2 °N.
    const [[w1, s1], [e1, n1]] = geoBounds(far[0]!);
    expect([w1, e1, s1, n1].map((v) => Math.round(v * 10) / 10)).toEqual([111.2, 112.7, 15.7, 17.1]);
    // Trường Sa: ≈ 109.5–118 °E, 7–12 °N (its banks off the south-east coast included).
    const [[w2, s2], [e2, n2]] = geoBounds(far[1]!);
    expect(w2).toBeGreaterThan(109.4);
    expect(e2).toBeLessThan(118);
    expect(s2).toBeGreaterThan(7);
    expect(n2).toBeLessThan(12);
  });

  it('keeps near-shore islands with the mainland (Côn Đảo, Phú Quốc, Thổ Chu, Bạch Long Vĩ, Phú Quý, Cù Lao Chàm)', () => {
    for (const code of ['79', '91', '31', '68', '22']) expect(splitArchipelago(byCode(code)).far, code).toEqual([]);
    const daNang = splitArchipelago(byCode('48'));
    // Cù Lao Chàm (108.5 °E) stays; every far polygon is out past 111 °E.
    expect(daNang.near.map((p) => geoCentroid(p)[0]).filter((lon) => lon > 108.4 && lon < 108.6).length, 'a near part at 108.4–108.6° E').toBeGreaterThan(0);
    for (const p of daNang.far) expect(geoCentroid(p)[0]).toBeGreaterThan(111);
    expect(ARCHIPELAGO_MIN_DISTANCE_KM).toBe(225);
  });

  it('withoutArchipelagos removes exactly the far polygons', () => {
    const all = provinces.features;
    const mainland = withoutArchipelagos(all);
    expect(mainland.map((f) => f.properties.code)).toEqual(all.map((f) => f.properties.code));
    const count = (fs: ReadonlyArray<ProvinceFeature>) => fs.reduce((n, f) => n + polygonsOf(f.geometry).length, 0);
    expect(count(mainland) + count(archipelagoFeatures(all))).toBe(count(all));
    for (const f of mainland) expect(geoBounds(f)[1][0]).toBeLessThan(110);
    // Provinces without archipelagos are returned as they were.
    expect(mainland.find((f) => f.properties.code === '01')).toBe(all.find((f) => f.properties.code === '01'));
  });
});

describe('fitProjection (the real boundary file)', () => {
  const [width, height, padding] = [960, 1080, 24];
  const inFrame = ([x, y]: [number, number], slack = 0.5) =>
    x >= padding - slack && x <= width - padding + slack && y >= padding - slack && y <= height - padding + slack;

  it('fitted to everything, the whole country with Trường Sa and Hoàng Sa lies inside the frame', () => {
    const projection = fitProjection(provinces, width, height, { padding });
    const outside = vertices(provinces.features).filter((point) => {
      const xy = projection(point as [number, number]);
      return !xy || !inFrame(xy);
    });
    expect(outside).toEqual([]);
    // Trường Sa: the polygons of Khánh Hòa between 111 and 118 °E, 6 and 12 °N.
    const truongSa = polygonsOf(byCode('56').geometry).filter((p) => {
      const [lon, lat] = geoCentroid(p);
      return lon > 111 && lon < 118 && lat > 6 && lat < 12;
    });
    expect(truongSa.length).toBeGreaterThan(50);
    for (const p of truongSa) expect(inFrame(projection(geoCentroid(p))!)).toBe(true);
    // The fit is tight on one axis: the projected bounds reach the padded frame.
    const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(provinces);
    const touchesX = Math.abs(x0 - padding) < 1 && Math.abs(x1 - (width - padding)) < 1;
    const touchesY = Math.abs(y0 - padding) < 1 && Math.abs(y1 - (height - padding)) < 1;
    expect({ touchesX, touchesY }).not.toEqual({ touchesX: false, touchesY: false });
  });

  it('north is up and east is right', () => {
    const projection = fitProjection(provinces, width, height, { padding });
    const [hanoiX, hanoiY] = projection(labelPoint(byCode('01')))!;
    const [saigonX, saigonY] = projection(labelPoint(byCode('79')))!;
    expect(hanoiY).toBeLessThan(saigonY);
    expect(saigonX).toBeGreaterThan(hanoiX);
  });

  it('fitted to the mainland, the map is larger and Trường Sa falls outside the frame', () => {
    const all = fitProjection(provinces.features, width, height, { padding });
    const mainland = fitProjection(provinces.features, width, height, { padding, extent: 'mainland' });
    expect(mainland.scale()).toBeGreaterThan(all.scale());
    expect(vertices(withoutArchipelagos(provinces.features)).filter((point) => !inFrame(mainland(point as [number, number])!))).toEqual([]);
    const spratly = mainland([114.36, 11.42])!; // an island of Trường Sa
    expect(inFrame(spratly)).toBe(false);
  });

  it('takes per-side padding and refuses a box with no room left', () => {
    const projection = fitProjection(provinces, 800, 1000, { padding: { top: 100, left: 50 } });
    const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(provinces);
    expect(x0).toBeGreaterThanOrEqual(50 - 0.5);
    expect(y0).toBeGreaterThanOrEqual(100 - 0.5);
    expect(x1).toBeLessThanOrEqual(800 + 0.5);
    expect(y1).toBeLessThanOrEqual(1000 + 0.5);
    expect(() => fitProjection(provinces, 40, 40, { padding: 20 })).toThrow(/no room/);
    expect(() => fitProjection([], 400, 400)).toThrow(/nothing to fit/);
  });
});

describe('provincesFromTopology (refusals and winding)', () => {
  // One square province, 0–1 °E × 0–1 °N, no quantization.
  const square = (ring: number[][], properties: Record<string, unknown> = { code: '01', name: 'Một', nameEn: 'One' }) => ({
    type: 'Topology',
    arcs: [ring],
    objects: { provinces: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties }] } },
  });
  const clockwise = [
    [0, 0],
    [0, 1],
    [1, 1],
    [1, 0],
    [0, 0],
  ];

  const errorOf = (value: unknown, source = '/data/geo/x.topo.json'): GeoDataError => {
    try {
      provincesFromTopology(value, source);
    } catch (error) {
      if (error instanceof GeoDataError) return error;
      throw error;
    }
    throw new Error('expected a GeoDataError');
  };

  it('accepts either winding: an RFC 7946 (anticlockwise) ring is turned around for d3', () => {
    const anticlockwise = [...clockwise].reverse();
    for (const ring of [clockwise, anticlockwise]) {
      const [f] = provincesFromTopology(square(ring)).features;
      const km2 = geoArea(f!) * 6371 ** 2;
      expect(km2).toBeGreaterThan(12_000); // 1° × 1° at the equator ≈ 12 364 km²
      expect(km2).toBeLessThan(12_500);
      expect(geoContains(f!, [0.5, 0.5])).toBe(true);
      expect(geoContains(f!, [5, 5])).toBe(false);
    }
  });

  it('names the file and the JSON path of every fault', () => {
    const error = errorOf(square(clockwise, { code: '1', name: '' }));
    expect(error.message).toContain('/data/geo/x.topo.json: 3 error(s)');
    expect(error.errors.map((e) => e.path)).toEqual([
      '$.objects.provinces.geometries[0].properties.code',
      '$.objects.provinces.geometries[0].properties.name',
      '$.objects.provinces.geometries[0].properties.nameEn',
    ]);
    expect(error.message).toContain('$.objects.provinces.geometries[0].properties.code: province code: two digits');
  });

  it('says what it expected when the file is something else', () => {
    expect(errorOf({ type: 'FeatureCollection', features: [] }).message).toMatch(/\$\.type: expected "type": "Topology"/);
    expect(errorOf({ type: 'Topology', arcs: [], objects: { tinh: {} } }).message).toMatch(
      /\$\.objects\.provinces: expected a TopoJSON object named "provinces"/,
    );
    expect(errorOf(null).errors[0]!.path).toBe('$');
    const withPoint = square(clockwise);
    (withPoint.objects.provinces.geometries[0] as { type: string }).type = 'Point';
    expect(errorOf(withPoint).message).toMatch(/geometries\[0\]\.type: expected a Polygon or MultiPolygon/);
  });

  it('refuses duplicate codes and arcs that are not there', () => {
    const twice = square(clockwise);
    twice.objects.provinces.geometries.push({ ...twice.objects.provinces.geometries[0]!, arcs: [[-2]] });
    const error = errorOf(twice);
    expect(error.errors).toEqual([
      { path: '$.objects.provinces.geometries[1].properties.code', message: 'duplicate province code "01" (also geometries[0])' },
      { path: '$.objects.provinces.geometries[1].arcs', message: "arc index -2 is past the topology's 1 arcs" },
    ]);
  });
});
