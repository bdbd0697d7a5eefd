import { clockSpec } from '../../../shared/widgets/clock/definition';
import { defineWidget } from '../common/define-widget';
import { ClockTile } from './ClockTile';

export const clockWidget = defineWidget(clockSpec, ClockTile);
