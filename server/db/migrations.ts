import type { Db } from './open';
import { StartupError } from '../errors';

/**
 * The schema, as an ordered list of steps. Each step runs once, in its own transaction,
 * and is recorded in schema_migrations; a data folder is brought up to date on start.
 * Never edit a released step: append a new one (the regimes/agencies/compliance work is
 * the next step, e.g. `{ version: 2, name: 'regimes', sql: ... }`).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: 'core: indicators, agencies, submissions, observations, change log, tokens',
    sql: `
      CREATE TABLE indicators (
        code        TEXT PRIMARY KEY,
        name_vi     TEXT NOT NULL,
        name_en     TEXT NOT NULL,
        unit        TEXT NOT NULL,
        periodicity TEXT NOT NULL CHECK (periodicity IN ('month','quarter','half-year','nine-months','year','ad-hoc')),
        direction   TEXT NOT NULL CHECK (direction IN ('up','down','neutral')),
        field_group TEXT                       -- one of the 9 fields of Decision 293/QĐ-TTg, when known
      ) STRICT;

      -- Filled by the agencies/regimes step; kind's vocabulary is theirs (no CHECK to rebuild).
      CREATE TABLE agencies (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL
      ) STRICT;

      -- One row per accepted report; a refused report is stored nowhere.
      CREATE TABLE submissions (
        id          TEXT PRIMARY KEY,          -- UUID
        agency      TEXT NOT NULL,
        regime      TEXT,
        period      TEXT NOT NULL,
        received_at TEXT NOT NULL,             -- ISO 8601, UTC
        status      TEXT NOT NULL,             -- 'received' until regimes give deadlines (on-time/late)
        token_id    INTEGER,                   -- who sent it
        payload     TEXT NOT NULL CHECK (json_valid(payload))
      ) STRICT;
      CREATE INDEX submissions_by_agency ON submissions (agency, period);

      -- Every vintage is kept: a revision is a new row, never an update. The newest row
      -- (highest id) of an indicator x region x period is the current figure.
      CREATE TABLE observations (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        indicator     TEXT NOT NULL REFERENCES indicators (code),
        region        TEXT NOT NULL,
        period        TEXT NOT NULL,
        value         REAL,                    -- NULL: reported as "no data"
        vintage       TEXT NOT NULL,           -- release time, ISO 8601
        status        TEXT NOT NULL CHECK (status IN ('estimate','official')),
        demo          INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
        submission_id TEXT REFERENCES submissions (id),
        agency        TEXT,
        regime        TEXT,
        source        TEXT,
        recorded_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX observations_by_key ON observations (indicator, region, period, id);

      -- The feed's sequence: AUTOINCREMENT never reuses a number, so a client's lastSeq
      -- stays meaningful across restarts (and would even if old rows were pruned). No CHECK
      -- on kind: new kinds of change (compliance) must not need a table rebuild.
      CREATE TABLE change_log (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        kind       TEXT NOT NULL,
        payload    TEXT NOT NULL CHECK (json_valid(payload)),
        created_at TEXT NOT NULL
      ) STRICT;

      -- Only the SHA-256 of a token is stored; the token itself is shown once.
      CREATE TABLE tokens (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        hash       TEXT NOT NULL UNIQUE,
        role       TEXT NOT NULL CHECK (role IN ('admin','operator','wall','submitter')),
        agency     TEXT,
        label      TEXT NOT NULL,
        bootstrap  TEXT UNIQUE CHECK (bootstrap IN ('admin','wall')),  -- the tokens from env/data folder
        created_at TEXT NOT NULL,
        revoked_at TEXT,
        CHECK ((role = 'submitter') = (agency IS NOT NULL))
      ) STRICT;

      -- Small server-owned values that must survive restarts (e.g. the wall state revision).
      CREATE TABLE server_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
];

export function migrate(db: Db, steps: ReadonlyArray<Migration> = migrations): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]));
  const known = Math.max(0, ...steps.map((s) => s.version));
  const newest = Math.max(0, ...done);
  if (newest > known) {
    throw new StartupError(
      `the database was written by a newer version of Toàn Cảnh (schema ${newest}; this one knows up to ${known}); use a newer server or another --data folder`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const step of [...steps].sort((a, b) => a.version - b.version)) {
    if (done.has(step.version)) continue;
    db.transaction(() => {
      db.exec(step.sql);
      record.run(step.version, step.name, new Date().toISOString());
    })();
    applied.push(step.version);
  }
  return applied;
}
