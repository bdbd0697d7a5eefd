import { useCallback, useEffect, useState } from 'react';
import type { JSX } from 'react';
import { routes } from '../../../shared/api';
import type { UserInfo } from '../../../shared/api/session';
import { PASSWORD_MIN } from '../../../shared/api/session';
import { PERSON_ROLES, type PersonRole } from '../../../shared/protocol/roles';
import { ApiError, type ApiClient } from '../../api/client';
import { formatTime, messageOf, useLang, useT } from '../i18n';
import { DataAge } from './DataAge';
import { Dialog } from './Dialog';
import { useWork } from './useWork';
import { WorkStatus } from './WorkStatus';

export interface UsersPageProps {
  client: ApiClient;
  selfId: number;
  onSessionEnded(): void;
}

const ROLE_NAMES: Record<PersonRole, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị', en: 'Admin' },
  operator: { vi: 'Vận hành', en: 'Operator' },
  technician: { vi: 'Kỹ thuật', en: 'Technician' },
  presenter: { vi: 'Trình bày', en: 'Presenter' },
  viewer: { vi: 'Xem', en: 'Viewer' },
};

interface NewUser {
  displayName: string;
  username: string;
  roles: PersonRole[];
  password: string;
}
const blankUser: NewUser = { displayName: '', username: '', roles: ['operator'], password: '' };

/**
 * Accounts (admin only): the list, a new account (display name, login, roles, first
 * password), disable and enable, a new password. The server refuses to leave the store
 * without an active admin (user.last_admin); its message is shown as it says it.
 */
