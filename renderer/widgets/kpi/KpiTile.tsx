import type { CSSProperties } from 'react';
import { NATIONAL_REGION } from '../../../shared/protocol/codes';
import type { Observation } from '../../../shared/protocol/model';
import { messages } from '../../../shared/i18n';
import { provinceByCode } from '../../../shared/regions';
import { useWall } from '../../store/context';
import { selectComparison, selectLatest } from '../../store/selectors';
import { periodsKey, type WallStoreState } from '../../store/wallStore';
import { FitText } from '../common/FitText';
import { toneClass } from '../common/colours';
import { useNow } from '../common/useNow';
import { useWallDerived } from '../common/chart-derived';
import { useDrillProvince } from '../common/view-drill';
import { useLegibleFraction } from '../common/chart-legibility';
import { cadenceKey, periodAxis } from '../common/chart-series';
import type { WidgetProps } from '../common/types';
import { ageText, KPI_SIZES, kpiLayout, kpiView, type KpiLayout, type KpiSparkline, type KpiView } from './model';
import './kpi.css';

/** The recent figures of the latest period's cadence, oldest first; leading gaps dropped. */
function readRecent(state: WallStoreState, code: string | null, region: string, count: number): readonly unknown[] {
  if (!code || count < 2) return [];
  const periods = state.periods[periodsKey(code, region)];
  const last = periods?.[periods.length - 1];
  if (!periods || last === undefined) return [periods];
  const cadence = cadenceKey(last);
  if (cadence === null) return [periods];
  const axis = periodAxis(last, cadence, count, periods);
  return [periods, ...axis.map((p) => state.observations[`${code}|${region}|${p}`])];
}

function recentFrom(inputs: readonly unknown[]): (Observation | undefined)[] {
  const list = inputs.slice(1) as (Observation | undefined)[];
  const first = list.findIndex((o) => o !== undefined);
  return first < 0 ? [] : list.slice(first);
}

function Sparkline({ spark, place }: { spark: KpiSparkline; place: 'beside' | 'row' }) {
  return (
    <div className={`kpi__spark kpi__spark--${place}`} data-field="sparkline" data-points={spark.points.length} aria-hidden="true">
      <svg className="kpi__spark-svg" viewBox="0 0 100 100" preserveAspectRatio="none">
        {spark.targetY !== null ? (
          <line className="kpi__spark-target" data-field="sparkline-target" x1="0" x2="100" y1={spark.targetY} y2={spark.targetY} vectorEffect="non-scaling-stroke" />
        ) : null}
        <path className="kpi__spark-line" d={spark.path} vectorEffect="non-scaling-stroke" />
      </svg>
      {spark.points.map((p, i) => (
        <span
          key={p.period}
          className={`kpi__spark-dot${p.estimate ? ' kpi__spark-dot--estimate' : ''}${i === spark.points.length - 1 ? ' kpi__spark-dot--last' : ''}`}
          data-period={p.period}
          data-status={p.estimate ? 'estimate' : 'official'}
          style={{ left: `${p.x}%`, top: `${p.y}%` }}
        />
      ))}
    </div>
  );
}

