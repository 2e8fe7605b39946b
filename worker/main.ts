import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../config/env';
import { databaseOptionsFromEnv, openDatabase } from '../db';
import { startCheckpointer } from '../ledger/checkpointer';
import { createInspectionWorker } from './createWorker';

/** `npm run worker`: one worker process. Run as many as the load needs, all on the same task queue. */
async function main() {
  const config = loadConfig();
  const db = await openDatabase(databaseOptionsFromEnv());
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const worker = await createInspectionWorker({ connection, namespace: config.temporalNamespace, taskQueue: config.taskQueue, db });
  const checkpointer = startCheckpointer(db, config.checkpoints, (m) => console.log(`worker: ${m}`));
  console.log(`worker: polling task queue "${config.taskQueue}" on ${config.temporalAddress} (${config.temporalNamespace}); database: ${db.engine}`);
  if (checkpointer) console.log(`worker: signing audit-log checkpoints into ${config.checkpoints.dir}; verifier key ${checkpointer.vkey}`);
  await worker.run(); // the SDK shuts the worker down gracefully on SIGINT/SIGTERM
  await checkpointer?.stop();
  await connection.close();
  await db.close();
}

main().catch((error) => {
  console.error(`worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
