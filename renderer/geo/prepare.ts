import { geoBounds, geoCentroid } from 'd3';
import type { Polygon } from 'geojson';
import {
  labelPoint,
  mainlandPolygon,
  provincesFromTopology,
  splitArchipelago,
  type ProvinceCollection,
  type ProvinceFeature,
} from '../../shared/geo';
import type { Bilingual } from '../../shared/i18n';

/**
 * The boundary file made ready for drawing, once per page: the provinces with their
 * mainland polygon and label point, the far-off archipelagos apart (Hoàng Sa with
 * Đà Nẵng, Trường Sa with Khánh Hòa) with their names. Pure (no DOM): the page's loader
 * and the tests both use it.
 */

export interface PreparedProvince {
  code: string;
  name: string;
  nameEn: string;
  /** Every polygon, archipelagos included. */
  feature: ProvinceFeature;
  /** Without the far-off archipelagos (near-shore islands kept). */
  near: ProvinceFeature;
  /** The largest polygon: where the label goes and whose box it must fit. */
  mainland: Polygon;
  /** [lon, lat] of the label (shared/geo labelPoint). */
  label: [number, number];
}

export type ArchipelagoId = 'hoang-sa' | 'truong-sa';

export interface PreparedArchipelago {
  /** Known archipelagos have an id and a name; other far-off polygons (none today) have neither. */
  id: ArchipelagoId | null;
  name: Bilingual | null;
  /** The province it belongs to. */
  province: string;
  /** Its polygons only, as a feature of that province. */
  feature: ProvinceFeature;
  /** [lon, lat]: the centre of its bounding box. */
  anchor: [number, number];
}

export interface PreparedGeo {
  collection: ProvinceCollection;
  provinces: PreparedProvince[];
  byCode: ReadonlyMap<string, PreparedProvince>;
  archipelagos: PreparedArchipelago[];
}

/** The archipelagos an official Vietnamese map names, by the province that holds them. */
export const ARCHIPELAGO_NAMES: Readonly<Record<string, { id: ArchipelagoId; name: Bilingual }>> = {
  '48': { id: 'hoang-sa', name: { vi: 'Quần đảo Hoàng Sa', en: 'Hoang Sa (Paracel) Islands' } },
  '56': { id: 'truong-sa', name: { vi: 'Quần đảo Trường Sa', en: 'Truong Sa (Spratly) Islands' } },
};

const asFeature = (province: ProvinceFeature, polygons: Polygon[]): ProvinceFeature => ({
  ...province,
  geometry: polygons.length === 1 ? polygons[0]! : { type: 'MultiPolygon', coordinates: polygons.map((p) => p.coordinates) },
});

/** One province's part of the preparation. */
function prepareProvince(feature: ProvinceFeature): { province: PreparedProvince; archipelago: PreparedArchipelago | null } {
  const { near, far } = splitArchipelago(feature);
  const province: PreparedProvince = {
    code: feature.properties.code,
    name: feature.properties.name,
    nameEn: feature.properties.nameEn,
    feature,
    near: far.length > 0 ? asFeature(feature, near) : feature,
    mainland: mainlandPolygon(feature),
    label: labelPoint(feature),
  };
  if (far.length === 0) return { province, archipelago: null };
  const farFeature = asFeature(feature, far);
  const [[w, s], [e, n]] = geoBounds(farFeature);
  const known = ARCHIPELAGO_NAMES[province.code];
  const anchor: [number, number] = Number.isFinite(w + s + e + n) ? [(w + e) / 2, (s + n) / 2] : (geoCentroid(farFeature) as [number, number]);
  return {
    province,
    archipelago: { id: known?.id ?? null, name: known?.name ?? null, province: province.code, feature: farFeature, anchor },
  };
}

/** Lets the page paint between steps (the whole preparation takes ~100–200 ms). */
export type Yield = () => Promise<void>;

function assemble(collection: ProvinceCollection, parts: ReturnType<typeof prepareProvince>[]): PreparedGeo {
  const provinces = parts.map((p) => p.province);
  const archipelagos = parts.flatMap((p) => (p.archipelago ? [p.archipelago] : []));
  return { collection, provinces, byCode: new Map(provinces.map((p) => [p.code, p])), archipelagos };
}

/**
 * Parses (validating: a `GeoDataError` lists every fault) and prepares a TopoJSON document.
 * With `pause`, yields between provinces so a frame is never held up for long.
 */
export async function prepareGeo(topology: unknown, source: string, pause?: Yield): Promise<PreparedGeo> {
  const collection = provincesFromTopology(topology, source);
  const parts: ReturnType<typeof prepareProvince>[] = [];
  for (const feature of collection.features) {
    if (pause) await pause();
    parts.push(prepareProvince(feature));
  }
  return assemble(collection, parts);
}

/** The same, in one go (tests, workers). */
export function prepareGeoSync(topology: unknown, source = 'province boundaries'): PreparedGeo {
  const collection = provincesFromTopology(topology, source);
  return assemble(collection, collection.features.map(prepareProvince));
}
