import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JSX } from 'react';
import { routes } from '../../shared/api';
import type { LayoutSummary } from '../../shared/api/library';
import type { Layout } from '../../shared/layout/schema';
import type { Presence } from '../../shared/protocol/control';
import type { WallProfile } from '../../shared/wall/profile';
import { ApiError, type ApiClient } from '../api/client';
import { connectWall, openPresence } from '../feed/socket';
import { WallStoreProvider } from '../store/context';
import { createWallStore } from '../store/wallStore';
import { editorDataFromStore, LayoutEditor, publishWarnings, type FieldError, type Warning } from './editor';
import type { Drafts } from './drafts';
import { ConflictDialog, type Conflict } from './ConflictDialog';
import { formatTime, messageOf, useLang, useT } from './i18n';
import { serverUrl } from './session';
import { useFailure } from './useFailure';

export interface EditorPageProps {
  client: ApiClient;
  layoutId: string;
  drafts: Drafts;
  onOpen(layoutId: string): void;
  onBack(): void;
  /** The versions page of this layout. */
  onVersions?(): void;
  onSessionEnded(): void;
}

interface Loaded {
  summary: LayoutSummary;
  /** The version the edit started from: every save carries it (baseVersion). */
  baseVersion: number;
  /** The document of baseVersion as stored. */
  saved: Layout;
  profile: WallProfile;
}

/**
 * One layout in the editor: the live wall to arrange (LayoutEditor), Save with a note, the
 * conflict choice on 409, who else has it open, and "Đưa lên tường" (publish) once saved and
 * free of errors, its warnings listed first.
 */
