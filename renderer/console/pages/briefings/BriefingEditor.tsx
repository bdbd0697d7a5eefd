import { useCallback, useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { routes } from '../../../../shared/api';
import type { BriefingVersionInfo } from '../../../../shared/api/briefings';
import type { RunState } from '../../../../shared/briefing/run';
import type { Briefing } from '../../../../shared/briefing/schema';
import type { WallProfile } from '../../../../shared/wall/profile';
import { ApiError, type ApiClient } from '../../../api/client';
import { connectWall } from '../../../feed/socket';
import { createWallStore } from '../../../store/wallStore';
import { ConflictDialog, type Conflict } from '../../ConflictDialog';
import type { Drafts } from '../../drafts';
import { formatTime, messageOf, useLang, useT } from '../../i18n';
import { serverUrl } from '../../session';
import { DataAge } from '../DataAge';
import { Field, FieldErrors } from '../profile/fields';
import { useWork } from '../useWork';
import { WorkStatus } from '../WorkStatus';
import { addScene, checkDraft, documentOf, draftFromBriefing, keyOfServerPath, moveScene, newDraft, removeScene, sameDocument, updateScene, type BriefingDraft, type Faults } from './draft';
import { RunPanel } from './RunPanel';
import { SceneForm } from './SceneForm';
import { SceneList } from './SceneList';
import { ScenePreview } from './ScenePreview';
import { useLibrary } from './useLibrary';
import './briefings.css';

interface Props {
  client: ApiClient;
  /** null: a new briefing. */
  briefingId: string | null;
  canEdit: boolean;
  onOpen(id: string): void;
  onBack(): void;
  /** Unsaved edits kept across the session's end (renderer/console/drafts.ts). */
  drafts: Drafts['briefings'];
  onSessionEnded(): void;
}

interface Saved {
  document: Briefing;
  version: number;
  versions: BriefingVersionInfo[];
}

/**
 * One briefing in the editor (operators): its name, the run of show (SceneList: reorder by
 * drag or Alt+arrows), the selected scene's form and its preview on the scaled wall, Save as
 * a new version with a note (a stale base gets the conflict choice, nothing lost), its
 * versions, and running it on the wall with the record of each run.
 */
export function BriefingEditor({ client, briefingId, canEdit, onOpen, onBack, drafts, onSessionEnded }: Props): JSX.Element {
  const t = useT();
  const lang = useLang();
  const [draft, setDraft] = useState<BriefingDraft>(newDraft);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [selected, setSelected] = useState(0);
  const [note, setNote] = useState('');
  const [serverFaults, setServerFaults] = useState<Faults>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [profile, setProfile] = useState<WallProfile | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [run, setRun] = useState<RunState | null>(null);
  const { busy, status, failure, fail, run: work, setStatus } = useWork(onSessionEnded);
  /** The version a kept draft was based on: a save sends it, so a version saved meanwhile still gets the conflict choice. */
  const keptBase = useRef<number | null>(null);
  const draftKey = briefingId ?? 'new';
  /**
   * Which briefing the form's draft belongs to: until a load has put that briefing's draft
   * in the form (the page moving from one briefing to another keeps the component), the
   * form holds another's, which is not to be kept under this one's key, nor forgotten.
   */
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const library = useLibrary(client, fail);
  const live = useMemo(() => createWallStore({ beforeLayout: 'nothing' }), []);
  const titleField = useRef<HTMLDivElement>(null);

  const load = useCallback(
    async (stale: () => boolean = () => false, keepDraft = false) => {
      const wall = await client.call(routes.wall.state, {});
      if (stale()) return;
      setProfile(wall.body.profile);
      setLoadedAt(Date.now());
      const kept = keepDraft ? drafts.get(briefingId ?? 'new') : undefined;
      keptBase.current = kept ? kept.baseVersion : null;
      if (briefingId === null) {
        setDraft(kept?.draft ?? newDraft());
        setSaved(null);
        setLoadedKey('new');
        return;
      }
      const [detail, versions] = await Promise.all([client.call(routes.briefings.get, { params: { id: briefingId } }), client.call(routes.briefings.versions, { params: { id: briefingId } })]);
      // A load overtaken by leaving the page (or StrictMode's second mount) must not reset edits made since.
      if (stale()) return;
      setDraft(kept?.draft ?? draftFromBriefing(detail.body.head.document));
      setSaved({ document: detail.body.head.document, version: detail.body.head.version, versions: versions.body.versions });
      setLoadedAt(Date.now());
      setServerFaults({});
      setSelected(0);
      setLoadedKey(briefingId);
    },
    [client, briefingId, drafts],
  );
  // The id of what was just saved: its address changing (new → id) needs no load.
  const savedId = useRef<string | null>(null);
  useEffect(() => {
    if (briefingId !== null && savedId.current === briefingId) return;
    let left = false;
    void work(t('Đang tải phiên giao ban…', 'Loading the briefing…'), async () => {
      await load(() => left, true);
      // Said, so that nobody takes the form for the saved version.
      if (!left && drafts.has(draftKey)) setStatus(t('Đã khôi phục các thay đổi chưa lưu của bạn.', 'Your unsaved edits are back.'));
    });
    return () => {
      left = true;
    };
  }, [load]); // once per briefing

  // Live figures for the preview; the socket signs in with the session cookie.
  useEffect(() => {
    const connection = connectWall({ serverUrl, token: '', screenId: 'all', store: live, onUnauthorized: onSessionEnded });
    return () => connection.close();
  }, [live, onSessionEnded]);

  // The feed carries the indicators, compliance and years of every scene's layout (the store's drafts) beside
  // the wall's own, so each scene's preview has its figures, not only those of what the wall shows now.
  const layoutKeys = [...new Set(draft.scenes.map((s) => library.docKey(s.layoutId, s.layoutVersion)))].sort().join(' ');
  const sceneTiles = useMemo(() => layoutKeys.split(' ').flatMap((k) => library.documents.get(k)?.tiles ?? []), [layoutKeys, library.documents]);
  useEffect(() => live.setDraftTiles(sceneTiles), [live, sceneTiles]);

  const scene = draft.scenes[Math.min(selected, draft.scenes.length - 1)];
  useEffect(() => {
    for (const s of draft.scenes) library.want(s.layoutId, s.layoutVersion);
  }, [draft.scenes, library.want]); // want is stable per client

  const own = useMemo(() => checkDraft(draft, lang), [draft, lang]);
  const faults: Faults = useMemo(() => {
    const all: Record<string, string[]> = {};
    for (const source of [own, serverFaults]) for (const [k, list] of Object.entries(source)) all[k] = [...(all[k] ?? []), ...list];
    return all;
  }, [own, serverFaults]);
  const faultCount = Object.values(faults).reduce((n, l) => n + l.length, 0);
  const faulty = useMemo(() => new Set(Object.keys(faults).flatMap((k) => (k.startsWith('scene:') ? [k.split(':')[1]!] : []))), [faults]);
  const dirty = !sameDocument(draft, saved?.document ?? null);
  const isNew = saved === null;
  // Kept while unsaved, so that a session ending (and the login form) loses nothing.
  useEffect(() => {
    if (loadedKey !== draftKey) return;
    if (dirty) drafts.set(draftKey, { draft, baseVersion: keptBase.current ?? saved?.version ?? null });
    else drafts.delete(draftKey);
  }, [loadedKey, dirty, draft, saved, drafts, draftKey]);

  /** An edit: the server's fault for a field goes when the field changes. */
  function edit(next: BriefingDraft, keys: readonly string[] = []) {
    setDraft(next);
    if (keys.some((k) => k in serverFaults)) setServerFaults((f) => Object.fromEntries(Object.entries(f).filter(([k]) => !keys.includes(k))));
  }

  function add() {
    const first = library.layouts[0];
    if (!first) return;
    const next = addScene(draft, { id: first.id, version: first.headVersion, title: t(`Cảnh ${draft.scenes.length + 1}`, `Scene ${draft.scenes.length + 1}`) });
    edit(next, ['scenes']);
    setSelected(next.scenes.length - 1);
    // The new scene's title takes the focus: a keyboard user types its name next.
    requestAnimationFrame(() => titleField.current?.querySelector<HTMLInputElement>('input[name="scene-title"]')?.focus());
  }

  function save(asCopy = false, copyNumber = 1) {
    const document = documentOf(draft);
    const id = asCopy ? `${document.id.slice(0, 52)}-ban-sao${copyNumber > 1 ? `-${copyNumber}` : ''}` : document.id;
    const body = { baseVersion: asCopy ? null : (keptBase.current ?? saved?.version ?? null), document: { ...document, id, ...(asCopy ? { name: `${document.name} (bản của tôi)`.slice(0, 200) } : {}) }, ...(note.trim() ? { note: note.trim() } : {}) };
    void work(asCopy ? t('Đang lưu bản sao…', 'Saving a copy…') : t('Đang lưu…', 'Saving…'), async () => {
      try {
        const reply = await client.call(routes.briefings.save, { params: { id }, body });
        setNote('');
        setServerFaults({});
        const versions = await client.call(routes.briefings.versions, { params: { id } });
        keptBase.current = null;
        drafts.delete(draftKey);
        // A new briefing saved moves to its own address with its words, as if loaded there.
        setLoadedKey(id);
        setSaved({ document: body.document, version: reply.body.version.version, versions: versions.body.versions });
        setLoadedAt(Date.now());
        savedId.current = id;
        if (asCopy) setDraft(draftFromBriefing(body.document));
        if (id !== briefingId) onOpen(id);
        return t(`Đã lưu phiên bản ${reply.body.version.version}.`, `Saved version ${reply.body.version.version}.`);
      } catch (error) {
        // A copy's id taken by an earlier copy: the next number (a few tries; then the refusal is shown).
        if (asCopy && error instanceof ApiError && error.code === 'briefing.exists' && copyNumber < 5) {
          save(true, copyNumber + 1);
          return t('Mã bản sao đã có; thử mã kế tiếp…', 'That copy id exists; trying the next…');
        }
        if (!asCopy && error instanceof ApiError && error.code === 'briefing.exists') setServerFaults({ id: [messageOf(lang, error.error)] });
        if (error instanceof ApiError && error.code === 'briefing.version_conflict') {
          const d = error.error.details ?? {};
          setConflict({ headVersion: Number(d.headVersion), savedBy: String(d.savedBy ?? '?'), savedAt: String(d.savedAt ?? '') });
        }
        if (error instanceof ApiError && error.errors.length > 0) {
          // Each of the server's faults at its field (the paths name the scenes as they were sent).
          const found: Record<string, string[]> = {};
          for (const e of error.errors) (found[keyOfServerPath(body.document, e.path ?? '$')] ??= []).push(messageOf(lang, e));
          setServerFaults(found);
        }
        throw error;
      }
    });
  }

  function reloadTheirs() {
    setConflict(null);
    void work(t('Đang tải…', 'Loading…'), () => load());
  }

  const layoutDoc = scene ? library.documents.get(library.docKey(scene.layoutId, scene.layoutVersion)) ?? null : null;
  const topFaults = (k: string) => faults[k];

  return (
    <main className="page bf-page bf-editor" aria-busy={busy !== null}>
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          {t('← Các phiên giao ban', '← Briefings')}
        </button>
        <h1>
          {isNew ? t('Phiên giao ban mới', 'New briefing') : draft.name || briefingId} {saved ? <small>v{saved.version}{dirty ? ' *' : ''}</small> : null}
        </h1>
      </div>
      <WorkStatus busy={busy} status={status} failure={failure} />
      {/* Reloading would replace the form: offered only while nothing is unsaved. */}
      {isNew ? null : <DataAge at={loadedAt} busy={busy !== null || dirty} onReload={() => void work(t('Đang tải…', 'Loading…'), () => load())} />}
      {conflict ? (
        <ConflictDialog what="briefing" conflict={conflict} when={formatTime(lang, conflict.savedAt)} onReload={reloadTheirs} onCopy={() => (setConflict(null), save(true))} onCancel={() => setConflict(null)} />
      ) : null}
      <fieldset className="bf-head" disabled={!canEdit}>
        <Field label={t('Tên phiên giao ban', 'Briefing name')} name="briefing-name" value={draft.name} onChange={(name) => edit({ ...draft, name }, ['name'])} errors={topFaults('name')} />
        <Field
          label={t('Mã (không đổi sau khi lưu)', 'Id (fixed once saved)')}
          name="briefing-id"
          value={draft.id}
          disabled={!isNew}
          onChange={(id) => edit({ ...draft, id }, ['id'])}
          errors={topFaults('id')}
          help={t('chữ thường không dấu, số, gạch ngang: vd giao-ban-sang', 'lower-case letters, digits, dashes: e.g. morning-briefing')}
        />
      </fieldset>
      <div className="bf-body">
        <div className="bf-left">
          <SceneList scenes={draft.scenes} selected={selected} faulty={faulty} onWall={run && run.briefingId === briefingId ? run.index : null} onSelect={setSelected} onMove={(from, to) => (edit(moveScene(draft, from, to)), setSelected(Math.max(0, Math.min(draft.scenes.length - 1, to))))} />
          <FieldErrors errors={topFaults('scenes')} field="scenes" />
          {canEdit ? (
            <button type="button" onClick={add} disabled={library.layouts.length === 0 || busy !== null}>
              {t('+ Thêm cảnh', '+ Add a scene')}
            </button>
          ) : null}
          <div ref={titleField}>
            {scene ? (
              <SceneForm
                key={scene.id}
                scene={scene}
                index={draft.scenes.indexOf(scene)}
                count={draft.scenes.length}
                layouts={library.layouts}
                versions={library.versions.get(scene.layoutId) ?? null}
                layout={layoutDoc}
                faults={faults}
                readOnly={!canEdit}
                onChange={(patch) => edit(updateScene(draft, draft.scenes.indexOf(scene), patch), Object.keys(patch).map((f) => `scene:${scene.id}:${f}`))}
                onRemove={() => (edit(removeScene(draft, draft.scenes.indexOf(scene))), setSelected((i) => Math.max(0, i - 1)))}
              />
            ) : (
              <p>{t('Chưa có cảnh nào: hãy thêm cảnh đầu tiên.', 'No scenes yet: add the first one.')}</p>
            )}
          </div>
        </div>
        <div className="bf-right">
          {scene && layoutDoc && profile ? (
            <ScenePreview live={live} layout={layoutDoc} profile={profile} enlargedTileId={scene.focusKind === 'tile' && scene.tileId ? scene.tileId : null} province={scene.focusKind === 'province' && scene.province ? scene.province : null} />
          ) : scene ? (
            <p role="status">{t('Đang tải bố cục của cảnh…', 'Loading the scene’s layout…')}</p>
          ) : null}
          {scene?.notesVi ? (
            <aside className="bf-notes" aria-label={t('Ghi chú cho người trình bày', 'Presenter notes')}>
              <p>{scene.notesVi}</p>
            </aside>
          ) : null}
          {canEdit ? (
            <div className="toolbar bf-save">
              <label>
                {t('Ghi chú phiên bản', 'Version note')}
                <input name="note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} placeholder={t('đã đổi gì', 'what changed')} />
              </label>
              <button type="button" className="primary" disabled={busy !== null || faultCount > 0 || (!dirty && !isNew)} onClick={() => save()}>
                {isNew ? t('Lưu phiên giao ban mới', 'Save the new briefing') : t(`Lưu (sau phiên bản ${saved.version})`, `Save (after version ${saved.version})`)}
              </button>
              <span role="status" data-testid="fault-count" className={faultCount ? 'error' : 'ok'}>
                {faultCount ? t(`${faultCount} lỗi: xem tại từng ô nhập.`, `${faultCount} fault(s): see each field.`) : dirty ? t('Có thay đổi chưa lưu.', 'Unsaved changes.') : t('Đã lưu.', 'Saved.')}
              </span>
            </div>
          ) : null}
          <section aria-labelledby="bf-versions-title">
            <h2 id="bf-versions-title">{t('Các phiên bản', 'Versions')}</h2>
            {saved === null ? <p>{t('Chưa lưu.', 'Not saved yet.')}</p> : null}
            <ol className="versions" reversed data-testid="versions">
              {(saved?.versions ?? []).map((v) => (
                <li key={v.version} data-version={v.version}>
                  <strong>v{v.version}</strong> {v.by}, {formatTime(lang, v.at)}
                  {v.note ? ` — ${v.note}` : ''}
                  {canEdit && v.version !== saved?.version ? (
                    <>
                      {' '}
                      <button
                        type="button"
                        disabled={busy !== null}
                        onClick={() =>
                          void work(t('Đang tải phiên bản…', 'Loading the version…'), async () => {
                            const reply = await client.call(routes.briefings.version, { params: { id: v.briefingId, version: String(v.version) } });
                            edit(draftFromBriefing(reply.body.document));
                            setSelected(0);
                            return t(`Đã đưa phiên bản ${v.version} vào biểu mẫu; lưu để khôi phục nó thành phiên bản mới.`, `Version ${v.version} is in the form; save to restore it as a new version.`);
                          })
                        }
                      >
                        {t(`Dùng lại phiên bản ${v.version}`, `Reuse version ${v.version}`)}
                      </button>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
          {briefingId !== null && saved ? <RunPanel client={client} briefingId={briefingId} headVersion={saved.version} dirty={dirty} selected={Math.min(selected, Math.max(0, draft.scenes.length - 1))} run={run} onRun={setRun} work={work} onError={fail} busy={busy !== null} /> : null}
        </div>
      </div>
    </main>
  );
}
