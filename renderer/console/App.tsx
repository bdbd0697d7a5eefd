import { useCallback, useEffect, useRef, useState } from 'react';
import type { JSX } from 'react';
import { routes } from '../../shared/api';
import { clearDrafts, forgetDraftsKeptOverReload, keepDraftsOverReload, newDrafts, tabStorage, takeDraftsKeptOverReload, type Drafts } from './drafts';
import { LangContext, type Lang } from './i18n';
import { LoginPage } from './LoginPage';
import { Shell } from './Shell';
import { clientFor, currentSession, type Session } from './session';

/**
 * The console: sign in, then the shell. When the session ends (idle or absolute expiry,
 * logout elsewhere) the page goes back to the login form; unsaved edits stay in memory
 * (`drafts`: layouts and briefings) and come back once the same person signs in again.
 */

/** `?lang=en` (the display agent's --lang) starts in that language; otherwise the last one chosen here. */
function firstLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'vi' || asked === 'en') return asked;
  return localStorage.getItem('toancanh.console.lang') === 'en' ? 'en' : 'vi';
}

export function App(): JSX.Element {
  const [lang, setLang] = useState<Lang>(firstLang);
  const [session, setSession] = useState<Session | null | 'loading'>('loading');
  const [notice, setNotice] = useState<string | null>(null);
  const drafts = useRef<Drafts>(newDrafts());
  const lastUser = useRef<number | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('toancanh.console.lang', lang);
  }, [lang]);

  useEffect(() => {
    currentSession().then(
      (found) => {
        // A reload: the edits this person had not saved come back before any page opens.
        if (found) {
          lastUser.current = found.user.id;
          takeDraftsKeptOverReload(drafts.current, found.user.id, tabStorage());
        }
        setSession(found);
      },
      () => setSession(null),
    );
  }, []);

  useEffect(() => {
    const keep = (): void => {
      if (lastUser.current !== null) keepDraftsOverReload(drafts.current, lastUser.current, tabStorage());
    };
    window.addEventListener('pagehide', keep);
    return () => window.removeEventListener('pagehide', keep);
  }, []);

  const signedIn = useCallback((next: Session) => {
    // Someone else signing in on this browser does not inherit another person's drafts.
    if (lastUser.current !== null && lastUser.current !== next.user.id) clearDrafts(drafts.current);
    lastUser.current = next.user.id;
    // Kept over a reload that came while signed out (the session had ended): this person's only.
    takeDraftsKeptOverReload(drafts.current, next.user.id, tabStorage());
    setNotice(null);
    setSession(next);
  }, []);

  const ended = useCallback(() => {
    setNotice(lang === 'en' ? 'Your session has ended. Sign in again: your unsaved edits are kept.' : 'Phiên làm việc đã hết. Hãy đăng nhập lại: các thay đổi chưa lưu vẫn được giữ.');
    setSession(null);
  }, [lang]);

  const logout = useCallback(async (current: Session) => {
    await clientFor(current).call(routes.session.logout, {}).catch(() => undefined);
    clearDrafts(drafts.current);
    forgetDraftsKeptOverReload(tabStorage());
    lastUser.current = null;
    setSession(null);
  }, []);

  return (
    <LangContext.Provider value={lang}>
      {session === 'loading' ? (
        <p className="loading" role="status">…</p>
      ) : session === null ? (
        <LoginPage onSignedIn={signedIn} notice={notice} />
      ) : (
        <Shell session={session} lang={lang} setLang={setLang} onLogout={() => void logout(session)} onSessionEnded={ended} drafts={drafts.current} />
      )}
    </LangContext.Provider>
  );
}
