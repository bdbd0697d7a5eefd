import { afterEach, describe, expect, it } from 'vitest';
import { asPerson, createUser, login, PASSWORD, personSocket, signIn, TEST_SCRYPT } from '../helpers/accounts';
import { startHarness, type Harness } from '../helpers/server-harness';

let h: Harness | null = null;
let clock = Date.parse('2026-12-02T01:00:00Z');
afterEach(async () => {
  await h?.cleanup();
  h = null;
});

async function start(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  clock = Date.parse('2026-12-02T01:00:00Z');
  h = await startHarness({ now: () => clock, scrypt: TEST_SCRYPT, loginRateLimit: { ratePerSecond: 100, burst: 100 }, ...options });
  return h;
}

const auditActions = (harness: Harness) => harness.server.audit.list({ limit: 200 }).rows.map((r) => r.action);

describe('people: login, session, logout', () => {
  it('signs in with a cookie (HttpOnly, SameSite=Strict, Path=/, not Secure over plain HTTP), says who, signs out', async () => {
    const h = await start();
    const id = await createUser(h, 'an.nguyen', ['operator'], 'Nguyễn Văn An');
    const r = await login(h, 'An.Nguyen', PASSWORD, { 'user-agent': 'console-test' });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ id, username: 'an.nguyen', displayName: 'Nguyễn Văn An', roles: ['operator'], disabled: false });
    expect(r.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.body.expiresAt).toBe(new Date(clock + 30 * 60_000).toISOString());
    const setCookie = r.headers.get('set-cookie')!;
    const [pair, ...attributes] = setCookie.split('; ');
    expect(pair).toMatch(/^toancanh_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes.sort()).toEqual(['HttpOnly', 'Max-Age=43200', 'Path=/', 'SameSite=Strict']);
    // Only the hash of the cookie value is stored.
    const value = pair!.split('=')[1]!;
    const stored = h.server.db.prepare('SELECT id_hash, csrf_token FROM sessions').all() as Array<{ id_hash: string }>;
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(value);

    const person = { cookie: pair!, csrf: r.body.csrfToken, userId: id, setCookie };
    const me = await asPerson(h, person, 'GET', '/api/v1/session');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { username: 'an.nguyen' }, csrfToken: person.csrf });

    const out = await asPerson(h, person, 'DELETE', '/api/v1/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^toancanh_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/);
    const after = await asPerson(h, person, 'GET', '/api/v1/session');
    expect(after.status).toBe(401);
    expect((after.body as { error: { code: string } }).error.code).toBe('auth.session_expired');

    const rows = h.server.audit.list().rows;
    expect(rows.map((row) => [row.action, row.actor])).toEqual([
      ['session.logout', { kind: 'person', id, name: 'Nguyễn Văn An' }],
      ['session.login', { kind: 'person', id, name: 'Nguyễn Văn An' }],
      ['user.create', { kind: 'token', id: expect.any(Number), name: 'admin (bootstrap)' }],
    ]);
    expect(rows[1]!.origin.userAgent).toBe('console-test');
  });

  it('answers a wrong password and an unknown name the same way, and logs the name tried, never the password', async () => {
    const h = await start();
    await createUser(h, 'binh', ['viewer']);
    const wrong = await login(h, 'binh', 'sai mật khẩu rồi');
    const unknown = await login(h, 'khong.co.ai', 'sai mật khẩu rồi');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error!.code).toBe('auth.login_failed');
    const failures = h.server.audit.list({ objectType: 'user' }).rows.filter((r) => r.action === 'session.login_failed');
    expect(failures.map((r) => r.diff)).toEqual([
      { username: 'khong.co.ai', reason: 'unknown' },
      { username: 'binh', reason: 'password', failures: 1 },
    ]);
    expect(JSON.stringify(h.server.audit.list().rows)).not.toContain('sai mật khẩu');
    // Nobody signed in: the name as typed, no account as the author.
    expect(failures.map((r) => r.actor)).toEqual([
      { kind: 'person', id: null, name: 'khong.co.ai' },
      { kind: 'person', id: null, name: 'binh' },
    ]);
    expect(h.server.db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
  });

  it('locks an account after the configured wrong passwords in a row (423 with the opening time), and opens it after the time', async () => {
    const h = await start({ lockout: { attempts: 3, lockMs: 15 * 60_000 } });
    await createUser(h, 'chi', ['operator']);
    expect((await login(h, 'chi', 'sai lần một!!')).status).toBe(401);
    expect((await login(h, 'chi', PASSWORD)).status).toBe(200); // a success resets the count
    expect((await login(h, 'chi', 'sai lần một!!')).status).toBe(401);
    expect((await login(h, 'chi', 'sai lần hai!!')).status).toBe(401);
    const third = await login(h, 'chi', 'sai lần ba!!!');
    expect(third.status).toBe(423);
    expect(third.body.error).toMatchObject({
      code: 'auth.account_locked',
      // 01:00Z + 15 min = 08:15 in Viet Nam.
      message_vi: expect.stringContaining('08:15 ngày 02/12/2026'),
      message_en: expect.stringContaining('2 Dec 2026, 08:15'),
      details: { lockedUntil: '2026-12-02T01:15:00.000Z' },
    });
    // Locked: even the right password is refused, and nothing is counted.
    expect((await login(h, 'chi', PASSWORD)).status).toBe(423);
    clock += 15 * 60_000 - 1;
    expect((await login(h, 'chi', PASSWORD)).status).toBe(423);
    clock += 1;
    expect((await login(h, 'chi', PASSWORD)).status).toBe(200);
  });

  it('limits logins per address (429 with Retry-After)', async () => {
    const h = await start({ loginRateLimit: { ratePerSecond: 1 / 60, burst: 2 } });
    expect((await login(h, 'ai', 'mật khẩu nào đó')).status).toBe(401);
    expect((await login(h, 'ai', 'mật khẩu nào đó')).status).toBe(401);
    const third = await login(h, 'ai', 'mật khẩu nào đó');
    expect(third.status).toBe(429);
    expect(third.body.error!.code).toBe('auth.login_rate_limited');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('ends a session after the idle time (sliding with each request) and after the absolute time whatever the activity', async () => {
    const h = await start({ sessions: { idleMs: 30 * 60_000, absoluteMs: 60 * 60_000 } });
    await createUser(h, 'dung', ['viewer']);
    const idle = await signIn(h, 'dung');
    const active = await signIn(h, 'dung');
    const status = async (p: typeof idle) => (await asPerson(h, p, 'GET', '/api/v1/session')).status;
    clock += 20 * 60_000;
    expect(await status(active)).toBe(200);
    clock += 20 * 60_000; // 40 min after login, 20 after the last request
    expect(await status(active)).toBe(200);
    expect(await status(idle)).toBe(401); // 40 min without a request
    clock += 19 * 60_000; // 59 min
    expect(await status(active)).toBe(200);
    clock += 60_000; // 60 min: the absolute end
    const ended = await asPerson(h, active, 'GET', '/api/v1/wall');
    expect(ended.status).toBe(401);
    expect((ended.body as { error: { code: string } }).error.code).toBe('auth.session_expired');
  });
});

