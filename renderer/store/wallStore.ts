import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChangeBatch, Snapshot } from '../../shared/protocol/feed';
import type { IdentifyEvent, TestPatternEvent, WallState } from '../../shared/protocol/control';
import { observationKey, type IndicatorMeta, type Observation } from '../../shared/protocol/model';
import { complianceKey, type ComplianceEntryWire, type RegimeMeta } from '../../shared/protocol/compliance';
import type { Task } from '../../shared/tasks/schema';
import { comparePeriods } from '../../shared/period';
import { historyYearsOf } from '../../shared/widgets/history';
import { periodYear } from '../../shared/widgets/history-span';
import type { WallViewEvent } from '../../shared/wall/view';

/**
 * The wall's one store: indicator metadata, observations, the wall state (profile +
 * layout) and the connection. The feed never writes state directly: it hands validated
 * payloads to `ingestSnapshot` / `ingestChanges`, which buffer them (last value wins per
 * key) and commit ONCE per animation frame, so a burst of a thousand updates costs one
 * React render, not a thousand.
 */

export type LinkStatus = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionState {
  feed: LinkStatus;
  control: LinkStatus;
  /** The server refused our token; the UI asks for another one. */
  unauthorized: boolean;
  /** The last problem worth showing to a technician (not to leadership), or null. */
  error: string | null;
  /** Date.now() of the last change of `feed`/`control`. */
  since: number;
}

export interface WallSnapshotState {
  profile: WallState['profile'];
  layout: WallState['layout'];
  revision: number;
}

export interface WallStoreState {
  /** Indicator metadata by code. */
  indicators: Readonly<Record<string, IndicatorMeta>>;
  /**
   * Newest vintage per `indicator|region|period` (see observationKey). The map object is
   * kept across commits (a snapshot replaces it) and updated in place: compare the
   * Observation values, or `commits`, never the map's identity.
   */
  observations: Readonly<Record<string, Observation>>;
  /** Per `indicator|region`, the periods we hold, oldest first (comparePeriods); kept like `observations`, each list replaced when it changes. */
  periods: Readonly<Record<string, readonly string[]>>;
  /** Reporting compliance by `regime|agency|period` (see complianceKey); empty unless subscribed. */
  compliance: Readonly<Record<string, ComplianceEntryWire>>;
  /** Regime names and periodicities by code, from the snapshot (with compliance). */
  regimes: Readonly<Record<string, RegimeMeta>>;
  /** Tasks assigned by the Government and the Prime Minister, by id (with compliance). */
  tasks: Readonly<Record<number, Task>>;
  /** The last change-log sequence applied (committed), or null before the first snapshot. */
  lastSeq: number | null;
  /** How many feed commits have happened (one per animation frame at most): what to watch for "the data changed". */
  commits: number;
  /** Profile + active layout from /control, or null until the first valid wallState. */
  wall: WallSnapshotState | null;
  connection: ConnectionState;
  /**
   * Where the data and wall state on screen came from: nothing yet, the last good copy
   * kept on disk (renderer/offline), or the server (a commit of its feed, or its answer
   * to a subscribe from the restored sequence).
   */
  source: 'none' | 'disk' | 'server';
  /** Date.now() of the last moment the data was known to match the server; null: never. */
  syncedAt: number | null;
  /** The technician's current identify and test pattern from /control (null: none yet). */
  identify: IdentifyEvent | null;
  testPattern: TestPatternEvent | null;
  /** The briefing view from /control (freeze, province, enlarged tile); null until the first one. */
  view: WallViewEvent | null;
  /**
   * While the wall is frozen: the server's freeze (time, sequence) and how many distinct
   * figures (observation keys of the indicators the layout shows) have changed since, held
   * back from what is shown. Null: live.
   */
  frozen: { at: string; seq: number; changed: number } | null;
  /**
   * A briefing scene the server told this window to prepare (shared/protocol/briefing.ts):
   * the page mounts it, hidden, beside the scene on screen, so that at the commit the
   * swap is a change of visibility, not a mount. Null: none pending.
   */
  prepared: PreparedScene | null;
  /** The switch whose prepared scene has been mounted and painted once (what the ack waits for). */
  preparedMounted: number | null;
  /**
   * Which of two scene slots holds the scene on screen. The prepared scene mounts in the
   * other; its commit flips this, so the mounted slot becomes the one shown.
   */
  slot: 0 | 1;
  /**
   * What the feed asks for while no layout is known (renderer/store/selectors.ts
   * selectBoundIndicators): a wall page and the presenter's remote `nothing` (they draw no
   * figure before the layout, and a subscription to everything would bring a store of
   * millions whole, unwindowed: issue 12), and the console's editors, whose tiles come as
   * drafts (setDraftTiles); `everything` for a store that is not fed by a socket of its own
   * (a preview mirroring another).
   */
  beforeLayout: BeforeLayout;
  /**
   * Tiles an editor draws that are not the wall's (a layout being edited, a briefing's
   * scenes): the feed carries their indicators, compliance and years as it does the wall's,
   * and the history window keeps what they draw. Empty on a wall.
   */
  drafted: readonly DraftTile[];
}

