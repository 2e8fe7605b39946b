/**
 * The open-inspections part of the benchmark alone: `npx tsx bench/profileCapacity.ts [n]` (default 2,000). The dev
 * server, both workers and the API as `npm run bench` lays them out; n inspections of ours started and left open,
 * with the fill rate and ours' worker's RSS printed every 250 starts, so a slow-down (e.g. when the worker's cache
 * of workflow runs reaches `WORKER_MAX_CACHED_WORKFLOWS`) shows where it begins.
 */
import { openDatabase } from '../db';
import { startDevServerStack } from './devServerStack';
import { sizesFor } from './options';
import { Progress } from './progress';
import { bundles } from './sides';
import { median } from './stats';
import { capacitySuite } from './suites/devServer';
import { runMain } from './runMain';

async function main() {
  const n = Number(process.argv[2] ?? 2_000);
  const built = await bundles();
  const db = await openDatabase({ memory: true });
  const stack = await startDevServerStack(db, built);
  try {
    const r = await capacitySuite(
      stack.client,
      stack.db,
      stack.workers.ours,
      stack.api,
      { server: stack.server.pid, workerRssMb: stack.oursWorkerRssMb },
      { ...sizesFor(['--quick']), openInspections: n },
      new Progress(),
      (started, elapsedS) => console.log(`${started} started in ${elapsedS.toFixed(0)} s; worker rss ${stack.oursWorkerRssMb()?.toFixed(0)} MB`),
    );
    console.log(`${stack.topology}: ${r.open} open in ${r.fillS.toFixed(0)} s; worker rss ${r.rssMb.toFixed(0)} MB (before ${r.rssBeforeMb.toFixed(0)}); overdue p50 ${median(r.overdueMs).toFixed(1)} ms`);
  } finally {
    await stack.stop();
    await db.close();
  }
}

runMain(main);
