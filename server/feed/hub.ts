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
import { pendingBytes } from './pending';

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
  /**
   * Past this many bytes the server holds for a client and has not handed to the kernel
   * (./pending.ts), it stops queuing that client's changes and remembers where it stands;
   * once the client has drained to half of it, it is caught up from there (a paced replay,
   * or a snapshot when the gap is longer than `replayCap`).
   */
  maxPendingBytes: number;
  /** How often a held-back client is looked at. */
  drainCheckMs: number;
}

export const DEFAULT_FEED_OPTIONS: FeedOptions = { replayCap: 50_000, batchSize: 1_000, maxPendingBytes: 1024 * 1024, drainCheckMs: 25 };

interface Filter {
  indicators: ReadonlySet<string> | null;
  regions: ReadonlySet<string> | null;
  /** Whether the client asked for the other kinds of change (reporting compliance). */
  others: boolean;
}

/** A subscribed client: what it asked for. */
interface Member {
  filter: Filter;
  request: SubscribeRequest;
}

/** A client whose changes are held back: everything up to `seq` is queued for it, nothing after. */
interface Behind extends Member {
  seq: number;
  /** When it fell behind (store clock, ms). */
  sinceMs: number;
  /** `slow`: it stopped reading live changes (logged); `replay`: a long replay is being paced. */
  reason: 'slow' | 'replay';
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
 *
 * Backpressure: a client that stops reading must not hold the server's memory or slow the
 * others. Before each send the hub reads what is still pending for that client; past
 * `maxPendingBytes` the client leaves the live set for the held-back set, at the seq of the
 * last change queued for it, and nothing more is queued. Every `drainCheckMs` the held-back
 * clients are looked at: one that has drained is caught up from its seq in pages, each page
 * only while it stays under the limit, and rejoins the live set in the same synchronous call
 * as its last page (so the exactly-once rule above still holds); one that fell further behind
 * than `replayCap` gets a snapshot instead. A long replay on subscribe is paced the same way.
 */
export class FeedHub {
  private readonly live = new Map<FeedSocket, Member>();
  private readonly behind = new Map<FeedSocket, Behind>();
  private drainTimer: NodeJS.Timeout | null = null;

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
      socket.on('disconnect', () => {
        this.live.delete(socket);
        this.behind.delete(socket);
      });
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
      const held = this.behind.get(socket);
      const previous = this.live.get(socket) ?? held;
      if (previous && mode === 'replay') {
        // Live: everything up to head is in flight. Held back: everything up to its seq.
        if (covers(previous.filter, filter)) from = held ? held.seq : head;
        else mode = 'snapshot';
      }
      this.live.delete(socket);
      this.behind.delete(socket);
      const member: Member = { filter, request };
      // A socket gone while subscribing gets nothing.
      if (socket.connected && mode === 'replay') this.advance(socket, member, from!, 'replay');
      else if (socket.connected) {
        this.snapshot(socket, request, head);
        this.live.set(socket, member);
      }
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
   * The gap after `from` as batches, while the client's pending bytes stay under the limit.
   * A batch's seq is where the client stands after applying it (the last change it covers,
   * matching or not), so a client cut off mid-replay resumes from the right place. Batches
   * with nothing for this client are not sent. Caught up with the head, the client joins the
   * live set in this same synchronous call; otherwise it is held back at the seq it reached.
   */
  private advance(socket: FeedSocket, member: Member, from: number, reason: Behind['reason']): boolean {
    const head = this.store.changes.head();
    let at = from;
    while (at < head) {
      const pending = pendingBytes(socket);
      if (pending > this.options.maxPendingBytes) {
        this.holdBack(socket, member, at, reason, pending);
        return false;
      }
      const page = this.store.changes.after(at, this.options.batchSize);
      if (page.length === 0) break;
      at = page[page.length - 1]!.seq;
      const changes = page.filter((c) => matches(member.filter, c));
      if (changes.length > 0) socket.emit('changes', { seq: at, changes });
    }
    this.behind.delete(socket);
    this.live.set(socket, member);
    return true;
  }

  private holdBack(socket: FeedSocket, member: Member, seq: number, reason: Behind['reason'], pending: number): void {
    const already = this.behind.get(socket);
    this.live.delete(socket);
    this.behind.set(socket, { ...member, seq, sinceMs: already?.sinceMs ?? this.store.now(), reason: already?.reason ?? reason });
    if (!already) {
      const fields = { socket: socket.id, seq, pendingBytes: pending, limitBytes: this.options.maxPendingBytes };
      if (reason === 'slow') this.log.warn('feed: slow client, holding its changes', fields);
      else this.log.debug('feed: replay paced', fields);
    }
    if (!this.drainTimer) {
      this.drainTimer = setInterval(() => this.drain(), this.options.drainCheckMs);
      this.drainTimer.unref();
    }
  }

  /** Catches up the held-back clients that have drained to half the limit. */
  private drain(): void {
    try {
      for (const [socket, state] of this.behind) {
        if (!socket.connected) {
          this.behind.delete(socket);
          continue;
        }
        if (pendingBytes(socket) > this.options.maxPendingBytes / 2) continue;
        const member: Member = { filter: state.filter, request: state.request };
        const fields = { socket: socket.id, fromSeq: state.seq, heldMs: this.store.now() - state.sinceMs };
        let mode: 'replay' | 'snapshot' = 'replay';
        if (this.store.changes.head() - state.seq > this.options.replayCap) {
          mode = 'snapshot';
          this.compliance?.catchUp();
          const head = this.store.changes.head();
          this.behind.delete(socket);
          this.snapshot(socket, state.request, head);
          this.live.set(socket, member);
        } else if (!this.advance(socket, member, state.seq, state.reason)) continue;
        if (state.reason === 'slow') this.log.info('feed: slow client caught up', { ...fields, mode, seq: this.store.changes.head() });
      }
    } catch (error) {
      this.log.error('feed: catching up a held-back client failed', { err: error });
    }
    if (this.behind.size === 0 && this.drainTimer) {
      clearInterval(this.drainTimer);
      this.drainTimer = null;
    }
  }

  private snapshot(socket: FeedSocket, request: SubscribeRequest, head: number): void {
    const indicators = this.store.indicators.all().filter((m) => !request.indicators || request.indicators.includes(m.code));
    const observations = this.store.observations.latest({ indicators: request.indicators, regions: request.regions }, -1, request.historyYears);
    const extra =
      request.compliance && this.compliance
        ? { compliance: this.compliance.snapshotEntries(), regimes: this.compliance.regimeMetas(), ...(this.compliance.tasks ? { tasks: this.compliance.tasks() } : {}) }
        : {};
    socket.emit('snapshot', { seq: head, serverTime: new Date(this.store.now()).toISOString(), indicators, observations, ...extra });
  }

  /** Called by the store right after a commit, in the same synchronous call. */
  private publish(changes: ReadonlyArray<Change>): void {
    const seq = changes[changes.length - 1]!.seq;
    for (const [socket, member] of this.live) {
      const mine = changes.filter((c) => matches(member.filter, c));
      if (mine.length === 0) continue;
      const pending = pendingBytes(socket);
      // Not read for a while: hold it at the seq before this commit, queue nothing more.
      if (pending > this.options.maxPendingBytes) this.holdBack(socket, member, changes[0]!.seq - 1, 'slow', pending);
      else socket.emit('changes', { seq, changes: mine });
    }
  }
}
