/**
 * When to restart something that died: the embedded server process, or a wall window's
 * renderer. A wall runs 24/7 with nobody at the keyboard, so the policy never gives
 * up; it only slows down (1 s, 2 s, 4 s … 30 s) so a crash loop does not spin the CPU
 * or fill the log, and forgets past failures once the thing has stayed up for a minute.
 *
 * A pure state machine: time comes from an injected clock and the caller owns timers.
 */

export interface RestartPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** Up this long since the last start counts as healthy: the backoff starts over. */
  healthyAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  healthyAfterMs: 60_000,
};

/** How long a renderer may stay unresponsive (a long frame, a GC pause) before it is killed and reloaded. */
export const UNRESPONSIVE_GRACE_MS = 15_000;

export interface SupervisorState {
  /** Failures in a row, not separated by a healthy run. */
  failures: number;
  /** Clock time of the last start, or null before the first one. */
  startedAt: number | null;
}

export const initialSupervisorState: SupervisorState = { failures: 0, startedAt: null };

export function recordStart(state: SupervisorState, now: number): SupervisorState {
  return { ...state, startedAt: now };
}

/** A failure: returns the delay before the next start and the state to keep. */
export function recordFailure(
  state: SupervisorState,
  now: number,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): { state: SupervisorState; delayMs: number } {
  const healthy = state.startedAt !== null && now - state.startedAt >= policy.healthyAfterMs;
  const failures = healthy ? 0 : state.failures;
  // Capping the exponent keeps 2 ** n finite however long the loop runs.
  const delayMs = Math.min(policy.initialDelayMs * 2 ** Math.min(failures, 30), policy.maxDelayMs);
  return { state: { failures: failures + 1, startedAt: null }, delayMs };
}

/** The same machine behind a small object, for the adapters. */
export class Supervisor {
  private state: SupervisorState = initialSupervisorState;

  constructor(
    private readonly now: () => number,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  ) {}

  started(): void {
    this.state = recordStart(this.state, this.now());
  }

  /** Call when the supervised thing died; returns how long to wait before restarting it. */
  failed(): number {
    const { state, delayMs } = recordFailure(this.state, this.now(), this.policy);
    this.state = state;
    return delayMs;
  }

  get failures(): number {
    return this.state.failures;
  }
}
