import type { Bilingual } from '../../shared/i18n';

type Lang = 'vi' | 'en';

/** The words of a signed-in page's header buttons. */
export const headerTexts = {
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  // The button names the other language in that language (and says so to a screen reader).
  language: { vi: 'English', en: 'Tiếng Việt' },
  languageLabel: { vi: 'Switch to English', en: 'Chuyển sang tiếng Việt' },
} as const satisfies Record<string, Bilingual>;

/**
 * The header buttons of the pages people sign in to on a phone or tablet (the information
 * page, the presenter remote): the language switch, and Sign out once signed in.
 * `prefix` is the page's class prefix ("info", "remote"): its stylesheet styles
 * `<prefix>-header__actions` and `<prefix>-button`.
 */
export function PageHeaderActions({ lang, prefix, onToggleLang, onSignOut }: { lang: Lang; prefix: string; onToggleLang(): void; onSignOut: (() => void) | null }) {
  return (
    <div className={`${prefix}-header__actions`}>
      <button type="button" className={`${prefix}-button`} onClick={onToggleLang} aria-label={headerTexts.languageLabel[lang]} lang={lang === 'vi' ? 'en' : 'vi'} data-testid="language">
        {headerTexts.language[lang]}
      </button>
      {onSignOut ? (
        <button type="button" className={`${prefix}-button`} onClick={onSignOut}>
          {headerTexts.signOut[lang]}
        </button>
      ) : null}
    </div>
  );
}
