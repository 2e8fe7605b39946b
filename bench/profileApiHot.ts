/**
 * The API's own work per decision request, hot: `npx tsx bench/profileApiHot.ts [n]` (add `--cpu-prof` to node for
 * a profile). The product's app and the bench's HTTP client, as `npm run bench` runs them, against a Temporal client
 * whose Update answers at once with a real view: what is left is HTTP both ways, Express, auth, validation and the
 * answer. The second half of the requests is timed, the first warms up.
 */
import { openDatabase } from '../db';
import { InspectionRecord } from '../engine';
import { getDefinition } from '../machines/registry';
import { startBenchApi } from './api';
import { DECISIONS, PROVIDER_ID, TYPE, actors } from './sides';
import { median, nowMs, percentile } from './stats';
import { runMain } from './runMain';

async function main() {
  const n = Number(process.argv[2] ?? 4000);
  const record = InspectionRecord.start(getDefinition(TYPE, 1, 1), { inspectionId: 'insp-0000aaaa', providerId: PROVIDER_ID, input: {}, actor: actors.manager, now: Date.now() });
  const view = record.view(Date.now());
  const answering = { workflow: { getHandle: () => ({ executeUpdate: async () => view }) } } as never;
  const db = await openDatabase({ memory: true });
  const api = await startBenchApi(answering, db, 'unused');
  const ms: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const t0 = nowMs();
      await api.decide('insp-0000aaaa', DECISIONS[0]!);
      if (i >= n / 2) ms.push(nowMs() - t0);
    }
  } finally {
    await api.close();
    await db.close();
  }
  console.log(`API hot, per decision request (${ms.length} timed, view ${JSON.stringify(view).length} bytes): p50 ${median(ms).toFixed(3)} ms, p90 ${percentile(ms, 90).toFixed(3)} ms`);
}

runMain(main);
