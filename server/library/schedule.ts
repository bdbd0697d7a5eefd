import type { LiveStatus, StoredSchedule } from '../../shared/api/schedule';
import { fieldError, validationError, type FieldError } from '../../shared/errors';
import { validateWith } from '../../shared/layout/load';
import { nextBoundary, scheduleSchema, slotAt, type LayoutRef, type Schedule, type Slot } from '../../shared/schedule/slots';
import type { Logger } from '../../shared/log';
import { SERVER_ACTOR, NO_ORIGIN, type AuditLog } from '../audit/log';
import type { Db } from '../db/open';
import { fail } from '../http/reply';
import type { LiveSource, WallStateStore } from '../wall/state';
import type { Author, LayoutLibrary } from './store';

interface Override {
  by: string;
  since: string;
  /** Epoch ms of the slot boundary that ends it; null: until released. */
  until: number | null;
}

interface Row {
  slots: string;
  fallback: string | null;
  override: string | null;
  updated_at: string | null;
  updated_by: string | null;
}

/** The longest a timer sleeps before it looks again (setTimeout's limit is about 24.8 days; a day keeps it simple). */
const MAX_SLEEP_MS = 24 * 60 * 60 * 1000;

/**
 * What the wall shows and why: publishing one version (a manual push, which holds until
 * the schedule's next boundary or a release) and the schedule's slots (UTC+7). The switch
 * at a boundary is `tick()`, run by a timer armed for the next boundary and re-armed after
 * every change and at start-up; tests move the injected clock and call `tick()` directly.
 */
export class Publisher {
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly library: LayoutLibrary,
    private readonly wall: WallStateStore,
    private readonly audit: AuditLog,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {
    this.db.prepare("INSERT OR IGNORE INTO schedule (id, slots) VALUES (1, '[]')").run();
    library.liveOf = () => {
      const record = wall.record();
      return { layoutId: record.layout.id, version: record.layoutVersion };
    };
  }

  /** Catches up with the schedule (the server may have been down over a boundary), then arms the timer. */
  start(): void {
    this.tick();
  }

