import { useState, type FormEvent } from 'react';
import type { Bilingual } from '../../shared/i18n';

type Lang = 'vi' | 'en';

/** The words of a password form; each page gives its own help line. */
export const loginTexts = {
  title: { vi: 'Đăng nhập', en: 'Sign in' },
  username: { vi: 'Tên đăng nhập', en: 'Login name' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signingIn: { vi: 'Đang đăng nhập…', en: 'Signing in…' },
  missingCredentials: { vi: 'Hãy nhập tên đăng nhập và mật khẩu.', en: 'Enter the login name and the password.' },
} as const satisfies Record<string, Bilingual>;

export interface PasswordLoginFormProps {
  lang: Lang;
  /** The page's class and id prefix ("info", "remote"): its stylesheet styles `<prefix>-login`, `-muted`, `-login__error`, `-button`. */
  prefix: string;
  /** One sentence under the title: whose page this is. */
  help: Bilingual;
  /** The server's refusal in the catalogue's words (wrong password, locked, too many tries), or null. */
  problem: Bilingual | null;
  busy: boolean;
  onSubmit(username: string, password: string): void;
}

/**
 * Login name and password for the pages a person opens on a phone or tablet (the information
 * page, the presenter remote). The password is cleared after each try; an empty field is
 * named before anything is sent.
 */
export function PasswordLoginForm({ lang, prefix, help, problem, busy, onSubmit }: PasswordLoginFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    onSubmit(username.trim(), password);
    setPassword('');
  };
  const shown = empty ? loginTexts.missingCredentials : problem;
  return (
    <form className={`${prefix}-login`} onSubmit={submit} noValidate aria-labelledby={`${prefix}-login-title`} data-testid="login-form">
      <h2 id={`${prefix}-login-title`}>{loginTexts.title[lang]}</h2>
      <p className={`${prefix}-muted`}>{help[lang]}</p>
      {shown ? (
        <p className={`${prefix}-login__error`} role="alert" data-field="login-error">
          {shown[lang]}
        </p>
      ) : null}
      <label htmlFor={`${prefix}-username`}>{loginTexts.username[lang]}</label>
      <input id={`${prefix}-username`} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
      <label htmlFor={`${prefix}-password`}>{loginTexts.password[lang]}</label>
      <input id={`${prefix}-password`} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <button type="submit" className={`${prefix}-button ${prefix}-button--primary`} disabled={busy}>
        {busy ? loginTexts.signingIn[lang] : loginTexts.signIn[lang]}
      </button>
    </form>
  );
}