export type BeforeLayout = 'nothing' | 'everything';
export type DraftTile = WallState['layout']['tiles'][number];

export interface PreparedScene {
  switchId: number;
  layout: WallState['layout'];
  view: { enlargedTileId: string | null; province: string | null };
}

export type Scheduler = (flush: () => void) => () => void;

/** The performance measure a commit leaves when COMMIT_TIMING_FLAG is set (see flush). */
export const COMMIT_MEASURE = 'wall-store:commit';
/**
 * A benchmark (bench/growth) sets `globalThis[COMMIT_TIMING_FLAG] = true` before the page's
 * scripts run; then each commit leaves a COMMIT_MEASURE entry. Off by default: user-timing
 * entries are kept until cleared, so a wall that ran for months would gather millions.
 */
export const COMMIT_TIMING_FLAG = '__toancanhCommitTiming';
const timingCommits = (): boolean => (globalThis as Record<string, unknown>)[COMMIT_TIMING_FLAG] === true;

export interface WallStore {
  /** The zustand store: subscribe, getState; use `useWall` in components. */
  readonly api: StoreApi<WallStoreState>;
  /** Replace all data with a snapshot (at the next frame). */
  ingestSnapshot(snapshot: Snapshot): void;
  /** Queue a batch; changes with seq ≤ the last applied one are dropped. */
  ingestChanges(batch: ChangeBatch): void;
  /** The seq the next subscribe should send: the buffered one if a commit is pending. */
  lastAppliedSeq(): number | null;
  /** Commit the buffer now (normally the scheduler does it). */
  flush(): void;
  /** Whether a commit is waiting for the next frame. */
  hasPending(): boolean;
  setWallState(state: WallState): void;
  /** A newer identify or test-pattern command (an older seq is ignored). */
  setCommand(command: { identify: IdentifyEvent } | { testPattern: TestPatternEvent }): void;
  setConnection(patch: Partial<ConnectionState>): void;
  /**
   * The last good state from disk, taken as if received (the feed then resumes from its
   * seq), with the time it was last in sync with the server. Ignored once the server spoke.
   */
  restore(saved: { wall: WallState | null; snapshot: Snapshot | null; syncedAt: number }): void;
  /** The server answered the subscribe from our seq: what we show is its current state. */
  confirmLive(): void;
  /**
   * A new briefing view. A freeze holds every later change back (the figures on screen stop
   * moving) while counting the distinct figures that changed; live applies what was held in
   * one commit. Both cost what changed, not what is held.
   */
  setView(view: WallViewEvent): void;
  /** A scene to mount off screen for the next switch (null: drop the one pending). */
  prepare(scene: PreparedScene | null): void;
  /** The page has mounted and painted the prepared scene of this switch. */
  markPrepared(switchId: number): void;
  /**
   * The commit of a switch: when its scene was prepared, the slot it was mounted in
   * becomes the one shown (call it with the held wall state and view, in the same task).
   */
  commitPrepared(switchId: number): boolean;
  /** The tiles an editor draws beside the wall's (see WallStoreState.drafted); the feed follows them. */
  setDraftTiles(tiles: readonly DraftTile[]): void;
}

