import { timeseriesSpec } from '../../../shared/widgets/timeseries/definition';
import { defineWidget } from '../common/define-widget';
import { TimeSeriesTile } from './TimeSeriesTile';

export const timeseriesWidget = defineWidget(timeseriesSpec, TimeSeriesTile);
