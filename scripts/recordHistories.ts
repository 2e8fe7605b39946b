/**
 * `npm run record:histories [-- <type>-v<version>[/<path>] ...]`: runs every scenario in
 * test/support/historyScenarios.ts on a fresh time-skipping test server with the current workflow code and writes
 * each workflow's history, as Temporal's JSON, to test/fixtures/histories/<type>-v<version>/<path>.json.
 *
 * Fixtures are the evidence that running inspections survive a code change: record them for a NEW machine version
 * or a new path, never re-record an existing one to make a failing replay pass (see docs/CHANGING_MACHINES.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSONValue } from '../test/support/historyJson';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { INSPECTION_TYPES } from '../machines/registry';
import { HISTORY_SCENARIOS, STARTED_ONLY } from '../test/support/historyScenarios';
import { InspectionHandle, startWorker } from '../test/support/inspectionHarness';
import { createTimeSkippingEnv } from '../test/support/temporal';

export const FIXTURE_DIR = path.join(__dirname, '..', 'test', 'fixtures', 'histories');

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const only = process.argv.slice(2);
  const wanted = (key: string, p: string) => only.length === 0 || only.some((o) => o === key || o === `${key}/${p}`);
  let written = 0;
  for (const def of INSPECTION_TYPES) {
    const key = `${def.type}-v${def.version}`;
    // A type with no scenarios yet still gets one history (started, nothing decided), so its version is replayed;
    // the replay test lists it as a to-do until its paths are recorded.
    const scenarios = HISTORY_SCENARIOS[key] ?? [STARTED_ONLY];
    for (const scenario of scenarios) {
      if (!wanted(key, scenario.path)) continue;
      const env = await createTimeSkippingEnv();
      const worker = await startWorker(env.nativeConnection);
      try {
        const inspection = await scenario.run({ env, start: () => InspectionHandle.start(env, worker.taskQueue, def.type, def.version) });
        await settle(inspection);
        const history = await inspection.handle.fetchHistory();
        const file = path.join(FIXTURE_DIR, key, `${scenario.path}.json`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(historyToJSONValue(history), null, 1) + '\n');
        written++;
        console.log(`recorded ${path.relative(process.cwd(), file)} (${history.events?.length ?? 0} events)`);
      } finally {
        await worker.stop();
        await env.teardown();
      }
    }
  }
  console.log(`${written} histories recorded`);
}

/** Waits until nothing is pending, so a fixture ends at a quiet point (a replay of a partial history is fine too). */
async function settle(inspection: InspectionHandle) {
  for (let i = 0; i < 100; i++) {
    const { raw, status } = await inspection.handle.describe();
    if (status.name !== 'RUNNING') return;
    if ((raw.pendingActivities ?? []).length === 0 && !raw.pendingWorkflowTask) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
