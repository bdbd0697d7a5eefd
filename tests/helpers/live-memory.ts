/**
 * Memory a process still holds on to: heap in use plus external buffers, read after a full
 * collection (the integration project runs with --expose-gc; without it the figure is read
 * as it stands). RSS is not the measure of a leak: V8 and malloc keep the pages they grew
 * into for the next burst, so RSS after a few 1 MB bodies says how big the heap once was
 * (79 MB above the baseline once, on a loaded CI), not whether anything was kept.
 */
export function liveBytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}
