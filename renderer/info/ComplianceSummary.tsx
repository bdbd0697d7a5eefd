import { formatDateTime } from '../../shared/format/date';
import { formatNumber } from '../../shared/format/number';
import type { ComplianceCounts } from './data';
import { text, type Lang } from './text';

const ROWS = [
  ['on-time', 'onTime', 'good'],
  ['late', 'late', 'bad'],
  ['missing', 'missing', 'bad'],
  ['not-due', 'notDue', 'neutral'],
] as const;

/** The reporting-compliance counts: on time, late, missing, not yet due (every regime × agency × period tracked). */
export function ComplianceSummary({ compliance, province, lang }: { compliance: ComplianceCounts; province: boolean; lang: Lang }) {
  return (
    <section className="info-field info-compliance" aria-labelledby="info-compliance-title" data-testid="compliance">
      <h2 id="info-compliance-title">{province ? text.complianceProvince[lang] : text.compliance[lang]}</h2>
      <ul className="info-compliance__counts">
        {ROWS.map(([status, label, tone]) => (
          <li key={status} className={`info-compliance__count tone-${tone}`} data-status={status}>
            <span className="info-compliance__number" data-field="count">
              {formatNumber(compliance.counts[status] ?? 0, lang, 0)}
            </span>
            <span className="info-compliance__label">{text[label][lang]}</span>
          </li>
        ))}
      </ul>
      <p className="info-muted">
        {text.complianceAsOf[lang]} {formatDateTime(new Date(compliance.asOf))}
      </p>
    </section>
  );
}
