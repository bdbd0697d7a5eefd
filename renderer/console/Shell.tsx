import { useMemo, useState } from 'react';
import type { JSX } from 'react';
import type { Drafts } from './App';
import { EditorPage } from './EditorPage';
import { type Lang, useT } from './i18n';
import { LibraryPage } from './LibraryPage';
import { clientFor, type Session } from './session';

export type Page = { kind: 'library' } | { kind: 'editor'; layoutId: string };

export interface ShellProps {
  session: Session;
  lang: Lang;
  setLang(lang: Lang): void;
  onLogout(): void;
  onSessionEnded(): void;
  drafts: Drafts;
}

/** The header (who is signed in, language, sign out) and the page below it. */
export function Shell({ session, lang, setLang, onLogout, onSessionEnded, drafts }: ShellProps): JSX.Element {
  const t = useT();
  const client = useMemo(() => clientFor(session), [session]);
  const [page, setPage] = useState<Page>({ kind: 'library' });
  return (
    <div className="shell">
      <header className="header">
        <strong className="brand">Toàn Cảnh</strong>
        <nav aria-label={t('Trang', 'Pages')}>
          <button type="button" aria-current={page.kind === 'library' ? 'page' : undefined} onClick={() => setPage({ kind: 'library' })}>
            {t('Thư viện bố cục', 'Layout library')}
          </button>
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
      {page.kind === 'library' ? (
        <LibraryPage client={client} onOpen={(layoutId) => setPage({ kind: 'editor', layoutId })} onSessionEnded={onSessionEnded} />
      ) : (
        <EditorPage
          key={page.layoutId}
          client={client}
          layoutId={page.layoutId}
          drafts={drafts}
          onOpen={(layoutId) => setPage({ kind: 'editor', layoutId })}
          onBack={() => setPage({ kind: 'library' })}
          onSessionEnded={onSessionEnded}
        />
      )}
    </div>
  );
}
