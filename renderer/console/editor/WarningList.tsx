import { say, t } from './texts';
import type { EditorLang, Warning } from './types';

/** Every warning and error of the layout; choosing one goes to its tile. */
export function WarningList({ warnings, lang, onGo }: { warnings: ReadonlyArray<Warning>; lang: EditorLang; onGo(tileId: string): void }) {
  const errors = warnings.filter((w) => w.severity === 'error').length;
  return (
    <section className="ed-warnings" aria-labelledby="ed-warnings-title">
      <h3 id="ed-warnings-title">
        {say(t.warnings, lang)} ({warnings.length})
      </h3>
      {errors > 0 && (
        <p className="ed-errors-block" role="status">
          {errors} {say(t.errorsBlock, lang)}
        </p>
      )}
      {warnings.length === 0 ? (
        <p>{say(t.noWarnings, lang)}</p>
      ) : (
        <ul>
          {warnings.map((w, i) => (
            <li key={i} data-kind={w.kind} data-severity={w.severity} data-path={w.path}>
              {w.tileId ? (
                <button type="button" className="ed-link" onClick={() => onGo(w.tileId!)}>
                  {say(t.tile, lang)} «{w.tileId}»
                </button>
              ) : null}{' '}
              {lang === 'en' ? w.message_en : w.message_vi}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
