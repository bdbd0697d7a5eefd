import { useEffect, useState } from 'react';
import { WallStoreProvider } from '../store/context';
import { PageHeaderActions } from '../login/PageHeaderActions';
import { PasswordLoginForm } from '../login/PasswordLoginForm';
import { maySteer, useRemoteController } from './controller';
import { RunPanel } from './RunPanel';
import { StartPanel } from './StartPanel';
import { ConnectionLine } from './ConnectionLine';
import { text, type Lang } from './text';

const LANG_KEY = 'toancanh.remote.lang';

function readLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** The presenter's remote (/remote/): sign in, then the run of show as the server holds it. */
export function App() {
  const remote = useRemoteController();
  const { state, store } = remote;
  const [lang, setLang] = useState<Lang>(readLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const toggleLang = () => {
    const next = lang === 'vi' ? 'en' : 'vi';
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      // A private window keeps no preference; the switch still works for this visit.
    }
    setLang(next);
  };
  const steer = state.session ? maySteer(state.session.user.roles) : false;

  return (
    <WallStoreProvider store={store}>
      <div className="remote-page" data-phase={state.phase}>
        <header className="remote-header">
          <div className="remote-header__titles">
            <h1>{text.title[lang]}</h1>
            {state.phase === 'ready' ? <ConnectionLine lang={lang} runAt={state.runAt} heard={state.run !== undefined} /> : null}
          </div>
          <PageHeaderActions lang={lang} prefix="remote" onToggleLang={toggleLang} onSignOut={state.phase === 'ready' ? () => void remote.logout() : null} />
        </header>

        {state.phase === 'checking' ? <p className="remote-status">{text.loading[lang]}</p> : null}
        {state.phase === 'login' ? <PasswordLoginForm lang={lang} prefix="remote" help={text.loginHelp} problem={state.loginProblem} busy={state.busy} onSubmit={(u, p) => void remote.login(u, p)} /> : null}
        {state.phase === 'ready' ? (
          <main className="remote-main">
            {!steer ? (
              <p className="remote-notice" role="status" data-testid="read-only">
                {text.readOnly[lang]}
              </p>
            ) : null}
            {state.problem ? (
              <p className="remote-alert" role="alert" data-testid="problem">
                {text.failed[lang]}: {state.problem[lang]}
              </p>
            ) : null}
            {state.run === undefined ? <p className="remote-status">{text.loading[lang]}</p> : null}
            {state.run === null ? <StartPanel lang={lang} briefings={state.briefings} disabled={!steer || state.sending} onStart={(briefingId) => void remote.command({ action: 'start', briefingId })} /> : null}
            {state.run ? <RunPanel lang={lang} run={state.run} steer={steer} sending={state.sending} remote={remote} /> : null}
          </main>
        ) : null}
      </div>
    </WallStoreProvider>
  );
}
