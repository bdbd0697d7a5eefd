import { useCallback, useEffect, useMemo, useState, type JSX } from 'react';
import { routes } from '../../../../shared/api';
import type { ProfileSummary, ProfileVersionInfo } from '../../../../shared/api/profiles';
import { ApiError, type ApiClient } from '../../../api/client';
import { formatTime, useLang, useT } from '../../i18n';
import { useFailure } from '../../useFailure';
import { checkDraft, draftFromProfile, newDraft, type Draft } from './draft';
import { ProfileForm } from './ProfileForm';
import { SetupCommands } from './SetupCommands';
import { WallDrawing } from './WallDrawing';
import './profile.css';

export interface ProfilePageProps {
  client: ApiClient;
  /** The profile to open (the page's address, `#/profile/<id>`); absent: the list and a new wall. */
  profileId: string | undefined;
  onOpen(profileId: string | undefined): void;
  onSessionEnded(): void;
}

interface Open {
  /** null: not saved yet (the save creates it). */
  baseVersion: number | null;
  versions: ProfileVersionInfo[];
}

/**
 * "Cấu hình phần cứng": the technician describes the wall (issue 9). The form on the left,
 * the wall to scale on the right, redrawn at every keystroke from the validator's view of
 * the form; saving makes a version (with a note), activating one sends it to every wall.
 */
