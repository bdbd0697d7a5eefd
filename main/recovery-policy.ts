/**
 * When reloading a window is no longer enough. Each window's own failures are paced by
 * the supervisor's backoff (supervisor.ts); this counts the failures of the whole agent
 * (every window's renderer crashes, hangs and paint stalls, and the GPU process going)
 * and says "relaunch the app" once there were `maxFailures` of them within `windowMs`:
 * by then something below the page is wrong (a wedged GPU process, a leaking Chromium)
 * and a fresh process is the cheapest cure. Pure: the caller passes the clock.
 */

export interface RelaunchPolicy {
  maxFailures: number;
  windowMs: number;
}

/** Six failures in ten minutes: a single flaky page (backoff 1, 2, 4, 8 s …) never gets there alone within a minute. */
export const DEFAULT_RELAUNCH_POLICY: RelaunchPolicy = { maxFailures: 6, windowMs: 10 * 60_000 };

export type FailureKind = 'renderer-gone' | 'unresponsive' | 'paint-stalled' | 'load-failed' | 'gpu-gone';

export interface RecoveryState {
  /** Clock times of the failures still inside the window, oldest first. */
  failures: readonly number[];
}

export const initialRecoveryState: RecoveryState = { failures: [] };

export type RecoveryDecision = 'reload' | 'relaunch';

export function recordAgentFailure(
  state: RecoveryState,
  now: number,
  policy: RelaunchPolicy = DEFAULT_RELAUNCH_POLICY,
): { state: RecoveryState; decision: RecoveryDecision } {
  const recent = state.failures.filter((at) => now - at < policy.windowMs);
  recent.push(now);
  if (recent.length >= policy.maxFailures) return { state: initialRecoveryState, decision: 'relaunch' };
  // Bounded: never more entries than the threshold.
  return { state: { failures: recent.slice(-policy.maxFailures) }, decision: 'reload' };
}

/** The same machine behind a small object, for the adapter. */
export class RecoveryPolicy {
  private state: RecoveryState = initialRecoveryState;

  constructor(
    private readonly now: () => number,
    private readonly policy: RelaunchPolicy = DEFAULT_RELAUNCH_POLICY,
  ) {}

  failed(): RecoveryDecision {
    const { state, decision } = recordAgentFailure(this.state, this.now(), this.policy);
    this.state = state;
    return decision;
  }

  get recentFailures(): number {
    const now = this.now();
    return this.state.failures.filter((at) => now - at < this.policy.windowMs).length;
  }
}

/**
 * How to relaunch. Under a service manager (the systemd user unit of build/linux sets
 * TOANCANH_SUPERVISED=1) the agent just exits and the manager starts a fresh one: an
 * app.relaunch() child would live in the unit's cgroup and be killed with it. Otherwise
 * (Windows' scheduled task, a technician's terminal) Electron relaunches itself.
 */
export function relaunchMethod(env: Readonly<Record<string, string | undefined>>): 'exit' | 'relaunch' {
  return env.TOANCANH_SUPERVISED === '1' ? 'exit' : 'relaunch';
}
