/** How big each part of the benchmark is, by mode: `--smoke` proves the harness (seconds), `--quick` < 5 min. */
export type Mode = 'smoke' | 'quick' | 'full';

export interface BenchSizes {
  mode: Mode;
  /** Inspections per side per measured round of the lifecycle, and the number of measured rounds (ABBA order). */
  lifecycleN: number;
  lifecycleRounds: number;
  /** Inspections per side driven one settled step at a time, for the history events count. */
  historyN: number;
  /**
   * Inspections driven through all 5 decisions before latency is timed, ours through the API and the baseline's
   * directly, `concurrency` at a time: V8 optimises the request path over its first couple of thousand requests
   * (docs/PERFORMANCE.md), and a deployed API is past them.
   */
  latencyWarmupInspections: number;
  /** Inspections driven one decision at a time for latency (5 decisions each, alternating API and client). */
  latencyInspections: number;
  /** Inspections started, then 3 decisions each, per side per round, with `concurrency` requests in flight. */
  throughputN: number;
  throughputRounds: number;
  concurrency: number;
  /** Open inspections to hold on one worker. */
  openInspections: number;
  /** Times the collected histories are replayed per side per round, and rounds. */
  replayRepeat: number;
  replayRounds: number;
  /** Working-day additions per side per round, and rounds. */
  calendarOps: number;
  calendarRounds: number;
}

export function sizesFor(argv: readonly string[]): BenchSizes {
  if (argv.includes('--smoke')) {
    return { mode: 'smoke', lifecycleN: 2, lifecycleRounds: 2, historyN: 1, latencyWarmupInspections: 1, latencyInspections: 2, throughputN: 4, throughputRounds: 1, concurrency: 4, openInspections: 4, replayRepeat: 1, replayRounds: 1, calendarOps: 20_000, calendarRounds: 1 };
  }
  if (argv.includes('--quick')) {
    return { mode: 'quick', lifecycleN: 16, lifecycleRounds: 6, historyN: 4, latencyWarmupInspections: 120, latencyInspections: 12, throughputN: 80, throughputRounds: 2, concurrency: 32, openInspections: 1_000, replayRepeat: 1, replayRounds: 2, calendarOps: 200_000, calendarRounds: 5 };
  }
  return { mode: 'full', lifecycleN: 40, lifecycleRounds: 10, historyN: 10, latencyWarmupInspections: 400, latencyInspections: 100, throughputN: 500, throughputRounds: 4, concurrency: 32, openInspections: 10_000, replayRepeat: 2, replayRounds: 4, calendarOps: 1_000_000, calendarRounds: 5 };
}
