/**
 * Pure helpers for the map widgets: the province boundaries as typed GeoJSON, label
 * points on each province's mainland, the far-off archipelagos, the fitted projection and
 * the tile-grid map. d3-geo and topojson-client are pure JavaScript: no DOM, no Node.
 */
export {
  GeoDataError,
  PROVINCES_OBJECT,
  polygonsOf,
  provinceCodeSchema,
  provincePropertiesSchema,
  provincesFromTopology,
  type ProvinceCollection,
  type ProvinceFeature,
  type ProvinceGeometry,
  type ProvinceProperties,
} from './provinces';
export { labelPoint, mainlandPolygon, poleOfInaccessibility } from './label';
export {
  ARCHIPELAGO_MIN_DISTANCE_KM,
  archipelagoFeatures,
  splitArchipelago,
  withoutArchipelagos,
  type ArchipelagoOptions,
} from './archipelago';
export { fitProjection, type FitOptions, type Padding } from './projection';
export {
  loadTileMap,
  placeTiles,
  tileMapSchema,
  validateTileMap,
  type PlacedTile,
  type TileMap,
  type TileMapOptions,
  type TileMapTile,
} from './tile-map';
