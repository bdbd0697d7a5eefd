import Database from 'better-sqlite3';
import { migrate, type Migration, migrations } from './migrations';
import { StartupError } from '../errors';

export type Db = Database.Database;

/**
 * Opens (or creates) the store. WAL lets readers (HTTP reads, snapshots) run beside the
 * single writer; the default synchronous=FULL keeps every committed report across a power
 * cut, which matters more here than write throughput (reports are few, reads many).
 */
export function openDatabase(file: string, steps: ReadonlyArray<Migration> = migrations): Db {
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    const mapped = startupErrorOf(error, file);
    throw mapped instanceof StartupError ? mapped : new StartupError(`cannot open the database ${file}: ${(error as Error).message}; check --data`, 'startup.data_folder');
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Reading the schema proves it is a database at all; migrate() then runs each step in a
    // transaction, so a failure leaves the store at the last whole step, never half-migrated.
    migrate(db, steps);
    return db;
  } catch (error) {
    db.close();
    throw startupErrorOf(error, file);
  }
}

/**
 * SQLite's own words ("file is not a database", "attempt to write a readonly database")
 * become one sentence for whoever starts the server: which file, what is wrong, what to do.
 * Anything else is passed on unchanged (the CLI prints it with its stack: a bug, not a fault
 * of the data folder).
 */
export function startupErrorOf(error: unknown, file: string): unknown {
  if (error instanceof StartupError) return error;
  const code = (error as { code?: unknown }).code;
  const said = (error as Error).message;
  if (code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))) {
    return new StartupError(
      `the database ${file} is damaged or is not a Toàn Cảnh database (SQLite: ${said}); stop every server using it, move it aside and restore the latest backup, or start with another --data folder`,
      'startup.database_damaged',
    );
  }
  if (typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code === 'SQLITE_AUTH')) {
    return new StartupError(
      `cannot write the database ${file}: the file or its folder is read-only for this user (SQLite: ${said}); give the server's user write access to the folder and the file, or start with another --data folder`,
      'startup.database_read_only',
    );
  }
  if (code === 'SQLITE_FULL' || (typeof code === 'string' && code.startsWith('SQLITE_IOERR'))) {
    return new StartupError(
      `cannot write the database ${file}: the disk is full or failing (SQLite: ${said}); free space on that disk or start with another --data folder`,
      'startup.disk_full',
    );
  }
  return error;
}
