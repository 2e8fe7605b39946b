/** Small numeric helpers for the benchmark: percentiles, timing, a bounded pool. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);
export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = nowMs();
  const value = await fn();
  return { ms: nowMs() - t0, value };
}

/** Runs `fn` over `items` with at most `limit` in flight; `onDone` is told after each. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>, onDone?: (done: number) => void): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  async function lane() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
      onDone?.(++done);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

/** ABBA order for interleaved rounds: round 0 runs ours first, round 1 the baseline first, and so on. */
export function sidesForRound<T>(round: number, ours: T, baseline: T): [T, T] {
  return round % 2 === 0 ? [ours, baseline] : [baseline, ours];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
