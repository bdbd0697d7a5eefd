/**
 * Per-token token buckets: each token may make `ratePerSecond` requests per second on
 * average and `burst` at once. Kept in memory (one entry per token that called), so a
 * restart forgives everyone, which is fine for a guard against runaway clients.
 */
export interface RateLimitOptions {
  ratePerSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { ratePerSecond: 50, burst: 200 };

export class TokenBuckets {
  private readonly buckets = new Map<string | number, { tokens: number; at: number }>();

  constructor(
    private readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1)) throw new Error('rate limit: ratePerSecond > 0 and burst >= 1');
  }

  /** Takes one request from the key's bucket; when empty, says how many seconds until one is back. */
  take(key: string | number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const t = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, at: t };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + ((t - bucket.at) / 1000) * this.options.ratePerSecond);
    bucket.at = t;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.options.ratePerSecond)) };
  }
}
