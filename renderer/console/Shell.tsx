import { useCallback, useEffect, useMemo, useState } from 'react';
import type { JSX } from 'react';
import type { Drafts } from './drafts';
import { type Lang, useT } from './i18n';
import { DEFAULT_PAGE, canSee, consolePages, formatAddress, parseAddress, type PageAddress } from './pages';
import { clientFor, type Session } from './session';

export interface ShellProps {
  session: Session;
  lang: Lang;
  setLang(lang: Lang): void;
  onLogout(): void;
  onSessionEnded(): void;
  drafts: Drafts;
}

/** The header (pages, who is signed in, language, sign out) and the page below it, addressed by the URL's hash. */
export function Shell({ session, lang, setLang, onLogout, onSessionEnded, drafts }: ShellProps): JSX.Element {
  const t = useT();
  const client = useMemo(() => clientFor(session), [session]);
  const [address, setAddress] = useState<PageAddress>(() => parseAddress(location.hash));
  useEffect(() => {
    const follow = (): void => setAddress(parseAddress(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const go = useCallback((to: PageAddress) => {
    const hash = formatAddress(to);
    if (location.hash !== hash) location.hash = hash;
    setAddress(to);
  }, []);

  const visible = consolePages.filter((p) => canSee(p, session.user.roles));
  // An unknown page, or one this person may not see, falls back to the library.
  const page = visible.find((p) => p.id === address.page) ?? visible.find((p) => p.id === DEFAULT_PAGE)!;
  return (
    <div className="shell">
      <header className="header">
        <strong className="brand">Toàn Cảnh</strong>
        <nav aria-label={t('Trang', 'Pages')}>
          {visible
            .filter((p) => p.nav)
            .map((p) => (
              <a key={p.id} href={formatAddress({ page: p.id })} className="nav-link" aria-current={page.id === p.id ? 'page' : undefined}>
                {lang === 'en' ? p.label.en : p.label.vi}
              </a>
            ))}
        </nav>
        <span className="spacer" />
        <span className="whoami" data-testid="whoami">
          {session.user.displayName} · {session.user.roles.join(', ')}
        </span>
        <button type="button" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')} aria-label={t('Chuyển sang tiếng Anh', 'Switch to Vietnamese')}>
          {lang === 'vi' ? 'EN' : 'VI'}
        </button>
        <button type="button" onClick={onLogout}>
          {t('Đăng xuất', 'Sign out')}
        </button>
      </header>
      {page.render({ session, client, lang, drafts, onSessionEnded, go }, page.id === address.page ? address.param : undefined)}
    </div>
  );
}
