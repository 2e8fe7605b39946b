import type { Server } from 'node:http';
import type { Client } from '@temporalio/client';
import type { Config } from '../config/env';
import type { Database } from '../db';
import { loadReadings } from '../config/readings';
import { createApp } from './app';
import type { Authenticator } from './auth';
import { connectApiClient } from './temporalConnection';

export interface RunningApi {
  server: Server;
  client: Client;
  url: string;
  close(): Promise<void>;
}

/** Connects to Temporal and serves the API on `config.port`. */
export async function listen(config: Config, address: string, db: Database, auth: Authenticator): Promise<RunningApi> {
  const readings = await loadReadings(config.readingsFile);
  const { client, connection } = await connectApiClient(address, config.temporalNamespace);
  const app = createApp({ client, db, taskQueue: config.taskQueue, auth, searchAttributes: config.searchAttributes, recordLagBoundSeconds: config.recordLagBoundSeconds, checkpointDir: config.checkpoints.dir, readings });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, () => resolve(s)).once('error', reject);
  });
  return {
    server,
    client,
    url: `http://localhost:${config.port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
    },
  };
}
