import { randomUUID } from 'node:crypto';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { Actor } from '../machines/kit';
import { MIGRATION_BATCH_WORKFLOW, type MigrationBatchInput, type MigrationBatchState, migrationBatchStateQuery, stopMigrationBatchUpdate } from '../workflows/migrationMessages';
import { ApiError, notFound } from './errors';
import { unavailable } from './inspectionService';

/** Migration batches on Temporal (workflows/migrationBatchWorkflow.ts): started, read and stopped. */
export class MigrationBatches {
  constructor(private readonly options: { client: Client; taskQueue: string }) {}

  async start(input: Omit<MigrationBatchInput, 'batchId' | 'progress'>): Promise<MigrationBatchState> {
    const batchId = `migration-${randomUUID()}`;
    const handle = await this.options.client.workflow
      .start(MIGRATION_BATCH_WORKFLOW, { workflowId: batchId, taskQueue: this.options.taskQueue, args: [{ ...input, batchId }] })
      .catch((error: unknown) => {
        throw unavailable(error);
      });
    return this.readHandle(handle.workflowId);
  }

  async read(batchId: string): Promise<MigrationBatchState> {
    return this.readHandle(batchId);
  }

  async stop(batchId: string, reason: string, actor: Actor): Promise<MigrationBatchState> {
    const handle = this.options.client.workflow.getHandle(batchId);
    const state = await this.readHandle(batchId);
    if (state.status === 'completed' || state.status === 'stopped') throw new ApiError(409, 'closed', `migration ${batchId} has ended (${state.status})`);
    return handle.executeUpdate(stopMigrationBatchUpdate, { args: [{ reason, actor }] }).catch((error: unknown) => {
      throw unavailable(error);
    });
  }

  private async readHandle(batchId: string): Promise<MigrationBatchState> {
    try {
      return await this.options.client.workflow.getHandle(batchId).query(migrationBatchStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(`migration ${batchId}`);
      throw unavailable(error);
    }
  }
}
