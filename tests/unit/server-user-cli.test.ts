import { rmSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runUserCli, terminalPassword, type UserCliIo } from '../../server/auth/cli';
import { login, TEST_SCRYPT } from '../helpers/accounts';
import { startHarness, tempDir, type Harness } from '../helpers/server-harness';

let dir: string | null = null;
let h: Harness | null = null;
afterEach(async () => {
  await h?.cleanup();
  h = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** Runs `user …` against a data folder; `stdin` is what --password-stdin reads, `typed` what the terminal prompt gets. */
async function cli(argv: string[], options: { stdin?: string; typed?: string[] } = {}) {
  let out = '';
  let err = '';
  const typed = [...(options.typed ?? [])];
  const io: UserCliIo = {
    env: {},
    cwd: '/',
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readStdin: async () => options.stdin ?? '',
    askPassword: options.typed ? async () => typed.shift() ?? '' : null,
    scrypt: TEST_SCRYPT,
  };
  const code = await runUserCli([...argv, '--data', dir!], io);
  return { code, out, err };
}

describe('npm run serve -- user …', () => {
  it('creates the first admin, who can then sign in; the server stops asking for one', async () => {
    dir = tempDir();
    h = await startHarness({ dataDir: dir, scrypt: TEST_SCRYPT });
    expect(h.log.lines.join('')).toContain('user add --username <name> --name \\"<display name>\\" --role admin');
    await h.stop();
    h = null;

    const added = await cli(['add', '--username', 'quan.tri', '--name', 'Quản Trị Viên', '--role', 'admin', '--role', 'operator', '--password-stdin'], { stdin: 'mật khẩu đầu tiên\n' });
    expect(added).toEqual({ code: 0, out: 'created quan.tri (Quản Trị Viên): admin, operator\n', err: '' });

    h = await startHarness({ dataDir: dir, scrypt: TEST_SCRYPT });
    expect(h.log.lines.join('')).not.toContain('no console accounts yet');
    const r = await login(h, 'quan.tri', 'mật khẩu đầu tiên');
    expect(r.status).toBe(200);
    expect(h.server.audit.list({ objectType: 'user' }).rows.at(-1)).toMatchObject({
      action: 'user.create',
      actor: { kind: 'server', id: null, name: 'command line' },
      diff: { username: 'quan.tri', displayName: 'Quản Trị Viên', roles: ['admin', 'operator'] },
    });
  });

  it('lists, disables (ending sessions), enables and sets passwords; refuses bad input with the reason', async () => {
    dir = tempDir();
    expect((await cli(['add', '--username', 'vien', '--name', 'Viên', '--role', 'viewer'], { typed: ['mật khẩu gõ tay', 'mật khẩu gõ tay'] })).code).toBe(0);
    expect(await cli(['add', '--username', 'vien', '--name', 'Lại', '--role', 'viewer', '--password-stdin'], { stdin: 'mật khẩu gõ tay' })).toMatchObject({ code: 1, err: expect.stringContaining('"vien" is taken') });
    expect(await cli(['add', '--username', 'Hoa Lớn', '--name', '', '--role', 'wall', '--password-stdin'])).toMatchObject({ code: 2 });
    expect(await cli(['add', '--username', 'hoa', '--role', 'wall', '--password-stdin'], { stdin: 'x' })).toMatchObject({ code: 1, err: expect.stringMatching(/--name: .*--role: /) });
    expect(await cli(['add', '--username', 'hoa', '--name', 'Hoa', '--role', 'viewer', '--password-stdin'], { stdin: 'ngắn' })).toMatchObject({ code: 1, err: expect.stringContaining('at least 10') });
    expect(await cli(['add', '--username', 'hoa', '--name', 'Hoa', '--role', 'viewer'], { typed: ['mật khẩu một lần', 'mật khẩu hai lần'] })).toMatchObject({ code: 1, err: expect.stringContaining('differ') });
    expect(await cli(['add', '--username', 'hoa', '--name', 'Hoa', '--role', 'viewer'])).toMatchObject({ code: 1, err: expect.stringContaining('--password-stdin') });
    expect(await cli(['frobnicate'])).toMatchObject({ code: 2 });

    h = await startHarness({ dataDir: dir, scrypt: TEST_SCRYPT });
    const session = await login(h, 'vien', 'mật khẩu gõ tay');
    expect(session.status).toBe(200);
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;

    expect(await cli(['disable', 'vien'])).toMatchObject({ code: 0, out: 'vien disabled (1 session(s) ended)\n' });
    expect((await h.api('GET', '/api/v1/session', { token: null, headers: { cookie } })).status).toBe(401);
    expect((await cli(['list'])).out).toMatch(/^vien\tViên\tviewer\tdisabled\tlast login 20/);
    expect((await login(h, 'vien', 'mật khẩu gõ tay')).status).toBe(403);
    expect(await cli(['enable', 'vien'])).toMatchObject({ code: 0, out: 'vien enabled\n' });
    expect(await cli(['passwd', 'vien', '--password-stdin'], { stdin: 'mật khẩu thứ hai\n' })).toMatchObject({ code: 0 });
    expect((await login(h, 'vien', 'mật khẩu gõ tay')).status).toBe(401);
    expect((await login(h, 'vien', 'mật khẩu thứ hai')).status).toBe(200);
    expect(await cli(['disable', 'ai-do'])).toMatchObject({ code: 1, err: expect.stringContaining('no account "ai-do"') });
  });

  it('asks for the password on a terminal without echoing it (raw mode, backspace, Ctrl+C cancels)', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, raw: [] as boolean[], setRawMode(on: boolean) { this.raw.push(on); return this; } });
    let shown = '';
    const output = Object.assign(new PassThrough(), { write: (t: string) => ((shown += t), true) });
    const ask = terminalPassword(input as unknown as NodeJS.ReadStream, output as unknown as NodeJS.WriteStream)!;
    const typed = ask('Mật khẩu: ');
    input.write('bí mật x\u007f12');
    input.write('\r');
    expect(await typed).toBe('bí mật 12');
    expect(shown).toBe('Mật khẩu: \n');
    expect(input.raw).toEqual([true, false]);
    const cancelled = ask('Mật khẩu: ');
    input.write('ab\u0003');
    await expect(cancelled).rejects.toThrow(/cancelled/);
    expect(terminalPassword(Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream, output as unknown as NodeJS.WriteStream)).toBeNull();
  });
});
