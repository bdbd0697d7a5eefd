import { useCallback, type CSSProperties } from 'react';
import { messages } from '../../../shared/i18n';
import { ChartDemoMark, ChartPeriod, ChartTitle, ChartUnit } from '../common/chart-header';
import { NATIONAL_REGION } from '../../../shared/protocol/codes';
import type { Observation } from '../../../shared/protocol/model';
import { TIMESERIES_MAX_SERIES } from '../../../shared/widgets/timeseries/definition';
import { periodsKey, type WallStoreState } from '../../store/wallStore';
import { useNow } from '../common/useNow';
import { ChartCanvas, type CanvasSize } from '../common/chart-canvas';
import { useWallDerived } from '../common/chart-derived';
import { useRevisions } from '../common/chart-history';
import type { WidgetProps } from '../common/types';
import { drawTimeSeries } from './draw';
import { plotX, plotY, timeSeriesModel, type TimeSeriesModel, type TsSeries } from './model';
import '../common/chart-base.css';
import './timeseries.css';

/** Sizes in cqh, mirrored in timeseries.css: the axis and legend text is the smallest (catalogue: 0.055). */
const LABEL_CQH = 5.6;
/** Width the value-axis column and the tile's side padding take, in cqh. */
const Y_AXIS_CQH = 15;

/**
 * The plot's height, roughly (cqh): the tile less its padding, the header (title and meta
 * line), the legend (a line per series, at most four), the period axis and the gaps.
 */
function plotHeightCqh(series: number, title: boolean): number {
  const legendLines = Math.min(4, series === 1 ? 1 : series + 1);
  return 100 - 5.5 - (title ? 8.6 : 0) - 6.7 - legendLines * 7 - 7.5 - 4.2;
}

function Swatch({ s }: { s: TsSeries }) {
  return (
    <svg className="ts__swatch" viewBox="0 0 24 8" aria-hidden="true">
      <line x1="1" y1="4" x2="23" y2="4" stroke={s.colour} strokeWidth="3" strokeLinecap="round" strokeDasharray={s.dash.length ? s.dash.map((d) => d * 3).join(' ') : undefined} />
    </svg>
  );
}

function seriesNote(s: TsSeries): string | null {
  if (s.status === 'other-unit') return `${messages.otherUnit.vi} (${s.unit ?? ''})`;
  if (s.status === 'wrong-unit') return messages.wrongUnit.vi;
  if (s.status === 'unknown-indicator') return messages.unknownIndicator.vi;
  return null;
}

function Legend({ model, single }: { model: TimeSeriesModel; single: boolean }) {
  // One series: its name is the title and its value the headline; the legend only explains the marks.
  const entries = single && model.series[0]?.status === 'ok' ? [] : model.series;
  const style = { '--ts-legend-lines': String(Math.min(4, entries.length + (model.estimates > 0 || model.series.some((s) => s.revisions.length) ? 1 : 0))) } as CSSProperties;
  return (
    <div className="ts__legend" data-field="legend" style={style}>
      {entries.map((s) => {
        const note = seriesNote(s);
        return (
          <div key={s.code} className={`ts__legend-entry${s.status !== 'ok' ? ' ts__legend-entry--off' : ''}`} data-field="legend-entry" data-code={s.code} data-colour={s.colour} data-status={s.status}>
            <Swatch s={s} />
            <span className="ts__legend-name">{s.name.vi}</span>
            {note ? <span className="ts__legend-note">{note}</span> : null}
            {s.latest ? (
              <span className="ts__legend-value" data-field="legend-value">
                {s.latest.text}
              </span>
            ) : null}
          </div>
        );
      })}
      {model.omitted.length ? (
        <div className="ts__legend-entry ts__legend-entry--off" data-field="legend-omitted">
          +{model.omitted.length}
        </div>
      ) : null}
      {model.estimates > 0 ? (
        <div className="ts__legend-entry ts__legend-status" data-field="legend-status">
          <span className="ts__mark ts__mark--official" aria-hidden="true" /> {messages.official.vi}
          <span className="ts__mark ts__mark--estimate" aria-hidden="true" /> {messages.estimate.vi}
        </div>
      ) : null}
      {model.series.some((s) => s.revisions.length > 0) ? (
        <div className="ts__legend-entry ts__legend-status" data-field="legend-revisions">
          <span className="ts__mark ts__mark--revision" aria-hidden="true" /> {messages.revisions.vi}
        </div>
      ) : null}
    </div>
  );
}

/**
 * Line or area chart of one or more indicators of one region over their recent periods:
 * the plan target of each year as a dashed white line, official figures as filled dots
 * and estimates as hollow ones, earlier vintages faintly on demand. The lines are drawn on
 * a canvas in the animation frame after the model changes; every text is HTML.
 */
