import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { type Database, openDatabase } from '../db';
import { startDevServerProcess } from '../devServer/devServerProcess';
import { postgresAvailability, startTestPostgres } from '../test/support/postgres';
import { startWorkerProcess } from '../test/support/workerProcess';
import { startBenchApi } from './api';
import { type Bundle, type Side, newSides, startWorkers } from './sides';

/** How the dev-server part is laid out, said in the output so a figure is never read without it. */
export type Topology = 'processes' | 'one-process';

export interface DevServerStack {
  topology: Topology;
  server: Awaited<ReturnType<typeof startDevServerProcess>>;
  client: Client;
  db: Database;
  workers: { ours: Side; baseline: Side };
  api: Awaited<ReturnType<typeof startBenchApi>>;
  /** RSS in MB of what holds ours' worker: its own process, or the whole bench process in the one-process layout. */
  oursWorkerRssMb(): number | null;
  stop(): Promise<void>;
}

/**
 * The real dev server (SQLite file, as `npm start` runs it), both workers on it, a client and the product's API.
 *
 * Where a PostgreSQL can be had (BENCH_DATABASE_URL, or a throwaway cluster from Debian's binaries, found as the tests
 * find one), the layout is the deployed one (docker-compose.yml): each side's worker in its own process
 * (test/support/workerEntry.ts: the product's createInspectionWorker and activities, loading that side's bundle), the
 * API and the client in this one, all on that PostgreSQL. So the API's event loop carries no workflow tasks or
 * activities, and ours' worker's memory is its own. Otherwise everything runs in this process on PGlite.
 */
export async function startDevServerStack(inProcessDb: Database, built: { ours: Bundle; baseline: Bundle }): Promise<DevServerStack> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const server = await startDevServerProcess({ dbFile: join(dir, 'temporal.sqlite') });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const close = async () => {
    await connection.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const url = process.env.BENCH_DATABASE_URL;
  const availability = url ? ({ available: true, how: 'url', url } as const) : postgresAvailability();
  if (!availability.available) {
    const native = await NativeConnection.connect({ address: server.address });
    const workers = await startWorkers(native, inProcessDb, built);
    const api = await startBenchApi(client, inProcessDb, workers.ours.taskQueue);
    return {
      topology: 'one-process',
      server,
      client,
      db: inProcessDb,
      workers,
      api,
      oursWorkerRssMb: () => process.memoryUsage().rss / 2 ** 20,
      async stop() {
        await api.close();
        await workers.stop();
        await native.close();
        await close();
      },
    };
  }
  const postgres = await startTestPostgres(availability);
  const db = await openDatabase({ url: postgres.url }); // migrated here, before the workers open it
  const workers = newSides();
  const processes = (['ours', 'baseline'] as const).map((name) => {
    const bundlePath = join(dir, `${name}.js`);
    writeFileSync(bundlePath, built[name].code);
    return startWorkerProcess({ temporalAddress: server.address, databaseUrl: postgres.url, taskQueue: workers[name].taskQueue, bundlePath, logFile: join(dir, `${name}-worker.log`) });
  });
  await Promise.all(processes.map((p) => p.ready));
  const api = await startBenchApi(client, db, workers.ours.taskQueue);
  return {
    topology: 'processes',
    server,
    client,
    db,
    workers,
    api,
    oursWorkerRssMb: () => rssOfPid(processes[0]!.pid),
    async stop() {
      await api.close();
      await Promise.all(processes.map((p) => p.kill('SIGTERM')));
      await db.close();
      await postgres.stop();
      await close();
    },
  };
}

/** A process's resident set in MB, from /proc (Linux); null where that cannot be read. */
export function rssOfPid(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}
