import { BufferGeometry, ExtrudeGeometry, Float32BufferAttribute, Path, Shape, Vector2 } from 'three';
import type { Polygon, Position } from 'geojson';
import { fitProjection, polygonsOf, type ProvinceFeature } from '../../../shared/geo';
import type { PreparedGeo } from '../../geo/prepare';

/**
 * The provinces as three.js geometry, built ONCE per boundary file and shared by every 3D
 * tile of the window (and by every renderer: after a context loss three uploads them
 * again by itself). Each province is extruded to a depth of 1 in a plane 100 units across
 * (north up, +z up); a tile stands it to its figure's height with `mesh.scale.z`, so a
 * new figure never rebuilds geometry. Built one province per task, so the page keeps
 * painting while it works.
 */

export const PLANE_SIZE = 100;

export interface ProvinceGeometry {
  code: string;
  /** Mainland and near-shore islands; null if degenerate. */
  body: ExtrudeGeometry | null;
  /** The top outline (z = 1) of the body, as line segments. */
  outline: BufferGeometry | null;
  /** Far-off archipelago polygons (Hoàng Sa, Trường Sa), if any. */
  archipelago: ExtrudeGeometry | null;
  /** Label anchor in the plane. */
  anchor: [number, number];
}

export interface ArchipelagoAnchor {
  id: string | null;
  name: string | null;
  province: string;
  anchor: [number, number];
}

export interface GeometrySet {
  provinces: ProvinceGeometry[];
  archipelagos: ArchipelagoAnchor[];
  /** Centre of everything drawn, and the radius around it that holds it all. */
  centre: [number, number];
  radius: number;
  /** A sample of the outlines' points (every few), for fitting the camera. */
  outlineSample: [number, number][];
}

type Project = (p: Position) => [number, number];

/**
 * How far (plane units; the map is 100 across) a simplified outline may stray from the
 * file's: about a pixel of a full-wall tile. The boundary file is detailed for a flat map
 * seen up close; extruded and seen at an angle, a third of its points look the same and
 * cost a third of the vertices (a software renderer feels every one).
 */
export const SIMPLIFY_TOLERANCE = 0.08;

