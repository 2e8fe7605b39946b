import type { Client } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Actor } from '../machines/kit';
import type { MigrationOutcome } from '../workflows/migrationMessages';
import { REFUSAL_FAILURE_PREFIX, migrateUpdate, migrationPreviewQuery } from '../workflows/messages';

export interface MigrateInspectionInput {
  inspectionId: string;
  fromRevision: number;
  toRevision: number;
  reason: string;
  actor: Actor;
}

/**
 * Moves one inspection for a migration batch: its dry run first, then the migration Update, whose id names the
 * target revision, so a retried activity (a worker killed mid-way) never migrates it twice. A refusal is an outcome,
 * not a failure; only an unreachable server or a timeout fails the activity, to be retried.
 */
export async function migrateInspection(client: Client, input: MigrateInspectionInput): Promise<MigrationOutcome> {
  const handle = client.workflow.getHandle(input.inspectionId);
  const description = await handle.describe().catch((error: unknown) => {
    if ((error as { name?: string }).name === 'WorkflowNotFoundError') return null;
    throw error;
  });
  if (!description) return { outcome: 'refused', code: 'not_found', message: `no inspection ${input.inspectionId}` };
  if (description.status.name !== 'RUNNING') return { outcome: 'refused', code: 'closed', message: `it has ended (${description.status.name.toLowerCase()})` };
  const check = await handle.query(migrationPreviewQuery, { toRevision: input.toRevision, actor: input.actor });
  if (!check.ok) {
    if (/already runs/.test(check.message)) return { outcome: 'already_migrated' };
    return { outcome: 'refused', code: check.code, message: check.message };
  }
  if (check.preview.from.machineRevision !== input.fromRevision) {
    return { outcome: 'refused', code: 'conflicts_with_record', message: `it runs revision ${check.preview.from.machineRevision}, not ${input.fromRevision}` };
  }
  try {
    await handle.executeUpdate(migrateUpdate, { args: [{ toRevision: input.toRevision, reason: input.reason, actor: input.actor }], updateId: `migration-to-revision-${input.toRevision}` });
    return { outcome: 'migrated' };
  } catch (error) {
    // Refused by the workflow between the dry run and the Update (a step recorded meanwhile): an outcome.
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      return { outcome: 'refused', code: (error.cause.type ?? 'refused').replace(REFUSAL_FAILURE_PREFIX, ''), message: error.cause.message };
    }
    throw error;
  }
}
