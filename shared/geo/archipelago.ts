import { geoCentroid, geoDistance } from 'd3-geo';
import type { Polygon } from 'geojson';
import { mainlandPolygon } from './label';
import { polygonsOf, type ProvinceFeature } from './provinces';

/**
 * The far-off archipelagos — Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa) — found by
 * distance rather than by name: a polygon of a province whose centre lies farther than
 * `minDistanceKm` from every point of the province's mainland. Near-shore islands stay
 * with the mainland: Phú Quý (Lâm Đồng, ~75 km out), Bạch Long Vĩ (Hải Phòng, ~115 km),
 * Thổ Chu (An Giang, ~150 km), Côn Đảo (Hồ Chí Minh, ~190 km). The nearest archipelago
 * polygon, in Hoàng Sa, lies ~270 km out; the threshold sits between the two (their
 * geometric mean). Any map of the whole country shows the archipelagos; separating them
 * lets a widget fit its projection to the mainland and draw them in an inset, or give
 * them their own labels.
 */
export const ARCHIPELAGO_MIN_DISTANCE_KM = 225;

const EARTH_RADIUS_KM = 6371.0088;

export interface ArchipelagoOptions {
  /** Default `ARCHIPELAGO_MIN_DISTANCE_KM`. */
  minDistanceKm?: number;
}

/** A province's polygons split into the mainland side and the far-off archipelago side. */
export function splitArchipelago(province: ProvinceFeature, options: ArchipelagoOptions = {}): { near: Polygon[]; far: Polygon[] } {
  const threshold = (options.minDistanceKm ?? ARCHIPELAGO_MIN_DISTANCE_KM) / EARTH_RADIUS_KM;
  const mainland = mainlandPolygon(province);
  const coast = mainland.coordinates[0] ?? [];
  const near: Polygon[] = [];
  const far: Polygon[] = [];
  for (const polygon of polygonsOf(province.geometry)) {
    if (polygon.coordinates === mainland.coordinates) {
      near.push(polygon);
      continue;
    }
    const centre = geoCentroid(polygon);
    const isFar = coast.every((point) => geoDistance(centre, point as [number, number]) > threshold);
    (isFar ? far : near).push(polygon);
  }
  return { near, far };
}

const withPolygons = (province: ProvinceFeature, polygons: Polygon[]): ProvinceFeature => ({
  ...province,
  geometry:
    polygons.length === 1 ? polygons[0]! : { type: 'MultiPolygon', coordinates: polygons.map((p) => p.coordinates) },
});

/**
 * The archipelagos as features: for each province that has any, a copy holding only its
 * far-off polygons (same id and properties). For the whole country: Đà Nẵng with Hoàng Sa
 * and Khánh Hòa with Trường Sa.
 */
export function archipelagoFeatures(provinces: ReadonlyArray<ProvinceFeature>, options: ArchipelagoOptions = {}): ProvinceFeature[] {
  return provinces.flatMap((province) => {
    const { far } = splitArchipelago(province, options);
    return far.length > 0 ? [withPolygons(province, far)] : [];
  });
}

/** The provinces without their far-off archipelagos (near-shore islands kept). */
export function withoutArchipelagos(provinces: ReadonlyArray<ProvinceFeature>, options: ArchipelagoOptions = {}): ProvinceFeature[] {
  return provinces.map((province) => {
    const { near, far } = splitArchipelago(province, options);
    return far.length > 0 ? withPolygons(province, near) : province;
  });
}
