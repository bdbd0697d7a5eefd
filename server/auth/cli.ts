import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createUserSchema } from '../../shared/api/users';
import { personRoleSchema, type PersonRole } from '../../shared/protocol/roles';
import { AuditLog, type AuditActor } from '../audit/log';
import { openDatabase } from '../db/open';
import { HttpFailure } from '../http/reply';
import { DEFAULT_SCRYPT, hashPassword, passwordProblem, type ScryptParams } from './passwords';
import { SessionStore } from './sessions';
import { UserStore, type ChangeBy } from './users';

/**
 * `node out/main/server.js user …` (`npm run serve -- user …`): console accounts from the
 * command line, straight on the store (the server may be running: SQLite WAL). The first
 * admin is made here. Every change is audited as the server's 'command line'.
 */
export const USER_USAGE = [
  'Usage: node out/main/server.js user <command> [options]     (npm run serve -- user …)',
  '',
  '  user add --username <name> --name "<display name>" --role <role> [--role <role>…] [--password-stdin]',
  '  user list',
  '  user disable <name>        signs the person out everywhere',
  '  user enable <name>         also lifts a lock-out',
  '  user passwd <name> [--password-stdin]',
  '',
  `  roles: ${personRoleSchema.options.join(', ')}`,
  '  --data <folder>            the data folder (default ./.toancanh-data) [TOANCANH_DATA]',
  '  --password-stdin           read the password from standard input (else asked on the terminal, not echoed)',
].join('\n');

export const CLI_ACTOR: AuditActor = { kind: 'server', id: null, name: 'command line' };
const BY: ChangeBy = { actor: CLI_ACTOR, origin: { address: null, userAgent: 'toancanh-server user' } };

export interface UserCliIo {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Everything on standard input (--password-stdin). */
  readStdin: () => Promise<string>;
  /** Asks on the terminal without echo; null when there is no terminal. */
  askPassword: ((prompt: string) => Promise<string>) | null;
  scrypt?: ScryptParams;
}

interface Parsed {
  command: string;
  positional: string[];
  values: Map<string, string[]>;
  passwordStdin: boolean;
}

const VALUE_FLAGS = new Set(['--username', '--name', '--role', '--data']);

function parse(argv: readonly string[]): Parsed | string {
  const [command, ...rest] = argv;
  if (!command) return 'a command is needed: add, list, disable, enable or passwd';
  const parsed: Parsed = { command, positional: [], values: new Map(), passwordStdin: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--password-stdin') {
      parsed.passwordStdin = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_FLAGS.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) return `${name} needs a value`;
      parsed.values.set(name, [...(parsed.values.get(name) ?? []), value]);
    } else if (arg.startsWith('-')) return `unknown option ${name}`;
    else parsed.positional.push(arg);
  }
  return parsed;
}

const one = (p: Parsed, flag: string): string | undefined => {
  const v = p.values.get(flag);
  return v?.[v.length - 1];
};

async function readPassword(p: Parsed, io: UserCliIo, forName: string): Promise<string> {
  if (p.passwordStdin) return (await io.readStdin()).replace(/\r?\n$/, '').split(/\r?\n/)[0] ?? '';
  if (!io.askPassword) throw new CliError('no terminal to ask the password on: pass --password-stdin and pipe it in');
  const first = await io.askPassword(`Mật khẩu cho ${forName} / password for ${forName}: `);
  const again = await io.askPassword('Nhập lại / again: ');
  if (first !== again) throw new CliError('the two passwords differ; nothing was changed');
  return first;
}

class CliError extends Error {}

