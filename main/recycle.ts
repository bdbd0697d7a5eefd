/**
 * Scheduled recycling: once a day, at a quiet time the technician chose, every wall
 * window reloads — a fresh page sheds whatever a month of updates left behind. One
 * window at a time, so never more than one screen is blank at once, and each only after
 * the server answered a health check (a page reloaded while the server is down would
 * come back from the disk copy, but there is no reason to take that risk on purpose)
 * and after the previous window painted again. Pure planning plus a runner whose every
 * effect is injected, so both are unit-tested without Electron or timers.
 */

export interface QuietTime {
  hour: number;
  minute: number;
}

/** "03:30" → { hour: 3, minute: 30 }; null for anything that is not a 24-hour HH:MM. */
export function parseQuietTime(text: string): QuietTime | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** The next local clock time at `quiet` strictly after `now` (tomorrow when today's has passed). */
export function nextRecycleAt(now: number, quiet: QuietTime): number {
  const at = new Date(now);
  at.setHours(quiet.hour, quiet.minute, 0, 0);
  if (at.getTime() <= now) {
    at.setDate(at.getDate() + 1);
    at.setHours(quiet.hour, quiet.minute, 0, 0);
  }
  return at.getTime();
}

export interface RecycleDependencies {
  /** One health check of the server: true when it answered 200. */
  serverAnswers(): Promise<boolean>;
  /** Reload one window (by key). */
  reload(key: string): Promise<void>;
  /** Resolves true once the window painted after its reload, false if it did not within the limit. */
  paintedAgain(key: string): Promise<boolean>;
  /** Wait between health checks while the server does not answer. */
  sleep(ms: number): Promise<void>;
  /** Keys that still exist (a window closed by a re-plan meanwhile is skipped). */
  stillOpen(key: string): boolean;
  log(message: string): void;
}

export interface RecycleLimits {
  /** How often to ask the server again while it does not answer. */
  healthRetryMs: number;
  /** How many times to ask before giving the round up (no window reloads without the server). */
  healthAttempts: number;
}

export const DEFAULT_RECYCLE_LIMITS: RecycleLimits = { healthRetryMs: 30_000, healthAttempts: 120 };

export interface RecycleOutcome {
  reloaded: string[];
  /** Why the round stopped early, or null when every window was recycled. */
  stoppedBecause: string | null;
}

/** Recycles the windows in the given order, one after the other. */
export async function recycleWindows(
  keys: readonly string[],
  deps: RecycleDependencies,
  limits: RecycleLimits = DEFAULT_RECYCLE_LIMITS,
): Promise<RecycleOutcome> {
  const reloaded: string[] = [];
  for (const key of keys) {
    if (!deps.stillOpen(key)) continue;
    let answered = false;
    for (let attempt = 0; attempt < limits.healthAttempts; attempt++) {
      if (await deps.serverAnswers()) {
        answered = true;
        break;
      }
      if (attempt === 0) deps.log(`recycling: the server does not answer; window ${key} waits`);
      await deps.sleep(limits.healthRetryMs);
    }
    if (!answered) return { reloaded, stoppedBecause: `the server did not answer before window ${key}` };
    if (!deps.stillOpen(key)) continue;
    deps.log(`recycling: reloading window ${key}`);
    await deps.reload(key);
    if (!(await deps.paintedAgain(key))) {
      // A second blank screen is worse than a late recycle: the rest waits for tomorrow.
      return { reloaded, stoppedBecause: `window ${key} did not paint again after its reload` };
    }
    reloaded.push(key);
  }
  return { reloaded, stoppedBecause: null };
}
