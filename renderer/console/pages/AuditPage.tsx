import { useCallback, useEffect, useState } from 'react';
import type { JSX } from 'react';
import { routes } from '../../../shared/api';
import type { AuditRowWire } from '../../../shared/api/audit';
import type { ApiClient } from '../../api/client';
import { formatTime, useLang, useT } from '../i18n';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, auditQueryOf, emptyAuditFilter, type AuditFilterForm, type AuditQuery } from './auditQuery';
import { DataAge } from './DataAge';
import { auditDiffLines } from './diffText';
import { DiffView } from './DiffView';
import { useWork } from './useWork';
import { WorkStatus } from './WorkStatus';

export interface AuditPageProps {
  client: ApiClient;
  onSessionEnded(): void;
}

const PAGE_SIZE = 50;

/**
 * The audit log: every accepted change, newest first, filtered by person, object, action and
 * time (Viet Nam time), a page at a time; each row's diff as readable lines.
 */
export function AuditPage({ client, onSessionEnded }: AuditPageProps): JSX.Element {
  const t = useT();
  const lang = useLang();
  const [form, setForm] = useState<AuditFilterForm>(emptyAuditFilter);
  const [query, setQuery] = useState<AuditQuery>({});
  // The `before` of each page shown so far: [undefined] is the first page; back pops one.
  const [pages, setPages] = useState<Array<number | undefined>>([undefined]);
  const [rows, setRows] = useState<AuditRowWire[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const { busy, status, failure, run } = useWork(onSessionEnded);
  const before = pages[pages.length - 1];

  const load = useCallback(async () => {
    const reply = await client.call(routes.audit.list, { query: { ...query, limit: PAGE_SIZE, ...(before === undefined ? {} : { before }) } });
    setRows(reply.body.rows);
    setNext(reply.body.next);
    setLoadedAt(Date.now());
  }, [client, query, before]);
  const loading = t('Đang tải nhật ký…', 'Loading the log…');
  useEffect(() => void run(loading, load), [load, run, loading]);

  function apply(nextForm: AuditFilterForm) {
    setForm(nextForm);
    setQuery(auditQueryOf(nextForm));
    setPages([undefined]);
  }
  const field = (key: keyof AuditFilterForm) => ({
    name: key,
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value }),
  });
  const pageNumber = pages.length;

  return (
    <main className="page audit" aria-busy={busy !== null}>
      <h1>{t('Nhật ký thay đổi', 'Audit log')}</h1>
      <form className="filters" aria-label={t('Lọc', 'Filter')} onSubmit={(e) => { e.preventDefault(); apply(form); }}>
        <label>
          {t('Người thực hiện (tên hiển thị)', 'Person (display name)')}
          <input {...field('actor')} list="audit-actors" />
        </label>
        <datalist id="audit-actors">
          {[...new Set((rows ?? []).map((r) => r.actor.name))].map((name) => <option key={name} value={name} />)}
        </datalist>
        <label>
          {t('Loại đối tượng', 'Object type')}
          <select {...field('objectType')}>
            <option value="">{t('(tất cả)', '(all)')}</option>
            {AUDIT_OBJECT_TYPES.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        <label>
          {t('Mã đối tượng', 'Object id')}
          <input {...field('objectId')} />
        </label>
        <label>
          {t('Hành động', 'Action')}
          <select {...field('action')}>
            <option value="">{t('(tất cả)', '(all)')}</option>
            {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{a.endsWith('.') ? t(`${a}* (mọi hành động)`, `${a}* (every action)`) : a}</option>)}
          </select>
        </label>
        <label>
          {t('Từ (giờ Việt Nam)', 'From (Viet Nam time)')}
          <input type="datetime-local" {...field('since')} />
        </label>
        <label>
          {t('Đến (giờ Việt Nam)', 'Until (Viet Nam time)')}
          <input type="datetime-local" {...field('until')} />
        </label>
        <div className="filter-actions">
          <button type="submit" className="primary" disabled={busy !== null}>{t('Lọc', 'Filter')}</button>
          <button type="button" disabled={busy !== null} onClick={() => apply(emptyAuditFilter)}>{t('Bỏ lọc', 'Clear')}</button>
        </div>
      </form>
      <DataAge at={loadedAt} busy={busy !== null} onReload={() => void run(loading, load)} />
      <WorkStatus busy={busy} status={status} failure={failure} />
      {rows !== null && rows.length === 0 && <p>{t('Không có dòng nào khớp.', 'No row matches.')}</p>}
      {rows !== null && rows.length > 0 && (
        <table className="grid audit-rows">
          <thead>
            <tr>
              <th>{t('Lúc', 'At')}</th>
              <th>{t('Ai', 'Who')}</th>
              <th>{t('Hành động', 'Action')}</th>
              <th>{t('Đối tượng', 'Object')}</th>
              <th>{t('Thay đổi', 'Change')}</th>
              <th>{t('Từ đâu', 'From where')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-action={r.action} data-actor={r.actor.name}>
                <td>{formatTime(lang, r.at)}</td>
                <td>{r.actor.name}{r.actor.kind !== 'person' && <span className="badge">{r.actor.kind === 'token' ? t('mã truy cập', 'token') : t('máy chủ', 'server')}</span>}</td>
                <td><code>{r.action}</code></td>
                <td>{r.objectType}{r.objectId !== null && <> <code>{r.objectId}</code></>}</td>
                <td><DiffView lines={auditDiffLines(lang, r.diff)} label={t('Thay đổi', 'Change')} /></td>
                <td className="origin">{r.origin.address ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label={t('Trang', 'Pages')}>
        <button type="button" disabled={busy !== null || pageNumber === 1} onClick={() => setPages(pages.slice(0, -1))}>{t('← Mới hơn', '← Newer')}</button>
        <span>{t(`Trang ${pageNumber}`, `Page ${pageNumber}`)}</span>
        <button type="button" disabled={busy !== null || next === null} onClick={() => next !== null && setPages([...pages, next])}>{t('Cũ hơn →', 'Older →')}</button>
      </nav>
    </main>
  );
}
