import { createContext, Fragment, useContext, type CSSProperties } from 'react';
import { messages } from '../../../shared/i18n';
import { sourceLine } from '../../../shared/format/source';
import { ChartDemoMark, ChartPeriod, ChartTitle, ChartUnit } from '../common/chart-header';
import { NATIONAL_REGION } from '../../../shared/protocol/codes';
import { previousPeriod } from '../../../shared/period';
import { PROVINCES } from '../../../shared/regions';
import { useWall } from '../../store/context';
import { periodsKey, type WallStoreState } from '../../store/wallStore';
import { toneClass } from '../common/colours';
import { useNow } from '../common/useNow';
import { useWallDerived } from '../common/chart-derived';
import { shortPeriod } from '../common/chart-series';
import type { WidgetProps } from '../common/types';
import { useDrillProvince } from '../common/view-drill';
import { comparisonModel, rankingPeriod, type ComparisonModel, type CmpRow } from './model';
import '../common/chart-base.css';
import './comparison.css';

const REGIONS = [...PROVINCES.map((p) => p.code), NATIONAL_REGION];

function periodsByRegion(state: WallStoreState, code: string): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const region of REGIONS) {
    const periods = state.periods[periodsKey(code, region)];
    if (periods?.length) out.set(region, periods);
  }
  return out;
}

const pct = (f: number) => `${(f * 100).toFixed(2)}%`;

function Bar({ row, model, vertical }: { row: CmpRow; model: ComparisonModel; vertical: boolean }) {
  const style: CSSProperties = vertical ? { bottom: pct(row.from), height: pct(row.to - row.from) } : { left: pct(row.from), width: pct(row.to - row.from) };
  return (
    <span className="cmp__track">
      <span
        className={`cmp__bar cmp__bar--${row.tone}${row.estimate ? ' cmp__bar--estimate' : ''}`}
        data-field="bar"
        data-tone={row.tone}
        data-status={row.estimate ? 'estimate' : 'official'}
        style={style}
      />
      {model.target ? <span className="cmp__target" style={vertical ? { bottom: pct(model.target.f) } : { left: pct(model.target.f) }} /> : null}
    </span>
  );
}

/** The province the briefing view drills into: its row is marked wherever the ranking shows it. */
const DrillContext = createContext<string | null>(null);

function rowAttrs(row: CmpRow, drill: string | null) {
  return {
    'data-field': 'row',
    'data-drilled': row.code === drill ? 'true' : undefined,
    'data-region': row.code,
    'data-rank': row.rank,
    'data-value': row.value,
    'data-group': row.group,
    'data-tone': row.tone,
  };
}

function BarsView({ model }: { model: ComparisonModel }) {
  const drill = useContext(DrillContext);
  return (
    <div className="cmp__rows">
      {model.rows.map((row, k) => (
        <Fragment key={row.code}>
          <div className="cmp__row" {...rowAttrs(row, drill)}>
            <span className="cmp__rank" data-field="rank">
              {row.rank}
            </span>
            <span className="cmp__name" data-field="name" title={row.nameEn}>
              {row.name}
            </span>
            <Bar row={row} model={model} vertical={false} />
            <span className={`cmp__value${row.estimate ? ' cmp__value--estimate' : ''}`} data-field="value">
              {row.text}
            </span>
          </div>
          {model.gapAfter === k ? <div className="cmp__gap" data-field="gap" aria-hidden="true" /> : null}
        </Fragment>
      ))}
    </div>
  );
}

function ColumnsView({ model }: { model: ComparisonModel }) {
  const drill = useContext(DrillContext);
  return (
    <div className="cmp__columns">
      {model.rows.map((row, k) => (
        <Fragment key={row.code}>
          <div className="cmp__column" {...rowAttrs(row, drill)}>
            <span className={`cmp__value${row.estimate ? ' cmp__value--estimate' : ''}`} data-field="value">
              {row.text}
            </span>
            <Bar row={row} model={model} vertical />
            <span className="cmp__name" data-field="name" title={row.nameEn}>
              {row.name}
            </span>
          </div>
          {model.gapAfter === k ? <div className="cmp__gap cmp__gap--column" data-field="gap" aria-hidden="true" /> : null}
        </Fragment>
      ))}
    </div>
  );
}

function TableView({ model }: { model: ComparisonModel }) {
  const drill = useContext(DrillContext);
  const previous = model.period && model.showChange ? previousPeriod(model.period) : null;
  return (
    <div className={`cmp__table${model.showChange ? ' cmp__table--change' : ''}`} role="table">
      {model.showChange ? (
        <div className="cmp__thead" role="row">
          <span role="columnheader">#</span>
          <span role="columnheader">{messages.province.vi}</span>
          <span role="columnheader" className="cmp__num">
            {model.period ? shortPeriod(model.period) : ''}
          </span>
          <span role="columnheader" className="cmp__num">
            {previous ? `so với ${shortPeriod(previous)}` : ''}
          </span>
        </div>
      ) : null}
      {model.rows.map((row, k) => (
        <Fragment key={row.code}>
          <div className="cmp__tr" role="row" {...rowAttrs(row, drill)}>
            <span className="cmp__rank" data-field="rank">
              {row.rank}
            </span>
            <span className="cmp__name" data-field="name" title={row.nameEn}>
              {row.name}
            </span>
            <span className={`cmp__num cmp__value${row.estimate ? ' cmp__value--estimate' : ''}`} data-field="value">
              {row.text}
            </span>
            {model.showChange ? (
              <span className={`cmp__num cmp__change ${row.change ? toneClass(row.change.tone) : ''}`} data-field="change" data-tone={row.change?.tone}>
                {row.change ? `${row.change.arrow} ${row.change.text}` : '—'}
              </span>
            ) : null}
          </div>
          {model.gapAfter === k ? <div className="cmp__gap" data-field="gap" aria-hidden="true" /> : null}
        </Fragment>
      ))}
    </div>
  );
}

