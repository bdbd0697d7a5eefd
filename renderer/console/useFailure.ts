import { useCallback, useState } from 'react';
import { ApiError } from '../api/client';
import { messageOf, useLang } from './i18n';
import { isSessionEnded } from './session';

/**
 * A page's last failure in words, and the one handler every call's catch uses: a 401 ends
 * the session (back to the login form, drafts kept); anything else is shown on the page.
 */
export function useFailure(onSessionEnded: () => void): [string | null, (error: unknown) => void, () => void] {
  const lang = useLang();
  const [message, setMessage] = useState<string | null>(null);
  const fail = useCallback(
    (error: unknown) => {
      if (isSessionEnded(error)) return onSessionEnded();
      if (error instanceof ApiError) {
        // The messages name what is wrong in words (a screen, a display, a field's label); the
        // JSON path is for the page's own placement at the field, not for the person reading.
        const shown = error.errors.slice(0, 5).map((e) => messageOf(lang, e));
        const more = error.errors.length - shown.length;
        const rest = more > 0 ? [lang === 'en' ? `and ${more} more` : `và ${more.toLocaleString('vi-VN')} lỗi khác`] : [];
        setMessage([messageOf(lang, error.error), ...shown, ...rest].join(' — '));
      } else setMessage(String(error));
    },
    [lang, onSessionEnded],
  );
  return [message, fail, () => setMessage(null)];
}
