import { useEffect, useMemo, useState } from 'react';
import { formatDateTime } from '../../shared/format/date';
import { offlineSince } from '../../shared/i18n';
import { PROVINCES } from '../../shared/regions';
import { ComplianceSummary } from './ComplianceSummary';
import { useInfoController } from './controller';
import { HeadlineCard } from './HeadlineCard';
import { indexObservations, NATIONAL, selectHeadlines, type Headline } from './headlines';
import { PageHeaderActions } from '../login/PageHeaderActions';
import { PasswordLoginForm } from '../login/PasswordLoginForm';
import { readLang, saveLang } from './prefs';
import { ProvenanceSheet } from './ProvenanceSheet';
import { text, type Lang } from './text';

function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The information page: login, or the headline figures of the region picked. */
export function App() {
  const { state, login, logout, refresh, pickRegion } = useInfoController();
  const [lang, setLang] = useState<Lang>(readLang);
  const [open, setOpen] = useState<Headline | null>(null);
  const now = useNow();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const fields = useMemo(() => (state.data ? selectHeadlines(state.data.indicators, indexObservations(state.data.observations), state.data.region, now) : null), [state.data, now]);
  const toggleLang = () => {
    const next = lang === 'vi' ? 'en' : 'vi';
    saveLang(next);
    setLang(next);
  };
  const shownRegion = state.data?.region ?? state.region;

  return (
    <div className="info-page" data-phase={state.phase}>
      <header className="info-header">
        <div className="info-header__titles">
          <h1>{text.title[lang]}</h1>
          <p className="info-muted">{text.subtitle[lang]}</p>
        </div>
        <PageHeaderActions lang={lang} prefix="info" onToggleLang={toggleLang} onSignOut={state.phase === 'ready' ? () => void logout() : null} />
      </header>

      {state.phase === 'login' ? <PasswordLoginForm lang={lang} prefix="info" help={text.loginHelp} problem={state.loginProblem} busy={state.busy} onSubmit={(u, p) => void login(u, p)} /> : null}
      {state.phase === 'checking' ? <p className="info-status">{text.loading[lang]}</p> : null}

      {state.phase === 'ready' ? (
        <main className="info-main">
          <div className="info-toolbar">
            <label htmlFor="info-region">{text.region[lang]}</label>
            <select id="info-region" value={state.region} onChange={(e) => void pickRegion(e.target.value)} data-testid="region">
              <option value={NATIONAL}>{text.national[lang]}</option>
              {PROVINCES.map((p) => (
                <option key={p.code} value={p.code}>
                  {lang === 'vi' ? p.name : p.nameEn}
                </option>
              ))}
            </select>
            <button type="button" className="info-button" onClick={() => void refresh()} data-testid="refresh">
              {text.refresh[lang]}
            </button>
          </div>
          {state.data ? (
            <p className={state.offline ? 'info-offline' : 'info-updated info-muted'} role="status" data-offline={state.offline ? 'true' : 'false'} data-testid="data-age">
              {state.offline ? offlineSince(state.data.fetchedAt, now)[lang] : `${text.updatedAt[lang]} ${formatDateTime(new Date(state.data.fetchedAt)).slice(11)}`}
            </p>
          ) : (
            <p className="info-status" role="status">
              {state.offline ? text.loadFailed[lang] : state.loadProblem ? state.loadProblem[lang] : text.loading[lang]}
            </p>
          )}
          {state.data && state.loadProblem ? <p className="info-status" role="alert">{state.loadProblem[lang]}</p> : null}

          {state.data ? <ComplianceSummary compliance={state.data.compliance} province={shownRegion !== NATIONAL} lang={lang} /> : null}
          {fields?.map((field) => (
            <section key={field.code} className="info-field" aria-labelledby={`info-field-${field.code}`} data-field-code={field.code}>
              <h2 id={`info-field-${field.code}`}>{field.name[lang]}</h2>
              {field.headlines.length > 0 ? (
                <ul className="info-cards">
                  {field.headlines.map((h) => (
                    <HeadlineCard key={h.meta.code} headline={h} lang={lang} now={now} onOpen={setOpen} />
                  ))}
                </ul>
              ) : (
                <p className="info-muted">{text.noHeadline[lang]}</p>
              )}
            </section>
          ))}
        </main>
      ) : null}
      {open ? <ProvenanceSheet headline={open} lang={lang} now={now} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
