import { continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import type { MigrationActivities } from '../activities/types';
import { BATCH } from './batchRuns';
import { type MigrationBatchInput, type MigrationBatchProgress, type MigrationBatchState, migrationBatchStateQuery, stopMigrationBatchUpdate } from './migrationMessages';

const { migrateInspection } = proxyActivities<MigrationActivities>(BATCH.activity);
const { atOnce: AT_ONCE, perRun: PER_RUN, refusalsKept: REFUSALS_KEPT } = BATCH;

/**
 * Migrates many running inspections to another machine revision, one activity each (activities/migration.ts), a few
 * at a time: durable, so a worker killed mid-way loses nothing (another picks the batch up; an inspection's migration
 * Update is applied once, whoever retries it); its progress a Query; stopped by an Update, after the inspections
 * under way. Continues as new every 200 inspections, carrying the rest and what was done.
 */
export async function migrationBatchWorkflow(input: MigrationBatchInput): Promise<MigrationBatchState> {
  const progress: MigrationBatchProgress = input.progress ?? { total: input.inspectionIds.length, migrated: 0, alreadyMigrated: 0, refused: 0, refusals: [] };
  let position = 0;
  let stopping: { reason: string; by: string } | null = null;
  let ended: 'stopped' | 'completed' | null = null;

  const state = (status: MigrationBatchState['status']): MigrationBatchState => ({
    ...progress,
    batchId: input.batchId,
    type: input.type,
    version: input.version,
    fromRevision: input.fromRevision,
    toRevision: input.toRevision,
    reason: input.reason,
    by: input.actor.id,
    remaining: input.inspectionIds.length - position,
    status,
    stoppedBecause: stopping ? `${stopping.reason} (${stopping.by})` : null,
  });

  setHandler(migrationBatchStateQuery, () => state(ended ?? (stopping ? 'stopping' : 'running')));
  setHandler(
    stopMigrationBatchUpdate,
    ({ reason, actor }) => {
      stopping ??= { reason, by: actor.id };
      return state('stopping');
    },
    {
      validator: ({ reason, actor }) => {
        if (actor.role !== 'manager') throw new Error(`a migration batch is stopped by a manager, not by ${actor.role}`);
        if (!reason?.trim()) throw new Error('say why the batch is stopped (reason)');
      },
    },
  );

  while (position < input.inspectionIds.length && position < PER_RUN && stopping === null) {
    const chunk = input.inspectionIds.slice(position, Math.min(position + AT_ONCE, PER_RUN, input.inspectionIds.length));
    const outcomes = await Promise.all(
      chunk.map((inspectionId) => migrateInspection({ inspectionId, fromRevision: input.fromRevision, toRevision: input.toRevision, reason: input.reason, actor: input.actor })),
    );
    outcomes.forEach((outcome, i) => {
      if (outcome.outcome === 'migrated') progress.migrated++;
      else if (outcome.outcome === 'already_migrated') progress.alreadyMigrated++;
      else if (outcome.outcome === 'refused') {
        progress.refused++;
        if (progress.refusals.length < REFUSALS_KEPT) progress.refusals.push({ inspectionId: chunk[i]!, code: outcome.code, message: outcome.message });
      }
    });
    position += chunk.length;
  }

  if (stopping === null && position < input.inspectionIds.length) {
    return continueAsNew<typeof migrationBatchWorkflow>({ ...input, inspectionIds: input.inspectionIds.slice(position), progress });
  }
  ended = stopping ? 'stopped' : 'completed';
  return state(ended);
}
