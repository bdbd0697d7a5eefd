import { useCallback, useEffect, useState } from 'react';
import type { JSX } from 'react';
import { routes } from '../../shared/api';
import type { LayoutSummary } from '../../shared/api/library';
import type { ApiClient } from '../api/client';
import { formatTime, useLang, useT } from './i18n';
import { useFailure } from './useFailure';

export interface LibraryPageProps {
  client: ApiClient;
  onOpen(layoutId: string): void;
  /** The versions page of a layout (list, diff, restore, export). */
  onVersions?(layoutId: string): void;
  onSessionEnded(): void;
}

/** The layouts in the store: title, id, head version, who saved it and when, template and live marks; and the bin. */
export function LibraryPage({ client, onOpen, onVersions, onSessionEnded }: LibraryPageProps): JSX.Element {
  const t = useT();
  const lang = useLang();
  const [layouts, setLayouts] = useState<LayoutSummary[] | null>(null);
  const [bin, setBin] = useState<LayoutSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, fail, clear] = useFailure(onSessionEnded);

  const load = useCallback(async () => {
    try {
      const [list, deleted] = await Promise.all([client.call(routes.library.list, {}), client.call(routes.library.bin, {})]);
      setLayouts(list.body.layouts);
      setBin(deleted.body.layouts);
    } catch (error) {
      fail(error);
    }
  }, [client, fail]);
  useEffect(() => void load(), [load]);

  async function act(work: () => Promise<unknown>) {
    setBusy(true);
    clear();
    try {
      await work();
      await load();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  const titleOf = (l: LayoutSummary) => (lang === 'en' && l.title.en ? l.title.en : l.title.vi);

  function duplicate(l: LayoutSummary) {
    void act(async () => {
      const reply = await client.call(routes.library.duplicate, {
        params: { id: l.id },
        body: { title: { vi: `${l.title.vi} (bản sao)`, en: `${l.title.en ?? l.title.vi} (copy)` }, note: t('nhân bản', 'duplicated') },
      });
      onOpen(reply.body.layout.id);
    });
  }

  function rename(l: LayoutSummary) {
    const title = window.prompt(t('Tên mới của bố cục', 'New title of the layout'), l.title.vi)?.trim();
    if (!title) return;
    void act(() => client.call(routes.library.rename, { params: { id: l.id }, body: { title: { vi: title, ...(l.title.en ? { en: l.title.en } : {}) } } }));
  }

  function remove(l: LayoutSummary) {
    if (!window.confirm(t(`Chuyển "${titleOf(l)}" vào thùng rác? Có thể khôi phục sau.`, `Move "${titleOf(l)}" to the bin? It can be restored.`))) return;
    void act(() => client.call(routes.library.delete, { params: { id: l.id } }));
  }

  return (
    <main className="page library" aria-busy={busy || layouts === null}>
      <h1>{t('Thư viện bố cục', 'Layout library')}</h1>
      {failure && <p className="error" role="alert">{failure}</p>}
      {layouts === null ? (
        <p role="status">{t('Đang tải…', 'Loading…')}</p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th>{t('Tên', 'Title')}</th>
              <th>{t('Mã', 'Id')}</th>
              <th>{t('Phiên bản', 'Version')}</th>
              <th>{t('Lưu bởi', 'Saved by')}</th>
              <th>{t('Lúc', 'At')}</th>
              <th>{t('Đánh dấu', 'Marks')}</th>
              <th>{t('Thao tác', 'Actions')}</th>
            </tr>
          </thead>
          <tbody>
            {layouts.map((l) => (
              <tr key={l.id} data-layout-id={l.id}>
                <td>{titleOf(l)}</td>
                <td><code>{l.id}</code></td>
                <td>{l.headVersion}</td>
                <td>{l.updatedBy}</td>
                <td>{formatTime(lang, l.updatedAt)}</td>
                <td>
                  {l.template && <span className="badge">{t('Mẫu', 'Template')}</span>}
                  {l.liveVersion !== null && <span className="badge live">{t(`Đang trên tường (v${l.liveVersion})`, `Live (v${l.liveVersion})`)}</span>}
                </td>
                <td className="actions">
                  <button type="button" onClick={() => onOpen(l.id)} disabled={busy}>{l.template ? t('Xem', 'View') : t('Mở', 'Open')}</button>
                  {onVersions && <button type="button" onClick={() => onVersions(l.id)} disabled={busy}>{t('Phiên bản', 'Versions')}</button>}
                  <button type="button" onClick={() => duplicate(l)} disabled={busy}>{t('Nhân bản', 'Duplicate')}</button>
                  {!l.template && <button type="button" onClick={() => rename(l)} disabled={busy}>{t('Đổi tên', 'Rename')}</button>}
                  {!l.template && <button type="button" onClick={() => remove(l)} disabled={busy}>{t('Xoá', 'Delete')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {bin.length > 0 && (
        <section aria-labelledby="bin-title">
          <h2 id="bin-title">{t('Thùng rác', 'Bin')}</h2>
          <ul className="bin">
            {bin.map((l) => (
              <li key={l.id}>
                {titleOf(l)} <code>{l.id}</code> {l.deletedAt && formatTime(lang, l.deletedAt)}{' '}
                <button type="button" disabled={busy} onClick={() => void act(() => client.call(routes.library.undelete, { params: { id: l.id } }))}>
                  {t('Khôi phục', 'Restore')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
