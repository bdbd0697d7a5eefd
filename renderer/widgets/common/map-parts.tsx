import type { CSSProperties } from 'react';
import { messages, updatedAgo } from '../../../shared/i18n';
import type { BoundaryState } from '../../geo/boundaries';
import { sourceLine } from '../../../shared/format/source';
import { FitText } from './FitText';
import type { LegendModel, MapHeaderView } from './map-data';
import { useNow } from './useNow';
import './map.css';

/**
 * The parts every province map shows in HTML around its drawing: the header (indicator,
 * period, age, marks, the highlighted province), the legend, and the boundary file's
 * loading or failure message. HTML rather than canvas: crisp at any scale, sized in the
 * tile's container units, readable by tests and screen readers.
 */

export function MapHeader({ view }: { view: MapHeaderView }) {
  const now = useNow();
  const age = view.newestVintage !== null ? updatedAgo(now - view.newestVintage) : null;
  return (
    <header className="map-header">
      <FitText className="map-header__name" data-field="name" minScale={0.7}>
        {view.name.vi}
      </FitText>
      {view.name.en ? (
        <div className="map-header__name-en" data-field="name-en" lang="en">
          {view.name.en}
        </div>
      ) : null}
      <div className="map-header__meta">
        {view.period ? (
          <span className="map-header__period" data-field="period">
            {view.period.vi}
          </span>
        ) : null}
        {age ? (
          <span className="map-header__age" data-field="age" title={age.en}>
            {age.vi}
          </span>
        ) : null}
        {view.estimate ? (
          <span className="map-header__mark map-header__mark--estimate" data-field="estimate" title={messages.estimate.en}>
            {messages.estimate.vi}
          </span>
        ) : null}
        {view.source ? (
          <span className="map-header__source" data-field="source" title={sourceLine(view.source, 'en')}>
            {sourceLine(view.source)}
          </span>
        ) : null}
        {view.demo ? (
          <span className="map-header__mark map-header__mark--demo" data-field="demo" title={messages.demo.en}>
            {messages.demo.vi}
          </span>
        ) : null}
      </div>
      {view.wrongUnit ? (
        <div className="map-header__wrong-unit" data-field="wrong-unit" role="alert">
          Sai đơn vị: cần «{view.wrongUnit.expected}», chỉ tiêu tính bằng «{view.wrongUnit.actual ?? '—'}»
        </div>
      ) : null}
      {view.highlight ? (
        <div className="map-header__highlight" data-field="highlight" data-highlight-province={view.highlight.code}>
          <span className="map-header__highlight-name">{view.highlight.name}</span>{' '}
          <span className="map-header__highlight-value">{view.highlight.valueText}</span>
          {view.highlight.rank ? (
            <span className="map-header__highlight-rank" data-field="highlight-rank" title={view.highlight.rankEn ?? undefined}>
              {view.highlight.rank}
            </span>
          ) : null}
        </div>
      ) : null}
    </header>
  );
}

export function MapLegend({ legend }: { legend: LegendModel }) {
  return (
    <div className="map-legend" data-field="legend">
      {legend.unit ? (
        <div className="map-legend__unit" data-field="legend-unit">
          {legend.unit}
        </div>
      ) : null}
      <ul className="map-legend__entries">
        {legend.entries.map((entry, i) => {
          const swatch: CSSProperties | undefined = entry.colour ? { backgroundColor: entry.colour } : undefined;
          return (
            <li
              key={`${entry.kind}-${i}`}
              className={`map-legend__entry map-legend__entry--${entry.kind}`}
              data-legend-entry={entry.kind}
              data-colour={entry.colour ?? undefined}
              data-count={entry.count}
            >
              <span className={`map-legend__swatch${entry.colour ? '' : ' map-hatch'}`} style={swatch} aria-hidden="true" />
              <span className="map-legend__label">{entry.label}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const loadingText = messages.boundaryLoading;

/** Over the map area while the boundaries are not ready: loading, or what failed and when it retries. */
export function MapBoundaryMessage({ state }: { state: BoundaryState }) {
  const now = useNow();
  if (state.status === 'ready') return null;
  if (state.status === 'error') {
    const seconds = Math.max(0, Math.ceil((state.retryAt - Math.max(now, Date.now())) / 1000));
    return (
      <div className="map-message map-message--error" data-field="geo-error" role="alert">
        <div className="map-message__vi">{state.message.vi}</div>
        <div className="map-message__en" lang="en">
          {state.message.en}
        </div>
        <div className="map-message__detail">
          {state.detail} — lần thử {state.attempt}
          {seconds > 0 ? `, thử lại sau ${seconds} giây` : ''}
        </div>
      </div>
    );
  }
  return (
    <div className="map-message" data-field="geo-loading">
      <div className="map-message__vi">{loadingText.vi}</div>
      <div className="map-message__en" lang="en">
        {loadingText.en}
      </div>
    </div>
  );
}
