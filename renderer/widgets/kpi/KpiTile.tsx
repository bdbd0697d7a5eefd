import { NATIONAL_REGION } from '../../../shared/protocol/codes';
import { messages } from '../../../shared/i18n';
import { useWall } from '../../store/context';
import { selectComparison, selectLatest } from '../../store/selectors';
import { FitText } from '../common/FitText';
import { toneClass } from '../common/colours';
import { useNow } from '../common/useNow';
import type { WidgetProps } from '../common/types';
import { kpiView } from './model';
import './kpi.css';

/**
 * One key figure: the indicator's name (Vietnamese, English beneath), its latest value
 * in vi-VN format with the unit as reports write it, the period, the change against the
 * previous period or the same period last year, marks for estimates and demo data, and
 * how old the figure is.
 */
export function KpiTile({ tile }: WidgetProps<'kpi'>) {
  const code = tile.binding?.indicators[0] ?? null;
  const region = tile.binding?.region ?? NATIONAL_REGION;
  const compare = tile.options.compare ?? 'previous';
  const meta = useWall((s) => (code ? s.indicators[code] : undefined));
  const latest = useWall((s) => (code ? selectLatest(s, code, region) : undefined));
  const comparison = useWall((s) => (code && latest ? selectComparison(s, code, region, latest.period, compare) : undefined));
  const now = useNow();
  const view = kpiView({ code, meta, latest, comparison, decimals: tile.options.decimals, title: tile.title, now });

  return (
    <div className="kpi" data-indicator={code ?? undefined} data-region={region}>
      <header className="kpi__names">
        <FitText className="kpi__name-vi" data-field="name" minScale={0.76}>
          {view.name.vi}
        </FitText>
        {view.name.en ? (
          <div className="kpi__name-en" data-field="name-en" lang="en">
            {view.name.en}
          </div>
        ) : null}
      </header>

      {view.value !== null ? (
        <div className="kpi__main">
          <FitText className="kpi__value" data-field="value">
            {view.value}
          </FitText>
          {view.unit ? (
            <div className="kpi__unit" data-field="unit">
              {view.unit}
            </div>
          ) : null}
        </div>
      ) : (
        <div className="kpi__main kpi__main--empty" data-field="no-data">
          <div className="kpi__no-data">{messages.noData.vi}</div>
          <div className="kpi__no-data-en" lang="en">
            {messages.noData.en}
          </div>
        </div>
      )}

      {view.change ? (
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
          <div className="kpi__basis" data-field="change-basis">
            {view.change.basis.vi}
          </div>
        </div>
      ) : null}

      <footer className="kpi__meta">
        {view.period ? (
          <div className="kpi__period" data-field="period">
            {view.period.vi}
          </div>
        ) : null}
        {view.estimate ? (
          <span className="kpi__mark kpi__mark--estimate" data-field="estimate" title={messages.estimate.en}>
            {messages.estimate.vi}
          </span>
        ) : null}
        {view.demo ? (
          <span className="kpi__mark kpi__mark--demo" data-field="demo" title={`${messages.demo.vi} — ${messages.demo.en}`}>
            {messages.demo.vi}
          </span>
        ) : null}
      </footer>
      {view.age ? (
        <div className="kpi__age" data-field="age" title={view.age.en}>
          <span className="kpi__age-prefix">{view.age.prefix}</span>
          {view.age.rest}
        </div>
      ) : null}
    </div>
  );
}
