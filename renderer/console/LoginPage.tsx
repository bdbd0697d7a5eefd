import { useState, type FormEvent } from 'react';
import type { JSX } from 'react';
import { routes } from '../../shared/api';
import { ApiError } from '../api/client';
import { anonymousClient, type Session } from './session';
import { formatTime, messageOf, useLang, useT } from './i18n';

/** Why a login failed, in words an operator can act on (401 wrong, 423 locked until, 429 slow down). */
function loginFailure(lang: 'vi' | 'en', error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  const until = typeof error.error.details?.lockedUntil === 'string' ? error.error.details.lockedUntil : null;
  if (error.status === 423 && until) {
    return lang === 'en'
      ? `This account is locked after too many wrong passwords; it opens again at ${formatTime(lang, until)}.`
      : `Tài khoản bị khoá vì nhập sai mật khẩu quá nhiều lần; mở lại lúc ${formatTime(lang, until)}.`;
  }
  if (error.status === 429) return lang === 'en' ? 'Too many sign-in attempts from this computer; wait a minute and try again.' : 'Đăng nhập quá nhiều lần từ máy này; hãy chờ một phút rồi thử lại.';
  if (error.status === 401) return lang === 'en' ? 'Wrong user name or password.' : 'Sai tên đăng nhập hoặc mật khẩu.';
  return messageOf(lang, error.error);
}

export function LoginPage({ onSignedIn, notice }: { onSignedIn(session: Session): void; notice: string | null }): JSX.Element {
  const t = useT();
  const lang = useLang();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const reply = await anonymousClient.call(routes.session.login, { body: { username: username.trim().toLowerCase(), password } });
      setPassword('');
      onSignedIn(reply.body);
    } catch (failure) {
      setError(loginFailure(lang, failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="panel login-form" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title">{t('Đăng nhập bảng điều khiển', 'Sign in to the console')}</h1>
        {notice && <p className="notice" role="status">{notice}</p>}
        <label>
          {t('Tên đăng nhập', 'User name')}
          <input name="username" autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          {t('Mật khẩu', 'Password')}
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('Đang đăng nhập…', 'Signing in…') : t('Đăng nhập', 'Sign in')}
        </button>
      </form>
    </main>
  );
}
