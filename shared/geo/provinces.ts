import { geoArea } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { z } from 'zod';
import { formatErrors, issuesToErrors, type ValidationError } from '../layout/load';

/**
 * The province boundaries (TopoJSON, WGS84 longitude/latitude) as typed GeoJSON for the
 * map widgets. The file is read at run time from a configurable place, never bundled.
 */

/** The name of the TopoJSON object that holds the provinces. */
export const PROVINCES_OBJECT = 'provinces';

export const provinceCodeSchema = z.string().regex(/^\d{2}$/, 'province code: two digits (Decision 19/2025/QĐ-TTg)');

export const provincePropertiesSchema = z.looseObject({
  code: provinceCodeSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  fullName: z.string().min(1).optional(),
  fullNameEn: z.string().min(1).optional(),
  areaKm2: z.number().positive().optional(),
});

export interface ProvinceProperties {
  /** Official two-digit code, e.g. "01" Hà Nội, "79" Hồ Chí Minh. */
  code: string;
  /** Vietnamese short name, e.g. "Khánh Hòa". */
  name: string;
  /** English short name without diacritics, e.g. "Khanh Hoa". */
  nameEn: string;
  fullName?: string;
  fullNameEn?: string;
  areaKm2?: number;
}

export type ProvinceGeometry = Polygon | MultiPolygon;
export type ProvinceFeature = Feature<ProvinceGeometry, ProvinceProperties> & { id: string };
export interface ProvinceCollection extends FeatureCollection<ProvinceGeometry, ProvinceProperties> {
  features: ProvinceFeature[];
}

const position = z.array(z.number()).min(2);
const arcIndex = z.number().int();
const polygonArcs = z.array(z.array(arcIndex).min(1));

const provinceGeometrySchema = z.discriminatedUnion(
  'type',
  [
    z.looseObject({ type: z.literal('Polygon'), arcs: polygonArcs, properties: provincePropertiesSchema }),
    z.looseObject({ type: z.literal('MultiPolygon'), arcs: z.array(polygonArcs).min(1), properties: provincePropertiesSchema }),
  ],
  { error: 'expected a Polygon or MultiPolygon geometry with properties code, name and nameEn' },
);

const topologySchema = z
  .looseObject({
    type: z.literal('Topology', { error: 'expected "type": "Topology" (a TopoJSON file)' }),
    arcs: z.array(z.array(position)),
    transform: z.object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) }).optional(),
    objects: z.looseObject({
      [PROVINCES_OBJECT]: z.looseObject(
        {
          type: z.literal('GeometryCollection', { error: `expected the object "${PROVINCES_OBJECT}" to be a GeometryCollection` }),
          geometries: z.array(provinceGeometrySchema).min(1),
        },
        { error: `expected a TopoJSON object named "${PROVINCES_OBJECT}" holding the provinces` },
      ),
    }),
  })
  .superRefine((topology, ctx) => {
    const arcCount = topology.arcs.length;
    const geometries = topology.objects[PROVINCES_OBJECT].geometries;
    const codes = new Map<string, number>();
    geometries.forEach((geometry, index) => {
      const path = ['objects', PROVINCES_OBJECT, 'geometries', index];
      const code = geometry.properties.code;
      const seen = codes.get(code);
      if (seen !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'properties', 'code'],
          message: `duplicate province code "${code}" (also geometries[${seen}])`,
        });
      } else {
        codes.set(code, index);
      }
      const rings = geometry.type === 'Polygon' ? geometry.arcs : geometry.arcs.flat();
      const bad = rings.flat().find((i) => (i < 0 ? ~i : i) >= arcCount);
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', path: [...path, 'arcs'], message: `arc index ${bad} is past the topology's ${arcCount} arcs` });
      }
    });
  });

/** The boundary data is not what the map expects; `errors` lists every fault with its JSON path. */
export class GeoDataError extends Error {
  constructor(
    readonly source: string,
    readonly errors: ValidationError[],
  ) {
    super(formatErrors(source, errors));
    this.name = 'GeoDataError';
  }
}

const ringArea = (rings: Position[][]) => geoArea({ type: 'Polygon', coordinates: rings });

/**
 * d3-geo reads a polygon's exterior ring as clockwise (on the sphere); RFC 7946 GeoJSON
 * winds it anticlockwise, which d3 takes for "the whole globe except this shape". Any
 * polygon whose area exceeds a hemisphere is turned around, so that both windings work.
 */
function d3Winding(rings: Position[][]): Position[][] {
  return ringArea(rings) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
}

/**
 * The provinces of a parsed TopoJSON document as GeoJSON features with typed properties,
 * in file order, each feature's `id` its code, polygons wound as d3-geo expects.
 * Throws a `GeoDataError` naming `source` (say, the file's path) and every faulty JSON path
 * when the document is not a topology with a `provinces` collection of coded polygons.
 */
export function provincesFromTopology(topology: unknown, source = 'province boundaries'): ProvinceCollection {
  const parsed = topologySchema.safeParse(topology);
  if (!parsed.success) throw new GeoDataError(source, issuesToErrors(parsed.error.issues));
  const topo = parsed.data as unknown as Topology;
  const collection = feature(topo, topo.objects[PROVINCES_OBJECT] as GeometryCollection) as FeatureCollection<ProvinceGeometry | null>;
  const features = collection.features.map((f, index): ProvinceFeature => {
    const props = provincePropertiesSchema.parse(f.properties);
    const geometry = f.geometry;
    if (!geometry) throw new GeoDataError(source, [{ path: `$.objects.${PROVINCES_OBJECT}.geometries[${index}]`, message: 'no geometry' }]);
    const properties: ProvinceProperties = { code: props.code, name: props.name, nameEn: props.nameEn };
    if (props.fullName !== undefined) properties.fullName = props.fullName;
    if (props.fullNameEn !== undefined) properties.fullNameEn = props.fullNameEn;
    if (props.areaKm2 !== undefined) properties.areaKm2 = props.areaKm2;
    return {
      type: 'Feature',
      id: props.code,
      properties,
      geometry:
        geometry.type === 'Polygon'
          ? { type: 'Polygon', coordinates: d3Winding(geometry.coordinates) }
          : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(d3Winding) },
    };
  });
  return { type: 'FeatureCollection', features };
}

/** The polygons of a province, each as a Polygon geometry. */
export function polygonsOf(geometry: ProvinceGeometry): Polygon[] {
  return geometry.type === 'Polygon'
    ? [geometry]
    : geometry.coordinates.map((coordinates): Polygon => ({ type: 'Polygon', coordinates }));
}