/** Returns the exit code: 0 done, 1 refused (with the reason on stderr), 2 bad arguments. */
export async function runUserCli(argv: readonly string[], io: UserCliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(`${USER_USAGE}\n`);
    return 0;
  }
  const p = parse(argv);
  if (typeof p === 'string') {
    io.err(`toancanh-server user: ${p}\n\n${USER_USAGE}\n`);
    return 2;
  }
  const dataDir = resolve(io.cwd, one(p, '--data') ?? (io.env.TOANCANH_DATA || '.toancanh-data'));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase(join(dataDir, 'toancanh.sqlite'));
  const users = new UserStore(db, new AuditLog(db), Date.now);
  const sessions = new SessionStore(db, Date.now);
  const scrypt = io.scrypt ?? DEFAULT_SCRYPT;
  const named = (): string => {
    const name = p.positional[0];
    if (!name || p.positional.length > 1) throw new CliError(`user ${p.command} takes one login name`);
    return name;
  };
  const find = (name: string) => users.byUsername(name) ?? (() => { throw new CliError(`no account "${name}" (user list shows them)`); })();
  try {
    switch (p.command) {
      case 'add': {
        if (p.positional.length) throw new CliError(`unexpected argument ${JSON.stringify(p.positional[0])}`);
        const input = { username: one(p, '--username') ?? '', displayName: one(p, '--name') ?? '', roles: p.values.get('--role') ?? [] };
        const shape = createUserSchema.omit({ password: true }).safeParse(input);
        if (!shape.success) throw new CliError(shape.error.issues.map((i) => `--${i.path[0] === 'displayName' ? 'name' : i.path[0] === 'roles' ? 'role' : String(i.path[0])}: ${i.message}`).join('; '));
        if (users.byUsername(shape.data.username)) throw new CliError(`the login name "${shape.data.username}" is taken`);
        const password = await readPassword(p, io, shape.data.username);
        const problem = passwordProblem(password);
        if (problem) throw new CliError(`password: ${problem}; nothing was changed`);
        const user = users.create({ ...shape.data, roles: shape.data.roles as PersonRole[], passwordHash: await hashPassword(password, scrypt) }, BY);
        io.out(`created ${user.username} (${user.displayName}): ${user.roles.join(', ')}\n`);
        return 0;
      }
      case 'list': {
        const list = users.list();
        if (list.length === 0) io.out('no accounts yet\n');
        for (const u of list) {
          const state = u.disabled ? 'disabled' : u.lockedUntil ? `locked until ${u.lockedUntil}` : 'active';
          io.out(`${u.username}\t${u.displayName}\t${u.roles.join(',')}\t${state}\tlast login ${u.lastLoginAt ?? 'never'}\n`);
        }
        return 0;
      }
      case 'disable':
      case 'enable': {
        const user = find(named());
        const disabled = p.command === 'disable';
        const ended = db.transaction(() => {
          users.update(user.id, { disabled }, BY);
          return disabled ? sessions.revokeUser(user.id, 'disabled') : [];
        })();
        io.out(`${user.username} ${disabled ? `disabled (${ended.length} session(s) ended)` : 'enabled'}\n`);
        return 0;
      }
      case 'passwd': {
        const user = find(named());
        const password = await readPassword(p, io, user.username);
        const problem = passwordProblem(password);
        if (problem) throw new CliError(`password: ${problem}; nothing was changed`);
        const hash = await hashPassword(password, scrypt);
        const ended = db.transaction(() => {
          users.setPassword(user.id, hash, BY);
          return sessions.revokeUser(user.id, 'password');
        })();
        io.out(`password of ${user.username} set (${ended.length} session(s) ended)\n`);
        return 0;
      }
      default:
        io.err(`toancanh-server user: unknown command ${JSON.stringify(p.command)}\n\n${USER_USAGE}\n`);
        return 2;
    }
  } catch (error) {
    if (error instanceof CliError) io.err(`toancanh-server user: ${error.message}\n`);
    else if (error instanceof HttpFailure) io.err(`toancanh-server user: ${error.error.message_en}\n  ${error.error.message_vi}\n`);
    else throw error;
    return 1;
  } finally {
    db.close();
  }
}

/** A password typed on the terminal, not echoed (raw mode; Ctrl+C aborts). */
export function terminalPassword(input: NodeJS.ReadStream, output: NodeJS.WriteStream): ((prompt: string) => Promise<string>) | null {
  if (!input.isTTY) return null;
  return (prompt) =>
    new Promise((resolvePassword, reject) => {
      output.write(prompt);
      let typed = '';
      input.setRawMode(true);
      input.resume();
      input.setEncoding('utf8');
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') {
            done();
            output.write('\n');
            return resolvePassword(typed);
          }
          if (ch === '\u0003') {
            done();
            return reject(new CliError('cancelled'));
          }
          if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
          else if (typed.length < 1024) typed += ch;
        }
      };
      const done = () => {
        input.off('data', onData);
        input.setRawMode(false);
        input.pause();
      };
      input.on('data', onData);
    });
}

export async function readAllStdin(input: NodeJS.ReadStream, limit = 64 * 1024): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.length > limit) break;
  }
  return text;
}
