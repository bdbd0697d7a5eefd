import { mapTilesSpec } from '../../../shared/widgets/map-tiles/definition';
import { defineWidget } from '../common/define-widget';
import { MapTilesTile } from './MapTilesTile';

export const mapTilesWidget = defineWidget(mapTilesSpec, MapTilesTile);
