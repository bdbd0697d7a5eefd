import { appError } from '../../shared/errors';
import type { Logger } from '../../shared/log';
import type { Namespace, Socket } from 'socket.io';
import {
  subscribeRequestSchema,
  type Change,
  type FeedClientToServer,
  type FeedServerToClient,
  type SubscribeReply,
  type SubscribeRequest,
} from '../../shared/protocol/feed';
import type { ComplianceEntryWire, RegimeMeta } from '../../shared/protocol/compliance';
import type { Task } from '../../shared/tasks/schema';
import type { Store } from '../db/store';
import type { SocketAuthData } from '../auth/guard';

/** What a snapshot carries for a client that subscribed to compliance. */
export interface ComplianceSource {
  /** Brings the statuses up to the clock (may commit, and so publish, compliance changes). */
  catchUp(): void;
  snapshotEntries(): ComplianceEntryWire[];
  regimeMetas(): RegimeMeta[];
  /** The task register, sent with compliance (server/tasks/store.ts). */
  tasks?(): Task[];
}

export type FeedSocket = Socket<FeedClientToServer, FeedServerToClient, Record<string, never>, SocketAuthData>;
export type FeedNamespace = Namespace<FeedClientToServer, FeedServerToClient, Record<string, never>, SocketAuthData>;

export interface FeedOptions {
  /** A gap longer than this is answered with a snapshot instead of a replay. */
  replayCap: number;
  /** Changes per replay batch. */
  batchSize: number;
}

export const DEFAULT_FEED_OPTIONS: FeedOptions = { replayCap: 50_000, batchSize: 1_000 };

interface Filter {
  indicators: ReadonlySet<string> | null;
  regions: ReadonlySet<string> | null;
  /** Whether the client asked for the other kinds of change (reporting compliance). */
  others: boolean;
}

function matches(filter: Filter, change: Change): boolean {
  if (change.kind === 'indicator') return !filter.indicators || filter.indicators.has(change.indicator.code);
  if (change.kind === 'observation') {
    const o = change.observation;
    return (!filter.indicators || filter.indicators.has(o.indicator)) && (!filter.regions || filter.regions.has(o.region));
  }
  // Kinds beyond data (compliance) go only to clients that subscribed to them.
  return filter.others;
}

/** Whether everything `next` lets through, `previous` let through too. */
function covers(previous: Filter, next: Filter): boolean {
  const within = (old: ReadonlySet<string> | null, wanted: ReadonlySet<string> | null) =>
    old === null || (wanted !== null && [...wanted].every((code) => old.has(code)));
  return within(previous.indicators, next.indicators) && within(previous.regions, next.regions) && (previous.others || !next.others);
}

/**
 * The /feed namespace. A socket subscribes with its last applied seq and gets the gap
 * (replay) or a fresh snapshot, then joins the live set and receives every later change
 * that matches its filter.
 *
 * Exactly-once, in order: `subscribe` reads the log/snapshot and joins the live set in one
 * synchronous call, and the store publishes a commit in the same synchronous call as the
 * COMMIT (better-sqlite3 is synchronous). No commit can run in between, so every change is
 * either in what the subscribe sent or published live afterwards, never both. Keep both
 * paths synchronous: an `await` in either would open a gap.
 */
