import type { JSX, KeyboardEvent } from 'react';
import type { FleetHost } from '../../../../shared/fleet/board';
import { formatClock, useLang, useT } from '../../i18n';
import { ageText } from '../DataAge';
import { DISPLAY_MIME, displayName } from './labels';
import { displayKey, type MapDraft } from './mapDraft';

/** Which screens of the draft each display shows ("s1, s2" when it is on two). */
function screensOf(draft: MapDraft): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [screenId, d] of draft) map.set(displayKey(d), [...(map.get(displayKey(d)) ?? []), screenId]);
  // In the order a technician reads the wall (s2 before s10), not in the order they were chosen.
  for (const list of map.values()) list.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return map;
}

/**
 * Every PC seen, live or gone: its version, when it was last heard from and how old that is,
 * its displays (dragged from here onto the drawing) and its windows as it reports them.
 */
export interface PickedDisplay {
  hostId: string;
  displayId: number;
}

export function HostList({ hosts, draft, now, mayAssign, picked, onPick }: { hosts: readonly FleetHost[]; draft: MapDraft; now: number; mayAssign: boolean; picked: PickedDisplay | null; onPick(display: PickedDisplay | null): void }): JSX.Element {
  const t = useT();
  const lang = useLang();
  const shown = screensOf(draft);
  if (hosts.length === 0) return <p data-testid="no-hosts">{t('Chưa máy hiển thị nào chào máy chủ.', 'No display PC has said hello yet.')}</p>;
  return (
    <div className="hosts">
      {hosts.map((h) => (
        <article key={h.hostId} className={`host ${h.connected ? 'live' : 'gone'}`} data-host={h.hostId} aria-label={h.hostName}>
          <h3>
            {h.hostName} <code>{h.hostId}</code>{' '}
            <span className={`badge ${h.connected ? 'live' : 'off'}`}>{h.connected ? t('đang nối', 'connected') : t(`mất lúc ${formatClock(lang, h.goneAt ?? h.lastSeen)}`, `gone at ${formatClock(lang, h.goneAt ?? h.lastSeen)}`)}</span>
          </h3>
          <p className="help">
            {h.kind === 'agent' ? t('Máy hiển thị (Electron)', 'Display agent (Electron)') : t('Trang tường trên trình duyệt', 'Wall page in a browser')} · {t('phiên bản', 'version')} {h.appVersion} ·{' '}
            <span data-testid="host-age">
              {t('báo lần cuối', 'last report')} {formatClock(lang, h.lastSeen)} ({ageText(lang, Math.max(0, now - Date.parse(h.lastSeen)))})
            </span>
          </p>
          <ul className="displays" aria-label={t('Màn hình của máy', 'Its displays')}>
            {h.displays.map((d) => {
              const on = shown.get(displayKey({ hostId: h.hostId, displayId: d.id })) ?? [];
              const isPicked = picked !== null && picked.hostId === h.hostId && picked.displayId === d.id;
              // A browser wall page opens its screen from its address: its displays take no map (the server refuses one too).
              const assignable = mayAssign && h.kind === 'agent';
              return (
                <li
                  key={d.id}
                  className={isPicked ? 'display-chip picked' : 'display-chip'}
                  data-display={`${h.hostId}/${d.id}`}
                  draggable={assignable}
                  {...(assignable
                    ? {
                        // The keyboard's drag: pick the display here, then press Enter on a screen of the drawing.
                        tabIndex: 0,
                        role: 'button',
                        'aria-pressed': isPicked,
                        onClick: () => onPick(isPicked ? null : { hostId: h.hostId, displayId: d.id }),
                        onKeyDown: (e: KeyboardEvent<HTMLLIElement>) => {
                          if (e.key === 'Escape') onPick(null);
                          if (e.key !== 'Enter' && e.key !== ' ') return;
                          e.preventDefault();
                          onPick(isPicked ? null : { hostId: h.hostId, displayId: d.id });
                        },
                      }
                    : {})}
                  onDragStart={(e) => {
                    if (!assignable) return;
                    e.dataTransfer.setData(DISPLAY_MIME, JSON.stringify({ hostId: h.hostId, displayId: d.id }));
                    e.dataTransfer.setData('text/plain', `${h.hostId}/${d.id}`);
                    e.dataTransfer.effectAllowed = 'link';
                  }}
                >
                  {displayName(lang, d)} · {t('tỉ lệ', 'scale')} {d.scaleFactor}
                  {on.length ? (
                    <strong> → {on.join(', ')}</strong>
                  ) : h.kind === 'browser' ? (
                    <span className="help"> · {t('mở màn hình theo địa chỉ trang (?screen=…), không gán được', 'opens its screen from the page address (?screen=…), not assignable')}</span>
                  ) : (
                    <span className="help"> · {t('chưa gán', 'not assigned')}</span>
                  )}
                </li>
              );
            })}
          </ul>
          {h.windows.length && !h.connected ? (
            <p className="help" data-testid="last-report">
              {t('Các cửa sổ như máy báo lần cuối, trước khi mất kết nối:', 'Its windows as it last reported them, before it went away:')}
            </p>
          ) : null}
          {h.windows.length ? (
            <table className="grid windows">
              <thead>
                <tr>
                  <th>{t('Cửa sổ', 'Window')}</th>
                  <th>{t('Màn hình máy', 'Display')}</th>
                  <th>{t('Kết nối', 'Connection')}</th>
                  <th>{t('Lượt cuối', 'Last seq')}</th>
                  <th>{t('Khung/giây', 'FPS')}</th>
                  <th>{t('Bộ nhớ', 'Heap')}</th>
                  <th>{t('Khởi động lại', 'Restarts')}</th>
                  <th>{t('Lỗi cuối', 'Last error')}</th>
                </tr>
              </thead>
              <tbody>
                {h.windows.map((w, i) => (
                  <tr key={`${w.screenId}-${i}`} data-window={`${h.hostId}/${w.screenId}`}>
                    <td>
                      <code>{w.screenId}</code>
                    </td>
                    <td>{w.displayId ?? '—'}</td>
                    <td>{{ connected: t('đã nối', 'connected'), connecting: t('đang nối', 'connecting'), disconnected: t('mất kết nối', 'disconnected') }[w.connection]}</td>
                    <td>{w.lastSeq ?? '—'}</td>
                    <td>{w.fps === null ? '—' : w.fps.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 0 })}</td>
                    <td>{w.heapMb === null ? '—' : `${w.heapMb.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 0 })} MB`}</td>
                    <td>{w.restarts}</td>
                    <td>{w.lastError ? `${w.lastError.kind}: ${w.lastError.detail} (${formatClock(lang, new Date(w.lastError.at).toISOString())})` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="help">{t('Chưa mở cửa sổ nào.', 'No window open.')}</p>
          )}
        </article>
      ))}
    </div>
  );
}
