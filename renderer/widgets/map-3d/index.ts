import { map3dSpec } from '../../../shared/widgets/map-3d/definition';
import { defineWidget } from '../common/define-widget';
import { Map3dTile } from './Map3dTile';

export const map3dWidget = defineWidget(map3dSpec, Map3dTile);
