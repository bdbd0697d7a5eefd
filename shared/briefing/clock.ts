/**
 * A window's estimate of its clock's offset from the server's (NTP-style): each ping
 * records when it left (t0, local), the server's time when it answered (t1) and when the
 * answer came back (t2, local). The offset of one exchange is t1 − (t0 + t2) / 2; its error
 * is at most half its round trip, so the estimate keeps the samples of smallest round trip.
 * Pure: the wall page and the bench feed it their own clocks.
 */
export interface ClockSample {
  /** Local send time, ms. */
  t0: number;
  /** Server time in the reply, ms. */
  t1: number;
  /** Local receive time, ms. */
  t2: number;
}

export interface ClockEstimate {
  /** Add to a local time to get the server's: serverNow ≈ localNow + offsetMs. */
  offsetMs: number;
  /** The round trip of the best sample: the offset is within ± rttMs / 2. */
  rttMs: number;
  samples: number;
}

/** Samples kept (the newest): enough to ride out a burst of slow round trips, few enough to follow a drifting clock. */
export const CLOCK_WINDOW = 16;
/** Of those, the estimate is the median offset of the few with the smallest round trip. */
export const CLOCK_BEST = 3;

export class ClockEstimator {
  private readonly samples: ClockSample[] = [];

  constructor(private readonly window = CLOCK_WINDOW) {}

  /** Adds one exchange; a reply that came back before it left (a clock stepped under us) is dropped. */
  add(sample: ClockSample): void {
    if (!(sample.t2 >= sample.t0) || !Number.isFinite(sample.t1)) return;
    this.samples.push(sample);
    if (this.samples.length > this.window) this.samples.shift();
  }

  estimate(): ClockEstimate | null {
    return estimateOffset(this.samples);
  }
}

/** The estimate of a set of samples: the median offset of the CLOCK_BEST smallest round trips. */
export function estimateOffset(samples: readonly ClockSample[]): ClockEstimate | null {
  if (samples.length === 0) return null;
  const best = [...samples].sort((a, b) => a.t2 - a.t0 - (b.t2 - b.t0)).slice(0, CLOCK_BEST);
  const offsets = best.map((s) => s.t1 - (s.t0 + s.t2) / 2).sort((a, b) => a - b);
  return { offsetMs: offsets[Math.floor(offsets.length / 2)]!, rttMs: best[0]!.t2 - best[0]!.t0, samples: samples.length };
}
