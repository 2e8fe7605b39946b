import { Client } from '@temporalio/client';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { Database } from '../db';
import { type WorkerTuning, workerTuningFromEnv } from './tuning';
import { workflowPreloadModules, workflowsPath } from './workflowBundle';

export { workflowsPath } from './workflowBundle';

export interface InspectionWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  taskQueue: string;
  db: Database;
  /** A prebuilt bundle (tests build it once with `bundleWorkflows()`); otherwise the workflows are bundled from source. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Default: from the environment (worker/tuning.ts). */
  tuning?: WorkerTuning;
}

export async function createInspectionWorker(options: InspectionWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue,
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: workflowsPath(), bundlerOptions: { preloadModules: workflowPreloadModules() } }),
    // The worker's own connection serves the activities' client too (a NativeConnection is a ConnectionLike).
    activities: createActivities({ db: options.db, client: new Client({ connection: options.connection, namespace: options.namespace ?? 'default' }) }),
    ...(options.tuning ?? workerTuningFromEnv()),
  });
}