/** Douglas–Peucker on a closed ring (first point kept), iteratively. */
export function simplifyRing(points: readonly Vector2[], tolerance: number): Vector2[] {
  if (points.length <= 4 || tolerance <= 0) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  // Split the ring at its farthest point from the first so both halves are open chains.
  let far = 0;
  let farD = -1;
  for (let i = 1; i < points.length; i++) {
    const d = points[i]!.distanceToSquared(points[0]!);
    if (d > farD) [far, farD] = [i, d];
  }
  keep[far] = 1;
  const stack: [number, number][] = [
    [0, far],
    [far, points.length - 1],
  ];
  const tol2 = tolerance * tolerance;
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const pa = points[a]!;
    const pb = points[b]!;
    const dx = pb.x - pa.x;
    const dy = pb.y - pa.y;
    const len2 = dx * dx + dy * dy;
    let index = -1;
    let max = tol2;
    for (let i = a + 1; i < b; i++) {
      const p = points[i]!;
      let d: number;
      if (len2 === 0) d = p.distanceToSquared(pa);
      else {
        const t = Math.max(0, Math.min(1, ((p.x - pa.x) * dx + (p.y - pa.y) * dy) / len2));
        const qx = pa.x + t * dx - p.x;
        const qy = pa.y + t * dy - p.y;
        d = qx * qx + qy * qy;
      }
      if (d > max) [index, max] = [i, d];
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function ringPoints(ring: Position[], project: Project): Vector2[] {
  const points: Vector2[] = [];
  for (const position of ring) {
    const [x, y] = project(position);
    const last = points[points.length - 1];
    if (last && Math.abs(last.x - x) < 1e-6 && Math.abs(last.y - y) < 1e-6) continue;
    points.push(new Vector2(x, y));
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && points.length > 1 && first.distanceTo(last) < 1e-6) points.pop();
  const simplified = simplifyRing(points, SIMPLIFY_TOLERANCE);
  return simplified.length >= 3 ? simplified : points;
}

function shapesOf(polygons: Polygon[], project: Project): Shape[] {
  const shapes: Shape[] = [];
  for (const polygon of polygons) {
    const [outer, ...holes] = polygon.coordinates;
    if (!outer) continue;
    const points = ringPoints(outer, project);
    if (points.length < 3) continue;
    const shape = new Shape(points);
    for (const hole of holes) {
      const hp = ringPoints(hole, project);
      if (hp.length >= 3) shape.holes.push(new Path(hp));
    }
    shapes.push(shape);
  }
  return shapes;
}

function extrude(shapes: Shape[]): ExtrudeGeometry | null {
  if (shapes.length === 0) return null;
  return new ExtrudeGeometry(shapes, { depth: 1, bevelEnabled: false, curveSegments: 1, steps: 1 });
}

/** Line segments along the outer rings at z = 1 (the top, once scaled). */
function outlineOf(shapes: Shape[]): BufferGeometry | null {
  const positions: number[] = [];
  for (const shape of shapes) {
    const pts = shape.getPoints();
    for (let i = 0; i < pts.length; i++) {
      const a = pts[i]!;
      const b = pts[(i + 1) % pts.length]!;
      positions.push(a.x, a.y, 1.001, b.x, b.y, 1.001);
    }
  }
  if (positions.length === 0) return null;
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  return geometry;
}

export type Pause = () => Promise<void>;

export async function buildGeometrySet(geo: PreparedGeo, pause?: Pause): Promise<GeometrySet> {
  const projection = fitProjection(geo.collection, PLANE_SIZE, PLANE_SIZE);
  const half = PLANE_SIZE / 2;
  const project: Project = (p) => {
    const xy = projection([p[0]!, p[1]!]) ?? [half, half];
    return [xy[0] - half, half - xy[1]];
  };
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const outlineSample: [number, number][] = [];
  const farByProvince = new Map(geo.archipelagos.map((a) => [a.province, a]));
  const provinces: ProvinceGeometry[] = [];
  for (const province of geo.provinces) {
    if (pause) await pause();
    const nearShapes = shapesOf(polygonsOf(province.near.geometry), project);
    const far = farByProvince.get(province.code);
    const farShapes = far ? shapesOf(polygonsOf((far.feature as ProvinceFeature).geometry), project) : [];
    for (const shape of [...nearShapes, ...farShapes]) {
      const points = shape.getPoints();
      const step = Math.max(1, Math.floor(points.length / 24));
      for (let i = 0; i < points.length; i += step) outlineSample.push([points[i]!.x, points[i]!.y]);
      for (const p of points) {
        if (p.x < minX) minX = p.x;
        if (p.x > maxX) maxX = p.x;
        if (p.y < minY) minY = p.y;
        if (p.y > maxY) maxY = p.y;
      }
    }
    provinces.push({
      code: province.code,
      body: extrude(nearShapes),
      outline: outlineOf(nearShapes),
      archipelago: extrude(farShapes),
      anchor: project(province.label),
    });
  }
  const centre: [number, number] = Number.isFinite(minX) ? [(minX + maxX) / 2, (minY + maxY) / 2] : [0, 0];
  let radius = 1;
  for (const p of provinces) {
    for (const g of [p.body, p.archipelago]) {
      if (!g) continue;
      g.computeBoundingBox();
      const box = g.boundingBox!;
      for (const x of [box.min.x, box.max.x]) {
        for (const y of [box.min.y, box.max.y]) radius = Math.max(radius, Math.hypot(x - centre[0], y - centre[1]));
      }
    }
  }
  return {
    provinces,
    archipelagos: geo.archipelagos.map((a) => ({ id: a.id, name: a.name?.vi ?? null, province: a.province, anchor: project(a.anchor) })),
    centre,
    radius,
    outlineSample,
  };
}

const cache = new WeakMap<PreparedGeo, Promise<GeometrySet>>();
const yieldToPage: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The window's geometry for a boundary file (built on first use, then shared). */
export function geometrySetFor(geo: PreparedGeo): Promise<GeometrySet> {
  let set = cache.get(geo);
  if (!set) {
    set = buildGeometrySet(geo, yieldToPage);
    cache.set(geo, set);
  }
  return set;
}
