import { comparisonSpec } from '../../../shared/widgets/comparison/definition';
import { defineWidget } from '../common/define-widget';
import { ComparisonTile } from './ComparisonTile';

export const comparisonWidget = defineWidget(comparisonSpec, ComparisonTile);
