import { describe, expect, it } from 'vitest';
import { choropleth, type ProvinceSlice } from '../../renderer/widgets/common/map-data';
import {
  cameraPosition,
  extrusionHeights,
  fitCameraDistance,
  MAX_HEIGHT,
  MIN_HEIGHT,
  NO_DATA_HEIGHT,
  orbitAzimuth,
  swingSamples,
  topLabels,
  visibleLabels,
} from '../../renderer/widgets/map-3d/model';
import { simplifyRing } from '../../renderer/widgets/map-3d/scene';
import { Vector2 } from 'three';
import type { Observation } from '../../shared/protocol/model';
import { PROVINCE_CODES } from '../../shared/regions';

const view = (values: (number | null | undefined)[], unit = '% so với cùng kỳ') => {
  const slice: ProvinceSlice = {
    indicator: 'X',
    meta: { code: 'X', name: { vi: 'X', en: 'X' }, unit, periodicity: 'quarter', direction: 'up' },
    period: '2025-Q3',
    observations: PROVINCE_CODES.map((region, i): Observation | undefined =>
      values[i] === undefined
        ? undefined
        : {
            indicator: 'X',
            region,
            period: '2025-Q3',
            value: values[i]!,
            vintage: '2025-10-01T00:00:00Z',
            status: 'official',
            demo: false,
            provenance: { submissionId: null, agency: null, regime: null, source: null },
          },
    ),
  };
  return choropleth(slice, { scheme: 'cividis', classes: 5 });
};

describe('heights', () => {
  it('stands each province in proportion to its figure above zero; no data lies flat', () => {
    const values: (number | null | undefined)[] = PROVINCE_CODES.map(() => 5);
    values[0] = 10; // Hà Nội, the highest
    values[1] = 0;
    values[2] = null;
    const h = extrusionHeights(view(values));
    expect(h.get('01')).toBeCloseTo(MAX_HEIGHT);
    expect(h.get('04')).toBeCloseTo(MIN_HEIGHT);
    expect(h.get('15')).toBeCloseTo(MIN_HEIGHT + (MAX_HEIGHT - MIN_HEIGHT) / 2);
    expect(h.get('08')).toBe(NO_DATA_HEIGHT);
    expect(h.size).toBe(34);
  });

  it('measures from the lowest figure when some are negative, and clamps to a fixed domain', () => {
    const values = PROVINCE_CODES.map((_, i) => (i === 0 ? -4 : i === 1 ? 6 : 1));
    const h = extrusionHeights(view(values));
    expect(h.get('01')).toBeCloseTo(MIN_HEIGHT);
    expect(h.get('04')).toBeCloseTo(MAX_HEIGHT);
    const fixed = extrusionHeights(view(values), { min: 0, max: 2 });
    expect(fixed.get('01')).toBeCloseTo(MIN_HEIGHT);
    expect(fixed.get('04')).toBeCloseTo(MAX_HEIGHT);
    expect(fixed.get('08')).toBeCloseTo(MIN_HEIGHT + (MAX_HEIGHT - MIN_HEIGHT) / 2);
  });

  it('has nothing to stand without a view', () => {
    expect(extrusionHeights(null).size).toBe(0);
  });
});

describe('top-N labels', () => {
  it('labels the n highest provinces, rank 1 first, with vi-VN figures, skipping no data', () => {
    const values: (number | null | undefined)[] = PROVINCE_CODES.map((_, i) => i / 10);
    values[33] = null; // Cà Mau, which would be the highest
    const labels = topLabels(view(values), 3);
    expect(labels).toEqual([
      // Cà Mau has no figure: 33 provinces ranked.
      { code: '92', rank: 1, rankText: 'hạng 1/33', rankTextEn: 'rank 1/33', name: 'Cần Thơ', valueText: '3,2' },
      { code: '91', rank: 2, rankText: 'hạng 2/33', rankTextEn: 'rank 2/33', name: 'An Giang', valueText: '3,1' },
      { code: '86', rank: 3, rankText: 'hạng 3/33', rankTextEn: 'rank 3/33', name: 'Vĩnh Long', valueText: '3,0' }, // one number of decimals for the whole map
    ]);
    expect(topLabels(view(values), 0)).toEqual([]);
    expect(topLabels(null, 5)).toEqual([]);
  });

  it('shows labels in order, each only where it meets none shown before', () => {
    const r = (left: number, top: number) => ({ left, top, right: left + 10, bottom: top + 10 });
    const shown = visibleLabels([
      { key: 'a', rect: r(0, 0), onScreen: true },
      { key: 'b', rect: r(5, 5), onScreen: true },
      { key: 'c', rect: r(20, 0), onScreen: false },
      { key: 'd', rect: r(20, 0), onScreen: true },
    ]);
    expect([...shown]).toEqual(['a', 'd']);
  });
});

