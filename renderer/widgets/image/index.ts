import { imageSpec } from '../../../shared/widgets/image/definition';
import { defineWidget } from '../common/define-widget';
import { ImageTile } from './ImageTile';

export const imageWidget = defineWidget(imageSpec, ImageTile);
