import type { ReactNode } from 'react';
import type { Bilingual } from '../../shared/i18n';

/** A message that fills the window (Vietnamese first, English beneath). */
export function Notice({ text, children, screenId }: { text: Bilingual; children?: ReactNode; screenId?: string }) {
  return (
    <div className="wall-notice" data-screen-id={screenId}>
      <div className="wall-notice__box">
        <p className="wall-notice__vi">{text.vi}</p>
        <p className="wall-notice__en" lang="en">
          {text.en}
        </p>
        {children ? <div className="wall-notice__detail">{children}</div> : null}
      </div>
    </div>
  );
}