const PROBLEM_TEXT = {
  'not-provincial': messages.provinceIndicatorNeeded,
  'wrong-unit': messages.wrongUnit,
  'unknown-indicator': messages.unknownIndicator,
  'no-value': messages.noData,
} as const;

/**
 * Provinces ranked by one province-level indicator: horizontal bars (the default), vertical
 * columns, or a table with the change against the previous period; the top N, the bottom
 * N, both ends, or all — as many as fit at a legible size. The plan target is a white
 * line across the bars; estimates are hollow bars.
 */
export function ComparisonTile({ tile, rect }: WidgetProps<'comparison'>) {
  const code = tile.binding?.indicators[0] ?? null;
  const { options } = tile;
  const now = useNow();
  const widthCqh = rect.height > 0 ? (rect.width / rect.height) * 100 : 100;
  const { view } = options;

  const read = (state: WallStoreState): readonly unknown[] => {
    if (!code) return [];
    const byRegion = periodsByRegion(state, code);
    const period = rankingPeriod(byRegion, options.period);
    const out: unknown[] = [state.indicators[code], ...byRegion.values()];
    if (period) {
      const previous = view === 'table' ? previousPeriod(period) : null;
      for (const p of PROVINCES) {
        out.push(state.observations[`${code}|${p.code}|${period}`]);
        if (previous) out.push(state.observations[`${code}|${p.code}|${previous}`]);
      }
    }
    return out;
  };
  const build = (_inputs: readonly unknown[], state: WallStoreState): ComparisonModel =>
    comparisonModel({
      code,
      meta: code ? state.indicators[code] : undefined,
      periodsByRegion: code ? periodsByRegion(state, code) : new Map(),
      lookup: (region, period) => (code ? state.observations[`${code}|${region}|${period}`] : undefined),
      options,
      now,
      widthCqh,
    });
  const model = useWallDerived(read, build, [code, options, now, Math.round(widthCqh)]);
  const name = useWall((s) => (code ? s.indicators[code]?.name : undefined));
  const title = tile.title ?? name ?? null;
  const drill = useDrillProvince();

  const longestName = Math.max(4, ...model.rows.map((r) => r.name.length));
  const longestValue = Math.max(3, ...model.rows.map((r) => r.text.length));
  const style = {
    '--cmp-rows': String(Math.max(1, model.rows.length + (model.gapAfter !== null ? 0.4 : 0))),
    '--cmp-avail': `${model.avail.toFixed(1)}cqh`,
    '--cmp-name': `${(longestName * 0.58 + 0.3).toFixed(2)}em`,
    '--cmp-value': `${(longestValue * 0.6 + 0.3).toFixed(2)}em`,
  } as CSSProperties;

  return (
    <div
      className={`cmp cmp--${view} chart${model.stale ? ' chart--stale' : ''}`}
      data-view={view}
      data-state={model.state}
      data-rows={model.rows.length}
      data-requested={model.requested}
      data-reported={model.reported}
      data-total={model.total}
      data-order={options.order}
      data-select={options.select}
      data-period={model.period ?? undefined}
      data-drill={drill ?? undefined}
      data-drill-shown={drill === null ? undefined : model.rows.some((r) => r.code === drill) ? 'true' : 'false'}
      data-stale={model.stale ? 'true' : 'false'}
      data-demo={model.demo ? 'true' : 'false'}
      style={style}
    >
      <header className="chart__header">
        <div className="chart__heading">
          <ChartTitle title={title} />
          <div className="chart__meta">
            <ChartDemoMark demo={model.demo} />
            <ChartPeriod period={model.period} stale={model.stale} />
            <ChartUnit unit={model.unit} />
            {model.state === 'ok' ? (
              <span className="cmp__coverage" data-field="coverage">
                {model.reported}/{model.total} tỉnh, thành
              </span>
            ) : null}
            {model.state === 'ok' && model.source ? (
              <span className="cmp__source" data-field="source" title={sourceLine(model.source, 'en')}>
                {sourceLine(model.source)}
              </span>
            ) : null}
            {model.target ? (
              <span className="cmp__plan" data-field="target">
                <span className="cmp__plan-mark" aria-hidden="true" />
                {model.target.label}
              </span>
            ) : null}
          </div>
        </div>
      </header>
      {model.state === 'ok' ? (
        <DrillContext.Provider value={drill}>
          {view === 'columns' ? <ColumnsView model={model} /> : view === 'table' ? <TableView model={model} /> : <BarsView model={model} />}
        </DrillContext.Provider>
      ) : (
        <div className="chart__no-data" data-field="no-data" data-problem={model.problem ?? undefined}>
          <div className="chart__no-data-vi">{messages.noData.vi}</div>
          <div className="chart__no-data-en" lang="en">
            {messages.noData.en}
          </div>
          {model.problem && model.problem !== 'no-value' ? (
            <div className="chart__no-data-en chart__no-data-why">{`${PROBLEM_TEXT[model.problem].vi} · ${PROBLEM_TEXT[model.problem].en}`}</div>
          ) : null}
        </div>
      )}
    </div>
  );
}
