import type { BriefingSummary } from '../../shared/api/briefings';
import { text, type Lang } from './text';

/** No run: the saved runs of show, each with a big start button. */
export function StartPanel({ lang, briefings, disabled, onStart }: { lang: Lang; briefings: BriefingSummary[] | null; disabled: boolean; onStart: (id: string) => void }) {
  return (
    <section className="remote-card" aria-labelledby="remote-start-title" data-testid="start-panel">
      <h2 id="remote-start-title">{text.noRun[lang]}</h2>
      {briefings === null ? <p className="remote-status">{text.loading[lang]}</p> : null}
      {briefings && briefings.length === 0 ? <p className="remote-muted">{text.noBriefings[lang]}</p> : null}
      {briefings && briefings.length > 0 ? (
        <>
          <p className="remote-muted">{text.startHint[lang]}</p>
          <ul className="remote-list">
            {briefings.map((b) => (
              <li key={b.id}>
                <button type="button" className="remote-button remote-button--wide" disabled={disabled} onClick={() => onStart(b.id)} data-start={b.id}>
                  <strong>{b.name}</strong>
                  <small>
                    {b.scenes} {text.scenes[lang].toLowerCase()} · v{b.headVersion}
                  </small>
                  <span className="remote-button__go">{text.start[lang]} ▶</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
