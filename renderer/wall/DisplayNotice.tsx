import { useLayoutEffect, useRef, useState } from 'react';
import type { WindowConfig } from '../../shared/ipc';
import { chooseCorner, type Corner } from './ConnectionStatus';

export type DisplayMismatch = NonNullable<WindowConfig['displayMismatch']>;

/**
 * For the technician: this display does not have the screen's resolution or orientation,
 * so the picture is letterboxed and the wall's geometry is off here. Small, in the first
 * corner that covers no tile (like the offline mark), and there until the profile or the
 * display is fixed.
 */
export function DisplayNotice({ mismatch }: { mismatch: DisplayMismatch }) {
  const badge = useRef<HTMLDivElement>(null);
  const [corner, setCorner] = useState<Corner>('top-left');
  const { expected: e, actual: a } = mismatch;
  const vi = mismatch.kind === 'orientation' ? 'Màn hình sai chiều' : 'Màn hình sai độ phân giải';
  const en = mismatch.kind === 'orientation' ? 'display orientation differs' : 'display resolution differs';
  const detail = `${e.width}×${e.height} ↔ ${a.width}×${a.height} px`;
  useLayoutEffect(() => {
    if (badge.current) setCorner(chooseCorner(badge.current));
  }, [detail]);
  return (
    <div className="conn-status conn-status--offline display-notice" data-display-mismatch={mismatch.kind} data-corner={corner} ref={badge} role="status" title={`${en}: profile ${e.width}×${e.height} px, display ${a.width}×${a.height} px`}>
      <span className="conn-status__text">{vi}</span>
      <span className="conn-status__en">
        {en} · {detail}
      </span>
    </div>
  );
}
