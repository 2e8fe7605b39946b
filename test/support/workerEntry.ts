/**
 * A worker process for the reliability tests: worker/main.ts's set-up (TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE,
 * DATABASE_URL from the environment, the product's createInspectionWorker and activities), except that it loads
 * a prebuilt workflow bundle (WORKFLOW_BUNDLE_PATH) so a restart takes a second instead of a webpack build, and it
 * prints `worker ready` once it polls.
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { loadConfig } from '../../config/env';
import { databaseOptionsFromEnv, openDatabase } from '../../db';
import { createInspectionWorker } from '../../worker/createWorker';

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const config = loadConfig();
  const db = await openDatabase(databaseOptionsFromEnv());
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const codePath = process.env.WORKFLOW_BUNDLE_PATH;
  const worker = await createInspectionWorker({
    connection,
    taskQueue: config.taskQueue,
    db,
    ...(codePath ? { workflowBundle: { codePath } } : {}),
  });
  const running = worker.run();
  console.log(`worker ready pid=${process.pid}`);
  await running;
  await connection.close();
  await db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