export function ProfilePage({ client, profileId, onOpen, onSessionEnded }: ProfilePageProps): JSX.Element {
  const t = useT();
  const lang = useLang();
  const [list, setList] = useState<{ profiles: ProfileSummary[]; active: { profileId: string; version: number } | null } | null>(null);
  const [draft, setDraft] = useState<Draft>(newDraft);
  const [open, setOpen] = useState<Open>({ baseVersion: null, versions: [] });
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [failure, fail, clear] = useFailure(onSessionEnded);
  const checked = useMemo(() => checkDraft(draft, lang), [draft, lang]);

  const loadList = useCallback(async () => {
    try {
      setList((await client.call(routes.profiles.list, {})).body);
    } catch (error) {
      fail(error);
    }
  }, [client, fail]);
  useEffect(() => void loadList(), [loadList]);

  const loadProfile = useCallback(
    async (id: string) => {
      try {
        const [detail, versions] = await Promise.all([client.call(routes.profiles.get, { params: { id } }), client.call(routes.profiles.versions, { params: { id } })]);
        setDraft(draftFromProfile(detail.body.head.document));
        setOpen({ baseVersion: detail.body.head.version, versions: versions.body.versions });
        setConflict(false);
      } catch (error) {
        fail(error);
      }
    },
    [client, fail],
  );
  useEffect(() => {
    if (profileId) void loadProfile(profileId);
    else {
      setDraft(newDraft());
      setOpen({ baseVersion: null, versions: [] });
    }
  }, [profileId, loadProfile]);

  async function act(work: () => Promise<string>) {
    setBusy(true);
    clear();
    setDone(null);
    try {
      setDone(await work());
      await loadList();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  const save = () =>
    void act(async () => {
      const id = checked.profile.id;
      try {
        const reply = await client.call(routes.profiles.save, { params: { id }, body: { baseVersion: open.baseVersion, document: checked.profile, note: note.trim() } });
        const versions = await client.call(routes.profiles.versions, { params: { id } });
        setOpen({ baseVersion: reply.body.version.version, versions: versions.body.versions });
        setNote('');
        if (profileId !== id) onOpen(id);
        return t(`Đã lưu phiên bản ${reply.body.version.version}.`, `Saved version ${reply.body.version.version}.`);
      } catch (error) {
        // Someone saved after this form was opened: nothing was written; offer theirs (the form is kept until then).
        if (error instanceof ApiError && error.code === 'profile.version_conflict') setConflict(true);
        throw error;
      }
    });

  const activate = (version: number) =>
    void act(async () => {
      const reply = await client.call(routes.profiles.activate, { params: { id: checked.profile.id }, body: { version } });
      return t(
        `Tường đang dùng hồ sơ ${reply.body.profile.id} phiên bản ${version} (lượt ${reply.body.revision}); mọi cửa sổ tường đã nhận.`,
        `The wall uses profile ${reply.body.profile.id} version ${version} (revision ${reply.body.revision}); every wall window has it.`,
      );
    });

  const faults = Object.values(checked.errors).reduce((n, list) => n + list.length, 0);
  const activeHere = list?.active && list.active.profileId === draft.id ? list.active.version : null;

  return (
    <main className="page profile-page" aria-busy={busy}>
      <h1>{t('Cấu hình phần cứng', 'Wall hardware')}</h1>
      {failure && (
        <p className="error" role="alert">
          {failure}
          {conflict && profileId ? (
            <button type="button" onClick={() => window.confirm(t('Bỏ các thay đổi chưa lưu và tải phiên bản mới nhất?', 'Discard your unsaved changes and load the latest version?')) && void loadProfile(profileId)}>
              {t('Tải phiên bản mới nhất', 'Load the latest version')}
            </button>
          ) : null}
        </p>
      )}
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      <section aria-label={t('Hồ sơ tường đã lưu', 'Saved wall profiles')} className="profile-list">
        <table className="grid">
          <thead>
            <tr>
              <th>{t('Hồ sơ', 'Profile')}</th>
              <th>{t('Màn hình', 'Screens')}</th>
              <th>{t('Phiên bản', 'Version')}</th>
              <th>{t('Lưu bởi', 'Saved by')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(list?.profiles ?? []).map((p) => (
              <tr key={p.id} data-profile-id={p.id}>
                <td>
                  {p.name} <code>{p.id}</code> {p.activeVersion !== null ? <span className="badge live">{t(`đang dùng: v${p.activeVersion}`, `active: v${p.activeVersion}`)}</span> : null}
                </td>
                <td>{p.screens}</td>
                <td>{p.headVersion}</td>
                <td>
                  {p.updatedBy}, {formatTime(lang, p.updatedAt)}
                </td>
                <td>
                  <button type="button" onClick={() => onOpen(p.id)} aria-current={p.id === profileId ? 'true' : undefined}>
                    {t('Mở', 'Open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={() => onOpen(undefined)}>
          {t('Tường mới', 'New wall')}
        </button>
      </section>

      <div className="profile-editor">
        <ProfileForm key={profileId ?? 'new'} draft={draft} onChange={setDraft} errors={checked.errors} isNew={open.baseVersion === null} />
        <div className="profile-side">
          <WallDrawing profile={checked.profile} valid={checked.valid} overlapping={checked.overlapping} lang={lang} />
          <p role="status" data-testid="fault-count" className={faults ? 'error' : 'ok'}>
            {faults ? t(`${faults} lỗi: xem tại từng ô nhập.`, `${faults} fault(s): see each field.`) : t('Hồ sơ hợp lệ.', 'The profile is valid.')}
          </p>
          <div className="toolbar">
            <label>
              {t('Ghi chú', 'Note')}
              <input name="note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
            </label>
            <button type="button" className="primary" disabled={busy || faults > 0} onClick={save}>
              {open.baseVersion === null ? t('Lưu hồ sơ mới', 'Save new profile') : t(`Lưu (sau phiên bản ${open.baseVersion})`, `Save (after version ${open.baseVersion})`)}
            </button>
          </div>
          <section aria-label={t('Các phiên bản', 'Versions')}>
            <h2>{t('Các phiên bản', 'Versions')}</h2>
            {open.versions.length === 0 ? <p>{t('Chưa lưu.', 'Not saved yet.')}</p> : null}
            <ol className="versions" reversed>
              {open.versions.map((v) => (
                <li key={v.version} data-version={v.version}>
                  <strong>v{v.version}</strong> {v.by}, {formatTime(lang, v.at)}
                  {v.note ? ` — ${v.note}` : ''}{' '}
                  {activeHere === v.version ? (
                    <span className="badge live">{t('đang dùng trên tường', 'on the wall')}</span>
                  ) : (
                    <button type="button" disabled={busy} onClick={() => activate(v.version)}>
                      {t(`Đưa phiên bản ${v.version} lên tường`, `Activate version ${v.version}`)}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </section>
          <SetupCommands
            client={client}
            onError={fail}
            onDone={(message) => {
              clear();
              setDone(message);
            }}
          />
        </div>
      </div>
    </main>
  );
}
