/**
 * Validators keep at most this many faults, and count the rest: a hostile document under the
 * body limit (150,000 empty CSV columns, 5,000 values with 24 unknown keys each) would
 * otherwise build hundreds of thousands of bilingual messages, seconds of work and tens of
 * megabytes, for a reply that lists the first MAX_REPLY_ERRORS anyway. Kept above the reply's
 * cap so that merging lists (CSV syntax, then content) still has enough to choose from.
 */
export const MAX_COLLECTED_ERRORS = 1000;

/**
 * A bounded list of faults. `add` takes a function so that a fault past the cap costs a
 * counter increment, not a formatted message; `total` counts every fault seen.
 */
export class ErrorList<T> {
  readonly items: T[] = [];
  private count = 0;

  constructor(private readonly max: number = MAX_COLLECTED_ERRORS) {}

  add(make: () => T): void {
    this.count++;
    if (this.items.length < this.max) this.items.push(make());
  }

  /** Another validator's kept faults and its total (which may exceed what it kept). */
  addAll(items: readonly T[], total: number = items.length): void {
    for (const item of items) {
      if (this.items.length >= this.max) break;
      this.items.push(item);
    }
    this.count += Math.max(total, items.length);
  }

  get total(): number {
    return this.count;
  }

  get empty(): boolean {
    return this.count === 0;
  }
}
