import { messages, updatedAgo } from '../../shared/i18n';
import type { Headline } from './headlines';
import { text, type Lang } from './text';

/**
 * One headline figure: name, value and unit, period, change, plan, age, and the marks
 * (DEMO, estimate, out of date, the nation's figure in a province's view). The whole card
 * is a button: a tap (or Enter) opens its provenance.
 */
export function HeadlineCard({ headline: h, lang, now, onOpen }: { headline: Headline; lang: Lang; now: number; onOpen: (h: Headline) => void }) {
  const o = h.latest;
  const age = updatedAgo(now - Date.parse(o.vintage));
  return (
    <li className="info-card" data-headline={h.meta.code} data-region={o.region} data-period={o.period}>
      <button type="button" className="info-card__button" onClick={() => onOpen(h)} aria-haspopup="dialog" aria-label={`${h.meta.name[lang]}: ${h.value[lang]} ${h.meta.unit}, ${h.period[lang]}. ${text.showProvenance[lang]}`}>
        <span className="info-card__name" data-field="name">
          {h.meta.name[lang]}
        </span>
        <span className="info-card__figure">
          <span className="info-card__value" data-field="value">
            {h.value[lang]}
          </span>{' '}
          <span className="info-card__unit" data-field="unit">
            {h.meta.unit}
          </span>
        </span>
        <span className="info-card__period" data-field="period">
          {h.period[lang]}
          {o.status === 'estimate' ? <span className="info-mark info-mark--estimate">{messages.estimate[lang]}</span> : null}
          {o.demo ? <span className="info-mark info-mark--demo" data-field="demo">{messages.demo.vi}</span> : null}
          {h.freshness.state === 'stale' ? <span className="info-mark info-mark--stale">{messages.stale[lang]}</span> : null}
        </span>
        {h.nationalFallback ? (
          <span className="info-card__note" data-field="national-fallback">
            {text.nationalFigure[lang]}
          </span>
        ) : null}
        {h.change ? (
          <span className={`info-card__change tone-${h.change.tone}`} data-field="change">
            {h.change.arrow} {h.change.text[lang]}{' '}
            <span className="info-muted">
              {h.change.basis === 'year-on-year' ? text.yearOnYear[lang] : text.previousPeriod[lang]}
            </span>
          </span>
        ) : null}
        {h.progress ? (
          <span className={`info-card__plan tone-${h.progress.tone}`} data-field="plan">
            <span>
              {h.progress.label[lang]}
              {h.progress.share ? ` · ${h.progress.share[lang]}` : ''} · {h.progress.met ? messages.planMet[lang] : messages.planNotMet[lang]}
            </span>
            <span className="info-bar" aria-hidden="true">
              <span className="info-bar__fill" style={{ width: `${Math.round(h.progress.fill * 100)}%` }} />
            </span>
          </span>
        ) : null}
        <span className="info-card__age info-muted" data-field="age">
          {age[lang]}
          {o.provenance.agency ? ` · ${o.provenance.agency}` : ''}
        </span>
      </button>
    </li>
  );
}
