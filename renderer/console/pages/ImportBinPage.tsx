import { useCallback, useEffect, useRef, useState } from 'react';
import type { JSX } from 'react';
import { routes } from '../../../shared/api';
import type { LayoutSummary } from '../../../shared/api/library';
import type { Layout } from '../../../shared/layout/schema';
import { ApiError, type ApiClient } from '../../api/client';
import { formatTime, messageOf, useLang, useT } from '../i18n';
import { DataAge } from './DataAge';
import { useWork } from './useWork';
import { WorkStatus } from './WorkStatus';

export interface ImportBinPageProps {
  client: ApiClient;
  onOpen(layoutId: string): void;
  onSessionEnded(): void;
}

interface Fault {
  path: string;
  message: string;
}

/**
 * Bringing layouts in and back: import a JSON layout file (the server validates it whole;
 * each refused field is listed by its path) and the bin (deleted layouts, restorable).
 */
export function ImportBinPage({ client, onOpen, onSessionEnded }: ImportBinPageProps): JSX.Element {
  const t = useT();
  const lang = useLang();
  const [bin, setBin] = useState<LayoutSummary[] | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [faults, setFaults] = useState<Fault[]>([]);
  const [imported, setImported] = useState<{ id: string; renamedFrom: string | null } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const { busy, status, failure, run } = useWork(onSessionEnded);

  const load = useCallback(async () => {
    const reply = await client.call(routes.library.bin, {});
    setBin(reply.body.layouts);
    setLoadedAt(Date.now());
  }, [client]);
  const loading = t('Đang tải thùng rác…', 'Loading the bin…');
  useEffect(() => void run(loading, load), [load, run, loading]);

  function importFile(chosen: File) {
    setFaults([]);
    setImported(null);
    void run(t(`Đang nhập ${chosen.name}…`, `Importing ${chosen.name}…`), async () => {
      const text = await chosen.text();
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch (error) {
        setFaults([{ path: chosen.name, message: t(`Không phải JSON: ${String(error)}`, `Not JSON: ${String(error)}`) }]);
        return;
      }
      try {
        // The server validates the file whole (the layout loader) and names each refused field.
        const reply = await client.call(routes.library.import, { body: document as Layout });
        setImported({ id: reply.body.layout.id, renamedFrom: reply.body.renamedFrom });
        return reply.body.renamedFrom
          ? t(`Đã nhập thành bố cục ${reply.body.layout.id} (mã ${reply.body.renamedFrom} đã có).`, `Imported as ${reply.body.layout.id} (the id ${reply.body.renamedFrom} was taken).`)
          : t(`Đã nhập bố cục ${reply.body.layout.id}.`, `Imported layout ${reply.body.layout.id}.`);
      } catch (error) {
        if (error instanceof ApiError && error.errors.length > 0) setFaults(error.errors.map((e) => ({ path: e.path ?? '$', message: messageOf(lang, e) })));
        throw error;
      } finally {
        if (file.current) file.current.value = '';
      }
    });
  }

  function restore(l: LayoutSummary) {
    void run(t('Đang khôi phục…', 'Restoring…'), async () => {
      await client.call(routes.library.undelete, { params: { id: l.id } });
      await load();
      return t(`Đã khôi phục ${l.id} về thư viện.`, `${l.id} is back in the library.`);
    });
  }

  const titleOf = (l: LayoutSummary) => (lang === 'en' && l.title.en ? l.title.en : l.title.vi);
  return (
    <main className="page import-bin" aria-busy={busy !== null}>
      <h1>{t('Nhập tệp và thùng rác', 'Import and bin')}</h1>
      <WorkStatus busy={busy} status={status} failure={failure} />
      <section aria-labelledby="import-title">
        <h2 id="import-title">{t('Nhập một tệp bố cục (JSON)', 'Import a layout file (JSON)')}</h2>
        <label>
          {t('Chọn tệp .json (xuất từ trang Phiên bản, hoặc từ thư mục layouts/)', 'Choose a .json file (exported from the Versions page, or from layouts/)')}
          <input ref={file} type="file" name="layout-file" accept=".json,application/json" disabled={busy !== null} onChange={(e) => { const f = e.target.files?.[0]; if (f) importFile(f); }} />
        </label>
        {faults.length > 0 && (
          <ul className="faults" aria-label={t('Lỗi của tệp', 'Faults of the file')}>
            {faults.map((f, i) => (
              <li key={i} className="error"><code>{f.path}</code> {f.message}</li>
            ))}
          </ul>
        )}
        {imported && <button type="button" onClick={() => onOpen(imported.id)}>{t(`Mở ${imported.id}`, `Open ${imported.id}`)}</button>}
      </section>
      <section aria-labelledby="bin-title">
        <h2 id="bin-title">{t('Thùng rác', 'Bin')}</h2>
        <DataAge at={loadedAt} busy={busy !== null} onReload={() => void run(loading, load)} />
        {bin !== null && bin.length === 0 && <p>{t('Thùng rác trống.', 'The bin is empty.')}</p>}
        {bin !== null && bin.length > 0 && (
          <table className="grid">
            <thead>
              <tr>
                <th>{t('Tên', 'Title')}</th>
                <th>{t('Mã', 'Id')}</th>
                <th>{t('Phiên bản', 'Version')}</th>
                <th>{t('Xoá lúc', 'Deleted at')}</th>
                <th>{t('Thao tác', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {bin.map((l) => (
                <tr key={l.id} data-layout-id={l.id}>
                  <td>{titleOf(l)}</td>
                  <td><code>{l.id}</code></td>
                  <td>{l.headVersion}</td>
                  <td>{l.deletedAt ? formatTime(lang, l.deletedAt) : '—'}</td>
                  <td className="actions">
                    <button type="button" disabled={busy !== null} onClick={() => restore(l)}>{t('Khôi phục', 'Restore')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
