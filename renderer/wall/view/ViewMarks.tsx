import { useLayoutEffect, useRef, useState } from 'react';
import { messages } from '../../../shared/i18n';
import { frozenAtText, newFiguresText, viewProvinceName } from '../../../shared/wall/view';
import { useWall } from '../../store/context';
import { chooseCorner, type Corner } from '../ConnectionStatus';
import './view.css';

/**
 * The briefing view's mark, in a corner of every window: "Đã dừng lúc 14:05 · 12 số liệu
 * mới" while frozen, "Đang xem: Đà Nẵng" while drilled down. Large enough to read from the
 * back of the room, and placed where it covers no figure (the offline badge's rule).
 */
export function ViewMarks() {
  const frozen = useWall((s) => s.frozen);
  const province = useWall((s) => s.view?.province ?? null);
  const mark = useRef<HTMLDivElement>(null);
  const [corner, setCorner] = useState<Corner>('top-right');
  const name = viewProvinceName({ province });
  const shown = frozen !== null || name !== null;

  useLayoutEffect(() => {
    if (shown && mark.current) setCorner(chooseCorner(mark.current));
    // Re-placed when what it says changes size (a count's digits, a province), not per frame.
  }, [shown, frozen?.at, name, frozen !== null && frozen.changed > 0]);

  if (!shown) return null;
  const at = frozen ? frozenAtText(frozen.at) : null;
  const changed = frozen && frozen.changed > 0 ? newFiguresText(frozen.changed) : null;
  return (
    <div className="wall-view-mark" ref={mark} data-corner={corner} data-view-mark="" role="status" aria-live="polite">
      {frozen && at ? (
        <div className="wall-view-mark__freeze" data-frozen-at={frozen.at} data-frozen-seq={frozen.seq} title={`${at.en}${changed ? ` · ${changed.en}` : ''}`}>
          <span className="wall-view-mark__icon" aria-hidden="true">
            ❚❚
          </span>
          <span data-view-field="frozen-at">{at.vi}</span>
          {changed ? (
            <span className="wall-view-mark__count" data-view-field="changed" data-count={frozen.changed}>
              {changed.vi}
            </span>
          ) : null}
        </div>
      ) : null}
      {name ? (
        <div className="wall-view-mark__province" data-view-field="province" data-province={province ?? undefined} title={`${messages.viewProvinceShown.en}: ${viewProvinceName({ province }, 'en')}`}>
          {messages.viewProvinceShown.vi}: <strong>{name}</strong>
        </div>
      ) : null}
    </div>
  );
}
