import { formatPeriod } from '../../../shared/format/date';
import { messages } from '../../../shared/i18n';

/** The pieces every chart header shows in the same form: title, DEMO mark, period (with the stale warning), unit. */

export function ChartTitle({ title }: { title: { vi: string; en?: string } | null | undefined }) {
  return title ? (
    <div className="chart__title" data-field="title" title={title.en}>
      {title.vi}
    </div>
  ) : null;
}

export function ChartDemoMark({ demo }: { demo: boolean }) {
  return demo ? (
    <span className="chart__mark chart__mark--demo" data-field="demo" title={messages.demo.en}>
      {messages.demo.vi}
    </span>
  ) : null;
}

export function ChartPeriod({ period, stale }: { period: string | null | undefined; stale: boolean }) {
  return period ? (
    <span className={`chart__period${stale ? ' chart__period--stale' : ''}`} data-field="period">
      {stale ? `⚠ ${messages.stale.vi} · ` : ''}
      {formatPeriod(period, 'vi')}
    </span>
  ) : null;
}

export function ChartUnit({ unit }: { unit: string | null | undefined }) {
  return unit ? (
    <span className="chart__unit" data-field="unit">
      {unit}
    </span>
  ) : null;
}
