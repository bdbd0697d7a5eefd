import { useCallback, useEffect, useState } from 'react';
import type { JSX } from 'react';
import { routes } from '../../../shared/api';
import type { LayoutSummary, VersionInfo } from '../../../shared/api/library';
import type { LayoutDiff } from '../../../shared/layout/diff';
import type { ApiClient } from '../../api/client';
import { formatTime, useLang, useT } from '../i18n';
import { DataAge } from './DataAge';
import { Dialog } from './Dialog';
import { layoutDiffLines } from './diffText';
import { DiffView } from './DiffView';
import { downloadText, filenameOf } from './download';
import { useWork } from './useWork';
import { WorkStatus } from './WorkStatus';

export interface VersionsPageProps {
  client: ApiClient;
  layoutId: string;
  onEdit(layoutId: string): void;
  onBack(): void;
  onSessionEnded(): void;
}

/**
 * Every version of one layout (who, when, note), what changed between any two (tiles added,
 * removed, moved, rebound…), restoring one as a new version with a note, and exporting one
 * as a file the library imports again.
 */
export function VersionsPage({ client, layoutId, onEdit, onBack, onSessionEnded }: VersionsPageProps): JSX.Element {
  const t = useT();
  const lang = useLang();
  const [summary, setSummary] = useState<LayoutSummary | null>(null);
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  const [diff, setDiff] = useState<{ from: number; to: number; diff: LayoutDiff } | null>(null);
  const [restoring, setRestoring] = useState<VersionInfo | null>(null);
  const [note, setNote] = useState('');
  const { busy, status, failure, run } = useWork(onSessionEnded);

  const load = useCallback(async () => {
    const [detail, list] = await Promise.all([client.call(routes.library.get, { params: { id: layoutId } }), client.call(routes.library.versions, { params: { id: layoutId } })]);
    setSummary(detail.body.layout);
    setVersions(list.body.versions);
    setLoadedAt(Date.now());
    const [newest, previous] = list.body.versions;
    setTo(newest?.version ?? 0);
    setFrom(previous?.version ?? newest?.version ?? 0);
  }, [client, layoutId]);
  const loading = t('Đang tải các phiên bản…', 'Loading the versions…');
  useEffect(() => void run(loading, load), [load, run, loading]);

  function compare() {
    void run(t('Đang so sánh…', 'Comparing…'), async () => {
      const reply = await client.call(routes.library.diff, { params: { id: layoutId }, query: { from, to } });
      setDiff({ from: reply.body.from, to: reply.body.to, diff: reply.body.diff });
    });
  }

  function restore() {
    const version = restoring;
    if (!version || !summary) return;
    setRestoring(null);
    void run(t('Đang khôi phục…', 'Restoring…'), async () => {
      const reply = await client.call(routes.library.restoreVersion, {
        params: { id: layoutId, version: String(version.version) },
        body: { baseVersion: summary.headVersion, note: note.trim() || undefined },
      });
      await load();
      return t(`Đã khôi phục phiên bản ${version.version} thành phiên bản ${reply.body.version.version}.`, `Version ${version.version} restored as version ${reply.body.version.version}.`);
    });
  }

  function exportVersion(version: number) {
    void run(t('Đang xuất tệp…', 'Exporting…'), async () => {
      const reply = await client.call(routes.library.export, { params: { id: layoutId, version: String(version) } });
      const name = filenameOf(reply.headers.get('content-disposition')) ?? `${layoutId}-v${version}.json`;
      downloadText(name, `${JSON.stringify(reply.body, null, 2)}\n`);
      return t(`Đã xuất tệp ${name}.`, `Exported ${name}.`);
    });
  }

  const title = summary ? (lang === 'en' && summary.title.en ? summary.title.en : summary.title.vi) : layoutId;
  const numbers = versions?.map((v) => v.version) ?? [];
  return (
    <main className="page versions" aria-busy={busy !== null}>
      <div className="toolbar">
        <button type="button" onClick={onBack}>{t('← Thư viện', '← Library')}</button>
        <h1>{t(`Các phiên bản: ${title}`, `Versions: ${title}`)}</h1>
        <span className="spacer" />
        <button type="button" onClick={() => onEdit(layoutId)}>{summary?.template ? t('Xem', 'View') : t('Mở trình sửa', 'Open the editor')}</button>
      </div>
      <DataAge at={loadedAt} busy={busy !== null} onReload={() => void run(t('Đang tải…', 'Loading…'), load)} />
      <WorkStatus busy={busy} status={status} failure={failure} />
      {versions && (
        <>
          <section className="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{t('So sánh hai phiên bản', 'Compare two versions')}</h2>
            <div className="toolbar">
              <label className="inline">
                {t('Từ phiên bản', 'From version')}
                <select value={from} onChange={(e) => setFrom(Number(e.target.value))} name="from">
                  {numbers.map((n) => <option key={n} value={n}>{n}</option>)}
                </select>
              </label>
              <label className="inline">
                {t('đến phiên bản', 'to version')}
                <select value={to} onChange={(e) => setTo(Number(e.target.value))} name="to">
                  {numbers.map((n) => <option key={n} value={n}>{n}</option>)}
                </select>
              </label>
              <button type="button" className="primary" onClick={compare} disabled={busy !== null || numbers.length === 0}>{t('So sánh', 'Compare')}</button>
            </div>
            {diff && (
              <div data-testid="diff">
                <h3>{t(`Phiên bản ${diff.from} → ${diff.to}`, `Version ${diff.from} → ${diff.to}`)}</h3>
                <DiffView lines={layoutDiffLines(lang, diff.diff)} label={t('Khác biệt', 'Differences')} />
              </div>
            )}
          </section>
          <table className="grid">
            <thead>
              <tr>
                <th>{t('Phiên bản', 'Version')}</th>
                <th>{t('Ghi chú', 'Note')}</th>
                <th>{t('Lưu bởi', 'Saved by')}</th>
                <th>{t('Lúc', 'At')}</th>
                <th>{t('Thao tác', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version} data-version={v.version}>
                  <td>{v.version}{v.version === summary?.headVersion && <span className="badge">{t('mới nhất', 'newest')}</span>}{v.version === summary?.liveVersion && <span className="badge live">{t('trên tường', 'live')}</span>}</td>
                  <td>{v.note || '—'}</td>
                  <td>{v.by}</td>
                  <td>{formatTime(lang, v.at)}</td>
                  <td className="actions">
                    {!summary?.template && v.version !== summary?.headVersion && (
                      <button type="button" disabled={busy !== null} onClick={() => { setNote(t(`khôi phục phiên bản ${v.version}`, `restore version ${v.version}`)); setRestoring(v); }}>
                        {t('Khôi phục', 'Restore')}
                      </button>
                    )}
                    <button type="button" disabled={busy !== null} onClick={() => exportVersion(v.version)}>{t('Xuất tệp', 'Export')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {restoring && (
        <Dialog title={t(`Khôi phục phiên bản ${restoring.version}`, `Restore version ${restoring.version}`)} onClose={() => setRestoring(null)}>
          <p>{t('Một phiên bản mới sẽ chép nội dung của phiên bản này; không phiên bản nào bị xoá.', 'A new version will copy this one; no version is deleted.')}</p>
          <form className="form" onSubmit={(e) => { e.preventDefault(); restore(); }}>
            <label>
              {t('Ghi chú', 'Note')}
              <input name="note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} autoFocus />
            </label>
            <div className="dialog-actions">
              <button type="button" onClick={() => setRestoring(null)}>{t('Huỷ', 'Cancel')}</button>
              <button type="submit" className="primary">{t('Khôi phục', 'Restore')}</button>
            </div>
          </form>
        </Dialog>
      )}
    </main>
  );
}
