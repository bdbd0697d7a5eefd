/**
 * The one seeded random generator of the project, for the simulator and the benchmarks:
 * mulberry32, and keyed draws on top of it. A keyed draw is a function of the seed and a
 * key ("CTK-KTXH-THANG|CTK|2026-03|GDP_GROWTH|r1"), so the same seed plays the same reports
 * with the same values, whatever order they are posted in and however often it restarts.
 */

/** FNV-1a of a string, 32 bits. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small, fast PRNG with a 32-bit state; returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A PRNG for one key under one seed. */
export function rngFor(seed: number, key: string): () => number {
  return mulberry32(hash32(`${seed}|${key}`));
}

/** One uniform draw in [0, 1) for a key. */
export function uniform(seed: number, key: string): number {
  return rngFor(seed, key)();
}

/** A standard normal draw (Box–Muller) from a PRNG. */
export function normal(rng: () => number): number {
  const u = Math.max(rng(), 1e-12);
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
