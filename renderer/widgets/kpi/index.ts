import { kpiSpec } from '../../../shared/widgets/kpi/definition';
import { defineWidget } from '../common/define-widget';
import { KpiTile } from './KpiTile';

export const kpiWidget = defineWidget(kpiSpec, KpiTile);