function Footer({ view, layout, scope }: { view: KpiView; layout: KpiLayout; scope: { vi: string; en: string; province: boolean } | null }) {
  const style = { '--kpi-meta-lines': String(layout.metaLines) } as CSSProperties;
  return (
    <footer className="kpi__meta" style={style}>
      {scope ? (
        <span className={`kpi__mark kpi__mark--scope${scope.province ? ' kpi__mark--province' : ''}`} data-field="scope" data-scope={scope.province ? 'province' : 'national'} title={scope.en}>
          {scope.vi}
        </span>
      ) : null}
      {view.demo ? (
        <span className="kpi__mark kpi__mark--demo" data-field="demo" title={`${messages.demo.vi} — ${messages.demo.en}`}>
          {messages.demo.vi}
        </span>
      ) : null}
      {view.estimate ? (
        <span className="kpi__mark kpi__mark--estimate" data-field="estimate" title={messages.estimate.en}>
          {messages.estimate.vi}
        </span>
      ) : null}
      {view.period ? (
        <div className={`kpi__period${view.stale ? ' kpi__period--stale' : ''}`} data-field="period" title={view.period.en}>
          {view.stale ? (
            <span className="kpi__stale-icon" aria-hidden="true">
              ⚠{' '}
            </span>
          ) : null}
          {view.period.vi}
        </div>
      ) : null}
      {layout.age !== 'none' && view.age ? (
        <div
          className={`kpi__age${view.stale ? ' kpi__age--stale' : ''}`}
          data-field="age"
          data-form={layout.age}
          title={view.stale ? `${messages.stale.en} — ${view.age.en}` : view.age.en}
        >
          {ageText(view, layout.age)}
        </div>
      ) : null}
    </footer>
  );
}

/**
 * One key figure: the indicator's name, its latest value in vi-VN format with the unit as
 * reports write it, the period, the change against the previous period or the same
 * period last year, progress against the plan, a sparkline of recent periods, a status
 * stripe (thresholds or plan), marks for estimates and demo data, and how old the figure
 * is — "Số liệu cũ" when its indicator's cadence says a newer one is overdue.
 */
