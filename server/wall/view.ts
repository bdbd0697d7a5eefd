import {
  applyViewPatch,
  LIVE_NATIONAL_VIEW,
  sameView,
  wallViewPatchSchema,
  wallViewSchema,
  type WallView,
  type WallViewEvent,
  type WallViewPatch,
} from '../../shared/wall/view';
import { NO_ORIGIN, type AuditActor, type AuditLog, type AuditOrigin } from '../audit/log';
import type { Store } from '../db/store';
import { fail } from '../http/reply';
import type { WallStateStore } from './state';

/** Who commands a view change: the audit log's actor and origin, and a reason for the record. */
export interface ViewActor {
  actor: AuditActor;
  origin?: AuditOrigin;
  /** 'PUT /api/v1/wall/view', 'briefing scene 3' … (kept in the audit diff). */
  reason?: string;
}

/** Key in server_state (migration 1): one small JSON value, written with its audit row. */
const STATE_KEY = 'wall.view';

/**
 * The wall's view (freeze, province drill-down, enlarged tile), owned by the server: kept
 * in server_state so a restart keeps a frozen or drilled wall as it was, audited with its
 * author in the same transaction, and pushed to every /control socket by the listeners.
 * `setWallView` is the one way to change it: the REST routes and the briefing runner
 * (a scene's focus, when it commits) both call it.
 */
export class WallViewStore {
  private current: WallViewEvent;
  private readonly listeners = new Set<(view: WallViewEvent) => void>();

  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly wall: WallStateStore,
    private readonly now: () => number = Date.now,
    warn: (message: string, details: Record<string, unknown>) => void = () => {},
  ) {
    this.current = this.readStored(warn);
  }

  get(): WallViewEvent {
    return this.current;
  }

  onChange(listener: (view: WallViewEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Apply a patch (validated here too: the briefing runner's scenes come from the store,
   * not a route). An enlarged tile must be a tile of the live layout. A patch that changes
   * nothing is not a change: no revision, no audit row, no push. A refusal throws the
   * HttpFailure a route answers with (422), whoever called.
   */
  setWallView(patch: WallViewPatch, who: ViewActor): { changed: boolean; view: WallViewEvent } {
    const parsed = wallViewPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const detail = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || 'view'}: ${i.message}`).join('; ');
      fail('wall.view_invalid', { detail });
    }
    const tileId = parsed.data.enlargedTileId;
    if (tileId != null && !this.wall.get().layout.tiles.some((t) => t.id === tileId)) {
      fail('wall.view_tile_unknown', { id: tileId, layout: this.wall.get().layout.id });
    }
    const at = new Date(this.now()).toISOString();
    const next = applyViewPatch(this.current, parsed.data, { at, seq: this.store.changes.head() });
    if (sameView(next, this.current)) return { changed: false, view: this.current };
    const event: WallViewEvent = { ...next, revision: this.current.revision + 1, by: who.actor.name, changedAt: at };
    this.store.db.transaction(() => {
      this.store.setState(STATE_KEY, JSON.stringify(event));
      this.audit.record({
        actor: who.actor,
        origin: who.origin ?? NO_ORIGIN,
        action: 'wall.view',
        objectType: 'wall',
        objectId: null,
        diff: { from: plain(this.current), to: next, ...(who.reason ? { reason: who.reason } : {}) },
      });
    })();
    this.current = event;
    for (const listener of this.listeners) listener(event);
    return { changed: true, view: event };
  }

  /** A stored view that no longer reads (a province code retired…) starts live and national, reported. */
  private readStored(warn: (message: string, details: Record<string, unknown>) => void): WallViewEvent {
    const empty: WallViewEvent = { ...LIVE_NATIONAL_VIEW, revision: 0, by: null, changedAt: null };
    const text = this.store.getState(STATE_KEY);
    if (text === null) return empty;
    try {
      const raw = JSON.parse(text) as Record<string, unknown>;
      const view = wallViewSchema.parse({ freeze: raw.freeze, province: raw.province, enlargedTileId: raw.enlargedTileId });
      const revision = typeof raw.revision === 'number' && Number.isInteger(raw.revision) && raw.revision >= 0 ? raw.revision : 0;
      return { ...view, revision, by: typeof raw.by === 'string' ? raw.by : null, changedAt: typeof raw.changedAt === 'string' ? raw.changedAt : null };
    } catch (err) {
      warn('the stored wall view cannot be used; the wall starts live and national', { err });
      return empty;
    }
  }
}

const plain = ({ freeze, province, enlargedTileId }: WallView): WallView => ({ freeze, province, enlargedTileId });
