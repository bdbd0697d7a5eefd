import { useCallback, useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { routes } from '../../../../shared/api';
import { FLEET_WRITE_ROLES } from '../../../../shared/api/fleet';
import type { FleetAlert, FleetBoard, FleetView } from '../../../../shared/fleet/board';
import type { Role } from '../../../../shared/protocol/roles';
import type { WallProfile } from '../../../../shared/wall/profile';
import { ApiError, type ApiClient } from '../../../api/client';
import { useLang, useT } from '../../i18n';
import { DataAge } from '../DataAge';
import { WallDrawing } from '../profile/WallDrawing';
import { useWork } from '../useWork';
import { WorkStatus } from '../WorkStatus';
import { alertsBetween, darkNow, withAlerts } from './alerts';
import { AssignTable, type FieldFault } from './AssignTable';
import { AlertPanel, HealthBoard } from './HealthBoard';
import { HostList, type PickedDisplay } from './HostList';
import { DISPLAY_MIME, LEVEL_LABELS, REASON_LABELS } from './labels';
import { bodyOf, displayKey, draftOf, errorsByScreen, sameMap, withDisplayMoved, withScreen, type MapDraft } from './mapDraft';
import '../profile/profile.css';
import './fleet.css';

/**
 * How often the page reads the fleet. The server judges the board every second and pushes
 * `fleetAlert` on /control, but a console page may not open sockets of its own (only
 * renderer/feed/socket.ts does): polling GET /api/v1/fleet every 2 s puts a dark screen on
 * the page within about 3 s, well inside the 10 s asked for.
 */
export const FLEET_POLL_MS = 2_000;

export interface FleetPageProps {
  client: ApiClient;
  roles: readonly Role[];
  onSessionEnded(): void;
}

/**
 * "Đội màn hình" (issue 9): the health board, the alerts, the PCs seen with their displays
 * and windows, and the display map: drag a display onto a screen of the drawing (the profile
 * editor's), or choose it in the screen's list; save sends the whole map, audited, and each
 * agent is told what to open. Operators read it; technicians and admins change the map.
 */
export function FleetPage({ client, roles, onSessionEnded }: FleetPageProps): JSX.Element {
  const t = useT();
  const lang = useLang();
  const mayAssign = roles.some((r) => FLEET_WRITE_ROLES.includes(r));
  const [view, setView] = useState<FleetView | null>(null);
  const [profile, setProfile] = useState<WallProfile | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [draft, setDraft] = useState<MapDraft | null>(null);
  const [fieldErrors, setFieldErrors] = useState<ReadonlyMap<string, readonly FieldFault[]>>(new Map());
  const [alerts, setAlerts] = useState<FleetAlert[]>([]);
  const [picked, setPicked] = useState<PickedDisplay | null>(null);
  const lastBoard = useRef<FleetBoard | null>(null);
  const { busy, status, failure, fail, clear, run } = useWork(onSessionEnded);

  const accept = useCallback((next: FleetView) => {
    const fresh = alertsBetween(lastBoard.current, next.board);
    lastBoard.current = next.board;
    if (fresh.length) setAlerts((list) => withAlerts(list, fresh));
    setView(next);
    setLoadedAt(Date.now());
  }, []);
  const loadFleet = useCallback(async () => accept((await client.call(routes.fleet.view, {})).body), [client, accept]);
  const load = useCallback(async () => {
    const [wall] = await Promise.all([client.call(routes.wall.state, {}), loadFleet()]);
    setProfile(wall.body.profile);
  }, [client, loadFleet]);
  const loading = t('Đang tải đội màn hình…', 'Loading the fleet…');
  useEffect(() => void run(loading, load), [load, run, loading]);
  useEffect(() => {
    const timer = setInterval(() => loadFleet().catch(fail), FLEET_POLL_MS);
    return () => clearInterval(timer);
  }, [loadFleet, fail]);

  // A profile activated meanwhile changes the board's screens: read the wall again for the drawing.
  const boardScreens = view?.board.screens.map((s) => s.screenId).join(' ') ?? null;
  const profileScreens = profile?.screens.map((s) => s.id).join(' ') ?? null;
  useEffect(() => {
    if (boardScreens === null || profileScreens === null || boardScreens === profileScreens) return;
    client.call(routes.wall.state, {}).then((wall) => setProfile(wall.body.profile), fail);
  }, [boardScreens, profileScreens, client, fail]);

  const stored = useMemo(() => draftOf(view?.assignments ?? []), [view]);
  const current = draft ?? stored;
  const dirty = draft !== null && !sameMap(draft, stored);
  const screenIds = profile?.screens.map((s) => s.id) ?? view?.board.screens.map((s) => s.screenId) ?? [];
  const hosts = view?.hosts ?? [];

  const changeMap = (next: MapDraft) => {
    setDraft(next);
    // A refusal was about the map as sent: once it changes, the old faults no longer apply.
    setFieldErrors(new Map());
    clear();
  };
  /** From a screen's list: that screen alone. */
  const choose = (screenId: string, display: { hostId: string; displayId: number } | null) => changeMap(withScreen(current, screenId, display));
  /** Dragged or placed by keyboard on the drawing: the display moves there. */
  const place = (screenId: string, display: { hostId: string; displayId: number }) => changeMap(withDisplayMoved(current, screenId, display));

  const save = () => {
    const sent = bodyOf(current, screenIds);
    void run(t('Đang lưu bảng gán…', 'Saving the display map…'), async () => {
      try {
        const reply = await client.call(routes.fleet.assign, { body: { assignments: sent } });
        setDraft(null);
        setFieldErrors(new Map());
        await loadFleet();
        const hostCount = new Set(reply.body.assignments.map((a) => a.hostId)).size;
        return t(`Đã lưu bảng gán: ${reply.body.assignments.length} màn hình tường trên ${hostCount} máy; mỗi máy đã được báo màn hình phải mở.`, `Display map saved: ${reply.body.assignments.length} wall screens on ${hostCount} PCs; each PC was told what to open.`);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'fleet.assignments_invalid') setFieldErrors(errorsByScreen(error.errors, sent));
        throw error;
      }
    });
  };

  const health = new Map((view?.board.screens ?? []).map((s) => [s.screenId, s]));
  const hostName = (hostId: string) => hosts.find((h) => h.hostId === hostId)?.hostName ?? hostId;
  const doubled = new Set([...current.values()].map(displayKey).filter((k, i, all) => all.indexOf(k) !== i));

  return (
    <main className="page fleet-page" aria-busy={busy !== null}>
      <h1>{t('Đội màn hình và tình trạng', 'Display fleet and health')}</h1>
      <WorkStatus busy={busy} status={status} failure={failure} />
      <DataAge at={loadedAt} onReload={() => void run(loading, load)} busy={busy !== null} />
      <p className="help">{t(`Trang tự đọc lại mỗi ${FLEET_POLL_MS / 1000} giây.`, `The page reads the fleet again every ${FLEET_POLL_MS / 1000} s.`)}</p>
      <AlertPanel dark={darkNow(alerts)} recent={alerts} hosts={hosts} onDismiss={() => setAlerts([])} />
      {view ? <HealthBoard board={view.board} hosts={hosts} /> : null}

      <div className="fleet-map">
        <section aria-label={t('Gán màn hình thật', 'Map the displays')}>
          <h2>{t('Gán màn hình thật cho màn hình tường', 'Map displays onto wall screens')}</h2>
          <p className="help">
            {mayAssign
              ? t(
                  'Kéo một màn hình của máy (bên phải) thả lên màn hình tường trên bản vẽ; hoặc bằng bàn phím: Enter trên màn hình của máy rồi Enter trên màn hình tường; hoặc chọn trong bảng. Bấm Lưu để gửi cả bảng gán.',
                  'Drag a display of a PC (right) onto a wall screen of the drawing; or by keyboard: Enter on the display, then Enter on the wall screen; or choose it in the table. Save sends the whole map.',
                )
              : t('Chỉ kỹ thuật viên và quản trị viên đổi bảng gán; bạn chỉ xem.', 'Only technicians and admins change the map; you can read it.')}
          </p>
          {profile ? (
            <WallDrawing
              profile={profile}
              valid={profile}
              overlapping={new Set()}
              lang={lang}
              extras={{
                decorate: (screenId) => {
                  const h = health.get(screenId);
                  const d = current.get(screenId);
                  const level = h ? t(LEVEL_LABELS[h.level].vi, LEVEL_LABELS[h.level].en) : '';
                  const why = h?.reasons.map((r) => t(REASON_LABELS[r].vi, REASON_LABELS[r].en)).join(', ') ?? '';
                  const faulty = fieldErrors.has(screenId) || (d !== undefined && doubled.has(displayKey(d)));
                  return {
                    className: [h ? `health-${h.level}` : '', faulty ? 'overlap' : ''].filter(Boolean).join(' '),
                    note: d ? `${hostName(d.hostId)} · ${t('màn hình', 'display')} ${d.displayId}` : t('chưa gán', 'not assigned'),
                    label: `${screenId}: ${level}${why ? ` (${why})` : ''}`,
                  };
                },
                ...(mayAssign
                  ? {
                      onActivateScreen: (screenId: string) => {
                        if (!picked) return;
                        place(screenId, picked);
                        setPicked(null);
                      },
                      onDropOnScreen: (screenId: string, data: DataTransfer) => {
                        const raw = data.getData(DISPLAY_MIME);
                        if (!raw) return;
                        const parsed = JSON.parse(raw) as { hostId: string; displayId: number };
                        place(screenId, { hostId: parsed.hostId, displayId: parsed.displayId });
                      },
                    }
                  : {}),
              }}
            />
          ) : null}
          {picked ? (
            <p role="status" className="notice" data-testid="picked">
              {t(
                `Đã chọn ${hostName(picked.hostId)} · màn hình ${picked.displayId}: Tab tới một màn hình tường trên bản vẽ rồi bấm Enter (Esc để bỏ chọn).`,
                `Picked ${hostName(picked.hostId)} · display ${picked.displayId}: Tab to a wall screen of the drawing and press Enter (Esc to cancel).`,
              )}
            </p>
          ) : null}
          <AssignTable screenIds={screenIds} hosts={hosts} draft={current} errors={fieldErrors} mayAssign={mayAssign} onChoose={choose} />
          {mayAssign ? (
            <div className="toolbar">
              <button type="button" className="primary" data-testid="save-map" disabled={busy !== null || !dirty} onClick={save}>
                {dirty ? t('Lưu bảng gán', 'Save the display map') : t('Bảng gán đã lưu', 'The map is saved')}
              </button>{' '}
              <button type="button" disabled={!dirty} onClick={() => (setDraft(null), setFieldErrors(new Map()))}>
                {t('Bỏ thay đổi', 'Discard changes')}
              </button>
            </div>
          ) : null}
        </section>
        <section aria-label={t('Các máy đã thấy', 'PCs seen')}>
          <h2>{t('Các máy hiển thị đã chào máy chủ', 'Display PCs seen')}</h2>
          <HostList hosts={hosts} draft={current} now={loadedAt ?? Date.now()} mayAssign={mayAssign} picked={picked} onPick={setPicked} />
        </section>
      </div>
    </main>
  );
}