describe('the camera’s swing', () => {
  it('sways within ±amplitude at the given peak speed, and stays still at speed 0', () => {
    const o = { speed: 4, amplitude: 20, tilt: 58 };
    const samples = Array.from({ length: 400 }, (_, i) => orbitAzimuth(i * 0.25, o));
    expect(Math.max(...samples)).toBeLessThanOrEqual(20);
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(-20);
    expect(Math.max(...samples)).toBeGreaterThan(19.5);
    // Peak speed ≈ 4°/s through the middle.
    expect((orbitAzimuth(0.01, o) - orbitAzimuth(0, o)) / 0.01).toBeCloseTo(4, 1);
    expect(orbitAzimuth(12, { ...o, speed: 0 })).toBe(0);
    expect(swingSamples(20, false)).toEqual([0]);
    expect(swingSamples(20, true)).toContain(-20);
  });

  it('looks north from the south at azimuth 0, from above at the tilt', () => {
    const [x, y, z] = cameraPosition([0, 0, 0], 0, 90, 10);
    expect(Math.abs(x)).toBeLessThan(1e-9);
    expect(Math.abs(y)).toBeLessThan(1e-9);
    expect(z).toBeCloseTo(10);
    const p = cameraPosition([0, 0, 0], 0, 30, 10);
    expect(p[1]).toBeLessThan(0);
    expect(p[2]).toBeCloseTo(5);
  });

  it('backs off far enough that every point stays in the frame through the swing', () => {
    const points: [number, number, number][] = [];
    for (const x of [-50, 50]) for (const y of [-40, 45]) for (const z of [0, MAX_HEIGHT]) points.push([x, y, z]);
    const target: [number, number, number] = [0, 0, 4];
    const fov = 30;
    for (const aspect of [0.6, 1, 1.8]) {
      const azimuths = swingSamples(20, true);
      const d = fitCameraDistance(points, target, 58, azimuths, fov, aspect, 1);
      const tv = Math.tan(((fov / 2) * Math.PI) / 180);
      for (const az of azimuths) {
        const cam = cameraPosition(target, az, 58, d);
        // Camera basis.
        const f = [target[0] - cam[0], target[1] - cam[1], target[2] - cam[2]];
        const fl = Math.hypot(...f);
        const fw = f.map((v) => v / fl);
        const r = [fw[1]!, -fw[0]!, 0];
        const rl = Math.hypot(...r);
        const rw = r.map((v) => v / rl);
        const u = [rw[1]! * fw[2]! - 0, 0 - rw[0]! * fw[2]!, rw[0]! * fw[1]! - rw[1]! * fw[0]!];
        for (const p of points) {
          const q = [p[0] - cam[0], p[1] - cam[1], p[2] - cam[2]];
          const depth = q[0]! * fw[0]! + q[1]! * fw[1]! + q[2]! * fw[2]!;
          const x = q[0]! * rw[0]! + q[1]! * rw[1]!;
          const y = q[0]! * u[0]! + q[1]! * u[1]! + q[2]! * u[2]!;
          expect(Math.abs(x)).toBeLessThanOrEqual(depth * tv * aspect + 1e-6);
          expect(Math.abs(y)).toBeLessThanOrEqual(depth * tv + 1e-6);
        }
      }
    }
  });
});

describe('outline simplification', () => {
  it('drops points that stray less than the tolerance and keeps the corners', () => {
    const ring = [new Vector2(0, 0), new Vector2(5, 0.01), new Vector2(10, 0), new Vector2(10, 10), new Vector2(5, 10.02), new Vector2(0, 10)];
    const out = simplifyRing(ring, 0.05);
    expect(out.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ]);
    expect(simplifyRing(ring, 0)).toHaveLength(6);
  });
});
