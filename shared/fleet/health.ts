import type { FleetWindow } from './schema';

/**
 * The health board's classifier (issue 9), pure so the server's timer and the tests agree:
 * each wall screen green, amber or red, with the reasons. Red: nobody shows it (no window,
 * its host gone, its window's connection down). Amber: it shows, but badly (frames per
 * second low, its report older than its cadence, the JS heap growing, the renderer
 * restarted recently).
 */

export type HealthLevel = 'green' | 'amber' | 'red';
export type HealthReason = 'no-window' | 'host-gone' | 'disconnected' | 'fps-low' | 'report-stale' | 'heap-growing' | 'restarted';

export const RED_REASONS: ReadonlySet<HealthReason> = new Set(['no-window', 'host-gone', 'disconnected']);

export interface HealthThresholds {
  /** Below this, a window's frames per second are low. */
  minFps: number;
  /** A report older than `staleFactor` × the host's cadence is stale. */
  staleFactor: number;
  /** Heap growth that counts: at least this share above the first sample… */
  heapGrowthRatio: number;
  /** …and at least this many MB. */
  heapGrowthMb: number;
  /** How many samples the heap trend needs before it says anything. */
  heapMinSamples: number;
  /** A restart stays amber for this long. */
  restartAmberMs: number;
}

export const DEFAULT_THRESHOLDS: HealthThresholds = {
  minFps: 20,
  staleFactor: 2,
  heapGrowthRatio: 0.5,
  heapGrowthMb: 64,
  heapMinSamples: 5,
  restartAmberMs: 10 * 60_000,
};

/** One window showing a screen, as the server keeps it. */
export interface ObservedWindow {
  hostId: string;
  hostConnected: boolean;
  window: FleetWindow;
  /** When the server last heard from its host (server clock, ms). */
  reportedAt: number;
  statusEveryMs: number;
  /** Heap samples, oldest first (bounded by the caller). */
  heapSamples: readonly number[];
  /** When `restarts` last went up (server clock), or null. */
  restartedAt: number | null;
}

export interface ScreenVerdict {
  level: HealthLevel;
  reasons: HealthReason[];
  /** The host whose window was judged (the best one), or null. */
  hostId: string | null;
}

export function heapGrowing(samples: readonly number[], t: HealthThresholds = DEFAULT_THRESHOLDS): boolean {
  if (samples.length < t.heapMinSamples) return false;
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  // Growing: the newest is well above the first, and no sample fell back to near the start (a GC would).
  const rising = samples.every((value, i) => i === 0 || value >= samples[i - 1]! * 0.98);
  return rising && last - first >= t.heapGrowthMb && last >= first * (1 + t.heapGrowthRatio);
}

function judgeWindow(w: ObservedWindow, now: number, t: HealthThresholds): ScreenVerdict {
  if (!w.hostConnected) return { level: 'red', reasons: ['host-gone'], hostId: w.hostId };
  if (w.window.connection === 'disconnected') return { level: 'red', reasons: ['disconnected'], hostId: w.hostId };
  const reasons: HealthReason[] = [];
  if (w.window.fps !== null && w.window.fps < t.minFps) reasons.push('fps-low');
  if (now - w.reportedAt > w.statusEveryMs * t.staleFactor) reasons.push('report-stale');
  if (heapGrowing(w.heapSamples, t)) reasons.push('heap-growing');
  if (w.restartedAt !== null && now - w.restartedAt < t.restartAmberMs) reasons.push('restarted');
  return { level: reasons.length > 0 ? 'amber' : 'green', reasons, hostId: w.hostId };
}

const RANK: Record<HealthLevel, number> = { green: 0, amber: 1, red: 2 };

/**
 * A screen's verdict from every window that shows it: the best of them (a screen shown well
 * by one host is shown), or red `no-window` when none does. When `assignedHost` is given,
 * only that host's windows count: a screen moved to another PC is not kept green by the old one.
 */
export function classifyScreen(windows: readonly ObservedWindow[], now: number, assignedHost: string | null = null, t: HealthThresholds = DEFAULT_THRESHOLDS): ScreenVerdict {
  const candidates = assignedHost === null ? windows : windows.filter((w) => w.hostId === assignedHost);
  if (candidates.length === 0) return { level: 'red', reasons: ['no-window'], hostId: assignedHost };
  return candidates.map((w) => judgeWindow(w, now, t)).sort((a, b) => RANK[a.level] - RANK[b.level] || a.reasons.length - b.reasons.length)[0]!;
}

/** A screen on the board: its verdict and since when it has had this level. */
export interface ScreenHealth extends ScreenVerdict {
  screenId: string;
  /** ISO time of the last change of level. */
  since: string;
}

export interface BoardChange {
  screenId: string;
  from: HealthLevel | null;
  to: HealthLevel;
  reasons: HealthReason[];
}

/**
 * The next board from the previous one and fresh verdicts: `since` moves only when the level
 * changes (new reasons at the same level keep it). A screen no longer in the profile leaves.
 */
export function advanceBoard(previous: ReadonlyMap<string, ScreenHealth>, verdicts: ReadonlyMap<string, ScreenVerdict>, nowIso: string): { board: Map<string, ScreenHealth>; changes: BoardChange[] } {
  const board = new Map<string, ScreenHealth>();
  const changes: BoardChange[] = [];
  for (const [screenId, verdict] of verdicts) {
    const before = previous.get(screenId);
    const changed = before === undefined || before.level !== verdict.level;
    board.set(screenId, { screenId, ...verdict, since: changed ? nowIso : before.since });
    if (changed) changes.push({ screenId, from: before?.level ?? null, to: verdict.level, reasons: verdict.reasons });
    else if (before.reasons.join() !== verdict.reasons.join()) changes.push({ screenId, from: before.level, to: verdict.level, reasons: verdict.reasons });
  }
  return { board, changes };
}
