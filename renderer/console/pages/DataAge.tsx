import { useEffect, useState } from 'react';
import type { JSX } from 'react';
import { formatTime, useLang, useT } from '../i18n';

/** How old the data on the page is ("Cập nhật lúc 08:12 · 40 giây trước"), with a button to load it again. */
export function DataAge({ at, onReload, busy }: { at: number | null; onReload(): void; busy: boolean }): JSX.Element {
  const t = useT();
  const lang = useLang();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="data-age">
      {at === null ? (
        t('Chưa tải', 'Not loaded yet')
      ) : (
        <span data-testid="data-age">
          {t('Cập nhật lúc', 'Updated at')} {formatTime(lang, new Date(at).toISOString())} · {ageText(lang, Math.max(0, now - at))}
        </span>
      )}{' '}
      <button type="button" onClick={onReload} disabled={busy}>
        {t('Tải lại', 'Reload')}
      </button>
    </p>
  );
}

export function ageText(lang: 'vi' | 'en', ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return lang === 'en' ? `${s} s ago` : `${s} giây trước`;
  const m = Math.round(s / 60);
  if (m < 60) return lang === 'en' ? `${m} min ago` : `${m} phút trước`;
  const h = Math.round(m / 60);
  return lang === 'en' ? `${h} h ago` : `${h} giờ trước`;
}
