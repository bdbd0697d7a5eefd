import { mapGeoSpec } from '../../../shared/widgets/map-geo/definition';
import { defineWidget } from '../common/define-widget';
import { MapGeoTile } from './MapGeoTile';

export const mapGeoWidget = defineWidget(mapGeoSpec, MapGeoTile);
