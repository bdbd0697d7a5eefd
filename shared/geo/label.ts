import { geoArea, geoCentroid, geoContains } from 'd3-geo';
import type { Polygon, Position } from 'geojson';
import { polygonsOf, type ProvinceFeature, type ProvinceGeometry } from './provinces';

/**
 * Where to put a province's name. Khánh Hòa (Trường Sa) and Đà Nẵng (Hoàng Sa) reach far
 * out to sea, so the centroid of the whole province can land in the water: labels go on
 * the largest polygon, which for every province is its mainland.
 */

/** The largest polygon by spherical area (d3.geoArea): the mainland of a province with islands. */
export function mainlandPolygon(province: ProvinceFeature | ProvinceGeometry): Polygon {
  const geometry = 'geometry' in province ? province.geometry : province;
  let best: Polygon | undefined;
  let bestArea = -1;
  for (const polygon of polygonsOf(geometry)) {
    const area = geoArea(polygon);
    if (area > bestArea) [best, bestArea] = [polygon, area];
  }
  if (!best) throw new Error('geo: a province without polygons');
  return best;
}

/**
 * The point to anchor a province's label, [longitude, latitude]: the spherical centroid of
 * its mainland polygon, or — when that centroid falls outside the polygon (a crescent, a
 * long coast) — the polygon's pole of inaccessibility, the interior point farthest from its
 * edges (see `poleOfInaccessibility`).
 */
export function labelPoint(province: ProvinceFeature | ProvinceGeometry): [number, number] {
  const mainland = mainlandPolygon(province);
  const [lon, lat] = geoCentroid(mainland);
  if (geoContains(mainland, [lon, lat])) return [lon, lat];
  return poleOfInaccessibility(mainland);
}

/** Signed distance from (x, y) to the rings: positive inside, negative outside (planar). */
function signedDistance(x: number, y: number, rings: Position[][]): number {
  let inside = false;
  let minSq = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i] as [number, number];
      const [bx, by] = ring[j] as [number, number];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      // Squared distance to the segment a–b.
      let px = ax;
      let py = ay;
      const dx = bx - ax;
      const dy = by - ay;
      if (dx !== 0 || dy !== 0) {
        const t = ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
        if (t > 1) [px, py] = [bx, by];
        else if (t > 0) [px, py] = [ax + dx * t, ay + dy * t];
      }
      minSq = Math.min(minSq, (x - px) ** 2 + (y - py) ** 2);
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minSq);
}

interface Cell {
  x: number;
  y: number;
  /** Half the cell's side. */
  h: number;
  /** Signed distance of the centre to the polygon. */
  d: number;
  /** The best distance any point of the cell could have. */
  max: number;
}

const cell = (x: number, y: number, h: number, rings: Position[][]): Cell => {
  const d = signedDistance(x, y, rings);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
};

/** A max-heap of cells on `max`. */
class CellQueue {
  private readonly items: Cell[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: Cell): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]!.max >= a[i]!.max) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }
  pop(): Cell | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.max > a[m]!.max) m = l;
        if (r < a.length && a[r]!.max > a[m]!.max) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * The pole of inaccessibility of a polygon, [longitude, latitude], to within
 * `precision` of the polygon's size: the interior point farthest from every edge (the
 * quadtree search of Mapbox's polylabel, written here). Computed in a local
 * equirectangular plane (longitude × cos of the mean latitude), which keeps distances
 * true enough at a province's scale.
 */
export function poleOfInaccessibility(polygon: Polygon, precision = 1e-3): [number, number] {
  const outer = polygon.coordinates[0];
  if (!outer || outer.length < 4) throw new Error('geo: a polygon needs a closed ring of at least 3 points');
  const lats = outer.map((p) => p[1]!);
  const k = Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
  const rings = polygon.coordinates.map((ring) => ring.map(([lon, lat]) => [lon! * k, lat!]));
  const xs = rings[0]!.map((p) => p[0]!);
  const ys = rings[0]!.map((p) => p[1]!);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const size = Math.min(maxX - minX, maxY - minY);
  const tolerance = precision * Math.max(maxX - minX, maxY - minY);
  const unproject = (c: Cell): [number, number] => [c.x / k, c.y];
  if (size === 0) return unproject({ x: minX, y: minY, h: 0, d: 0, max: 0 });

  const queue = new CellQueue();
  const h = size / 2;
  for (let x = minX; x < maxX; x += size) {
    for (let y = minY; y < maxY; y += size) queue.push(cell(x + h, y + h, h, rings));
  }
  // Start from the planar centroid of the bounding box; any interior cell beats it.
  let best = cell((minX + maxX) / 2, (minY + maxY) / 2, 0, rings);
  for (let c = queue.pop(); c; c = queue.pop()) {
    if (c.d > best.d) best = c;
    if (c.max - best.d <= tolerance) continue;
    const q = c.h / 2;
    queue.push(cell(c.x - q, c.y - q, q, rings));
    queue.push(cell(c.x + q, c.y - q, q, rings));
    queue.push(cell(c.x - q, c.y + q, q, rings));
    queue.push(cell(c.x + q, c.y + q, q, rings));
  }
  return unproject(best);
}