export const periodsKey = (indicator: string, region: string): string => `${indicator}|${region}`;

/** The tiles whose data the page needs: the layout's, a prepared scene's (its figures come in before its swap), and an editor's drafts. */
export function neededTiles(state: Pick<WallStoreState, 'wall' | 'prepared' | 'drafted'>): DraftTile[] {
  return [...(state.wall?.layout.tiles ?? []), ...(state.prepared?.layout.tiles ?? []), ...state.drafted];
}

/** requestAnimationFrame, with a timer as a backstop for windows that stop painting (hidden tab). */
export const animationFrameScheduler: Scheduler = (flush) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    if (raf !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(raf);
    clearTimeout(timer);
    flush();
  };
  const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : null;
  const timer = setTimeout(run, raf === null ? 16 : 1000);
  return () => {
    done = true;
    if (raf !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(raf);
    clearTimeout(timer);
  };
};

interface Pending {
  /** A snapshot replaces everything before it, including earlier buffered changes. */
  snapshot: Snapshot | null;
  indicators: Map<string, IndicatorMeta>;
  observations: Map<string, Observation>;
  compliance: Map<string, ComplianceEntryWire>;
  tasks: Map<number, Task>;
  seq: number | null;
  /** The sync time of a snapshot restored from disk; null for data from the server. */
  fromDisk: number | null;
}

const vintageMs = (o: Observation) => Date.parse(o.vintage);

/** Keeps the newest vintage: an older release of the same figure never overwrites a newer one. */
function newer(existing: Observation | undefined, incoming: Observation): boolean {
  return !existing || vintageMs(incoming) >= vintageMs(existing);
}

function insertSorted(list: readonly string[] | undefined, period: string): readonly string[] {
  if (!list) return [period];
  if (list.includes(period)) return list;
  const next = [...list, period];
  next.sort(comparePeriods);
  return next;
}

/**
 * Drops the periods of one series that fall out of the history window (years before its
 * newest year − years + 1), with their figures. `observations` is updated in place, as a
 * commit does; the series' list is replaced.
 */
function pruneSeries(
  observations: Record<string, Observation>,
  periods: Record<string, readonly string[]>,
  indicator: string,
  region: string,
  years: number,
): void {
  const pk = periodsKey(indicator, region);
  const list = periods[pk];
  if (!list || list.length < 2) return;
  let top = -Infinity;
  let bottom = Infinity;
  for (const p of list) {
    const year = periodYear(p);
    if (year === null) continue;
    if (year > top) top = year;
    if (year < bottom) bottom = year;
  }
  const oldestKept = top - years + 1;
  if (bottom >= oldestKept) return;
  const kept: string[] = [];
  for (const p of list) {
    const year = periodYear(p);
    if (year === null || year >= oldestKept) kept.push(p);
    // The map is held in place across commits (see flush): its key goes, not a copy of it.
    else Reflect.deleteProperty(observations, observationKey({ indicator, region, period: p }));
  }
  periods[pk] = kept;
}

const initialConnection = (): ConnectionState => ({
  feed: 'connecting',
  control: 'connecting',
  unauthorized: false,
  error: null,
  since: Date.now(),
});

