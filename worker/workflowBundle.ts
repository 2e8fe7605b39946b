import { bundleWorkflowCode } from '@temporalio/worker';

export function workflowsPath(): string {
  return require.resolve('../workflows');
}

/**
 * Modules the worker evaluates once and shares between all workflow runs (the SDK's `preloadModules`, with its
 * default reusable V8 context): the loader of the pure modules, so that XState, zod and the machines are evaluated
 * once per worker instead of once per run (workflows/pureRuntime.ts says why and when that is safe).
 */
export function workflowPreloadModules(): string[] {
  return [require.resolve('../workflows/pureRuntime')];
}

const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error };

/** The workflow bundle as every worker runs it (tests and the benchmark build it once and pass it in). */
export function bundleWorkflows() {
  return bundleWorkflowCode({ workflowsPath: workflowsPath(), preloadModules: workflowPreloadModules(), logger: quietLogger });
}
