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
    throw new StartupError(`cannot open the database ${file}: ${(error as Error).message}; check --data`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, steps);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
