import type { RunCommand, RunState, ShownRow, RunSummary } from '../../shared/briefing/run';
import { focusPatch, type Briefing, type SceneFocus } from '../../shared/briefing/schema';
import { COMMIT_LEAD_MS, PREPARE_WAIT_MS } from '../../shared/protocol/briefing';
import type { ControlHello } from '../../shared/protocol/control';
import type { WallViewEvent } from '../../shared/wall/view';
import type { Logger } from '../../shared/log';
import { NO_ORIGIN, SERVER_ACTOR, type AuditLog } from '../audit/log';
import type { Store } from '../db/store';
import { fail } from '../http/reply';
import type { Publisher } from '../library/schedule';
import type { ControlNamespace } from '../wall/control';
import type { WallViewStore } from '../wall/view';
import type { BriefingAuthor, BriefingStore } from './store';

/** Where a run is, as briefing_runs.position keeps it (a restart resumes from it). */
interface Position {
  index: number;
  held: boolean;
  sceneSince: number;
  /** When held: what was left of the scene's duration. */
  remainingMs: number | null;
  advanceAt: number | null;
  commandedBy: string;
}

interface RunRow {
  id: number;
  briefing_id: string;
  version: number;
  started_at: string;
  started_by: string;
  ended_at: string | null;
  ended_by: string | null;
  position: string;
}

interface ShownDbRow {
  id: number;
  run_id: number;
  scene_index: number;
  scene_id: string;
  scene_title: string;
  layout_id: string;
  layout_version: number;
  focus: string;
  data_seq: number;
  frozen_at: string | null;
  from_at: string;
  to_at: string | null;
  commanded_by: string;
  acks: number;
  windows: number;
  cause: 'scene' | 'view';
  province: string | null;
  enlarged_tile_id: string | null;
}

const LOOP_AUTHOR: BriefingAuthor = { actor: { ...SERVER_ACTOR, name: 'vòng lặp phiên giao ban' }, origin: NO_ORIGIN };
const MAX_SHOWN = 1000;

/**
 * Runs a briefing: one run at a time, commanded by presenters and operators (start, next,
 * previous, jump, hold, stop), looping by each scene's own duration when not held. Every
 * scene change prepares every wall window, waits (bounded) for their acks, then commits at
 * one server time; the layout goes live through the publisher and the focus through
 * `setWallView`, both with the commander as actor. What the wall showed is recorded in
 * briefing_shown. Commands run one after another (a queue), never interleaved.
 */
export class BriefingRunner {
  private run: { row: RunRow; briefing: Briefing; position: Position } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private switchId = 0;
  private nsp: ControlNamespace | null = null;
  private closed = false;
  /** Set while the runner itself changes the view (a scene's focus): that change is the scene's row, not a view row. */
  private switching = false;
  private readonly unsubscribeView: () => void;

