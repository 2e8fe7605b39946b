import type { ActivityOptions } from '@temporalio/workflow';

/**
 * How the batch workflows (a migration, a calendar change) run their one activity per inspection: a few at a time,
 * and so many per run of the workflow before it continues as new, so that its history stays small.
 */
export const BATCH = {
  atOnce: 16,
  perRun: 200,
  /** Refusals kept with their reasons; the count covers them all. */
  refusalsKept: 1_000,
  activity: {
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
  } satisfies ActivityOptions,
} as const;