export function EditorPage({ client, layoutId, drafts, onOpen, onBack, onVersions, onSessionEnded }: EditorPageProps): JSX.Element {
  const t = useT();
  // The words of the current language for the loader, which must not re-run when it changes.
  const tNow = useRef(t);
  tNow.current = t;
  const lang = useLang();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [layout, setLayout] = useState<Layout | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [presence, setPresence] = useState<{ presence: Presence; self: string | undefined } | null>(null);
  const [publishList, setPublishList] = useState<Warning[] | null>(null);
  const [failure, fail, clear] = useFailure(onSessionEnded);
  // The feed carries what the wall and the draft bind (setDraftTiles below), windowed to the years they draw:
  // a tile bound to an indicator the wall does not show draws it at once. Before either is known, nothing.
  const store = useMemo(() => createWallStore({ beforeLayout: 'nothing' }), []);

  const load = useCallback(
    async (keepDraft: boolean, stale: () => boolean = () => false) => {
      try {
        const [detail, wall] = await Promise.all([client.call(routes.library.get, { params: { id: layoutId } }), client.call(routes.wall.state, {})]);
        // A load that was overtaken (the page left, or StrictMode's second mount) must not reset edits made since.
        if (stale()) return;
        const head = detail.body.head;
        const draft = keepDraft ? drafts.layouts.get(layoutId) : undefined;
        setLoaded({ summary: detail.body.layout, baseVersion: draft?.baseVersion ?? head.version, saved: head.document, profile: wall.body.profile });
        setLayout(draft?.layout ?? head.document);
        // As the briefing editor says it: the edits seen are not the saved version.
        if (draft) setStatus(tNow.current('Đã khôi phục các thay đổi chưa lưu của bạn.', 'Your unsaved edits are back.'));
      } catch (error) {
        fail(error);
      }
    },
    [client, layoutId, drafts, fail],
  );
  useEffect(() => {
    let left = false;
    void load(true, () => left);
    return () => {
      left = true;
    };
  }, [load]);

  // Live data for the canvas and the warnings; the socket signs in with the session cookie.
  useEffect(() => {
    const connection = connectWall({ serverUrl, token: '', screenId: 'all', store, onUnauthorized: onSessionEnded });
    return () => connection.close();
  }, [store, onSessionEnded]);
  useEffect(() => store.setDraftTiles(layout?.tiles ?? []), [store, layout]);
  useEffect(() => openPresence(serverUrl, layoutId, (p, self) => setPresence({ presence: p, self })), [layoutId]);

  const dirty = loaded !== null && layout !== null && layout !== loaded.saved;
  // Unsaved edits outlive a session that ends: they are kept by layout until saved.
  useEffect(() => {
    if (!loaded || !layout) return;
    if (dirty) drafts.layouts.set(layoutId, { layout, baseVersion: loaded.baseVersion });
    else drafts.layouts.delete(layoutId);
  }, [dirty, layout, loaded, drafts, layoutId]);

  const onChange = useCallback((next: Layout) => setLayout(next), []);

  async function run(label: string, work: () => Promise<void>) {
    setBusy(label);
    clear();
    setStatus(null);
    try {
      await work();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) setServerErrors(error.errors.map((e) => ({ path: e.path ?? '$', message_vi: e.message_vi, message_en: e.message_en })));
      fail(error);
    } finally {
      setBusy(null);
    }
  }

  function save() {
    if (!loaded || !layout) return;
    void run(t('Đang lưu…', 'Saving…'), async () => {
      try {
        const reply = await client.call(routes.library.save, { params: { id: layoutId }, body: { baseVersion: loaded.baseVersion, document: layout, note: note.trim() || undefined } });
        setServerErrors([]);
        drafts.layouts.delete(layoutId);
        setLoaded({ ...loaded, summary: reply.body.layout, baseVersion: reply.body.version.version, saved: layout });
        setNote('');
        setStatus(t(`Đã lưu phiên bản ${reply.body.version.version}.`, `Saved as version ${reply.body.version.version}.`));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'layout.version_conflict') {
          const d = error.error.details ?? {};
          setConflict({ headVersion: Number(d.headVersion), savedBy: String(d.savedBy ?? '?'), savedAt: String(d.savedAt ?? '') });
          return;
        }
        throw error;
      }
    });
  }

  function reloadTheirs() {
    setConflict(null);
    drafts.layouts.delete(layoutId);
    void run(t('Đang tải…', 'Loading…'), () => load(false));
  }

  function saveMineAsCopy() {
    if (!layout || !loaded) return;
    setConflict(null);
    void run(t('Đang lưu bản sao…', 'Saving a copy…'), async () => {
      const title = loaded.summary.title;
      const reply = await client.call(routes.library.duplicate, {
        params: { id: layoutId },
        body: { document: layout, title: { vi: `${title.vi} (bản của tôi)`, en: `${title.en ?? title.vi} (mine)` }, note: note.trim() || t('lưu thành bản sao khi xung đột', 'saved as a copy on a conflict') },
      });
      drafts.layouts.delete(layoutId);
      onOpen(reply.body.layout.id);
    });
  }

  function askPublish() {
    if (!loaded || !layout) return;
    const warnings = publishWarnings(layout, loaded.profile, editorDataFromStore(store.api.getState()));
    setPublishList(warnings);
  }

  function publish() {
    if (!loaded) return;
    setPublishList(null);
    void run(t('Đang đưa lên tường…', 'Pushing live…'), async () => {
      const reply = await client.call(routes.schedule.publish, { body: { layoutId, version: loaded.baseVersion } });
      setLoaded({ ...loaded, summary: { ...loaded.summary, liveVersion: reply.body.version } });
      setStatus(t(`Tường đang hiển thị phiên bản ${reply.body.version ?? '?'}.`, `The wall shows version ${reply.body.version ?? '?'}.`));
    });
  }

  if (!loaded || !layout) {
    return (
      <main className="page">
        {failure ? <p className="error" role="alert">{failure}</p> : <p role="status">{t('Đang tải bố cục…', 'Loading the layout…')}</p>}
        <button type="button" onClick={onBack}>{t('← Thư viện', '← Library')}</button>
      </main>
    );
  }

  // Our own socket is one of the viewers; the same person in another tab is named too.
  const otherNames = [...new Set((presence?.presence.viewers ?? []).filter((v) => v.socketId !== presence?.self).map((v) => v.name))];
  const errors = publishList?.filter((w) => w.severity === 'error') ?? [];
  const template = loaded.summary.template;

  return (
    <WallStoreProvider store={store}>
      <main className="page editor-page" aria-busy={busy !== null}>
        <div className="toolbar">
          <button type="button" onClick={onBack}>{t('← Thư viện', '← Library')}</button>
          <h1>
            {lang === 'en' && loaded.summary.title.en ? loaded.summary.title.en : loaded.summary.title.vi} <small>v{loaded.baseVersion}{dirty ? ' *' : ''}</small>
          </h1>
          {otherNames.length > 0 && (
            <p className="presence" role="status" data-testid="presence">
              {t(`${otherNames.join(', ')} đang mở bố cục này`, `${otherNames.join(', ')} ${otherNames.length > 1 ? 'have' : 'has'} this layout open`)}
            </p>
          )}
          <span className="spacer" />
          {onVersions && <button type="button" onClick={onVersions}>{t('Phiên bản', 'Versions')}</button>}
          {template ? (
            <p className="notice">{t('Bố cục mẫu chỉ đọc: hãy nhân bản để sửa.', 'A template is read-only: duplicate it to change it.')}</p>
          ) : (
            <>
              <label className="note">
                {t('Ghi chú', 'Note')}
                <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} placeholder={t('đã đổi gì', 'what changed')} />
              </label>
              <button type="button" className="primary" onClick={save} disabled={busy !== null || !dirty}>
                {t('Lưu', 'Save')}
              </button>
            </>
          )}
          <button type="button" onClick={askPublish} disabled={busy !== null || dirty} title={dirty ? t('Lưu trước khi đưa lên tường', 'Save before pushing live') : undefined}>
            {t('Đưa lên tường', 'Push live')}
          </button>
        </div>
        {busy && <p className="progress" role="status"><span className="spinner" aria-hidden="true" /> {busy}</p>}
        {status && <p className="ok" role="status">{status}</p>}
        {failure && <p className="error" role="alert">{failure}</p>}
        {publishList && (
          <div className="dialog-backdrop">
            <div className="panel dialog" role="dialog" aria-modal="true" aria-labelledby="publish-title">
              <h2 id="publish-title">{t('Đưa lên tường', 'Push live')}</h2>
              {errors.length > 0 ? (
                <p className="error">{t('Bố cục còn lỗi, không thể đưa lên tường:', 'The layout has errors and cannot be pushed live:')}</p>
              ) : publishList.length > 0 ? (
                <p>{t('Cảnh báo trước khi đưa lên tường:', 'Warnings before pushing live:')}</p>
              ) : (
                <p>{t(`Đưa phiên bản ${loaded.baseVersion} lên mọi màn hình của tường?`, `Push version ${loaded.baseVersion} to every wall screen?`)}</p>
              )}
              {publishList.length > 0 && (
                <ul className="warnings">
                  {publishList.map((w, i) => (
                    <li key={i} className={w.severity}>{messageOf(lang, w)}</li>
                  ))}
                </ul>
              )}
              <div className="dialog-actions">
                <button type="button" onClick={() => setPublishList(null)} autoFocus={errors.length > 0}>{t('Huỷ', 'Cancel')}</button>
                {errors.length === 0 && (
                  <button type="button" className="primary" onClick={publish} autoFocus>
                    {publishList.length > 0 ? t('Vẫn đưa lên tường', 'Push live anyway') : t('Đưa lên tường', 'Push live')}
                  </button>
                )}
              </div>
            </div>
          </div>
        )}
        {conflict && <ConflictDialog conflict={conflict} onReload={reloadTheirs} onCopy={saveMineAsCopy} onCancel={() => setConflict(null)} when={formatTime(lang, conflict.savedAt)} />}
        <div className="editor-host">
          <LayoutEditor layout={layout} profile={loaded.profile} onChange={onChange} serverErrors={serverErrors} lang={lang} client={client} />
        </div>
      </main>
    </WallStoreProvider>
  );
}
