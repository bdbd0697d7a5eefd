/** Percentiles and table formatting for the wall benchmark. */

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles (p of n sorted values: the ceil(p·n)-th). */
export function summarize(values: readonly number[]): Summary {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  const at = (p: number) => (n === 0 ? Number.NaN : sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))]!);
  return { n, p50: at(50), p95: at(95), p99: at(99), max: n ? sorted[n - 1]! : Number.NaN, mean: n ? sorted.reduce((s, v) => s + v, 0) / n : Number.NaN };
}

export interface FrameStats extends Summary {
  frames: number;
  /** Frames longer than 1.5 display intervals. */
  dropped: number;
  droppedShare: number;
  /** Display intervals that produced no frame: Σ (round(delta / interval) − 1). */
  missedIntervals: number;
  /** Frames per second over the recording. */
  fps: number;
}

/** Frame times from consecutive requestAnimationFrame timestamps. */
export function frameStats(timestamps: readonly number[], intervalMs: number): FrameStats {
  const deltas: number[] = [];
  for (let i = 1; i < timestamps.length; i++) deltas.push(timestamps[i]! - timestamps[i - 1]!);
  const s = summarize(deltas);
  const dropped = deltas.filter((d) => d > 1.5 * intervalMs).length;
  const missedIntervals = deltas.reduce((sum, d) => sum + Math.max(0, Math.round(d / intervalMs) - 1), 0);
  const span = timestamps.length > 1 ? timestamps[timestamps.length - 1]! - timestamps[0]! : 0;
  return { ...s, frames: deltas.length, dropped, droppedShare: deltas.length ? dropped / deltas.length : 0, missedIntervals, fps: span > 0 ? (deltas.length / span) * 1000 : 0 };
}

export const ms = (v: number, digits = 1): string => (Number.isFinite(v) ? v.toFixed(digits) : '—');
export const mb = (bytes: number): string => (Number.isFinite(bytes) ? (bytes / 1_048_576).toFixed(1) : '—');
export const pct = (share: number, digits = 1): string => (Number.isFinite(share) ? `${(share * 100).toFixed(digits)} %` : '—');

/** A plain-text table, columns padded; numbers right-aligned. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The same table in Markdown. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const align = header.map((_, c) => (c === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
