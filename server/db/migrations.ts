import { parsePeriod } from '../../shared/period';
import { StartupError } from '../errors';
import type { Db } from './open';

/**
 * The schema, as an ordered list of steps. Each step runs once, in its own transaction,
 * and is recorded in schema_migrations; a data folder is brought up to date on start.
 * Never edit a released step: append a new one (`{ version: 3, name, sql, up? }`); `up` is
 * an optional data step run after the SQL in the same transaction.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A data step run after `sql`, in the same transaction (e.g. filling a new column). */
  up?: (db: Db) => void;
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
  {
    version: 2,
    name: 'reporting: agencies, regimes, catalogue columns, submission revisions, demo tokens, compliance',
    sql: `
      -- Agencies and regimes mirror the catalogue (server/catalog/data, shared/agencies.ts);
      -- they are synchronised on every start. The v1 agencies table was never filled.
      DROP TABLE agencies;
      CREATE TABLE agencies (
        code         TEXT PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('ministry','ministry-level','ministry-unit','province')),
        name_vi      TEXT NOT NULL,
        name_en      TEXT NOT NULL,
        short_vi     TEXT NOT NULL,
        short_en     TEXT NOT NULL,
        parent       TEXT,
        region       TEXT NOT NULL,
        former_codes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(former_codes))
      ) STRICT;

      CREATE TABLE regimes (
        code           TEXT PRIMARY KEY,
        version        INTEGER NOT NULL,
        name_vi        TEXT NOT NULL,
        name_en        TEXT NOT NULL,
        kind           TEXT NOT NULL,
        owner          TEXT NOT NULL,
        periodicity    TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        document       TEXT NOT NULL CHECK (json_valid(document)),   -- the regime as in its catalogue file
        updated_at     TEXT NOT NULL
      ) STRICT;

      -- The catalogue's indicator attributes; field_group now holds a field code of Decision 293.
      ALTER TABLE indicators ADD COLUMN scope TEXT CHECK (scope IN ('national','province'));
      ALTER TABLE indicators ADD COLUMN source TEXT;
      ALTER TABLE indicators ADD COLUMN targets TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(targets));

      -- A submission of the same regime x agency x period is a revision (1, 2, ...), never an update.
      ALTER TABLE submissions ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE submissions ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
      ALTER TABLE submissions ADD COLUMN format TEXT NOT NULL DEFAULT 'json' CHECK (format IN ('json','csv'));
      ALTER TABLE submissions ADD COLUMN idempotency_key TEXT;
      ALTER TABLE submissions ADD COLUMN request_hash TEXT;
      ALTER TABLE submissions ADD COLUMN seq INTEGER;                 -- the change log head after its commit
      ALTER TABLE submissions ADD COLUMN recorded_at TEXT;           -- when the server stored it (receivedAt may be backdated: demo only)
      ALTER TABLE submissions ADD COLUMN value_count INTEGER NOT NULL DEFAULT 0;
      CREATE UNIQUE INDEX submissions_by_idempotency_key ON submissions (idempotency_key) WHERE idempotency_key IS NOT NULL;
      CREATE INDEX submissions_by_key ON submissions (regime, agency, period, received_at);
      CREATE INDEX submissions_by_received ON submissions (received_at);
      CREATE INDEX submissions_by_regime_received ON submissions (regime, received_at);

      -- The calendar extent of an observation's period, for from/to queries.
      ALTER TABLE observations ADD COLUMN period_start TEXT;
      ALTER TABLE observations ADD COLUMN period_end TEXT;
      CREATE INDEX observations_by_submission ON observations (submission_id);

      ALTER TABLE tokens ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));

      -- Compliance of every judged regime x agency x period, kept current by the server (see
      -- server/compliance). Timeliness is judged on the first accepted submission.
      CREATE TABLE compliance (
        regime              TEXT NOT NULL,
        agency              TEXT NOT NULL,
        period              TEXT NOT NULL,
        status              TEXT NOT NULL CHECK (status IN ('on-time','late','missing','not-due')),
        deadline            TEXT NOT NULL,             -- 23:59:59+07:00 of the deadline day
        deadline_ms         INTEGER NOT NULL,
        received_at         TEXT,                      -- the first accepted submission
        late_by_ms          INTEGER,
        revisions           INTEGER NOT NULL DEFAULT 0,
        first_submission_id TEXT,
        updated_at          TEXT NOT NULL,
        PRIMARY KEY (regime, agency, period)
      ) STRICT;
      CREATE INDEX compliance_by_status ON compliance (status, deadline_ms);
    `,
    up(db) {
      const rows = db.prepare<[], { id: number; period: string }>('SELECT id, period FROM observations').all();
      const set = db.prepare<[string, string, number]>('UPDATE observations SET period_start = ?, period_end = ? WHERE id = ?');
      for (const row of rows) {
        const p = parsePeriod(row.period);
        if (p) set.run(p.start, p.end, row.id);
      }
    },
  },
  {
    version: 3,
    name: 'wall state: the published profile and layout with who set them, kept across restarts',
    sql: `
      -- Every accepted change of the wall state is a row; the highest revision is what the
      -- wall shows. Until now only the revision survived a restart (server_state
      -- 'wall.revision'), so a layout set through the API was lost with the process.
      CREATE TABLE wall_states (
        revision   INTEGER PRIMARY KEY,
        profile    TEXT NOT NULL CHECK (json_valid(profile)),
        layout     TEXT NOT NULL CHECK (json_valid(layout)),
        changed_by TEXT NOT NULL,             -- a person or token label, or 'server' for a start-up default
        changed_at TEXT NOT NULL,             -- ISO 8601, UTC
        reason     TEXT NOT NULL              -- what changed it: 'PUT /api/v1/wall/layout', 'layout file', 'first start' …
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'agencies under the Government (kind government-agency)',
    sql: `
      -- SQLite cannot change a CHECK: the table is rebuilt with the new kind; the catalogue
      -- sync refills it on every start anyway.
      CREATE TABLE agencies_v4 (
        code         TEXT PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('ministry','ministry-level','government-agency','ministry-unit','province')),
        name_vi      TEXT NOT NULL,
        name_en      TEXT NOT NULL,
        short_vi     TEXT NOT NULL,
        short_en     TEXT NOT NULL,
        parent       TEXT,
        region       TEXT NOT NULL,
        former_codes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(former_codes))
      ) STRICT;
      INSERT INTO agencies_v4 SELECT code, kind, name_vi, name_en, short_vi, short_en, parent, region, former_codes FROM agencies;
      DROP TABLE agencies;
      ALTER TABLE agencies_v4 RENAME TO agencies;
    `,
  },
  {
    version: 5,
    name: 'audit log: every accepted change with who, when, from where and what changed',
    sql: `
      -- Written in the same transaction as the change it records (server/audit/log.ts);
      -- rows are never updated. The actor's name is copied in, so a row still says who
      -- after the account or token is renamed, disabled or revoked.
      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,                -- ISO 8601, UTC
        actor_kind  TEXT NOT NULL CHECK (actor_kind IN ('person','token','server')),
        actor_id    INTEGER,                      -- users.id or tokens.id; null for the server
        actor_name  TEXT NOT NULL,                -- display name or token label at the time
        address     TEXT,                         -- the request's address; null for the server
        user_agent  TEXT,
        action      TEXT NOT NULL,                -- 'layout.save', 'user.create', 'session.login' …
        object_type TEXT NOT NULL,                -- 'layout', 'user', 'session', 'wall', 'schedule' …
        object_id   TEXT,
        diff        TEXT CHECK (diff IS NULL OR json_valid(diff))
      ) STRICT;
      CREATE INDEX audit_log_actor  ON audit_log (actor_name, id);
      CREATE INDEX audit_log_object ON audit_log (object_type, object_id, id);
      CREATE INDEX audit_log_at     ON audit_log (at);
    `,
  },
  {
    version: 6,
    name: 'people: accounts, sessions, lock-out after wrong passwords',
    sql: `
      -- Console accounts (server/auth/users.ts). The password is an scrypt hash with its
      -- parameters (server/auth/passwords.ts). failed_logins counts wrong passwords in a
      -- row; locked_until (ISO 8601) ends the lock-out they cause.
      CREATE TABLE users (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        username      TEXT NOT NULL UNIQUE CHECK (username = lower(username)),
        display_name  TEXT NOT NULL,
        roles         TEXT NOT NULL CHECK (json_valid(roles) AND json_type(roles) = 'array'),
        password_hash TEXT NOT NULL,
        disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        last_login_at TEXT,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until  TEXT
      ) STRICT;

      -- Only the SHA-256 of the cookie's session id is kept (server/auth/sessions.ts).
      CREATE TABLE sessions (
        id                  INTEGER PRIMARY KEY AUTOINCREMENT,
        id_hash             TEXT NOT NULL UNIQUE,
        user_id             INTEGER NOT NULL REFERENCES users (id),
        csrf_token          TEXT NOT NULL,
        created_at          TEXT NOT NULL,
        last_seen_at        TEXT NOT NULL,
        idle_expires_at     TEXT NOT NULL,
        absolute_expires_at TEXT NOT NULL,
        address             TEXT,
        user_agent          TEXT,
        revoked_at          TEXT,
        revoked_reason      TEXT         -- 'logout', 'disabled', 'password', 'expired'
      ) STRICT;
      CREATE INDEX sessions_user ON sessions (user_id, revoked_at);
    `,
  },
  {
    version: 7,
    name: 'layout library: layouts, their versions (never changed), the schedule; the published version in the wall state',
    sql: `
      -- A layout's id is stable (schedules and the wall refer to it); its title may change.
      -- A template is a preset from layouts/ (read-only); deleted_at puts a layout in the bin.
      CREATE TABLE layouts (
        id           TEXT PRIMARY KEY,
        title        TEXT NOT NULL CHECK (json_valid(title)),
        template     INTEGER NOT NULL DEFAULT 0 CHECK (template IN (0, 1)),
        head_version INTEGER NOT NULL CHECK (head_version >= 1),
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        updated_by   TEXT NOT NULL,
        deleted_at   TEXT,
        deleted_by   TEXT
      ) STRICT;
      -- Every save is a row here; a row is never changed nor deleted (the triggers say so).
      CREATE TABLE layout_versions (
        layout_id TEXT NOT NULL REFERENCES layouts (id),
        version   INTEGER NOT NULL CHECK (version >= 1),
        document  TEXT NOT NULL CHECK (json_valid(document)),
        note      TEXT NOT NULL,
        by        TEXT NOT NULL,
        at        TEXT NOT NULL,
        PRIMARY KEY (layout_id, version)
      ) STRICT;
      CREATE TRIGGER layout_versions_no_update BEFORE UPDATE ON layout_versions
        BEGIN SELECT RAISE(ABORT, 'a layout version is never changed'); END;
      CREATE TRIGGER layout_versions_no_delete BEFORE DELETE ON layout_versions
        BEGIN SELECT RAISE(ABORT, 'a layout version is never deleted'); END;
      -- One row: the slots (UTC+7), what shows outside them, and a manual push's hold.
      CREATE TABLE schedule (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        slots      TEXT NOT NULL CHECK (json_valid(slots)),
        fallback   TEXT CHECK (fallback IS NULL OR json_valid(fallback)),
        override   TEXT CHECK (override IS NULL OR json_valid(override)),
        updated_at TEXT,
        updated_by TEXT
      ) STRICT;
      -- The library version a wall state shows (null: a file or the command line) and why
      -- it is live ({"source":"schedule","slotId":"sang"}, manual, fallback, other).
      ALTER TABLE wall_states ADD COLUMN layout_version INTEGER;
      ALTER TABLE wall_states ADD COLUMN live_source TEXT CHECK (live_source IS NULL OR json_valid(live_source));
    `,
  },
  {
    version: 8,
    name: 'tasks assigned by the Government and the Prime Minister, with the agencies\' progress',
    sql: `
      -- The status (on time, late, in progress, overdue) is not stored: it depends on today
      -- and on the holiday calendar, so it is computed on every read (shared/tasks/status.ts).
      CREATE TABLE tasks (
        id            INTEGER PRIMARY KEY,
        doc_number    TEXT NOT NULL,
        doc_date      TEXT NOT NULL,
        doc_kind      TEXT NOT NULL,
        title_vi      TEXT NOT NULL,
        title_en      TEXT,
        agency        TEXT NOT NULL,
        due_date      TEXT NOT NULL,
        progress      INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        note          TEXT,
        completed_on  TEXT,
        demo          INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
        version       INTEGER NOT NULL DEFAULT 1,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tasks_agency ON tasks (agency, due_date);
    `,
  },
  {
    version: 10,
    name: 'wall profiles: profiles, their versions (never changed), the active one',
    sql: `
      -- A profile's id is stable; its name may change with a version.
      CREATE TABLE wall_profiles (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        head_version INTEGER NOT NULL CHECK (head_version >= 1),
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        updated_by   TEXT NOT NULL
      ) STRICT;
      -- Every save is a row here; a row is never changed nor deleted (the triggers say so).
      CREATE TABLE wall_profile_versions (
        profile_id TEXT NOT NULL REFERENCES wall_profiles (id),
        version    INTEGER NOT NULL CHECK (version >= 1),
        document   TEXT NOT NULL CHECK (json_valid(document)),
        note       TEXT NOT NULL,
        by         TEXT NOT NULL,
        at         TEXT NOT NULL,
        PRIMARY KEY (profile_id, version)
      ) STRICT;
      CREATE TRIGGER wall_profile_versions_no_update BEFORE UPDATE ON wall_profile_versions
        BEGIN SELECT RAISE(ABORT, 'a wall profile version is never changed'); END;
      CREATE TRIGGER wall_profile_versions_no_delete BEFORE DELETE ON wall_profile_versions
        BEGIN SELECT RAISE(ABORT, 'a wall profile version is never deleted'); END;
      -- One row: the version the wall uses (its document is also in wall_states).
      CREATE TABLE wall_profile_active (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        profile_id TEXT NOT NULL,
        version    INTEGER NOT NULL,
        at         TEXT NOT NULL,
        by         TEXT NOT NULL,
        FOREIGN KEY (profile_id, version) REFERENCES wall_profile_versions (profile_id, version)
      ) STRICT;
    `,
  },
  // 11: the display fleet (issue 9); 12: briefings (issue 10); 13: the ranking flag (issue 13); 14: the briefing record of view changes (issue 10).
  {
    version: 11,
    name: 'display fleet: hosts seen with what they reported, their sightings, the map of displays to wall screens',
    sql: `
      -- One row per host ever seen; report is its last hello or status (bounded by shared/fleet/schema.ts).
      CREATE TABLE fleet_hosts (
        host_id     TEXT PRIMARY KEY,
        host_name   TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('agent','browser')),
        app_version TEXT NOT NULL,
        first_seen  TEXT NOT NULL,
        last_seen   TEXT NOT NULL,
        gone_at     TEXT,
        report      TEXT NOT NULL CHECK (json_valid(report))
      ) STRICT;
      -- Every hello (first-seen, seen) and every last goodbye (gone), with what the host said.
      CREATE TABLE fleet_sightings (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        host_id TEXT NOT NULL REFERENCES fleet_hosts (host_id),
        event   TEXT NOT NULL CHECK (event IN ('first-seen','seen','gone')),
        at      TEXT NOT NULL,
        report  TEXT NOT NULL CHECK (json_valid(report))
      ) STRICT;
      CREATE INDEX fleet_sightings_by_host ON fleet_sightings (host_id, id);
      -- Which display of which host shows each wall screen; a display shows one screen.
      CREATE TABLE fleet_assignments (
        screen_id  TEXT PRIMARY KEY,
        host_id    TEXT NOT NULL,
        display_id INTEGER NOT NULL,
        by         TEXT NOT NULL,
        at         TEXT NOT NULL,
        UNIQUE (host_id, display_id)
      ) STRICT;
    `,
  },
  {
    version: 12,
    name: 'briefings: briefings, their versions (never changed), runs and what the wall showed',
    sql: `
      -- A briefing's id is stable (runs and the evidence refer to it); its name may change with a version.
      CREATE TABLE briefings (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        head_version INTEGER NOT NULL CHECK (head_version >= 1),
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        updated_by   TEXT NOT NULL
      ) STRICT;
      -- Every save is a row here; a row is never changed nor deleted (the triggers say so).
      CREATE TABLE briefing_versions (
        briefing_id TEXT NOT NULL REFERENCES briefings (id),
        version     INTEGER NOT NULL CHECK (version >= 1),
        document    TEXT NOT NULL CHECK (json_valid(document)),
        note        TEXT NOT NULL,
        by          TEXT NOT NULL,
        at          TEXT NOT NULL,
        PRIMARY KEY (briefing_id, version)
      ) STRICT;
      CREATE TRIGGER briefing_versions_no_update BEFORE UPDATE ON briefing_versions
        BEGIN SELECT RAISE(ABORT, 'a briefing version is never changed'); END;
      CREATE TRIGGER briefing_versions_no_delete BEFORE DELETE ON briefing_versions
        BEGIN SELECT RAISE(ABORT, 'a briefing version is never deleted'); END;
      -- One row per run of a version; the run in progress has no ended_at (at most one).
      -- position holds where it is ({"index":2,"held":false,"remainingMs":null,"sceneSince":…})
      -- so a restart resumes the run where it was.
      CREATE TABLE briefing_runs (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        briefing_id TEXT NOT NULL,
        version     INTEGER NOT NULL,
        started_at  TEXT NOT NULL,
        started_by  TEXT NOT NULL,
        ended_at    TEXT,
        ended_by    TEXT,
        position    TEXT NOT NULL CHECK (json_valid(position)),
        FOREIGN KEY (briefing_id, version) REFERENCES briefing_versions (briefing_id, version)
      ) STRICT;
      CREATE UNIQUE INDEX briefing_runs_one_open ON briefing_runs ((ended_at IS NULL)) WHERE ended_at IS NULL;
      -- The evidence: which scene, focus and data the wall showed, from when to when, on whose command.
      -- data_seq is the change-log sequence shown (the freeze's when frozen); frozen_at the freeze's time.
      CREATE TABLE briefing_shown (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id         INTEGER NOT NULL REFERENCES briefing_runs (id),
        scene_index    INTEGER NOT NULL CHECK (scene_index >= 0),
        scene_id       TEXT NOT NULL,
        scene_title    TEXT NOT NULL,
        layout_id      TEXT NOT NULL,
        layout_version INTEGER NOT NULL,
        focus          TEXT NOT NULL CHECK (json_valid(focus)),
        data_seq       INTEGER NOT NULL,
        frozen_at      TEXT,
        from_at        TEXT NOT NULL,
        to_at          TEXT,
        commanded_by   TEXT NOT NULL,
        acks           INTEGER NOT NULL,
        windows        INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX briefing_shown_by_run ON briefing_shown (run_id, id);
      -- A shown row is closed once (to_at) and otherwise never changed nor deleted.
      CREATE TRIGGER briefing_shown_no_rewrite BEFORE UPDATE ON briefing_shown
        WHEN OLD.to_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.run_id IS NOT OLD.run_id OR NEW.scene_id IS NOT OLD.scene_id
          OR NEW.from_at IS NOT OLD.from_at OR NEW.data_seq IS NOT OLD.data_seq OR NEW.focus IS NOT OLD.focus OR NEW.commanded_by IS NOT OLD.commanded_by
        BEGIN SELECT RAISE(ABORT, 'what the wall showed is never rewritten'); END;
      CREATE TRIGGER briefing_shown_no_delete BEFORE DELETE ON briefing_shown
        BEGIN SELECT RAISE(ABORT, 'what the wall showed is never deleted'); END;
    `,
  },
  {
    version: 13,
    name: 'indicators: the ranking flag (PCI, PAPI, PAR Index, SIPAS, the service index)',
    sql: `
      ALTER TABLE indicators ADD COLUMN ranking INTEGER NOT NULL DEFAULT 0 CHECK (ranking IN (0, 1));
    `,
  },
  {
    version: 14,
    name: 'briefings: what the wall showed also when the presenter froze, drilled down or enlarged a tile within a scene',
    sql: `
      -- cause: 'scene' (a scene went up; the view is the scene's focus) or 'view' (the view changed
      -- within the scene: a freeze, a return to live, a province, a tile). A 'view' row keeps the
      -- view the wall had in province and enlarged_tile_id (both may be set at once).
      ALTER TABLE briefing_shown ADD COLUMN cause TEXT NOT NULL DEFAULT 'scene' CHECK (cause IN ('scene', 'view'));
      ALTER TABLE briefing_shown ADD COLUMN province TEXT;
      ALTER TABLE briefing_shown ADD COLUMN enlarged_tile_id TEXT;
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
      'startup.database_newer',
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const step of [...steps].sort((a, b) => a.version - b.version)) {
    if (done.has(step.version)) continue;
    db.transaction(() => {
      db.exec(step.sql);
      step.up?.(db);
      record.run(step.version, step.name, new Date().toISOString());
    })();
    applied.push(step.version);
  }
  return applied;
}
