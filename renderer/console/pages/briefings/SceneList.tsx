import { useRef, useState, type JSX, type KeyboardEvent, type PointerEvent } from 'react';
import { useT } from '../../i18n';
import type { SceneDraft } from './draft';

interface Props {
  scenes: readonly SceneDraft[];
  selected: number;
  /** Scene ids with a fault: marked in the list. */
  faulty: ReadonlySet<string>;
  /** The index on the wall now (a run of this briefing), or null. */
  onWall: number | null;
  onSelect(index: number): void;
  onMove(from: number, to: number): void;
}

/**
 * The run of show: the scenes in order, each one a button that selects it. Reordered by
 * drag (the ⠿ grip, pointer events, so a mouse, a pen and a finger all work) or by the
 * keyboard (Alt+↑ / Alt+↓ on a scene); each move is said in the live region, and the focus
 * stays on the scene that moved.
 */
export function SceneList({ scenes, selected, faulty, onWall, onSelect, onMove }: Props): JSX.Element {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  const [said, setSaid] = useState('');
  const [drag, setDrag] = useState<{ from: number; over: number; pointerId: number } | null>(null);

  function move(from: number, to: number, how: 'key' | 'drag') {
    if (to < 0 || to >= scenes.length || to === from) return;
    const title = scenes[from]!.title || scenes[from]!.id;
    onMove(from, to);
    setSaid(t(`Đã chuyển «${title}» tới vị trí ${to + 1} trên ${scenes.length}.`, `Moved "${title}" to position ${to + 1} of ${scenes.length}.`));
    // Focus follows the scene to its new place (after React has moved it).
    if (how === 'key') requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-scene-index="${to}"] .bf-scene-select`)?.focus());
  }

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>, index: number) {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(index, index + (e.key === 'ArrowUp' ? -1 : 1), 'key');
  }

  /** The place under the pointer: the first scene whose middle is below it. */
  function indexAt(y: number): number {
    const items = [...(list.current?.querySelectorAll<HTMLElement>('[data-scene-index]') ?? [])];
    const found = items.findIndex((item) => {
      const r = item.getBoundingClientRect();
      return y < r.top + r.height / 2;
    });
    return found < 0 ? items.length - 1 : found;
  }

  const grip = (index: number) => ({
    onPointerDown(e: PointerEvent<HTMLSpanElement>) {
      if (e.button !== 0) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      setDrag({ from: index, over: index, pointerId: e.pointerId });
    },
    onPointerMove(e: PointerEvent<HTMLSpanElement>) {
      if (!drag || drag.pointerId !== e.pointerId) return;
      const over = indexAt(e.clientY);
      if (over !== drag.over) setDrag({ ...drag, over });
    },
    onPointerUp(e: PointerEvent<HTMLSpanElement>) {
      if (!drag || drag.pointerId !== e.pointerId) return;
      setDrag(null);
      move(drag.from, drag.over, 'drag');
    },
    onPointerCancel() {
      setDrag(null);
    },
  });

  return (
    <section className="bf-scenes" aria-labelledby="bf-scenes-title">
      <h2 id="bf-scenes-title">{t('Trình tự các cảnh', 'Run of show')}</h2>
      <p className="help" id="bf-scenes-help">
        {t('Kéo biểu tượng ⠿ hoặc nhấn Alt+↑ / Alt+↓ trên một cảnh để đổi thứ tự.', 'Drag the ⠿ grip, or press Alt+↑ / Alt+↓ on a scene, to reorder.')}
      </p>
      <ol ref={list} className="bf-scene-list" data-testid="scene-list">
        {scenes.map((s, i) => (
          <li
            key={s.id}
            data-scene-index={i}
            data-scene-id={s.id}
            className="bf-scene"
            data-selected={i === selected || undefined}
            data-drop={drag && drag.over === i && drag.from !== i ? (drag.from < i ? 'after' : 'before') : undefined}
            data-dragging={drag?.from === i || undefined}
          >
            <span className="bf-grip" aria-hidden="true" title={t('Kéo để đổi thứ tự', 'Drag to reorder')} {...grip(i)}>
              ⠿
            </span>
            <button
              type="button"
              className="bf-scene-select"
              aria-pressed={i === selected}
              aria-describedby="bf-scenes-help"
              onClick={() => onSelect(i)}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              <span className="bf-scene-n">{i + 1}.</span> {s.title || t('(chưa đặt tên)', '(untitled)')}
              <small>
                {' '}
                {s.layoutId} v{s.layoutVersion}
                {s.duration.trim() ? ` · ${s.duration.trim()} s` : ''}
                {s.focusKind === 'province' ? t(' · lọc tỉnh', ' · province') : s.focusKind === 'tile' ? t(' · phóng to ô', ' · enlarged tile') : ''}
              </small>
              {faulty.has(s.id) ? <span className="badge off">{t('có lỗi', 'fault')}</span> : null}
              {onWall === i ? <span className="badge live">{t('trên tường', 'on the wall')}</span> : null}
            </button>
          </li>
        ))}
      </ol>
      <p className="bf-said" aria-live="polite" data-testid="reorder-said">
        {said}
      </p>
    </section>
  );
}
