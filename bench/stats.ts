/** Percentiles and in-process timing, shared by every measurement of the bench. */

export interface Timing {
  /** Milliseconds. */
  p50: number;
  p99: number;
  mean: number;
}

/** Nearest-rank percentiles of a set of durations in milliseconds. */
export function summarise(ms: readonly number[]): Timing {
  if (ms.length === 0) throw new Error("no samples");
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

export interface CallResult extends Timing {
  calls: number;
  /** Calls per second, one after another on one thread. */
  perSecond: number;
}

/**
 * Times `fn` called in this process one call after another, as the floor of a route: a few calls
 * first to warm SQLite's page cache and prepared statements, then for `seconds` and at least
 * `minCalls` calls.
 */
export async function timeCalls(fn: (i: number) => unknown, seconds: number, minCalls = 20): Promise<CallResult> {
  for (let i = 0; i < 3; i++) await fn(i);
  const ms: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  for (let i = 0; performance.now() < deadline || ms.length < minCalls; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  return { ...summarise(ms), calls: ms.length, perSecond: ms.length / ((performance.now() - started) / 1000) };
}

/** Seconds `fn` takes, once. */
export async function timeOnce<T>(fn: () => T | Promise<T>): Promise<{ seconds: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - t) / 1000, value };
}
