import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../machines/kit';

/**
 * The migration batch workflow's messages (workflows/migrationBatchWorkflow.ts), in a module clients import without
 * pulling in workflow code.
 */
export const MIGRATION_BATCH_WORKFLOW = 'migrationBatchWorkflow';

export interface MigrationBatchInput {
  batchId: string;
  type: string;
  version: number;
  fromRevision: number;
  toRevision: number;
  reason: string;
  actor: Actor;
  /** Those still to migrate; a run that continues as new carries the rest. */
  inspectionIds: string[];
  /** What earlier runs of the batch did (absent on its first run). */
  progress?: MigrationBatchProgress;
}

export interface MigrationBatchProgress {
  total: number;
  migrated: number;
  /** Found already on the target revision: a retried migration, applied once. */
  alreadyMigrated: number;
  refused: number;
  /** The refusals, each with its reason (the first 1,000; `refused` counts them all). */
  refusals: { inspectionId: string; code: string; message: string }[];
}

export interface MigrationBatchState extends MigrationBatchProgress {
  batchId: string;
  type: string;
  version: number;
  fromRevision: number;
  toRevision: number;
  reason: string;
  by: string;
  remaining: number;
  status: 'running' | 'stopping' | 'stopped' | 'completed';
  stoppedBecause: string | null;
}

/** One inspection's outcome, from the migration activity. */
export type MigrationOutcome = { outcome: 'migrated' | 'already_migrated' } | { outcome: 'refused'; code: string; message: string };

export const migrationBatchStateQuery = defineQuery<MigrationBatchState>('migrationBatchState');
export const stopMigrationBatchUpdate = defineUpdate<MigrationBatchState, [{ reason: string; actor: Actor }]>('stopMigrationBatch');
