import { validateLayout, validateWith, type ValidationError } from '../../shared/layout/load';
import type { Layout } from '../../shared/layout/schema';
import type { WallState } from '../../shared/protocol/control';
import { wallProfileSchema, type WallProfile } from '../../shared/wall/profile';
import type { Db } from '../db/open';

/** Who changed the wall state and through what: every change says it. */
export interface WallChange {
  /** A person's name or a token's label; 'server' for a start-up default. */
  by: string;
  /** 'PUT /api/v1/wall/layout', 'layout file …', 'command line', 'first start' … */
  reason: string;
  /** The library version of the layout set (null or absent: not from the library). */
  layoutVersion?: number | null;
  /** Why it is live (the schedule's live status); absent: 'other'. */
  live?: LiveSource;
}

/** Why the layout is live: a schedule slot, the schedule's fallback, a manual push, or anything else (a file, a first start). */
export interface LiveSource {
  source: 'schedule' | 'fallback' | 'manual' | 'other';
  slotId: string | null;
}
const OTHER: LiveSource = { source: 'other', slotId: null };

export interface WallStateRecord extends WallState {
  changedBy: string;
  changedAt: string;
  reason: string;
  layoutVersion: number | null;
  live: LiveSource;
}

interface Row {
  revision: number;
  profile: string;
  layout: string;
  changed_by: string;
  changed_at: string;
  reason: string;
  layout_version: number | null;
  live_source: string | null;
}

/** Revisions kept in wall_states: enough to look back over weeks of hand edits, bounded for a watched file saved in a loop. */
export const WALL_HISTORY_KEPT = 500;

export interface WallStateStartup {
  /** What the wall shows on a first start (an empty store). */
  defaults: { profile: WallProfile; layout: Layout };
  /**
   * What someone asked for explicitly at this start (a --profile or --layout flag, a
   * watched layout file): applied over the stored state, as a change, when it differs.
   * Defaults nobody chose never override what an operator set.
   */
  given?: { profile?: WallProfile; layout?: Layout };
  /** Where problems with the stored state are reported. */
  warn(message: string, details: Record<string, unknown>): void;
  now?: () => number;
}

/**
 * The wall's state, owned by the server: the active profile and layout and a revision that
 * rises with every accepted change. It lives in the store (wall_states), so what an
 * operator published is what the wall shows after a restart; the object keeps the current
 * row in memory for the hot path (every /control connection reads it) and writes through.
 *
 * One process owns it today. A second server process would have to learn of changes made
 * by the first (see docs/decisions/0006-shared-state.md): the listeners here are the one
 * place that would subscribe to the store's notifications instead.
 */