export function TimeSeriesTile({ tile, rect }: WidgetProps<'timeseries'>) {
  const codes = tile.binding?.indicators ?? [];
  const region = tile.binding?.region ?? NATIONAL_REGION;
  const { options } = tile;
  const now = useNow();
  const revisions = useRevisions(codes.slice(0, TIMESERIES_MAX_SERIES), region, options.showRevisions === true);
  const widthCqh = rect.height > 0 ? (rect.width / rect.height) * 100 : 100;
  const codesKey = codes.join(',');

  const read = (state: WallStoreState): readonly unknown[] => {
    const out: unknown[] = [];
    for (const code of codes) {
      const periods = state.periods[periodsKey(code, region)];
      out.push(state.indicators[code], periods);
      for (const p of periods ?? []) out.push(state.observations[`${code}|${region}|${p}`]);
    }
    return out;
  };
  const build = (_inputs: readonly unknown[], state: WallStoreState): TimeSeriesModel =>
    timeSeriesModel({
      codes,
      region,
      metas: codes.map((c) => state.indicators[c]),
      periods: codes.map((c) => state.periods[periodsKey(c, region)]),
      lookup: (code, period): Observation | undefined => state.observations[`${code}|${region}|${period}`],
      revisions: options.showRevisions ? (code, period) => revisions.book.revisionsOf(code, region, period) : undefined,
      options,
      now,
      plotWidthCqh: Math.max(20, widthCqh - Y_AXIS_CQH),
      plotHeightCqh: plotHeightCqh(codes.length, !!tile.title || codes.length === 1),
      labelCqh: LABEL_CQH,
    });
  const model = useWallDerived(read, build, [codesKey, region, options, now, revisions.version, Math.round(widthCqh)]);
  const draw = useCallback((ctx: CanvasRenderingContext2D, size: CanvasSize) => drawTimeSeries(ctx, size, model), [model]);

  const drawn = model.series.filter((s) => s.status === 'ok');
  const single = codes.length === 1 ? model.series[0] : undefined;
  const title = tile.title ?? (single ? { vi: single.name.vi, en: single.name.en } : null);
  const revisionCount = model.series.reduce((n, s) => n + s.revisions.length, 0);
  const pointCount = drawn.reduce((n, s) => n + s.points.length, 0);
  // The value axis' column is as wide as its longest label.
  const longest = Math.max(2, ...model.yTicks.map((t) => t.label.length));
  const style = { '--ts-yaxis': `${(longest * 0.6 * LABEL_CQH + 1).toFixed(1)}cqh` } as CSSProperties;

  return (
    <div
      className={`ts chart${model.stale ? ' chart--stale' : ''}`}
      data-kind={model.kind}
      data-state={model.state}
      data-series={drawn.length}
      data-points={pointCount}
      data-estimates={model.estimates}
      data-officials={model.officials}
      data-targets={model.targets.length}
      data-revisions={revisionCount}
      data-cadence={model.cadence ?? undefined}
      data-stale={model.stale ? 'true' : 'false'}
      data-demo={model.demo ? 'true' : 'false'}
      style={style}
    >
      <header className="chart__header">
        <div className="chart__heading">
          <ChartTitle title={title} />
          <div className="chart__meta">
            <ChartDemoMark demo={model.demo} />
            {single?.latest?.estimate ? (
              <span className="chart__mark chart__mark--estimate" data-field="estimate" title={messages.estimate.en}>
                {messages.estimate.vi}
              </span>
            ) : null}
            <ChartPeriod period={model.latestPeriod} stale={model.stale} />
            <ChartUnit unit={model.unit} />
          </div>
        </div>
        {model.state === 'ok' && single && single.latest ? (
          <div className={`chart__headline${single.latest.estimate ? ' chart__headline--estimate' : ''}`} data-field="value">
            {single.latest.text}
          </div>
        ) : null}
      </header>
      {model.state === 'ok' ? (
        <>
          <Legend model={model} single={!!single} />
          <div className="ts__body">
            <div className="ts__yaxis" aria-hidden="true">
              {model.yTicks.map((t) => (
                <span key={t.value} className="ts__ytick" data-field="y-tick" style={{ top: `${(plotY(t.f) * 100).toFixed(2)}%` }}>
                  {t.label}
                </span>
              ))}
            </div>
            <div className="ts__plot" data-field="plot">
              <ChartCanvas draw={draw} />
              {model.targets.map((t) => (
                <span
                  key={`${t.source}-${t.x0}`}
                  className={`ts__target-label ts__target-label--${t.source}${t.y > 0.8 ? ' ts__target-label--below' : ''}`}
                  data-field="target"
                  data-value={t.value}
                  style={{ left: `${(plotX(t.x1) * 100).toFixed(2)}%`, top: `${(plotY(t.y) * 100).toFixed(2)}%` }}
                >
                  {t.label}
                </span>
              ))}
            </div>
            <div className="ts__xaxis" aria-hidden="true">
              {model.xTicks.map((t) => (
                <span
                  key={t.period}
                  className={`ts__xtick${t.f < 0.02 ? ' ts__xtick--first' : ''}${t.f > 0.98 ? ' ts__xtick--last' : ''}`}
                  data-field="x-tick"
                  style={{ left: `${(plotX(t.f) * 100).toFixed(2)}%` }}
                >
                  {t.label}
                </span>
              ))}
            </div>
          </div>
        </>
      ) : (
        <div className="chart__no-data" data-field="no-data" data-problem={model.problem ?? undefined}>
          <div className="chart__no-data-vi">{messages.noData.vi}</div>
          <div className="chart__no-data-en" lang="en">
            {messages.noData.en}
          </div>
          {model.problem === 'wrong-unit' || model.problem === 'unknown-indicator' ? (
            <div className="chart__no-data-en chart__no-data-why">
              {model.problem === 'wrong-unit' ? `${messages.wrongUnit.vi} · ${messages.wrongUnit.en}` : `${messages.unknownIndicator.vi} · ${messages.unknownIndicator.en}`}
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
