/**
 * Where the API's share of a decision goes, without the rest of the benchmark: `npx tsx bench/profileApi.ts [n] [warm]`
 * (add `--cpu-prof --cpu-prof-dir=<dir>` to node for a profile). The dev server, both workers and the API as
 * `npm run bench` runs them; `warm` inspections (default 400, as the full run) through the API to warm it up, then
 * n inspections × 5 decisions each way, one at a time; prints the API's own share, before and after the Update it sends.
 */
import { openDatabase } from '../db';
import { startDevServerStack } from './devServerStack';
import { sizesFor } from './options';
import { Progress } from './progress';
import { bundles } from './sides';
import { median, percentile } from './stats';
import { latencySuite } from './suites/devServer';
import { runMain } from './runMain';

async function main() {
  const n = Number(process.argv[2] ?? 8);
  const warm = Number(process.argv[3] ?? sizesFor([]).latencyWarmupInspections);
  const built = await bundles();
  const db = await openDatabase({ memory: true });
  const stack = await startDevServerStack(db, built);
  const { client, workers, api } = stack;
  try {
    const r = await latencySuite(client, workers, api, { ...sizesFor(['--smoke']), latencyInspections: n, latencyWarmupInspections: warm, concurrency: sizesFor([]).concurrency }, new Progress());
    const row = (name: string, xs: number[]) => console.log(`${name}: p50 ${median(xs).toFixed(2)} ms, p90 ${percentile(xs, 90).toFixed(2)} ms`);
    row('via API', r.apiMs);
    row('direct', r.directMs);
    row('API share', r.apiOverheadMs);
    row('  before the Update', r.apiBeforeUpdateMs);
    row('  after the Update', r.apiAfterUpdateMs);
  } finally {
    await stack.stop();
    await db.close();
  }
}

runMain(main);
