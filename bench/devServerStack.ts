import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Database } from '../db';
import { startDevServerProcess } from '../devServer/devServerProcess';
import { startBenchApi } from './api';
import { type Bundle, startWorkers } from './sides';

/** The real dev server (SQLite file, as `npm start` runs it), both workers on it, a client and the product's API. */
export async function startDevServerStack(db: Database, built: { ours: Bundle; baseline: Bundle }) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const server = await startDevServerProcess({ dbFile: join(dir, 'temporal.sqlite') });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const native = await NativeConnection.connect({ address: server.address });
  const workers = await startWorkers(native, db, built);
  const api = await startBenchApi(client, db, workers.ours.taskQueue);
  return {
    server,
    client,
    workers,
    api,
    async stop() {
      await api.close();
      await workers.stop();
      await native.close();
      await connection.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