export function KpiTile({ tile, rect }: WidgetProps<'kpi'>) {
  const code = tile.binding?.indicators[0] ?? null;
  const { options } = tile;
  const { compare, sparklinePeriods: sparkCount } = options;
  const meta = useWall((s) => (code ? s.indicators[code] : undefined));
  // Drilled down (the briefing view): a province-level indicator shows that province's figure.
  const drill = useDrillProvince();
  const drilled = drill !== null && meta?.scope === 'province' ? provinceByCode(drill) : undefined;
  const region = drilled?.code ?? tile.binding?.region ?? NATIONAL_REGION;
  const scope = drill === null ? null : drilled ? { vi: drilled.name, en: drilled.nameEn, province: true } : { vi: messages.viewNational.vi, en: messages.viewNational.en, province: false };
  const latest = useWall((s) => (code ? selectLatest(s, code, region) : undefined));
  const comparison = useWall((s) => (code && latest ? selectComparison(s, code, region, latest.period, compare) : undefined));
  const recent = useWallDerived((s) => readRecent(s, code, region, sparkCount), recentFrom, [code, region, sparkCount]);
  const now = useNow();
  const legible = useLegibleFraction(rect.height);
  const view = kpiView({
    code,
    meta,
    latest,
    comparison,
    decimals: options.decimals,
    title: tile.title,
    now,
    recent: sparkCount >= 2 ? recent : undefined,
    showTarget: options.showTarget,
    thresholds: options.thresholds,
    reportingDelayDays: options.reportingDelayDays,
    expectUnit: options.expectUnit,
  });
  const layout = kpiLayout(view, { widthCqh: rect.height > 0 ? (rect.width / rect.height) * 100 : 100, legible });
  const valueSize = Math.min(40, layout.valueHeight / 1.16);
  const style = { '--kpi-value-size': `${valueSize.toFixed(2)}cqh` } as CSSProperties;
  const problemText = view.problem === 'wrong-unit' ? messages.wrongUnit : view.problem === 'unknown-indicator' ? messages.unknownIndicator : null;

  return (
    <div
      className={`kpi kpi--status-${view.status}${view.stale ? ' kpi--stale' : ''}`}
      data-indicator={code ?? undefined}
      data-region={region}
      data-drill={drill === null ? undefined : drilled ? 'province' : 'national'}
      data-status={view.status}
      data-stale={view.stale ? 'true' : 'false'}
      data-demo={view.demo ? 'true' : 'false'}
      style={style}
    >
      {view.status !== 'none' ? <div className={`kpi__stripe kpi__stripe--${view.status}`} data-field="status" data-status={view.status} aria-hidden="true" /> : null}
      <header className="kpi__names">
        <FitText className={`kpi__name-vi kpi__name-vi--${layout.nameLines}`} data-field="name" minScale={KPI_SIZES.small / KPI_SIZES.name}>
          {view.name.vi}
        </FitText>
        {layout.showNameEn ? (
          <div className="kpi__name-en" data-field="name-en" lang="en">
            {view.name.en}
          </div>
        ) : null}
      </header>

      {view.value !== null ? (
        <div className={`kpi__main${layout.sparkline === 'beside' ? ' kpi__main--with-spark' : ''}`}>
          <FitText className="kpi__value" data-field="value-box" minScale={Math.min(1, (KPI_SIZES.small + 2) / valueSize)}>
            <span data-field="value">{view.value}</span>
            {layout.unit === 'inline' ? (
              <span className="kpi__unit kpi__unit--inline" data-field="unit">
                {view.unit}
              </span>
            ) : null}
          </FitText>
          {layout.sparkline === 'beside' && view.sparkline ? <Sparkline spark={view.sparkline} place="beside" /> : null}
        </div>
      ) : (
        <div className="kpi__main kpi__main--empty" data-field="no-data" data-problem={view.problem ?? undefined}>
          <div className="kpi__no-data">{messages.noData.vi}</div>
          <div className="kpi__no-data-en" lang="en">
            {messages.noData.en}
          </div>
          {problemText ? (
            <div className="kpi__no-data-en kpi__no-data-why" title={problemText.en}>
              {problemText.vi}
              {view.problem === 'wrong-unit' && meta ? ` (${meta.unit})` : ''}
            </div>
          ) : null}
        </div>
      )}
      {layout.unit === 'row' ? (
        <div className="kpi__unit" data-field="unit">
          {view.unit}
        </div>
      ) : null}

      {layout.showChange && view.change ? (
        <div className="kpi__change-row">
          <div
            className={`kpi__change ${toneClass(view.change.tone)}`}
            data-field="change"
            data-tone={view.change.tone}
            title={`${view.change.basis.vi} / ${view.change.basis.en}`}
          >
            <span className="kpi__arrow" aria-hidden="true">
              {view.change.arrow}
            </span>{' '}
            <span className="kpi__delta">{view.change.text}</span>
          </div>
          {layout.showBasis ? (
            <div className="kpi__basis" data-field="change-basis">
              {view.change.basis.vi}
            </div>
          ) : null}
        </div>
      ) : null}

      {layout.showProgress && view.progress ? (
        <div
          className={`kpi__progress ${toneClass(view.progress.tone)}`}
          data-field="progress"
          data-met={view.progress.met ? 'true' : 'false'}
          data-ratio={view.progress.ratio === null ? '' : view.progress.ratio.toFixed(4)}
          data-tone={view.progress.tone}
          title={`${view.progress.met ? messages.planMet.vi : messages.planNotMet.vi} / ${view.progress.met ? messages.planMet.en : messages.planNotMet.en}`}
        >
          <span className="kpi__plan" data-field="plan">
            {view.progress.met ? '✓ ' : ''}
            {view.progress.label}
          </span>
          <div className="kpi__bar" aria-hidden="true">
            <div className="kpi__bar-fill" data-field="progress-fill" style={{ width: `${(view.progress.fill * 100).toFixed(1)}%` }} />
            {view.progress.markerAt !== null ? <div className="kpi__bar-target" style={{ left: `${(view.progress.markerAt * 100).toFixed(1)}%` }} /> : null}
          </div>
        </div>
      ) : null}

      {layout.sparkline === 'row' && view.sparkline ? <Sparkline spark={view.sparkline} place="row" /> : null}

      <Footer view={view} layout={layout} scope={scope} />
    </div>
  );
}
