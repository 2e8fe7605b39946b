/** Worker options that trade memory for CPU, from the environment, with the defaults measured in docs/PERFORMANCE.md. */
export interface WorkerTuning {
  /**
   * Workflow runs kept in the worker's sticky cache. A cached run answers its next task at once; an evicted one is
   * replayed from its history first. Memory grows with this number, not with the number of open inspections: the
   * SDK's default is derived from the heap limit (thousands on a large machine).
   */
  maxCachedWorkflows: number;
}

/** What one worker holds by default: see docs/PERFORMANCE.md ("Open inspections and worker memory"). */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 1000;

/** `WORKER_MAX_CACHED_WORKFLOWS` overrides the default; anything but a whole number ≥ 0 is refused at start. */
export function workerTuningFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerTuning {
  const raw = env.WORKER_MAX_CACHED_WORKFLOWS;
  if (raw === undefined || raw === '') return { maxCachedWorkflows: DEFAULT_MAX_CACHED_WORKFLOWS };
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value)) {
    throw new Error(`WORKER_MAX_CACHED_WORKFLOWS must be a whole number ≥ 0, not "${raw}"`);
  }
  return { maxCachedWorkflows: value };
}
