import type * as PureModules from './pureModules';

let loaded: typeof PureModules | undefined;

/**
 * The pure modules the workflows run (./pureModules.ts), evaluated once per worker and shared by every workflow run.
 *
 * Why: the SDK evaluates a workflow's imports anew for each run it starts or replays after eviction, and keeps each
 * run's copy while the run is cached. For the machines, with XState and zod, that was ~20 ms of CPU and ~2 MB per run
 * (docs/PERFORMANCE.md). The worker preloads this module (worker/workflowBundle.ts), so this variable is shared by all
 * runs; the first run to ask evaluates the pure modules and every later run reuses them. The SDK's own preloading
 * cannot take them directly: it deep-freezes what it preloads, and zod builds parts of a schema on first use.
 *
 * Safe because what is shared holds no per-run state: machines and engine are pure (docs/ARCHITECTURE.md §3: no I/O, no clock,
 * no randomness; time arrives as arguments) and nothing changes a definition after it is built. Where the module is
 * not preloaded (a bundle built without worker/workflowBundle.ts), each run simply loads its own copy, as before.
 */
export function pureModules(): typeof PureModules {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./pureModules') as typeof PureModules;
  return loaded;
}