export function UsersPage({ client, selfId, onSessionEnded }: UsersPageProps): JSX.Element {
  const t = useT();
  const lang = useLang();
  const [users, setUsers] = useState<UserInfo[] | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [creating, setCreating] = useState<NewUser | null>(null);
  const [faults, setFaults] = useState<Record<string, string>>({});
  const [resetting, setResetting] = useState<{ user: UserInfo; password: string } | null>(null);
  const { busy, status, failure, run } = useWork(onSessionEnded);
  const roleName = (r: PersonRole) => (lang === 'en' ? ROLE_NAMES[r].en : ROLE_NAMES[r].vi);

  const load = useCallback(async () => {
    const reply = await client.call(routes.users.list, {});
    setUsers(reply.body.users);
    setLoadedAt(Date.now());
  }, [client]);
  const loading = t('Đang tải tài khoản…', 'Loading the accounts…');
  useEffect(() => void run(loading, load), [load, run, loading]);

  function create() {
    const draft = creating;
    if (!draft) return;
    setFaults({});
    void run(t('Đang tạo tài khoản…', 'Creating the account…'), async () => {
      try {
        const reply = await client.call(routes.users.create, { body: { ...draft, username: draft.username.trim(), displayName: draft.displayName.trim() } });
        setCreating(null);
        await load();
        return t(`Đã tạo tài khoản ${reply.body.username} (${reply.body.displayName}).`, `Account ${reply.body.username} (${reply.body.displayName}) created.`);
      } catch (error) {
        // Each refused field is shown beside it; the dialog stays open with what was typed.
        if (error instanceof ApiError) setFaults(Object.fromEntries(error.errors.map((e) => [String(e.path ?? '').replace(/^\$\.?/, '').split('.')[0] || 'form', messageOf(lang, e)])));
        throw error;
      }
    });
  }

  function setDisabled(user: UserInfo, disabled: boolean) {
    void run(disabled ? t('Đang khoá tài khoản…', 'Disabling…') : t('Đang mở tài khoản…', 'Enabling…'), async () => {
      await client.call(routes.users.update, { params: { id: String(user.id) }, body: { disabled } });
      await load();
      return disabled ? t(`Đã vô hiệu hoá ${user.username}.`, `${user.username} is disabled.`) : t(`Đã bật lại ${user.username}.`, `${user.username} is enabled.`);
    });
  }

  function resetPassword() {
    const target = resetting;
    if (!target) return;
    void run(t('Đang đặt mật khẩu…', 'Setting the password…'), async () => {
      await client.call(routes.users.setPassword, { params: { id: String(target.user.id) }, body: { password: target.password } });
      setResetting(null);
      return t(`Đã đặt mật khẩu mới cho ${target.user.username}; các phiên khác của họ đã kết thúc.`, `New password set for ${target.user.username}; their other sessions ended.`);
    });
  }

  const fieldError = (key: string) => faults[key] && <span className="error field-error">{faults[key]}</span>;
  return (
    <main className="page users" aria-busy={busy !== null}>
      <div className="toolbar">
        <h1>{t('Tài khoản', 'Accounts')}</h1>
        <span className="spacer" />
        <button type="button" className="primary" disabled={busy !== null} onClick={() => { setFaults({}); setCreating(blankUser); }}>{t('Tạo tài khoản', 'New account')}</button>
      </div>
      <DataAge at={loadedAt} busy={busy !== null} onReload={() => void run(loading, load)} />
      <WorkStatus busy={busy} status={status} failure={failure} />
      {users && (
        <table className="grid">
          <thead>
            <tr>
              <th>{t('Tên hiển thị', 'Display name')}</th>
              <th>{t('Tên đăng nhập', 'Login')}</th>
              <th>{t('Vai trò', 'Roles')}</th>
              <th>{t('Trạng thái', 'State')}</th>
              <th>{t('Đăng nhập lần cuối', 'Last sign-in')}</th>
              <th>{t('Thao tác', 'Actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-username={u.username}>
                <td>{u.displayName}{u.id === selfId && <span className="badge">{t('bạn', 'you')}</span>}</td>
                <td><code>{u.username}</code></td>
                <td>{u.roles.map(roleName).join(', ')}</td>
                <td>
                  {u.disabled ? <span className="badge off">{t('Đã vô hiệu hoá', 'Disabled')}</span> : t('Hoạt động', 'Active')}
                  {u.lockedUntil && <span className="badge off">{t(`Khoá đến ${formatTime(lang, u.lockedUntil)}`, `Locked until ${formatTime(lang, u.lockedUntil)}`)}</span>}
                </td>
                <td>{u.lastLoginAt ? formatTime(lang, u.lastLoginAt) : '—'}</td>
                <td className="actions">
                  <button type="button" disabled={busy !== null} onClick={() => setDisabled(u, !u.disabled)} className={u.disabled ? undefined : 'danger'}>
                    {u.disabled ? t('Bật lại', 'Enable') : t('Vô hiệu hoá', 'Disable')}
                  </button>
                  <button type="button" disabled={busy !== null} onClick={() => setResetting({ user: u, password: '' })}>{t('Đặt lại mật khẩu', 'Reset password')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && (
        <Dialog title={t('Tạo tài khoản', 'New account')} onClose={() => setCreating(null)}>
          <form className="form" onSubmit={(e) => { e.preventDefault(); create(); }}>
            <label>
              {t('Tên hiển thị', 'Display name')}
              <input name="displayName" value={creating.displayName} maxLength={120} required autoFocus onChange={(e) => setCreating({ ...creating, displayName: e.target.value })} />
              {fieldError('displayName')}
            </label>
            <label>
              {t('Tên đăng nhập (chữ thường, số, . _ -)', 'Login (lower case, digits, . _ -)')}
              <input name="username" value={creating.username} maxLength={64} required autoComplete="off" onChange={(e) => setCreating({ ...creating, username: e.target.value })} />
              {fieldError('username')}
            </label>
            <fieldset>
              <legend>{t('Vai trò', 'Roles')}</legend>
              {PERSON_ROLES.map((role) => (
                <label key={role} className="check">
                  <input
                    type="checkbox"
                    name={`role-${role}`}
                    checked={creating.roles.includes(role)}
                    onChange={(e) => setCreating({ ...creating, roles: e.target.checked ? [...creating.roles, role] : creating.roles.filter((r) => r !== role) })}
                  />
                  {roleName(role)}
                </label>
              ))}
              {fieldError('roles')}
            </fieldset>
            <label>
              {t(`Mật khẩu ban đầu (ít nhất ${PASSWORD_MIN} ký tự)`, `Initial password (at least ${PASSWORD_MIN} characters)`)}
              <input name="password" type="password" value={creating.password} minLength={PASSWORD_MIN} required autoComplete="new-password" onChange={(e) => setCreating({ ...creating, password: e.target.value })} />
              {fieldError('password')}
            </label>
            {failure && <p className="error" role="alert">{failure}</p>}
            <div className="dialog-actions">
              <button type="button" onClick={() => setCreating(null)}>{t('Huỷ', 'Cancel')}</button>
              <button type="submit" className="primary" disabled={busy !== null}>{t('Tạo', 'Create')}</button>
            </div>
          </form>
        </Dialog>
      )}
      {resetting && (
        <Dialog title={t(`Mật khẩu mới cho ${resetting.user.username}`, `New password for ${resetting.user.username}`)} onClose={() => setResetting(null)}>
          <form className="form" onSubmit={(e) => { e.preventDefault(); resetPassword(); }}>
            <label>
              {t(`Mật khẩu mới (ít nhất ${PASSWORD_MIN} ký tự)`, `New password (at least ${PASSWORD_MIN} characters)`)}
              <input name="new-password" type="password" value={resetting.password} minLength={PASSWORD_MIN} required autoFocus autoComplete="new-password" onChange={(e) => setResetting({ ...resetting, password: e.target.value })} />
            </label>
            {failure && <p className="error" role="alert">{failure}</p>}
            <div className="dialog-actions">
              <button type="button" onClick={() => setResetting(null)}>{t('Huỷ', 'Cancel')}</button>
              <button type="submit" className="primary" disabled={busy !== null}>{t('Đặt mật khẩu', 'Set password')}</button>
            </div>
          </form>
        </Dialog>
      )}
    </main>
  );
}
