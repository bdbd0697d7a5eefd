import { useEffect, useRef } from 'react';
import { agencyByCode } from '../../shared/agencies';
import { formatAge, formatDateTime } from '../../shared/format/date';
import { messages } from '../../shared/i18n';
import type { Headline } from './headlines';
import { text, type Lang } from './text';

/**
 * Where a figure comes from, one tap from it: the agency, the regime, when its report was
 * submitted (the observation's vintage is its submission's receipt time; a figure seeded
 * from the national file has no submission, and its vintage is the release), estimate or
 * official, the vintage and revision. A modal <dialog>: Escape and the close button shut it,
 * focus returns to the figure.
 */
export function ProvenanceSheet({ headline, lang, now, onClose }: { headline: Headline; lang: Lang; now: number; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const o = headline.latest;
  const p = o.provenance;
  const agency = p.agency ? agencyByCode(p.agency) : undefined;
  const vintage = new Date(o.vintage);
  const rows: [string, string, string][] = [
    ['agency', text.agency[lang], p.agency ? (agency ? `${agency.name[lang]} — ${p.agency}` : p.agency) : '—'],
    ['regime', text.regime[lang], p.regime ?? '—'],
    p.submissionId ? ['submitted-at', text.submittedAt[lang], formatDateTime(vintage)] : ['released-at', text.releasedAt[lang], `${formatDateTime(vintage)} — ${text.seeded[lang]}`],
    ['status', text.status[lang], o.status === 'estimate' ? messages.estimate[lang] : messages.official[lang]],
    ['vintage', text.vintage[lang], `${formatDateTime(vintage)} (${formatAge(now - vintage.getTime(), lang)})`],
    ...(p.revision !== undefined ? [['revision', text.revision[lang], String(p.revision)] as [string, string, string]] : []),
    ...(p.source ? [['source', text.source[lang], p.source] as [string, string, string]] : []),
    ...(p.submissionId ? [['submission', text.submission[lang], p.submissionId] as [string, string, string]] : []),
  ];
  return (
    <dialog ref={ref} className="info-sheet" aria-labelledby="info-sheet-title" onClose={onClose} data-testid="provenance">
      <h2 id="info-sheet-title">{text.provenance[lang]}</h2>
      <p className="info-sheet__what">
        {headline.meta.name[lang]} — {headline.period[lang]}: <strong>{headline.value[lang]}</strong> {headline.meta.unit}
        {o.demo ? <span className="info-mark info-mark--demo">{messages.demo.vi}</span> : null}
      </p>
      <dl>
        {rows.map(([field, label, value]) => (
          <div key={field} className="info-sheet__row">
            <dt>{label}</dt>
            <dd data-field={field}>{value}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="info-button info-button--primary" autoFocus>
          {text.close[lang]}
        </button>
      </form>
    </dialog>
  );
}