  stop(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  schedule(): StoredSchedule {
    const row = this.row();
    return { slots: JSON.parse(row.slots) as Slot[], fallback: row.fallback ? (JSON.parse(row.fallback) as LayoutRef) : null, updatedAt: row.updated_at, updatedBy: row.updated_by };
  }

  /** Replaces the schedule: checked whole (slots, overlaps, layouts and pinned versions that exist), then the wall follows it. */
  updateSchedule(body: unknown, author: Author): StoredSchedule {
    const checked = validateWith(scheduleSchema, body);
    if (!checked.ok) fail('schedule.invalid', { count: checked.total }, { errors: checked.errors.map((e) => validationError(e.path, e.message)), total: checked.total });
    const next = checked.value;
    const errors = this.referenceErrors(next);
    if (errors.length > 0) fail('schedule.invalid', { count: errors.length }, { errors });
    const result = this.db.transaction(() => {
      const before = this.schedule();
      const override = this.override();
      // A hold ends at the next boundary of the schedule now in force.
      const until = override ? (nextBoundary(next.slots, this.now())?.at ?? null) : null;
      this.db
        .prepare('UPDATE schedule SET slots = ?, fallback = ?, override = ?, updated_at = ?, updated_by = ? WHERE id = 1')
        .run(JSON.stringify(next.slots), next.fallback ? JSON.stringify(next.fallback) : null, override ? JSON.stringify({ ...override, until }) : null, new Date(this.now()).toISOString(), author.actor.name);
      this.audit.record({
        ...author,
        action: 'schedule.update',
        objectType: 'schedule',
        objectId: null,
        diff: { slots: { from: before.slots.length, to: next.slots.length }, ids: next.slots.map((s) => s.id).slice(0, 50), fallback: { from: before.fallback, to: next.fallback } },
      });
      return this.schedule();
    })();
    this.tick();
    return result;
  }

  /** "Đưa lên tường": one version live on every wall window, holding until the next boundary. */
  /**
   * The version `publish` would put live, or the refusal it would give (a layout in the bin,
   * an unknown version), without changing anything: a briefing checks its scene with it
   * before the wall windows are told to switch.
   */
  publishable(layoutId: string, version: number): ReturnType<LayoutLibrary['version']> {
    if (this.library.get(layoutId).deletedAt) fail('layout.in_bin', { id: layoutId });
    return this.library.version(layoutId, version);
  }

  publish(layoutId: string, version: number, author: Author): LiveStatus {
    this.db.transaction(() => {
      const stored = this.publishable(layoutId, version);
      const slots = this.schedule().slots;
      const until = nextBoundary(slots, this.now())?.at ?? null;
      const since = new Date(this.now()).toISOString();
      this.db.prepare('UPDATE schedule SET override = ? WHERE id = 1').run(JSON.stringify({ by: author.actor.name, since, until } satisfies Override));
      const from = this.wall.record();
      this.audit.record({ ...author, action: 'layout.publish', objectType: 'layout', objectId: layoutId, diff: { version, from: { layoutId: from.layout.id, version: from.layoutVersion } } });
      if (slots.length > 0 || this.schedule().fallback) {
        this.audit.record({ ...author, action: 'schedule.override', objectType: 'schedule', objectId: null, diff: { layoutId, version, until: until === null ? null : new Date(until).toISOString() } });
      }
      this.wall.setLayout(stored.document, { by: author.actor.name, reason: `đưa lên tường: ${layoutId} phiên bản ${version}`, layoutVersion: version, live: { source: 'manual', slotId: null } });
    })();
    this.arm();
    return this.live();
  }

  /**
   * A document from PUT /api/v1/wall/layout (scripts, curl): stored as a version of its
   * layout and published, in one transaction. A template's or a binned layout's id with a
   * document that differs is published without a version (templates stay read-only).
   */
  publishDocument(document: Parameters<LayoutLibrary['saveFromOutside']>[0], author: Author, reason: string, by = author.actor.name): ReturnType<WallStateStore['setLayout']> {
    return this.db.transaction(() => {
      const stored = this.library.saveFromOutside(document, author, reason);
      // Unversioned too (a template's id with other content): every accepted change has its row.
      this.audit.record({ ...author, action: 'layout.publish', objectType: 'layout', objectId: document.id, diff: { version: stored.version, created: stored.created, via: reason } });
      const since = new Date(this.now()).toISOString();
      this.db.prepare('UPDATE schedule SET override = ? WHERE id = 1').run(JSON.stringify({ by: author.actor.name, since, until: nextBoundary(this.schedule().slots, this.now())?.at ?? null } satisfies Override));
      return this.wall.setLayout(document, { by, reason, layoutVersion: stored.version, live: { source: 'manual', slotId: null } });
    })();
  }

  /** Ends a manual hold: the schedule chooses again now. */
  release(author: Author): LiveStatus {
    const override = this.override();
    if (!override) fail('schedule.no_override');
    this.db.transaction(() => {
      this.db.prepare('UPDATE schedule SET override = NULL WHERE id = 1').run();
      this.audit.record({ ...author, action: 'schedule.release', objectType: 'schedule', objectId: null, diff: { override: { by: override.by, since: override.since } } });
    })();
    this.tick();
    return this.live();
  }

  /** Why a layout may not go to the bin: the wall shows it, or the schedule names it. */
  uses(id: string): string | null {
    if (this.wall.record().layout.id === id) return 'live on the wall';
    const schedule = this.schedule();
    const slot = schedule.slots.find((s) => s.layoutId === id);
    if (slot) return `schedule slot ${slot.id}`;
    if (schedule.fallback?.layoutId === id) return 'schedule fallback';
    return null;
  }

  /**
   * Puts live what the schedule says now, unless a manual push holds (a hold past its
   * boundary ends here), then re-arms the timer. A slot's layout goes live once, at its
   * start: its newest version then, or the pinned one.
   */
  tick(): void {
    if (this.closed) return;
    const now = this.now();
    const override = this.override();
    if (override && override.until !== null && override.until <= now) {
      this.db.transaction(() => {
        this.db.prepare('UPDATE schedule SET override = NULL WHERE id = 1').run();
        this.audit.record({
          actor: SERVER_ACTOR,
          origin: NO_ORIGIN,
          action: 'schedule.release',
          objectType: 'schedule',
          objectId: null,
          diff: { override: { by: override.by, since: override.since }, reason: 'slot boundary' },
        });
      })();
    }
    if (!this.override()) this.follow(now);
    this.arm();
  }

  live(): LiveStatus {
    const record = this.wall.record();
    const schedule = this.schedule();
    const override = this.override();
    const now = this.now();
    const boundary = nextBoundary(schedule.slots, now);
    const nextRef = boundary ? (boundary.slot ? { layoutId: boundary.slot.layoutId, version: boundary.slot.version } : schedule.fallback) : null;
    return {
      layoutId: record.layout.id,
      version: record.layoutVersion,
      title: record.layout.title,
      source: record.live.source,
      slotId: record.live.slotId,
      by: record.changedBy,
      since: record.changedAt,
      reason: record.reason,
      override: override ? { by: override.by, since: override.since, until: override.until === null ? null : new Date(override.until).toISOString() } : null,
      next: boundary
        ? { at: new Date(boundary.at).toISOString(), slotId: boundary.slot?.id ?? null, layoutId: nextRef?.layoutId ?? null, version: nextRef?.version ?? null }
        : null,
      wallRevision: record.revision,
    };
  }

  private follow(now: number): void {
    const schedule = this.schedule();
    const slot = slotAt(schedule.slots, now);
    const want: (LayoutRef & LiveSource) | null = slot
      ? { layoutId: slot.layoutId, version: slot.version, source: 'schedule', slotId: slot.id }
      : schedule.fallback
        ? { ...schedule.fallback, source: 'fallback', slotId: null }
        : null;
    if (!want) return;
    const current = this.wall.record();
    // Already live for this reason: a save during the slot does not switch the wall.
    if (
      current.live.source === want.source &&
      current.live.slotId === want.slotId &&
      current.layout.id === want.layoutId &&
      (want.version === null || current.layoutVersion === want.version)
    ) {
      return;
    }
    const layout = this.library.find(want.layoutId);
    if (!layout || layout.deletedAt) {
      this.log.warn('schedule: the layout of this slot is missing or in the bin; the wall keeps what it shows', { slot: want.slotId, layout: want.layoutId });
      return;
    }
    const version = want.version ?? layout.headVersion;
    const stored = this.library.version(want.layoutId, version);
    this.db.transaction(() => {
      this.audit.record({
        actor: SERVER_ACTOR,
        origin: NO_ORIGIN,
        action: 'layout.publish',
        objectType: 'layout',
        objectId: want.layoutId,
        diff: { version, source: want.source, slotId: want.slotId, from: { layoutId: current.layout.id, version: current.layoutVersion } },
      });
      const reason = want.source === 'schedule' ? `lịch: khung ${want.slotId}` : 'lịch: ngoài các khung giờ';
      this.wall.setLayout(stored.document, { by: 'server', reason, layoutVersion: version, live: { source: want.source, slotId: want.slotId } });
    })();
    this.log.info('schedule: switched the wall', { layout: want.layoutId, version, slot: want.slotId, source: want.source });
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed) return;
    const now = this.now();
    const boundary = nextBoundary(this.schedule().slots, now);
    const until = this.override()?.until ?? null;
    const at = Math.min(boundary?.at ?? Infinity, until ?? Infinity);
    if (!Number.isFinite(at)) return;
    // A little past the boundary, so the clock reads inside the new slot.
    this.timer = setTimeout(() => this.tick(), Math.min(Math.max(0, at - now) + 5, MAX_SLEEP_MS));
    this.timer.unref();
  }

  private override(): Override | null {
    const text = this.row().override;
    return text ? (JSON.parse(text) as Override) : null;
  }

  private row(): Row {
    return this.db.prepare<[], Row>('SELECT slots, fallback, override, updated_at, updated_by FROM schedule WHERE id = 1').get()!;
  }

  private referenceErrors(schedule: Schedule): FieldError[] {
    const errors: FieldError[] = [];
    const refs: Array<[string, LayoutRef]> = schedule.slots.map((s, i) => [`$.slots[${i}]`, s]);
    if (schedule.fallback) refs.push(['$.fallback', schedule.fallback]);
    for (const [path, ref] of refs) {
      const layout = this.library.find(ref.layoutId);
      if (!layout || layout.deletedAt) errors.push(fieldError(`${path}.layoutId`, 'schedule.unknown_layout', { id: ref.layoutId }));
      else if (ref.version !== null && ref.version > layout.headVersion) errors.push(fieldError(`${path}.version`, 'schedule.unknown_version', { id: ref.layoutId, version: ref.version }));
    }
    return errors.slice(0, 100);
  }
}
