import { useCallback, useEffect, useState, type JSX } from 'react';
import { routes } from '../../../../shared/api';
import type { BriefingSummary } from '../../../../shared/api/briefings';
import type { RunState } from '../../../../shared/briefing/run';
import type { ApiClient } from '../../../api/client';
import { formatTime, useLang, useT } from '../../i18n';
import { DataAge } from '../DataAge';
import { useWork } from '../useWork';
import { WorkStatus } from '../WorkStatus';

/** `#/briefings`: every briefing (name, scenes, version, who saved it), the one running, and a new one. */
export function BriefingList({ client, canEdit, onOpen, onSessionEnded }: { client: ApiClient; canEdit: boolean; onOpen(id: string | 'new'): void; onSessionEnded(): void }): JSX.Element {
  const t = useT();
  const lang = useLang();
  const [list, setList] = useState<BriefingSummary[] | null>(null);
  const [run, setRun] = useState<RunState | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const { busy, status, failure, run: work } = useWork(onSessionEnded);
  const load = useCallback(async () => {
    const [briefings, state] = await Promise.all([client.call(routes.briefings.list, {}), client.call(routes.briefings.run, {})]);
    setList(briefings.body.briefings);
    setRun(state.body.run);
    setLoadedAt(Date.now());
  }, [client]);
  const loading = t('Đang tải các phiên giao ban…', 'Loading the briefings…');
  useEffect(() => void work(loading, load), [work, load, loading]);

  return (
    <main className="page bf-page" aria-busy={busy !== null}>
      <h1>{t('Phiên giao ban', 'Briefings')}</h1>
      <WorkStatus busy={busy} status={status} failure={failure} />
      <DataAge at={loadedAt} busy={busy !== null} onReload={() => void work(loading, load)} />
      {canEdit ? (
        <p>
          <button type="button" className="primary" onClick={() => onOpen('new')}>
            {t('Phiên giao ban mới', 'New briefing')}
          </button>
        </p>
      ) : null}
      {list && list.length === 0 ? <p>{t('Chưa có phiên giao ban nào.', 'No briefings yet.')}</p> : null}
      {list && list.length > 0 ? (
        <table className="grid">
          <thead>
            <tr>
              <th>{t('Phiên giao ban', 'Briefing')}</th>
              <th>{t('Số cảnh', 'Scenes')}</th>
              <th>{t('Phiên bản', 'Version')}</th>
              <th>{t('Lưu bởi', 'Saved by')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <tr key={b.id} data-briefing-id={b.id}>
                <td>
                  {b.name} <code>{b.id}</code> {run?.briefingId === b.id ? <span className="badge live">{t(`đang chạy: cảnh ${run.index + 1}`, `running: scene ${run.index + 1}`)}</span> : null}
                </td>
                <td>{b.scenes}</td>
                <td>v{b.headVersion}</td>
                <td>
                  {b.updatedBy}, {formatTime(lang, b.updatedAt)}
                </td>
                <td>
                  <button type="button" onClick={() => onOpen(b.id)}>
                    {t(`Mở «${b.name}»`, `Open "${b.name}"`)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}
