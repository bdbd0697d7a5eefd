import { useState } from 'react';
import type { JSX } from 'react';
import { useT } from './i18n';

export interface Conflict {
  headVersion: number;
  savedBy: string;
  savedAt: string;
}

/**
 * A stale save (409 layout.version_conflict, briefing.version_conflict): someone saved after the version this edit
 * started from. Nothing is overwritten: reload theirs (mine is discarded, after a second
 * confirmation) or save mine as a copy.
 */
export function ConflictDialog({ conflict, when, onReload, onCopy, onCancel, what = 'layout' }: { conflict: Conflict; when: string; onReload(): void; onCopy(): void; onCancel(): void; what?: 'layout' | 'briefing' }): JSX.Element {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="dialog-backdrop">
      <div className="panel dialog" role="alertdialog" aria-modal="true" aria-labelledby="conflict-title" aria-describedby="conflict-text">
        <h2 id="conflict-title">{what === 'briefing' ? t('Phiên giao ban đã được người khác lưu', 'Someone else saved this briefing') : t('Bố cục đã được người khác lưu', 'Someone else saved this layout')}</h2>
        <p id="conflict-text">
          {t(
            `${conflict.savedBy} đã lưu phiên bản ${conflict.headVersion} lúc ${when}, sau khi bạn mở ${what === 'briefing' ? 'phiên giao ban' : 'bố cục'}. Thay đổi của bạn chưa được lưu.`,
            `${conflict.savedBy} saved version ${conflict.headVersion} at ${when}, after you opened the ${what}. Your changes are not saved yet.`,
          )}
        </p>
        {confirming ? (
          <div className="dialog-actions">
            <p className="error">{t('Bỏ các thay đổi của bạn và tải bản của họ?', 'Discard your changes and load theirs?')}</p>
            <button type="button" onClick={() => setConfirming(false)} autoFocus>{t('Không', 'No')}</button>
            <button type="button" className="danger" onClick={onReload}>{t('Bỏ bản của tôi, tải bản của họ', 'Discard mine, load theirs')}</button>
          </div>
        ) : (
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onCopy} autoFocus>{t('Lưu bản của tôi thành bản sao', 'Save mine as a copy')}</button>
            <button type="button" onClick={() => setConfirming(true)}>{t('Tải lại bản của họ', 'Reload theirs')}</button>
            <button type="button" onClick={onCancel}>{t('Để sau', 'Later')}</button>
          </div>
        )}
      </div>
    </div>
  );
}
