/**
 * Where the API's share of a decision goes, without the rest of the benchmark: `npx tsx bench/profileApi.ts [n]`
 * (add `--cpu-prof --cpu-prof-dir=<dir>` to node for a profile). The dev server, both workers and the API as
 * `npm run bench` runs them; then n inspections × 5 decisions each way, one at a time; prints the API's own share,
 * before and after the Update it sends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { openDatabase } from '../db';
import { startDevServerProcess } from '../devServer/devServerProcess';
import { startBenchApi } from './api';
import { sizesFor } from './options';
import { Progress } from './progress';
import { bundles, startWorkers } from './sides';
import { median, percentile } from './stats';
import { latencySuite } from './suites/devServer';

async function main() {
  const n = Number(process.argv[2] ?? 8);
  const built = await bundles();
  const db = await openDatabase({ memory: true });
  const dir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const server = await startDevServerProcess({ dbFile: join(dir, 'temporal.sqlite') });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const native = await NativeConnection.connect({ address: server.address });
  const workers = await startWorkers(native, db, built);
  const api = await startBenchApi(client, db, workers.ours.taskQueue);
  try {
    const r = await latencySuite(client, workers, api, { ...sizesFor(['--smoke']), latencyInspections: n }, new Progress());
    const row = (name: string, xs: number[]) => console.log(`${name}: p50 ${median(xs).toFixed(2)} ms, p90 ${percentile(xs, 90).toFixed(2)} ms`);
    row('via API', r.apiMs);
    row('direct', r.directMs);
    row('API share', r.apiOverheadMs);
    row('  before the Update', r.apiBeforeUpdateMs);
    row('  after the Update', r.apiAfterUpdateMs);
  } finally {
    await api.close();
    await workers.stop();
    await native.close();
    await connection.close();
    await server.stop();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