export function createWallStore(options: { schedule?: Scheduler; beforeLayout?: BeforeLayout } = {}): WallStore {
  const schedule = options.schedule ?? animationFrameScheduler;
  const api = createStore<WallStoreState>()(() => ({
    indicators: {},
    observations: {},
    periods: {},
    compliance: {},
    regimes: {},
    tasks: {},
    lastSeq: null,
    commits: 0,
    wall: null,
    connection: initialConnection(),
    source: 'none',
    syncedAt: null,
    identify: null,
    testPattern: null,
    view: null,
    frozen: null,
    prepared: null,
    preparedMounted: null,
    slot: 0,
    beforeLayout: options.beforeLayout ?? 'everything',
    drafted: [],
  }));

  let pending: Pending | null = null;
  /** All that was shown so far is an empty snapshot taken before any layout was known. */
  let blankShown = false;
  let cancel: (() => void) | null = null;
  /** While frozen: the changes after the freeze's seq, merged like `pending`, shown on thaw. */
  let held: Pending | null = null;
  /** While frozen: the observation keys whose held figure differs from the one shown. */
  let freeze: { seq: number; changed: Set<string>; counted: number } | null = null;

  const emptyPending = (): Pending => ({ snapshot: null, indicators: new Map(), observations: new Map(), compliance: new Map(), tasks: new Map(), seq: null, fromDisk: null });
  const ensureHeld = (): Pending => {
    held ??= emptyPending();
    if (!cancel) cancel = schedule(flush);
    return held;
  };
  /**
   * The indicators the layout shows (as selectBoundIndicators, without its import cycle), or
   * null when it binds none: only their figures count as "new" for leadership.
   */
  let boundFor: { wall: WallSnapshotState | null; codes: Set<string> | null } | null = null;
  const shownIndicators = (): Set<string> | null => {
    const wall = api.getState().wall;
    if (boundFor?.wall !== wall) {
      const codes = new Set<string>();
      for (const tile of wall?.layout.tiles ?? []) {
        for (const code of tile.binding?.indicators ?? []) codes.add(code);
        if (tile.widget === 'ticker') for (const t of tile.options.thresholds) codes.add(t.indicator);
      }
      boundFor = { wall, codes: codes.size ? codes : null };
    }
    return boundFor.codes;
  };
  /** A held figure counts when it would replace one the wall can show. */
  const countHeld = (key: string, o: Observation) => {
    if (!freeze || freeze.changed.has(key)) return;
    if (shownIndicators()?.has(o.indicator) === false) return;
    const shown = api.getState().observations[key];
    if (newer(shown, o) && (!shown || shown.value !== o.value || shown.vintage !== o.vintage || shown.status !== o.status)) freeze.changed.add(key);
  };
  /** A held snapshot: every key it changes or drops (once per snapshot, which is O(n) anyway). */
  const countSnapshot = (snapshot: Snapshot) => {
    if (!freeze) return;
    const seen = new Set<string>();
    const shownCodes = shownIndicators();
    for (const o of snapshot.observations) {
      const key = observationKey(o);
      seen.add(key);
      if (shownCodes?.has(o.indicator) === false) continue;
      const shown = api.getState().observations[key];
      if (!shown || shown.value !== o.value || shown.vintage !== o.vintage) freeze.changed.add(key);
    }
    for (const [key, o] of Object.entries(api.getState().observations)) if (!seen.has(key) && shownCodes?.has(o.indicator) !== false) freeze.changed.add(key);
  };

  /**
   * The history window of the layout on screen (null before one is known: nothing dropped),
   * and the window the held data was last trimmed to, so that a layout drawing fewer years
   * trims everything once.
   */
  let windowFor: { wall: WallSnapshotState | null; prepared: PreparedScene | null; drafted: WallStoreState['drafted']; years: number | null } | null = null;
  let trimmedTo: number | null = null;
  const historyWindow = (): number | null => {
    const state = api.getState();
    const { wall, prepared, drafted } = state;
    // A prepared scene's tiles count too (its figures are held before its swap), and an editor's drafts.
    if (windowFor?.wall !== wall || windowFor.prepared !== prepared || windowFor.drafted !== drafted) {
      windowFor = { wall, prepared, drafted, years: wall || drafted.length ? historyYearsOf(neededTiles(state)) : null };
    }
    return windowFor.years;
  };

  const ensurePending = (): Pending => {
    pending ??= emptyPending();
    if (!cancel) cancel = schedule(flush);
    return pending;
  };

  const lastAppliedSeq = (): number | null => held?.seq ?? pending?.seq ?? api.getState().lastSeq;

  /**
   * Keeps what the layout draws: every series after a snapshot or once the window narrows
   * (O(held), once), otherwise only the series this commit touched (O(changed)).
   */
  function trimToWindow(observations: Record<string, Observation>, periods: Record<string, readonly string[]>, batch: Pending): void {
    const years = historyWindow();
    if (years === null) return;
    if (batch.snapshot || trimmedTo === null || years < trimmedTo) {
      for (const pk of Object.keys(periods)) {
        const bar = pk.indexOf('|');
        pruneSeries(observations, periods, pk.slice(0, bar), pk.slice(bar + 1), years);
      }
    } else {
      const touched = new Set<string>();
      for (const o of batch.observations.values()) {
        const pk = periodsKey(o.indicator, o.region);
        if (touched.has(pk)) continue;
        touched.add(pk);
        pruneSeries(observations, periods, o.indicator, o.region, years);
      }
    }
    trimmedTo = years;
  }

  function flush(): void {
    cancel?.();
    cancel = null;
    const batch = pending;
    pending = null;
    if (freeze && freeze.counted !== freeze.changed.size) {
      freeze.counted = freeze.changed.size;
      const frozen = api.getState().frozen;
      if (frozen) api.setState({ frozen: { ...frozen, changed: freeze.counted } });
    }
    if (!batch) return;
    const started = timingCommits() ? performance.now() : null;
    api.setState((state) => {
      let indicators: Record<string, IndicatorMeta>;
      let observations: Record<string, Observation>;
      let periods: Record<string, readonly string[]>;
      if (batch.snapshot) {
        indicators = {};
        observations = {};
        periods = {};
        for (const meta of batch.snapshot.indicators) indicators[meta.code] = meta;
        // Each series' periods are gathered, then sorted once: appending to a copy per figure
        // was quadratic in the periods a series holds (53 s for a million figures).
        const gathered = new Map<string, Set<string>>();
        for (const o of batch.snapshot.observations) {
          const key = observationKey(o);
          if (!newer(observations[key], o)) continue;
          observations[key] = o;
          const pk = periodsKey(o.indicator, o.region);
          let set = gathered.get(pk);
          if (!set) gathered.set(pk, (set = new Set()));
          set.add(o.period);
        }
        for (const [pk, set] of gathered) periods[pk] = [...set].sort(comparePeriods);
      } else {
        indicators = batch.indicators.size ? { ...state.indicators } : (state.indicators as Record<string, IndicatorMeta>);
        // Updated in place: a commit costs what changed, not what is held (copying a map of a
        // million figures every frame cost more than the frame). Each Observation and each
        // period list is still replaced, never mutated, so per-figure selectors see new
        // identities; code that watches the whole map watches `commits` instead.
        observations = state.observations as Record<string, Observation>;
        periods = state.periods as Record<string, readonly string[]>;
      }
      // Compliance: a snapshot replaces it (none in the snapshot: none subscribed); a change
      // replaces its regime × agency × period entry (the server recomputes it whole).
      let compliance = state.compliance as Record<string, ComplianceEntryWire>;
      let regimes = state.regimes as Record<string, RegimeMeta>;
      if (batch.snapshot) {
        compliance = {};
        for (const e of batch.snapshot.compliance ?? []) compliance[complianceKey(e)] = e;
        regimes = {};
        for (const r of batch.snapshot.regimes ?? []) regimes[r.code] = r;
      } else if (batch.compliance.size) {
        compliance = { ...compliance };
      }
      for (const [key, e] of batch.compliance) compliance[key] = e;
      // Tasks: likewise, a snapshot replaces them and a change replaces its task whole.
      let tasks = state.tasks as Record<number, Task>;
      if (batch.snapshot) {
        tasks = {};
        for (const t of batch.snapshot.tasks ?? []) tasks[t.id] = t;
      } else if (batch.tasks.size) {
        tasks = { ...tasks };
      }
      for (const [id, t] of batch.tasks) tasks[id] = t;
      for (const [code, meta] of batch.indicators) indicators[code] = meta;
      for (const [key, o] of batch.observations) {
        if (!newer(observations[key], o)) continue;
        observations[key] = o;
        const pk = periodsKey(o.indicator, o.region);
        periods[pk] = insertSorted(periods[pk], o.period);
      }
      trimToWindow(observations, periods, batch);
      return {
        indicators,
        observations,
        periods,
        compliance,
        regimes,
        tasks,
        lastSeq: batch.seq ?? state.lastSeq,
        commits: state.commits + 1,
        ...(batch.fromDisk === null
          ? { source: 'server' as const, syncedAt: Date.now() }
          : { source: state.source === 'server' ? state.source : ('disk' as const), syncedAt: state.syncedAt ?? batch.fromDisk }),
      };
    });
    // After setState: the subscribers (React's) have been told too, as in a real frame.
    if (started !== null) performance.measure(COMMIT_MEASURE, { start: started, detail: { snapshot: batch.snapshot !== null, seq: batch.seq, changed: batch.observations.size } });
  }

  return {
    api,
    lastAppliedSeq,
    flush,
    hasPending: () => pending !== null,
    ingestSnapshot(snapshot) {
      // Frozen: the snapshot (a reconnect) waits with the other held changes. But a page that
      // has shown nothing yet (opened or woken during a freeze, with no kept copy: the
      // presenter's remote after a sleep) has nothing to keep still: its first snapshot is
      // shown, and only what comes after it is held and counted.
      // The empty snapshot a wall page asks for before its layout is known (beforeLayout) showed nothing either.
      const first = freeze !== null && (lastAppliedSeq() === null || blankShown);
      // Whatever order it came in with the wall state: a snapshot with no figure, no report
      // status and no task shows nothing (the one asked for before the layout was known).
      const blank = snapshot.observations.length === 0 && (snapshot.compliance?.length ?? 0) === 0 && (snapshot.tasks?.length ?? 0) === 0;
      blankShown = blank && (blankShown || lastAppliedSeq() === null);
      const p = freeze && !first ? ensureHeld() : ensurePending();
      if (!first) countSnapshot(snapshot);
      p.snapshot = snapshot;
      p.indicators.clear();
      p.observations.clear();
      p.compliance.clear();
      p.tasks.clear();
      // A snapshot is the server's whole truth at its seq, even a lower one (a reset log).
      p.seq = snapshot.seq;
      p.fromDisk = null;
    },
    ingestChanges(batch) {
      const base = lastAppliedSeq();
      const fresh = batch.changes.filter((c) => base === null || c.seq > base);
      const advances = base === null || batch.seq > base;
      if (fresh.length === 0 && !advances) return;
      let top = batch.seq;
      for (const change of fresh) if (change.seq > top) top = change.seq;
      // Frozen: what comes after the freeze's seq is held (and counted), not shown; nothing
      // is committed for it, so a frozen wall costs nothing per frame but the count.
      const heldFrom = (seq: number) => freeze !== null && (held?.snapshot != null || seq > freeze.seq);
      let shownTop: number | null = null;
      for (const change of fresh) {
        const p = heldFrom(change.seq) ? ensureHeld() : ensurePending();
        if (p !== held) shownTop = Math.max(shownTop ?? 0, change.seq);
        if (change.kind === 'indicator') {
          p.indicators.set(change.indicator.code, change.indicator);
        } else if (change.kind === 'observation') {
          const key = observationKey(change.observation);
          const existing = p.observations.get(key);
          if (newer(existing, change.observation)) p.observations.set(key, change.observation);
          if (p === held) countHeld(key, change.observation);
        } else if (change.kind === 'compliance') {
          p.compliance.set(complianceKey(change.entry), change.entry);
        } else if (change.kind === 'task') {
          p.tasks.set(change.task.id, change.task);
        }
      }
      // The sequence only ever moves forward: the shown side's up to what it was given, the
      // held side's (or, live, the buffer's) to the batch's top.
      const forward = (p: Pending, seq: number) => {
        p.seq = Math.max(p.seq ?? base ?? 0, seq);
        p.fromDisk = null;
      };
      if (heldFrom(top)) {
        forward(ensureHeld(), top);
        // The shown side has all this subscriber gets up to the freeze's seq.
        if (shownTop !== null && pending && freeze) forward(pending, Math.min(top, freeze.seq));
      } else {
        forward(ensurePending(), base === null ? top : Math.max(base, top));
      }
    },
    setCommand(command) {
      const s = api.getState();
      if ('identify' in command) {
        if (!s.identify || command.identify.seq > s.identify.seq || command.identify.seq === 0) api.setState({ identify: command.identify });
      } else if (!s.testPattern || command.testPattern.seq > s.testPattern.seq || command.testPattern.seq === 0) {
        api.setState({ testPattern: command.testPattern });
      }
    },
    setWallState(state) {
      api.setState({ wall: { profile: state.profile, layout: state.layout, revision: state.revision } });
    },
    restore(saved) {
      // The server's word beats the disk's: a restore that arrives late changes nothing.
      if (api.getState().source === 'server' || pending !== null) return;
      if (saved.wall) api.setState({ wall: { profile: saved.wall.profile, layout: saved.wall.layout, revision: saved.wall.revision } });
      api.setState({ source: 'disk', syncedAt: saved.syncedAt });
      if (saved.snapshot) {
        const p = ensurePending();
        p.snapshot = saved.snapshot;
        p.seq = saved.snapshot.seq;
        p.fromDisk = saved.syncedAt;
      }
    },
    confirmLive() {
      if (pending?.fromDisk != null) flush();
      api.setState({ source: 'server', syncedAt: Date.now() });
    },
    setView(view) {
      const was = api.getState().frozen;
      const thaw = was !== null && (view.freeze === null || view.freeze.at !== was.at || view.freeze.seq !== was.seq);
      if (thaw) {
        // Back to live: what was shown, then everything held, in this one call.
        flush();
        pending = held;
        held = null;
        freeze = null;
        flush();
        api.setState({ frozen: null });
      }
      if (view.freeze && api.getState().frozen === null) {
        // What reached the page before the freeze is shown; what follows its seq is held.
        flush();
        freeze = { seq: view.freeze.seq, changed: new Set(), counted: 0 };
        api.setState({ frozen: { at: view.freeze.at, seq: view.freeze.seq, changed: 0 } });
      }
      api.setState({ view });
    },
    prepare(scene) {
      api.setState({ prepared: scene, preparedMounted: null });
    },
    markPrepared(switchId) {
      if (api.getState().prepared?.switchId === switchId) api.setState({ preparedMounted: switchId });
    },
    commitPrepared(switchId) {
      const { prepared, slot } = api.getState();
      if (!prepared) return false;
      if (prepared.switchId !== switchId) {
        api.setState({ prepared: null, preparedMounted: null });
        return false;
      }
      api.setState({ prepared: null, preparedMounted: null, slot: slot === 0 ? 1 : 0 });
      return true;
    },
    setDraftTiles(tiles) {
      const drafted = api.getState().drafted;
      if (drafted.length === tiles.length && tiles.every((tile, i) => tile === drafted[i])) return;
      api.setState({ drafted: [...tiles] });
    },
    setConnection(patch) {
      const current = api.getState().connection;
      const statusChanged =
        (patch.feed !== undefined && patch.feed !== current.feed) ||
        (patch.control !== undefined && patch.control !== current.control);
      const next = { ...current, ...patch, since: statusChanged ? Date.now() : (patch.since ?? current.since) };
      if ((Object.keys(next) as (keyof ConnectionState)[]).every((k) => next[k] === current[k])) return;
      // Losing the link: the figures on screen were current until now.
      const lost = isConnected(current) && !isConnected(next) && api.getState().source === 'server';
      api.setState(lost ? { connection: next, syncedAt: Date.now() } : { connection: next });
    },
  };
}

/** Both links up. */
export const isConnected = (c: ConnectionState): boolean => c.feed === 'connected' && c.control === 'connected';