export class WallStateStore {
  private state: WallStateRecord;
  /** The wire view of `state`, one object per revision (callers may compare by identity). */
  private view: WallState;
  private readonly listeners = new Set<(state: WallState) => void>();
  private readonly latestStmt;
  private readonly insertStmt;
  private readonly pruneStmt;
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    startup: WallStateStartup,
  ) {
    this.now = startup.now ?? Date.now;
    this.latestStmt = db.prepare<[], Row>('SELECT * FROM wall_states ORDER BY revision DESC LIMIT 1');
    this.insertStmt = db.prepare(
      'INSERT INTO wall_states (revision, profile, layout, changed_by, changed_at, reason, layout_version, live_source) VALUES (@revision, @profile, @layout, @changed_by, @changed_at, @reason, @layout_version, @live_source)',
    );
    this.pruneStmt = db.prepare<[number]>('DELETE FROM wall_states WHERE revision <= ?');

    const stored = this.readStored(startup.warn);
    if (stored) {
      this.state = stored;
    } else {
      // First start, or a data folder from before wall states were kept: its revision
      // counter still rises, so no client sees the revision go backwards.
      const legacy = Number(db.prepare<[], string>("SELECT value FROM server_state WHERE key = 'wall.revision'").pluck().get() ?? 0);
      const latest = Number(db.prepare<[], number | null>('SELECT MAX(revision) FROM wall_states').pluck().get() ?? 0);
      this.state = this.insert(
        { revision: Math.max(legacy, latest) + 1, ...startup.defaults, layoutVersion: null },
        { by: 'server', reason: stored === null ? 'first start' : 'stored state unreadable' },
      );
    }
    this.view = this.wire(this.state);
    const given = startup.given ?? {};
    if (given.profile || given.layout) this.replace({ ...given }, { by: 'server', reason: 'command line' });
  }

  get(): WallState {
    return this.view;
  }

  /** The current state with who set it and when. */
  record(): WallStateRecord {
    return this.state;
  }

  setLayout(layout: Layout, change: WallChange): { changed: boolean; state: WallState } {
    return this.replace({ layout }, change);
  }

  setProfile(profile: WallProfile, change: WallChange): { changed: boolean; state: WallState } {
    return this.replace({ profile }, change);
  }

  onChange(listener: (state: WallState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The newest stored state, validated as any layout and profile are (a stored layout from
   * an older release is migrated by the layout loader). An unreadable row is reported and
   * left in place (nothing is deleted), and the caller falls back to the defaults.
   * Returns null for an empty table, undefined for an unreadable row.
   */
  private readStored(warn: WallStateStartup['warn']): WallStateRecord | null | undefined {
    const row = this.latestStmt.get();
    if (!row) return null;
    const errors: ValidationError[] = [];
    const profile = validateWith(wallProfileSchema, JSON.parse(row.profile));
    if (!profile.ok) errors.push(...profile.errors.map((e) => ({ ...e, path: `profile ${e.path}` })));
    const layout = validateLayout(JSON.parse(row.layout));
    if (!layout.ok) errors.push(...layout.errors.map((e) => ({ ...e, path: `layout ${e.path}` })));
    if (!profile.ok || !layout.ok) {
      warn('the stored wall state cannot be used; the wall starts from the configured profile and layout (the stored row is kept)', {
        revision: row.revision,
        errors: errors.slice(0, 20),
      });
      return undefined;
    }
    return {
      revision: row.revision,
      profile: profile.value,
      layout: layout.value,
      layoutVersion: row.layout_version,
      changedBy: row.changed_by,
      changedAt: row.changed_at,
      reason: row.reason,
      live: parseLive(row.live_source),
    };
  }

  /**
   * Applying what is already active (a saved-but-unchanged file) is not a change; the same
   * document as another library version, or live for another reason, is (the record says
   * which version and why).
   */
  private replace(part: Partial<Pick<WallState, 'profile' | 'layout'>>, change: WallChange): { changed: boolean; state: WallState } {
    const current = this.state;
    const profile = part.profile ?? current.profile;
    const layout = part.layout ?? current.layout;
    // A profile change keeps the layout's version and live reason.
    const layoutVersion = part.layout ? (change.layoutVersion ?? null) : current.layoutVersion;
    const live = part.layout ? (change.live ?? OTHER) : current.live;
    if (
      JSON.stringify(layout) === JSON.stringify(current.layout) &&
      JSON.stringify(profile) === JSON.stringify(current.profile) &&
      layoutVersion === current.layoutVersion &&
      (layoutVersion === null || (live.source === current.live.source && live.slotId === current.live.slotId))
    ) {
      return { changed: false, state: this.get() };
    }
    this.state = this.insert({ revision: current.revision + 1, profile, layout, layoutVersion }, { ...change, live });
    this.view = this.wire(this.state);
    const state = this.view;
    for (const listener of this.listeners) listener(state);
    return { changed: true, state };
  }

  private wire({ revision, profile, layout, layoutVersion }: WallStateRecord): WallState {
    return { revision, profile, layout, layoutVersion };
  }

  private insert(state: WallState & { layoutVersion: number | null }, change: WallChange): WallStateRecord {
    const record: WallStateRecord = {
      ...state,
      changedBy: change.by,
      changedAt: new Date(this.now()).toISOString(),
      reason: change.reason,
      live: change.live ?? OTHER,
    };
    this.db.transaction(() => {
      this.insertStmt.run({
        revision: record.revision,
        profile: JSON.stringify(record.profile),
        layout: JSON.stringify(record.layout),
        changed_by: record.changedBy,
        changed_at: record.changedAt,
        reason: record.reason,
        layout_version: record.layoutVersion,
        live_source: JSON.stringify(record.live),
      });
      this.pruneStmt.run(record.revision - WALL_HISTORY_KEPT);
    })();
    return record;
  }
}

function parseLive(text: string | null): LiveSource {
  if (text === null) return OTHER;
  const value = JSON.parse(text) as Partial<LiveSource>;
  const sources: readonly string[] = ['schedule', 'fallback', 'manual', 'other'];
  return { source: sources.includes(value.source ?? '') ? value.source! : 'other', slotId: typeof value.slotId === 'string' ? value.slotId : null };
}
