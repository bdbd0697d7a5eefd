import { useState, type FormEvent } from 'react';
import type { Bilingual } from '../../shared/i18n';
import { text, type Lang } from './text';

/** Login name and password; the server's refusal in the catalogue's words (wrong password, locked, too many tries). */
export function LoginForm({ lang, problem, busy, onSubmit }: { lang: Lang; problem: Bilingual | null; busy: boolean; onSubmit: (username: string, password: string) => void }) {
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
  const shown = empty ? text.missingCredentials : problem;
  return (
    <form className="remote-login" onSubmit={submit} noValidate aria-labelledby="remote-login-title" data-testid="login-form">
      <h2 id="remote-login-title">{text.loginTitle[lang]}</h2>
      <p className="remote-muted">{text.loginHelp[lang]}</p>
      {shown ? (
        <p className="remote-alert" role="alert" data-field="login-error">
          {shown[lang]}
        </p>
      ) : null}
      <label htmlFor="remote-username">{text.username[lang]}</label>
      <input id="remote-username" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
      <label htmlFor="remote-password">{text.password[lang]}</label>
      <input id="remote-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <button type="submit" className="remote-button remote-button--primary" disabled={busy}>
        {busy ? text.signingIn[lang] : text.signIn[lang]}
      </button>
    </form>
  );
}
