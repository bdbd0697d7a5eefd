import { useRef, type JSX, type KeyboardEvent } from 'react';
import type { RunSummary, ShownRow } from '../../../../shared/briefing/run';
import { frozenClock, viewProvinceName } from '../../../../shared/wall/view';
import { useLang, useT } from '../../i18n';

/** "08:12:05" in Viet Nam's time, whatever the browser's zone. */
export function clockOf(lang: 'vi' | 'en', iso: string): string {
  return new Date(iso).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** "2 phút 07 giây" / "2 min 07 s". */
export function spanText(lang: 'vi' | 'en', ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  const rest = String(s % 60).padStart(m > 0 ? 2 : 1, '0');
  if (lang === 'en') return m > 0 ? `${m} min ${rest} s` : `${rest} s`;
  return m > 0 ? `${m} phút ${rest} giây` : `${rest} giây`;
}

function focusText(lang: 'vi' | 'en', row: ShownRow): string {
  const { province, enlargedTileId } = row.view;
  const parts: string[] = [];
  if (enlargedTileId !== null) parts.push(lang === 'en' ? `tile "${enlargedTileId}" enlarged` : `phóng to ô «${enlargedTileId}»`);
  if (province !== null) parts.push((lang === 'en' ? 'filtered to ' : 'lọc theo ') + (viewProvinceName({ province }, lang) ?? province));
  return parts.length > 0 ? parts.join(', ') : lang === 'en' ? 'no focus' : 'không tiêu điểm';
}

/**
 * The record of one run (the evidence the server keeps, /api/v1/briefing-runs/:id/shown):
 * one row per stretch the wall showed, a bar over the run's time from when to when, and in
 * words the scene, its focus, the data (live at a sequence, or frozen at a time) and who
 * commanded it. Each row is one stop for the keyboard (↑/↓ move, Home/End jump) and reads
 * whole to a screen reader.
 */
export function RunTimeline({ run, shown, total, now }: { run: RunSummary; shown: readonly ShownRow[]; total: number; now: number }): JSX.Element {
  const t = useT();
  const lang = useLang();
  const list = useRef<HTMLOListElement>(null);
  const start = Date.parse(run.startedAt);
  const end = run.endedAt ? Date.parse(run.endedAt) : Math.max(now, ...shown.map((r) => Date.parse(r.to ?? r.from)));
  const length = Math.max(1, end - start);
  const pct = (ms: number) => `${Math.max(0, Math.min(100, ((ms - start) / length) * 100)).toFixed(3)}%`;

  function onKeyDown(e: KeyboardEvent<HTMLLIElement>, index: number) {
    const to = e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? shown.length - 1 : null;
    if (to === null || to < 0 || to >= shown.length) return;
    e.preventDefault();
    list.current?.querySelector<HTMLElement>(`[data-shown-index="${to}"]`)?.focus();
  }

  return (
    <section className="bf-timeline" aria-labelledby={`bf-run-${run.runId}`} data-testid="run-timeline" data-run-id={run.runId}>
      <h3 id={`bf-run-${run.runId}`}>
        {t(`Lượt chạy ${run.runId} (phiên bản ${run.version})`, `Run ${run.runId} (version ${run.version})`)}: {clockOf(lang, run.startedAt)}–{run.endedAt ? clockOf(lang, run.endedAt) : t('đang chạy', 'running')}
        <small>
          {' '}
          · {t('bắt đầu bởi', 'started by')} {run.startedBy}
          {run.endedBy ? ` · ${t('dừng bởi', 'stopped by')} ${run.endedBy}` : ''}
        </small>
      </h3>
      {total > shown.length ? <p className="notice">{t(`Hiện ${shown.length} trên ${total} đoạn.`, `Showing ${shown.length} of ${total} stretches.`)}</p> : null}
      {shown.length === 0 ? <p>{t('Chưa có gì lên tường trong lượt này.', 'Nothing went up on the wall in this run.')}</p> : null}
      <ol ref={list} className="bf-track-list" aria-label={t('Các cảnh đã lên tường, theo thời gian', 'What the wall showed, in time order')}>
        {shown.map((row, i) => {
          const from = Date.parse(row.from);
          const to = row.to ? Date.parse(row.to) : end;
          const data = row.frozenAt ? t(`số liệu dừng lúc ${frozenClock(row.frozenAt)}`, `figures frozen at ${frozenClock(row.frozenAt)}`) : t(`số liệu trực tiếp (thứ tự ${row.dataSeq})`, `live figures (sequence ${row.dataSeq})`);
          const words = [
            t(`Cảnh ${row.sceneIndex + 1} «${row.sceneTitle}»`, `Scene ${row.sceneIndex + 1} "${row.sceneTitle}"`) + (row.cause === 'view' ? t(' (đổi cách xem trong cảnh)', ' (view changed within the scene)') : ''),
            `${clockOf(lang, row.from)}–${row.to ? clockOf(lang, row.to) : t('nay', 'now')} (${spanText(lang, to - from)})`,
            focusText(lang, row),
            data,
            t(`lệnh của ${row.commandedBy}`, `commanded by ${row.commandedBy}`),
            row.cause === 'view' ? null : row.windows > 0 ? t(`${row.acks}/${row.windows} cửa sổ đã sẵn sàng`, `${row.acks}/${row.windows} windows ready`) : t('không có cửa sổ tường nào kết nối', 'no wall window connected'),
          ].filter((w): w is string => w !== null);
          return (
            <li key={row.id} data-shown-index={i} data-scene-id={row.sceneId} data-commanded-by={row.commandedBy} data-cause={row.cause} className="bf-track" tabIndex={0} aria-label={words.join(', ')} onKeyDown={(e) => onKeyDown(e, i)}>
              <span className="bf-track-text" aria-hidden="true">
                <strong>
                  {row.sceneIndex + 1}. {row.sceneTitle}
                </strong>{' '}
                {words.slice(1).join(' · ')}
              </span>
              <span className="bf-track-lane" aria-hidden="true">
                <span className="bf-bar" data-scene-index={row.sceneIndex % 6} data-frozen={row.frozenAt ? '' : undefined} style={{ left: pct(from), width: `calc(${pct(to)} - ${pct(from)})` }} />
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
