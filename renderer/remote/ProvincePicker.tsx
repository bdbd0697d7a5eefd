import { useEffect, useRef } from 'react';
import { PROVINCES } from '../../shared/regions';
import { text, type Lang } from './text';

/**
 * The 34 provinces and cities (official codes, Vietnamese names first), as big buttons in
 * a sheet over the remote; the one the wall shows is marked. Escape or "Đóng" closes it;
 * focus starts on the current choice so arrow-less keyboards tab from there.
 */
export function ProvincePicker({ lang, current, disabled, onPick, onClose }: { lang: Lang; current: string | null; disabled: boolean; onPick: (code: string | null) => void; onClose: () => void }) {
  const sheet = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = sheet.current?.querySelector<HTMLButtonElement>('[aria-pressed="true"]') ?? sheet.current?.querySelector<HTMLButtonElement>('button');
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const sorted = [...PROVINCES].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return (
    <div className="remote-sheet" role="dialog" aria-modal="true" aria-labelledby="remote-province-title" data-testid="province-picker" ref={sheet}>
      <div className="remote-sheet__head">
        <h2 id="remote-province-title">{text.province[lang]}</h2>
        <button type="button" className="remote-button" onClick={onClose}>
          {text.close[lang]}
        </button>
      </div>
      <div className="remote-provinces">
        <button type="button" className="remote-button remote-province remote-province--national" aria-pressed={current === null} disabled={disabled} onClick={() => onPick(null)} data-province="">
          {text.national[lang]}
        </button>
        {sorted.map((p) => (
          <button key={p.code} type="button" className="remote-button remote-province" aria-pressed={current === p.code} disabled={disabled} onClick={() => onPick(p.code)} data-province={p.code} lang={lang === 'en' ? 'vi' : undefined}>
            {p.name}
            {lang === 'en' && p.nameEn !== p.name ? <small>{p.nameEn}</small> : null}
          </button>
        ))}
      </div>
    </div>
  );
}
