import { tickerSpec } from '../../../shared/widgets/ticker/definition';
import { defineWidget } from '../common/define-widget';
import { TickerTile } from './TickerTile';

export const tickerWidget = defineWidget(tickerSpec, TickerTile);
