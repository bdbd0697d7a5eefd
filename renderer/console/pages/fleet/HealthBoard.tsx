import type { JSX } from 'react';
import type { FleetAlert, FleetBoard, FleetHost } from '../../../../shared/fleet/board';
import { formatClock, useLang, useT } from '../../i18n';
import { LEVEL_LABELS, REASON_LABELS } from './labels';

function hostLabel(hosts: readonly FleetHost[], hostId: string | null): string {
  if (hostId === null) return '—';
  const host = hosts.find((h) => h.hostId === hostId);
  return host ? `${host.hostName} (${hostId})` : hostId;
}

/** Each wall screen green / amber / red, with why and since when (the server's board). */
export function HealthBoard({ board, hosts }: { board: FleetBoard; hosts: readonly FleetHost[] }): JSX.Element {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-label={t('Bảng tình trạng', 'Health board')} className="health-board">
      <h2>{t('Tình trạng từng màn hình tường', 'Health of each wall screen')}</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>{t('Màn hình', 'Screen')}</th>
            <th>{t('Tình trạng', 'State')}</th>
            <th>{t('Lý do', 'Reason')}</th>
            <th>{t('Máy', 'PC')}</th>
            <th>{t('Đổi lúc', 'Changed at')}</th>
          </tr>
        </thead>
        <tbody>
          {board.screens.map((s) => (
            <tr key={s.screenId} data-health-screen={s.screenId} data-level={s.level}>
              <td>
                <code>{s.screenId}</code>
              </td>
              <td>
                <span className={`level level-${s.level}`}>{t(LEVEL_LABELS[s.level].vi, LEVEL_LABELS[s.level].en)}</span>
              </td>
              <td data-testid="reasons">{s.reasons.length ? s.reasons.map((r) => t(REASON_LABELS[r].vi, REASON_LABELS[r].en)).join(', ') : '—'}</td>
              <td>{hostLabel(hosts, s.hostId)}</td>
              <td>{formatClock(lang, s.since)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help">
        {t(
          `Máy chủ đánh giá lúc ${formatClock(lang, board.evaluatedAt)}. Đỏ: không máy nào hiện màn hình; vàng: còn hiện nhưng kém; xanh: ổn.`,
          `Judged by the server at ${formatClock(lang, board.evaluatedAt)}. Red: nobody shows the screen; amber: shown, but badly; green: fine.`,
        )}
      </p>
    </section>
  );
}

/** The alerts: screens dark now, prominent, and the last changes below. */
export function AlertPanel({ dark, recent, hosts, onDismiss }: { dark: readonly FleetAlert[]; recent: readonly FleetAlert[]; hosts: readonly FleetHost[]; onDismiss(): void }): JSX.Element | null {
  const t = useT();
  const lang = useLang();
  if (recent.length === 0) return null;
  const reasons = (a: FleetAlert) => a.reasons.map((r) => t(REASON_LABELS[r].vi, REASON_LABELS[r].en)).join(', ');
  return (
    <section aria-label={t('Cảnh báo', 'Alerts')} className="fleet-alerts">
      {/* Screens coming up for the first time (red "no window" → green) are changes, not an alarm to clear. */}
      {dark.length || recent.some((a) => a.level === 'red') ? (
        <div role="alert" data-testid="fleet-alert" className={dark.length ? 'alarm' : 'calm'}>
          {dark.length ? (
            <>
              <strong>{t(`${dark.length} màn hình tường đang tắt`, `${dark.length} wall screen(s) dark`)}</strong>
              <ul>
                {dark.map((a) => (
                  <li key={a.screenId} data-alert-screen={a.screenId}>
                    <code>{a.screenId}</code> — {reasons(a)} · {hostLabel(hosts, a.hostId)} · {t('từ', 'since')} {formatClock(lang, a.at)}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <strong>{t('Mọi màn hình đã sáng lại.', 'Every screen is back.')}</strong>
          )}
        </div>
      ) : null}
      <details>
        <summary>{t(`Các thay đổi gần đây (${recent.length})`, `Recent changes (${recent.length})`)}</summary>
        <ol>
          {recent.map((a, i) => (
            <li key={`${a.screenId}-${a.at}-${i}`}>
              {formatClock(lang, a.at)} <code>{a.screenId}</code>: {a.from ? t(LEVEL_LABELS[a.from].vi, LEVEL_LABELS[a.from].en) : '—'} → {t(LEVEL_LABELS[a.level].vi, LEVEL_LABELS[a.level].en)}
              {a.reasons.length ? ` (${reasons(a)})` : ''}
            </li>
          ))}
        </ol>
      </details>
      <button type="button" onClick={onDismiss}>
        {t('Đã xem, xoá cảnh báo', 'Seen, clear the alerts')}
      </button>
    </section>
  );
}
