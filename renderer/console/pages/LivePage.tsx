import { useCallback, useEffect, useState } from 'react';
import type { JSX } from 'react';
import { routes } from '../../../shared/api';
import type { LayoutSummary } from '../../../shared/api/library';
import type { LiveStatus, StoredSchedule } from '../../../shared/api/schedule';
import type { Role } from '../../../shared/protocol/roles';
import { ApiError, type ApiClient } from '../../api/client';
import { formatTime, messageOf, useLang, useT } from '../i18n';
import { DataAge } from './DataAge';
import { ScheduleEditor } from './ScheduleEditor';
import { bodyOf, draftFaults, draftOf, normalisePath, type ScheduleDraft } from './scheduleDraft';
import { useWork } from './useWork';
import { WorkStatus } from './WorkStatus';

export interface LivePageProps {
  client: ApiClient;
  roles: readonly Role[];
  onSessionEnded(): void;
}

/** What is live is read again this often while the page is open (a slot may switch it). */
const REFRESH_MS = 30_000;

/**
 * What the wall shows now (layout, version, why, who, since), what the schedule puts live
 * next and when, a manual push that overrides the schedule and its release, and the weekly
 * schedule (Asia/Ho_Chi_Minh) to edit.
 */
export function LivePage({ client, roles, onSessionEnded }: LivePageProps): JSX.Element {
  const t = useT();
  const lang = useLang();
  const mayChange = roles.includes('operator') || roles.includes('admin');
  const [live, setLive] = useState<LiveStatus | null>(null);
  const [schedule, setSchedule] = useState<StoredSchedule | null>(null);
  const [layouts, setLayouts] = useState<LayoutSummary[]>([]);
  const [draft, setDraft] = useState<ScheduleDraft | null>(null);
  const [faults, setFaults] = useState<Array<{ path: string; message: string }>>([]);
  const [pushId, setPushId] = useState('');
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const { busy, status, failure, run, fail } = useWork(onSessionEnded);

  const loadLive = useCallback(async () => {
    const reply = await client.call(routes.schedule.live, {});
    setLive(reply.body);
    setLoadedAt(Date.now());
  }, [client]);
  const load = useCallback(async () => {
    const [s, l] = await Promise.all([client.call(routes.schedule.get, {}), client.call(routes.library.list, {}), loadLive()]);
    setSchedule(s.body);
    setDraft(draftOf(s.body));
    setLayouts(l.body.layouts);
    setPushId((current) => current || l.body.layouts[0]?.id || '');
  }, [client, loadLive]);
  const loading = t('Đang tải…', 'Loading…');
  useEffect(() => void run(loading, load), [load, run, loading]);
  useEffect(() => {
    const timer = setInterval(() => loadLive().catch(fail), REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadLive, fail]);

  const titleOf = (id: string | null) => {
    if (id === null) return t('(giữ nguyên)', '(unchanged)');
    const l = layouts.find((x) => x.id === id);
    return l ? (lang === 'en' && l.title.en ? l.title.en : l.title.vi) : id;
  };

  function push() {
    const layout = layouts.find((l) => l.id === pushId);
    if (!layout) return;
    void run(t('Đang đưa lên tường…', 'Pushing live…'), async () => {
      const reply = await client.call(routes.schedule.publish, { body: { layoutId: layout.id, version: layout.headVersion } });
      setLive(reply.body);
      setLoadedAt(Date.now());
      return t(`Tường đang hiển thị ${layout.id} phiên bản ${reply.body.version ?? '?'} (thay lịch).`, `The wall shows ${layout.id} version ${reply.body.version ?? '?'} (overriding the schedule).`);
    });
  }

  function release() {
    void run(t('Đang trả lại cho lịch…', 'Releasing…'), async () => {
      const reply = await client.call(routes.schedule.release, {});
      setLive(reply.body);
      setLoadedAt(Date.now());
      return t('Đã trả lại cho lịch: lịch chọn bố cục từ bây giờ.', 'Released: the schedule chooses from now on.');
    });
  }

  function save() {
    if (!draft) return;
    const own = draftFaults(draft);
    setFaults(own.map((f) => ({ path: f.path, message: lang === 'en' ? f.message_en : f.message_vi })));
    if (own.length > 0) return;
    void run(t('Đang lưu lịch…', 'Saving the schedule…'), async () => {
      try {
        const reply = await client.call(routes.schedule.update, { body: bodyOf(draft) });
        setSchedule(reply.body);
        setDraft(draftOf(reply.body));
        await loadLive();
        return t('Đã lưu lịch.', 'Schedule saved.');
      } catch (error) {
        if (error instanceof ApiError) setFaults(error.errors.map((e) => ({ path: normalisePath(e.path), message: messageOf(lang, e) })));
        throw error;
      }
    });
  }

  const sourceText = (s: LiveStatus['source']) =>
    ({ schedule: t('theo lịch', 'by the schedule'), fallback: t('mặc định ngoài lịch', 'the fallback outside slots'), manual: t('đưa lên bằng tay', 'pushed by hand'), other: t('khác (tệp, dòng lệnh)', 'other (a file, the command line)') })[s];

  return (
    <main className="page live" aria-busy={busy !== null}>
      <h1>{t('Trên tường và lịch', 'Live and schedule')}</h1>
      <DataAge at={loadedAt} busy={busy !== null} onReload={() => void run(loading, load)} />
      <WorkStatus busy={busy} status={status} failure={failure} />
      {live && (
        <section className="panel live-now" aria-labelledby="live-title" data-testid="live-now">
          <h2 id="live-title">{t('Đang hiển thị', 'Live now')}</h2>
          <dl>
            <dt>{t('Bố cục', 'Layout')}</dt>
            <dd>{lang === 'en' && live.title.en ? live.title.en : live.title.vi} <code>{live.layoutId}</code></dd>
            <dt>{t('Phiên bản', 'Version')}</dt>
            <dd>{live.version ?? t('(không thuộc thư viện)', '(not from the library)')}</dd>
            <dt>{t('Vì sao', 'Why')}</dt>
            <dd>{sourceText(live.source)}{live.slotId && <> — <code>{live.slotId}</code></>}</dd>
            <dt>{t('Bởi', 'By')}</dt>
            <dd>{live.by}</dd>
            <dt>{t('Từ lúc', 'Since')}</dt>
            <dd>{formatTime(lang, live.since)}</dd>
            {live.override && (
              <>
                <dt>{t('Thay lịch', 'Override')}</dt>
                <dd data-testid="override">
                  {t(`${live.override.by} từ ${formatTime(lang, live.override.since)}`, `${live.override.by} since ${formatTime(lang, live.override.since)}`)}
                  {' — '}
                  {live.override.until ? t(`đến ${formatTime(lang, live.override.until)}`, `until ${formatTime(lang, live.override.until)}`) : t('đến khi trả lại', 'until released')}
                </dd>
              </>
            )}
            <dt>{t('Tiếp theo', 'Next')}</dt>
            <dd data-testid="next">
              {live.next
                ? t(`${formatTime(lang, live.next.at)}: ${titleOf(live.next.layoutId)}${live.next.version ? ` (v${live.next.version})` : ''}`, `${formatTime(lang, live.next.at)}: ${titleOf(live.next.layoutId)}${live.next.version ? ` (v${live.next.version})` : ''}`)
                : t('Lịch không có thay đổi nào sắp tới.', 'Nothing is scheduled to change.')}
            </dd>
          </dl>
          {mayChange && (
            <div className="toolbar">
              <label className="inline">
                {t('Đưa lên tường ngay (thay lịch)', 'Push live now (overrides the schedule)')}
                <select name="push-layout" value={pushId} onChange={(e) => setPushId(e.target.value)}>
                  {layouts.map((l) => <option key={l.id} value={l.id}>{titleOf(l.id)} (v{l.headVersion})</option>)}
                </select>
              </label>
              <button type="button" className="primary" disabled={busy !== null || !pushId} onClick={push}>{t('Đưa lên tường', 'Push live')}</button>
              {live.override && <button type="button" disabled={busy !== null} onClick={release}>{t('Trả lại cho lịch', 'Release to the schedule')}</button>}
            </div>
          )}
        </section>
      )}
      {draft && schedule && (
        <ScheduleEditor
          draft={draft}
          onChange={setDraft}
          layouts={layouts}
          faults={faults}
          readOnly={!mayChange}
          busy={busy !== null}
          onSave={save}
          onReset={() => { setDraft(draftOf(schedule)); setFaults([]); }}
          updated={schedule.updatedAt ? { at: schedule.updatedAt, by: schedule.updatedBy ?? '?' } : null}
        />
      )}
    </main>
  );
}
