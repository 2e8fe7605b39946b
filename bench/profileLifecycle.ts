/**
 * Where each side's workflow CPU goes over the lifecycle part of the benchmark:
 * `node --cpu-prof --cpu-prof-dir=<dir> --import tsx bench/profileLifecycle.ts [n] [rounds]`. Each worker runs its
 * workflows in a thread of its own, so the profile has one file per side's workflow thread besides the main thread's;
 * `bench/profileEngine.ts --summarise <file>` reads any of them.
 */
import { openDatabase } from '../db';
import { createTimeSkippingEnv } from '../test/support/temporal';
import { sizesFor } from './options';
import { Progress } from './progress';
import { bundles, startWorkers } from './sides';
import { lifecycleSuite } from './suites/lifecycle';
import { runMain } from './runMain';

async function main() {
  const n = Number(process.argv[2] ?? 16);
  const rounds = Number(process.argv[3] ?? 2);
  const built = await bundles();
  const db = await openDatabase({ memory: true });
  const env = await createTimeSkippingEnv();
  const workers = await startWorkers(env.nativeConnection, db, built);
  try {
    const r = await lifecycleSuite(env, workers, { ...sizesFor(['--smoke']), lifecycleN: n, lifecycleRounds: rounds }, new Progress());
    console.log(`ours ÷ baseline ${r.ratio.toFixed(3)}; rounds ${r.roundRatios.map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    await workers.stop();
    await env.teardown();
    await db.close();
  }
}

runMain(main);