describe('people: CSRF and roles', () => {
  it('refuses a cookie write without the CSRF token, with a wrong one or from a foreign Origin, before anything changes', async () => {
    const h = await start();
    await createUser(h, 'admin.hoa', ['admin'], 'Trần Thị Hoa');
    const admin = await signIn(h, 'admin.hoa');
    const before = { users: h.server.users.list().length, audit: auditActions(h).length, wall: h.server.wall.get().revision };
    const body = { username: 'moi', displayName: 'Người mới', roles: ['viewer'], password: PASSWORD };
    const layout = (await h.api<{ layout: unknown }>('GET', '/api/v1/wall')).body.layout;
    const attempts = [
      asPerson(h, admin, 'POST', '/api/v1/users', body, { 'x-csrf-token': '' }),
      asPerson(h, admin, 'POST', '/api/v1/users', body, { 'x-csrf-token': `${admin.csrf.slice(0, -1)}${admin.csrf.endsWith('A') ? 'B' : 'A'}` }),
      asPerson(h, admin, 'POST', '/api/v1/users', body, { origin: 'http://evil.example' }),
      asPerson(h, admin, 'POST', '/api/v1/users', body, { origin: 'null' }),
      asPerson(h, admin, 'PUT', '/api/v1/wall/layout', layout, { 'x-csrf-token': 'x' }),
      asPerson(h, admin, 'DELETE', '/api/v1/session', undefined, { 'x-csrf-token': 'x' }),
      h.api('POST', '/api/v1/users', { token: null, body, headers: { cookie: admin.cookie } }),
      // Refused before the body is read: a malformed one is not even looked at.
      h.api('POST', '/api/v1/users', { token: null, raw: '{"not json', headers: { cookie: admin.cookie, 'content-type': 'application/json' } }),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(r.status).toBe(403);
      expect((r.body as { error: { code: string } }).error.code).toBe('auth.csrf_failed');
    }
    expect({ users: h.server.users.list().length, audit: auditActions(h).length, wall: h.server.wall.get().revision }).toEqual(before);
    // The session still works, and with the token and our Origin the change goes through.
    expect((await asPerson(h, admin, 'POST', '/api/v1/users', body)).status).toBe(201);
    const fewer = { ...(layout as { tiles: unknown[] }), tiles: (layout as { tiles: unknown[] }).tiles.slice(1) };
    const put = await asPerson(h, admin, 'PUT', '/api/v1/wall/layout', fewer);
    expect(put.status).toBe(200);
    expect(h.server.wall.record().changedBy).toBe('Trần Thị Hoa (admin.hoa)');
    // The layout went live through the library (a template's id with other tiles: published without a version).
    expect(h.server.audit.list({ actor: 'Trần Thị Hoa' }).rows.map((r) => r.action)).toEqual(['layout.publish', 'user.create', 'session.login']);
  });

  it('refuses a login from a foreign Origin', async () => {
    const h = await start();
    await createUser(h, 'em', ['viewer']);
    const r = await login(h, 'em', PASSWORD, { origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(r.body.error!.code).toBe('auth.csrf_failed');
    expect(h.server.db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
  });

  it('lets a viewer read (wall, audit log) but change nothing (403), and keeps device tokens as they were', async () => {
    const h = await start();
    await createUser(h, 'giang', ['viewer'], 'Lê Giang');
    const viewer = await signIn(h, 'giang');
    const layout = (await h.api<{ layout: unknown }>('GET', '/api/v1/wall')).body.layout;
    expect((await asPerson(h, viewer, 'GET', '/api/v1/wall')).status).toBe(200);
    expect((await asPerson(h, viewer, 'GET', '/api/v1/audit')).status).toBe(200);
    const revision = h.server.wall.get().revision;
    for (const [method, path, body] of [
      ['PUT', '/api/v1/wall/layout', layout],
      ['POST', '/api/v1/users', { username: 'x1', displayName: 'X', roles: ['admin'], password: PASSWORD }],
      ['POST', '/api/v1/tokens', { role: 'admin', label: 'x' }],
      ['GET', '/api/v1/users', undefined],
    ] as const) {
      const r = await asPerson(h, viewer, method, path, body);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect((r.body as { error: { code: string } }).error.code).toBe('auth.role_forbidden');
    }
    expect(h.server.wall.get().revision).toBe(revision);
    expect(h.server.users.list().map((u) => u.username)).toEqual(['giang']);
    // No credential at all: 401; a wall token: as before.
    expect((await h.api('GET', '/api/v1/audit', { token: null })).status).toBe(401);
    expect((await h.api('GET', '/api/v1/audit', { token: h.server.wallToken })).status).toBe(403);
    expect((await h.api('PUT', '/api/v1/wall/layout', { body: layout })).status).toBe(200);
    // A token has no session; with both, the token decides (no CSRF needed).
    const tokenSession = await h.api('GET', '/api/v1/session');
    expect([tokenSession.status, (tokenSession.body as { error: { code: string } }).error.code]).toEqual([401, 'auth.session_required']);
    expect((await h.api('PUT', '/api/v1/wall/layout', { body: layout, headers: { cookie: viewer.cookie } })).status).toBe(200);
  });
});

describe('people: administration', () => {
  it('disabling an account ends its sessions and drops its sockets; enabling lets it sign in again', async () => {
    const h = await start();
    await createUser(h, 'admin.hoa', ['admin'], 'Trần Thị Hoa');
    const operatorId = await createUser(h, 'khanh', ['operator'], 'Phạm Khánh');
    const admin = await signIn(h, 'admin.hoa');
    const operator = await signIn(h, 'khanh');
    const socket = personSocket(h, '/control', operator.cookie);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const r = await asPerson(h, admin, 'PATCH', `/api/v1/users/${operatorId}`, { disabled: true });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ username: 'khanh', disabled: true });
    expect(await dropped).toBe('io server disconnect');
    expect((await asPerson(h, operator, 'GET', '/api/v1/session')).status).toBe(401);
    expect((await login(h, 'khanh')).body.error!.code).toBe('auth.account_disabled');
    expect(h.server.audit.list({ objectType: 'user', objectId: String(operatorId) }).rows[0]).toMatchObject({
      action: 'session.login_failed',
    });
    const update = h.server.audit.list({ actor: 'Trần Thị Hoa' }).rows.find((row) => row.action === 'user.update')!;
    expect(update.diff).toEqual({ username: 'khanh', disabled: { from: false, to: true } });

    expect((await asPerson(h, admin, 'PATCH', `/api/v1/users/${operatorId}`, { disabled: false, roles: ['operator', 'presenter'] })).status).toBe(200);
    expect((await login(h, 'khanh')).status).toBe(200);
    socket.close();
  });

  it('refuses a console socket from a foreign Origin, and one whose session ended', async () => {
    const h = await start();
    await createUser(h, 'lan', ['viewer']);
    const p = await signIn(h, 'lan');
    const refusal = (socket: ReturnType<typeof personSocket>) =>
      new Promise<{ code: string }>((resolve, reject) => {
        socket.once('connect', () => reject(new Error('connected')));
        socket.once('connect_error', (error: Error & { data?: { code: string } }) => resolve(error.data!));
      });
    expect((await refusal(personSocket(h, '/feed', p.cookie, 'http://evil.example'))).code).toBe('auth.csrf_failed');
    expect((await asPerson(h, p, 'DELETE', '/api/v1/session')).status).toBe(204);
    expect((await refusal(personSocket(h, '/feed', p.cookie))).code).toBe('auth.session_expired');
  });

  it('drops a console socket when its session expires, or is ended by another process', async () => {
    const h = await start({ sessions: { idleMs: 30 * 60_000, absoluteMs: 60 * 60_000 }, sessionSweepMs: 20 });
    const id = await createUser(h, 'quynh', ['viewer']);
    const connect = async () => {
      const p = await signIn(h, 'quynh');
      const socket = personSocket(h, '/feed', p.cookie);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      return socket;
    };
    const idle = await connect();
    const dropped = new Promise<string>((resolve) => idle.once('disconnect', resolve));
    clock += 30 * 60_000;
    expect(await dropped).toBe('io server disconnect');
    const other = await connect();
    const droppedToo = new Promise<string>((resolve) => other.once('disconnect', resolve));
    h.server.sessions.revokeUser(id, 'disabled'); // as the user CLI does, on the file
    expect(await droppedToo).toBe('io server disconnect');
  });

  it('keeps at least one active admin', async () => {
    const h = await start();
    const id = await createUser(h, 'admin.hoa', ['admin']);
    const r = await h.api('PATCH', `/api/v1/users/${id}`, { body: { roles: ['viewer'] } });
    expect(r.status).toBe(409);
    expect((r.body as { error: { code: string } }).error.code).toBe('user.last_admin');
    expect((await h.api('PATCH', `/api/v1/users/${id}`, { body: { disabled: true } })).status).toBe(409);
    expect(h.server.users.get(id)).toMatchObject({ roles: ['admin'], disabled: false });
  });

  it('lets a person change their own password with the old one (their other sessions end), and an admin set anyone’s', async () => {
    const h = await start();
    const id = await createUser(h, 'minh', ['operator']);
    const other = await createUser(h, 'nga', ['viewer']);
    const here = await signIn(h, 'minh');
    const there = await signIn(h, 'minh');
    const path = `/api/v1/users/${id}/password`;
    expect((await asPerson(h, here, 'PUT', path, { password: 'mật khẩu mới 123' })).status).toBe(422);
    expect((await asPerson(h, here, 'PUT', path, { password: 'mật khẩu mới 123', oldPassword: 'không phải nó' })).status).toBe(403);
    expect((await asPerson(h, here, 'PUT', path, { password: 'ngắn', oldPassword: PASSWORD })).status).toBe(422);
    expect((await asPerson(h, here, 'PUT', `/api/v1/users/${other}/password`, { password: 'mật khẩu mới 123' })).status).toBe(403);
    expect((await asPerson(h, here, 'PUT', path, { password: 'mật khẩu mới 123', oldPassword: PASSWORD })).status).toBe(204);
    expect((await asPerson(h, here, 'GET', '/api/v1/session')).status).toBe(200);
    expect((await asPerson(h, there, 'GET', '/api/v1/session')).status).toBe(401);
    expect((await login(h, 'minh')).status).toBe(401);
    expect((await login(h, 'minh', 'mật khẩu mới 123')).status).toBe(200);
    // The admin token sets anyone's, without the old one.
    expect((await h.api('PUT', `/api/v1/users/${other}/password`, { body: { password: 'đặt bởi quản trị' } })).status).toBe(204);
    expect((await login(h, 'nga', 'đặt bởi quản trị')).status).toBe(200);
    expect(auditActions(h).filter((a) => a === 'user.password')).toHaveLength(2);
    expect(JSON.stringify(h.server.audit.list({ limit: 200 }).rows)).not.toContain('mật khẩu mới');
  });

  it('refuses a taken login name, a bad one, unknown roles, and lists accounts without their hashes', async () => {
    const h = await start();
    await createUser(h, 'oanh', ['viewer']);
    const taken = await h.api('POST', '/api/v1/users', { body: { username: 'oanh', displayName: 'Khác', roles: ['viewer'], password: PASSWORD } });
    expect(taken.status).toBe(409);
    const bad = await h.api<{ errors: Array<{ path: string }> }>('POST', '/api/v1/users', { body: { username: 'Có Dấu', displayName: '', roles: ['wall'], password: 'ngắn' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(['$.displayName', '$.password', '$.roles[0]', '$.username']);
    const list = await h.api<{ users: Array<Record<string, unknown>> }>('GET', '/api/v1/users');
    expect(list.body.users).toHaveLength(1);
    expect(list.text).not.toContain('scrypt$');
  });

  it('pages and filters the audit log by actor, object and time', async () => {
    const h = await start();
    const id = await createUser(h, 'phuong', ['viewer'], 'Đỗ Phương');
    clock += 60_000;
    const p = await signIn(h, 'phuong');
    const since = new Date(clock).toISOString();
    clock += 60_000;
    await asPerson(h, p, 'DELETE', '/api/v1/session');
    const get = async (query: string) => (await h.api<{ rows: Array<{ action: string }>; next: number | null }>('GET', `/api/v1/audit${query}`)).body;
    expect((await get('?actor=Đỗ%20Phương')).rows.map((r) => r.action)).toEqual(['session.logout', 'session.login']);
    expect((await get(`?objectType=user&objectId=${id}`)).rows.map((r) => r.action)).toEqual(['user.create']);
    expect((await get(`?since=${since}`)).rows.map((r) => r.action)).toEqual(['session.logout', 'session.login']);
    expect((await get(`?until=${since}`)).rows.map((r) => r.action)).toEqual(['user.create']);
    const first = await get('?limit=2');
    expect(first.rows).toHaveLength(2);
    expect((await get(`?limit=2&before=${first.next}`)).rows.map((r) => r.action)).toEqual(['user.create']);
    expect((await h.api('GET', '/api/v1/audit?since=yesterday')).status).toBe(400);
    // By action: one, or every action of an object (a prefix ending in a dot).
    expect((await get('?action=session.login')).rows.map((r) => r.action)).toEqual(['session.login']);
    expect((await get('?action=session.')).rows.map((r) => r.action)).toEqual(['session.logout', 'session.login']);
    const bad = await h.api<{ errors: Array<{ path: string }> }>('GET', '/api/v1/audit?action=LAYOUT%25');
    expect([bad.status, bad.body.errors.map((e) => e.path)]).toEqual([400, ['?action']]);
  });
});