export class FeedHub {
  private readonly live = new Map<FeedSocket, Filter>();

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly options: FeedOptions = DEFAULT_FEED_OPTIONS,
    private readonly compliance: ComplianceSource | null = null,
  ) {
    store.onCommit((changes) => this.publish(changes));
  }

  attach(nsp: FeedNamespace): void {
    nsp.on('connection', (socket) => {
      socket.on('subscribe', (request, ack) => this.subscribe(socket, request, ack));
      socket.on('disconnect', () => this.live.delete(socket));
    });
  }

  subscribe(socket: FeedSocket, raw: unknown, ack: unknown): void {
    const reply = (r: SubscribeReply) => {
      if (typeof ack === 'function') (ack as (r: SubscribeReply) => void)(r);
    };
    const parsed = subscribeRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const detail = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
      const error = appError('feed.subscribe_invalid', { detail });
      this.log.warn('feed: refused subscribe', { code: error.code, socket: socket.id, detail });
      reply({ ok: false, error: error.message_en, code: error.code, message_vi: error.message_vi });
      return;
    }
    try {
      const request = parsed.data;
      // Any change the clock owes is committed (and published) before the head is read.
      this.compliance?.catchUp();
      const filter: Filter = {
        indicators: request.indicators ? new Set(request.indicators) : null,
        regions: request.regions ? new Set(request.regions) : null,
        others: request.compliance === true,
      };
      const head = this.store.changes.head();
      let from = request.lastSeq;
      let mode: 'replay' | 'snapshot' = this.canReplay(from, head) ? 'replay' : 'snapshot';
      // A live socket subscribing again (new layout, new filter) already has, or has in
      // flight, every change up to head that matched its old filter. Replaying from its
      // (possibly stale) lastSeq would send those twice; changes of keys it did not have
      // cannot be sent without going back in seq order, so those cost a snapshot.
      const previous = this.live.get(socket);
      if (previous && mode === 'replay') {
        if (covers(previous, filter)) from = head;
        else mode = 'snapshot';
      }
      this.live.delete(socket);
      if (mode === 'replay') this.replay(socket, filter, from!, head);
      else this.snapshot(socket, request, head);
      if (socket.connected) this.live.set(socket, filter);
      this.log.debug('feed: subscribed', { socket: socket.id, mode, lastSeq: request.lastSeq, head });
      reply({ ok: true, mode, seq: head });
    } catch (error) {
      this.log.error('feed: subscribe failed', { err: error, socket: socket.id });
      const failure = appError('feed.subscribe_failed');
      reply({ ok: false, error: failure.message_en, code: failure.code, message_vi: failure.message_vi });
    }
  }

  private canReplay(last: number | null, head: number): boolean {
    if (last === null) return false;
    // Ahead of us: the client saw another store (e.g. a wiped data folder); start over.
    if (last > head) return false;
    if (head - last > this.options.replayCap) return false;
    // Older than the oldest change kept (only if the log is ever pruned).
    const first = this.store.changes.first();
    return first === null ? last === head : last >= first - 1;
  }

  /**
   * The gap as batches. A batch's seq is where the client stands after applying it (the
   * last change it covers, matching or not), so a client cut off mid-replay resumes from
   * the right place. Batches with nothing for this client are not sent.
   */
  private replay(socket: FeedSocket, filter: Filter, lastSeq: number, head: number): void {
    let from = lastSeq;
    while (from < head) {
      const page = this.store.changes.after(from, this.options.batchSize);
      if (page.length === 0) break;
      from = page[page.length - 1]!.seq;
      const changes = page.filter((c) => matches(filter, c));
      if (changes.length > 0) socket.emit('changes', { seq: from, changes });
    }
  }

  private snapshot(socket: FeedSocket, request: SubscribeRequest, head: number): void {
    const indicators = this.store.indicators.all().filter((m) => !request.indicators || request.indicators.includes(m.code));
    const observations = this.store.observations.latest({ indicators: request.indicators, regions: request.regions });
    const extra =
      request.compliance && this.compliance
        ? { compliance: this.compliance.snapshotEntries(), regimes: this.compliance.regimeMetas(), ...(this.compliance.tasks ? { tasks: this.compliance.tasks() } : {}) }
        : {};
    socket.emit('snapshot', { seq: head, serverTime: new Date(this.store.now()).toISOString(), indicators, observations, ...extra });
  }

  /** Called by the store right after a commit, in the same synchronous call. */
  private publish(changes: ReadonlyArray<Change>): void {
    const seq = changes[changes.length - 1]!.seq;
    for (const [socket, filter] of this.live) {
      const mine = changes.filter((c) => matches(filter, c));
      if (mine.length > 0) socket.emit('changes', { seq, changes: mine });
    }
  }
}