  constructor(
    private readonly store: Store,
    private readonly briefings: BriefingStore,
    private readonly publisher: Publisher,
    private readonly views: WallViewStore,
    private readonly audit: AuditLog,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {
    // A freeze, a drill-down or an enlarged tile commanded within a scene (the remote, PUT /api/v1/wall/view) is evidence too.
    this.unsubscribeView = views.onChange((view) => this.viewChanged(view));
    const row = store.db.prepare<[], RunRow>('SELECT * FROM briefing_runs WHERE ended_at IS NULL').get();
    if (row) {
      this.run = { row, briefing: this.briefings.version(row.briefing_id, row.version).document, position: JSON.parse(row.position) as Position };
      log.info('briefing run resumed', { runId: row.id, briefing: row.briefing_id, index: this.run.position.index });
    }
  }

  /** The /control namespace: where prepares, commits and the run state go; answers clock pings. */
  attach(nsp: ControlNamespace): void {
    this.nsp = nsp;
    nsp.on('connection', (socket) => {
      socket.emit('briefingRun', this.state());
      socket.on('clockPing', (_sentAt, ack) => {
        if (typeof ack === 'function') ack(this.now());
      });
    });
    this.arm();
  }

  stop(): void {
    this.closed = true;
    this.unsubscribeView();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  state(): RunState | null {
    if (!this.run) return null;
    const { row, briefing, position } = this.run;
    return {
      runId: row.id,
      briefingId: row.briefing_id,
      version: row.version,
      name: briefing.name,
      scenes: briefing.scenes,
      index: position.index,
      held: position.held,
      sceneSince: position.sceneSince,
      advanceAt: position.advanceAt,
      startedAt: row.started_at,
      startedBy: row.started_by,
      commandedBy: position.commandedBy,
    };
  }

  /** One command, after those before it. */
  command(command: RunCommand, who: BriefingAuthor): Promise<RunState | null> {
    const next = this.queue.then(() => this.apply(command, who));
    this.queue = next.catch(() => undefined);
    return next;
  }

  runs(briefingId?: string): RunSummary[] {
    const rows = briefingId
      ? this.store.db.prepare<[string], RunRow>('SELECT * FROM briefing_runs WHERE briefing_id = ? ORDER BY id DESC LIMIT 100').all(briefingId)
      : this.store.db.prepare<[], RunRow>('SELECT * FROM briefing_runs ORDER BY id DESC LIMIT 100').all();
    return rows.map(summary);
  }

  shown(runIdText: string): { run: RunSummary; shown: ShownRow[]; total: number } {
    const id = /^[1-9]\d{0,12}$/.test(runIdText) ? Number(runIdText) : NaN;
    const row = Number.isSafeInteger(id) ? this.store.db.prepare<[number], RunRow>('SELECT * FROM briefing_runs WHERE id = ?').get(id) : undefined;
    if (!row) fail('briefing.run_not_found', { id: runIdText });
    const total = this.store.db.prepare<[number], number>('SELECT COUNT(*) FROM briefing_shown WHERE run_id = ?').pluck().get(row.id) ?? 0;
    const rows = this.store.db.prepare<[number, number], ShownDbRow>('SELECT * FROM briefing_shown WHERE run_id = ? ORDER BY id LIMIT ?').all(row.id, MAX_SHOWN);
    return { run: summary(row), shown: rows.map(shownOf), total };
  }

  private async apply(command: RunCommand, who: BriefingAuthor): Promise<RunState | null> {
    if (command.action === 'start') {
      if (this.run) fail('briefing.run_exists', { id: this.run.row.briefing_id });
      const version = command.version ?? this.briefings.get(command.briefingId).headVersion;
      const briefing = this.briefings.version(command.briefingId, version).document;
      const index = command.index ?? 0;
      if (index >= briefing.scenes.length) fail('briefing.scene_out_of_range', { n: index + 1, count: briefing.scenes.length });
      // A first scene that cannot go live refuses the start: no run is opened for nothing.
      const first = briefing.scenes[index]!;
      this.publisher.publishable(first.layoutId, first.layoutVersion);
      const at = new Date(this.now()).toISOString();
      const position: Position = { index, held: false, sceneSince: this.now(), remainingMs: null, advanceAt: null, commandedBy: who.actor.name };
      const id = this.store.db.transaction(() => {
        const result = this.store.db
          .prepare('INSERT INTO briefing_runs (briefing_id, version, started_at, started_by, position) VALUES (?, ?, ?, ?, ?)')
          .run(command.briefingId, version, at, who.actor.name, JSON.stringify(position));
        const runId = Number(result.lastInsertRowid);
        this.audit.record({ ...who, action: 'briefing.run.start', objectType: 'briefing', objectId: command.briefingId, diff: { runId, version, index } });
        return runId;
      })();
      this.run = { row: this.store.db.prepare<[number], RunRow>('SELECT * FROM briefing_runs WHERE id = ?').get(id)!, briefing, position };
      return this.switchTo(index, who, 'start');
    }
    const run = this.run ?? fail('briefing.no_run');
    const count = run.briefing.scenes.length;
    switch (command.action) {
      case 'next':
        return this.switchTo(Math.min(run.position.index + 1, count - 1), who, 'next');
      case 'previous':
        return this.switchTo(Math.max(run.position.index - 1, 0), who, 'previous');
      case 'jump':
        if (command.index >= count) fail('briefing.scene_out_of_range', { n: command.index + 1, count });
        return this.switchTo(command.index, who, 'jump');
      case 'hold':
        return this.hold(command.held, who);
      case 'stop':
        return this.end(who);
    }
  }

  /** Prepare → acks (bounded) → commit at T → the layout and focus live → the record. */
  private async switchTo(index: number, who: BriefingAuthor, reason: string): Promise<RunState | null> {
    const run = this.run!;
    const scene = run.briefing.scenes[index]!;
    // Refused here (a layout binned since the briefing was saved), before any window is told to switch.
    const layout = this.publisher.publishable(scene.layoutId, scene.layoutVersion).document;
    const view = focusPatch(scene.focus);
    const switchId = ++this.switchId;
    // Wall windows hold a device token; the console's live previews (the layout editor, the briefing page) say hello as a
    // wall to get its feed but sign in as a person: they are not counted, nor waited for.
    const walls = this.nsp ? [...this.nsp.sockets.values()].filter((s) => (s.data.hello as ControlHello | undefined)?.client === 'wall' && s.data.principal?.kind !== 'person') : [];
    const acks = await Promise.all(
      walls.map((socket) =>
        socket
          .timeout(PREPARE_WAIT_MS)
          .emitWithAck('briefingPrepare', { switchId, layout, view })
          .then(
            (reply) => reply.switchId === switchId && reply.ok,
            () => false,
          ),
      ),
    );
    if (this.closed || this.run !== run) return this.state();
    const at = this.now() + COMMIT_LEAD_MS;
    for (const socket of walls) socket.emit('briefingCommit', { switchId, at });
    // After the commit on each socket: the wall state and view that follow are held by the windows until `at`.
    let shownView: WallViewEvent;
    this.switching = true;
    try {
      this.publisher.publish(scene.layoutId, scene.layoutVersion, who);
      shownView = this.views.setWallView(view, { ...who, reason: `briefing ${run.row.briefing_id} v${run.row.version} scene ${index + 1} (${reason})` }).view;
    } finally {
      this.switching = false;
    }
    const duration = scene.durationS ? scene.durationS * 1000 : null;
    const held = run.position.held;
    run.position = {
      index,
      held,
      sceneSince: at,
      remainingMs: held ? duration : null,
      advanceAt: !held && duration !== null ? at + duration : null,
      commandedBy: who.actor.name,
    };
    const fromAt = new Date(at).toISOString();
    this.store.db.transaction(() => {
      this.store.db.prepare('UPDATE briefing_shown SET to_at = ? WHERE run_id = ? AND to_at IS NULL').run(fromAt, run.row.id);
      this.store.db
        .prepare(
          'INSERT INTO briefing_shown (run_id, scene_index, scene_id, scene_title, layout_id, layout_version, focus, data_seq, frozen_at, from_at, commanded_by, acks, windows) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          run.row.id,
          index,
          scene.id,
          scene.title,
          scene.layoutId,
          scene.layoutVersion,
          JSON.stringify(scene.focus),
          shownView.freeze?.seq ?? this.store.changes.head(),
          shownView.freeze?.at ?? null,
          fromAt,
          who.actor.name,
          acks.filter(Boolean).length,
          walls.length,
        );
      this.savePosition();
      this.audit.record({ ...who, action: 'briefing.run.scene', objectType: 'briefing', objectId: run.row.briefing_id, diff: { runId: run.row.id, index, scene: scene.id, reason, acks: acks.filter(Boolean).length, windows: walls.length } });
    })();
    this.log.info('briefing scene committed', { runId: run.row.id, index, scene: scene.id, at, acks: acks.filter(Boolean).length, windows: walls.length });
    this.arm();
    return this.broadcast();
  }

  /**
   * The view changed within the current scene, by someone else than the runner: the open row
   * ends when it changed and a 'view' row starts, with the scene, the view as it now is, the
   * data it shows (the freeze's sequence and time when frozen) and who changed it.
   */
  private viewChanged(view: WallViewEvent): void {
    const run = this.run;
    if (this.switching || this.closed || !run) return;
    const scene = run.briefing.scenes[run.position.index]!;
    const at = view.changedAt ?? new Date(this.now()).toISOString();
    const focus: SceneFocus = view.enlargedTileId !== null ? { kind: 'tile', tileId: view.enlargedTileId } : view.province !== null ? { kind: 'province', province: view.province } : { kind: 'none' };
    this.store.db.transaction(() => {
      this.store.db.prepare('UPDATE briefing_shown SET to_at = ? WHERE run_id = ? AND to_at IS NULL').run(at, run.row.id);
      this.store.db
        .prepare(
          "INSERT INTO briefing_shown (run_id, scene_index, scene_id, scene_title, layout_id, layout_version, focus, data_seq, frozen_at, from_at, commanded_by, acks, windows, cause, province, enlarged_tile_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 'view', ?, ?)",
        )
        .run(run.row.id, run.position.index, scene.id, scene.title, scene.layoutId, scene.layoutVersion, JSON.stringify(focus), view.freeze?.seq ?? this.store.changes.head(), view.freeze?.at ?? null, at, view.by ?? SERVER_ACTOR.name, view.province, view.enlargedTileId);
    })();
  }

  private hold(held: boolean, who: BriefingAuthor): RunState | null {
    const run = this.run!;
    const p = run.position;
    if (p.held === held) return this.state();
    const now = this.now();
    if (held) run.position = { ...p, held: true, remainingMs: p.advanceAt === null ? p.remainingMs : Math.max(0, p.advanceAt - now), advanceAt: null };
    else run.position = { ...p, held: false, advanceAt: p.remainingMs === null ? null : now + p.remainingMs, remainingMs: null };
    this.store.db.transaction(() => {
      this.savePosition();
      this.audit.record({ ...who, action: 'briefing.run.hold', objectType: 'briefing', objectId: run.row.briefing_id, diff: { runId: run.row.id, held } });
    })();
    this.arm();
    return this.broadcast();
  }

  private end(who: BriefingAuthor): null {
    const run = this.run!;
    const at = new Date(this.now()).toISOString();
    this.store.db.transaction(() => {
      this.store.db.prepare('UPDATE briefing_shown SET to_at = ? WHERE run_id = ? AND to_at IS NULL').run(at, run.row.id);
      this.store.db.prepare('UPDATE briefing_runs SET ended_at = ?, ended_by = ? WHERE id = ?').run(at, who.actor.name, run.row.id);
      this.audit.record({ ...who, action: 'briefing.run.stop', objectType: 'briefing', objectId: run.row.briefing_id, diff: { runId: run.row.id, index: run.position.index } });
    })();
    this.run = null;
    this.arm();
    this.broadcast();
    return null;
  }

  private savePosition(): void {
    const run = this.run!;
    this.store.db.prepare('UPDATE briefing_runs SET position = ? WHERE id = ?').run(JSON.stringify(run.position), run.row.id);
  }

  /** The loop: the next scene (round to the first after the last) when the current one's time is up. */
  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const advanceAt = this.run?.position.advanceAt;
    if (this.closed || advanceAt == null || !this.nsp) return;
    this.timer = setTimeout(
      () => {
        const run = this.run;
        if (!run || run.position.advanceAt !== advanceAt) return;
        const index = (run.position.index + 1) % run.briefing.scenes.length;
        this.command({ action: 'jump', index }, LOOP_AUTHOR).catch((err: unknown) => this.log.error('briefing loop could not move on', { err }));
      },
      Math.max(0, advanceAt - this.now()),
    );
    this.timer.unref();
  }

  private broadcast(): RunState | null {
    const state = this.state();
    this.nsp?.emit('briefingRun', state);
    return state;
  }
}

const summary = (r: RunRow): RunSummary => ({ runId: r.id, briefingId: r.briefing_id, version: r.version, startedAt: r.started_at, startedBy: r.started_by, endedAt: r.ended_at, endedBy: r.ended_by });

const shownOf = (r: ShownDbRow): ShownRow => {
  const focus = JSON.parse(r.focus) as ShownRow['focus'];
  return {
    id: r.id,
    runId: r.run_id,
    sceneIndex: r.scene_index,
    sceneId: r.scene_id,
    sceneTitle: r.scene_title,
    layoutId: r.layout_id,
    layoutVersion: r.layout_version,
    focus,
    dataSeq: r.data_seq,
    frozenAt: r.frozen_at,
    from: r.from_at,
    to: r.to_at,
    commandedBy: r.commanded_by,
    acks: r.acks,
    windows: r.windows,
    cause: r.cause,
    // A scene row's view is its focus (the runner set exactly that); a view row's is as stored.
    view: r.cause === 'view' ? { province: r.province, enlargedTileId: r.enlarged_tile_id } : focusPatch(focus),
  };
};
