/**
 * `npm run record:histories [-- <key>[/<path>] | centre-cycle[/<path>] ...]`: runs every scenario in
 * test/support/historyScenarios/ on a fresh time-skipping test server with the current workflow code and writes
 * each workflow's history, as Temporal's JSON, to test/fixtures/histories/<key>/<path>.json (test/support/historyKey.ts); the centre
 * cycle workflow's scenarios (historyScenarios/centreCycle.ts) to test/fixtures/histories/centre-cycle/<path>.json.
 *
 * Fixtures are the evidence that running inspections survive a code change: record them for a new machine revision
 * or a new path, never re-record an existing one to make a failing replay pass (see docs/CHANGING_MACHINES.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { INSPECTION_TYPES } from '../machines/registry';
import { historyToJSONValue } from '../api/historyJson';
import { HISTORY_SCENARIOS, STARTED_ONLY } from '../test/support/historyScenarios';
import { CENTRE_CYCLE_KEY, CENTRE_CYCLE_SCENARIOS } from '../test/support/historyScenarios/centreCycle';
import { InspectionHandle, startWorker } from '../test/support/inspectionHarness';
import { createTimeSkippingEnv } from '../test/support/temporal';
import { historyKey } from '../test/support/historyKey';

export const FIXTURE_DIR = path.join(__dirname, '..', 'test', 'fixtures', 'histories');

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const only = process.argv.slice(2);
  const wanted = (key: string, p: string) => only.length === 0 || only.some((o) => o === key || o === `${key}/${p}`);
  let written = 0;
  for (const def of INSPECTION_TYPES) {
    const key = historyKey(def);
    // A type with no scenarios yet still gets one history (started, nothing decided), so its version is replayed;
    // the replay test fails until its paths are recorded.
    const scenarios = HISTORY_SCENARIOS[key]?.scenarios ?? [STARTED_ONLY];
    for (const scenario of scenarios.filter((s) => wanted(key, s.path))) {
      written += await recordOne(key, scenario.path, async (env, taskQueue) => {
        const inspection = await scenario.run({ env, start: (input, options) => InspectionHandle.startAs(env, taskQueue, def, input, undefined, options?.calendar) });
        return inspection.handle;
      });
    }
  }
  for (const scenario of CENTRE_CYCLE_SCENARIOS.filter((s) => wanted(CENTRE_CYCLE_KEY, s.path))) {
    written += await recordOne(CENTRE_CYCLE_KEY, scenario.path, async (env, taskQueue) => {
      const run = await scenario.run({ env, taskQueue });
      return env.client.workflow.getHandle(run.workflowId, run.runId);
    });
  }
  console.log(`${written} histories recorded`);
}

/** Runs one scenario on a fresh server and worker and writes the history of the workflow run it returns. */
async function recordOne(key: string, name: string, drive: (env: TestWorkflowEnvironment, taskQueue: string) => Promise<WorkflowHandle>) {
  const env = await createTimeSkippingEnv();
  const worker = await startWorker(env.nativeConnection);
  try {
    const handle = await drive(env, worker.taskQueue);
    await settle(handle);
    const history = await handle.fetchHistory();
    const file = path.join(FIXTURE_DIR, key, `${name}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(historyToJSONValue(history), null, 1) + '\n');
    console.log(`recorded ${path.relative(process.cwd(), file)} (${history.events?.length ?? 0} events)`);
    return 1;
  } finally {
    await worker.stop();
    await env.teardown();
  }
}

/** Waits until nothing is pending, so a fixture ends at a quiet point (a replay of a partial history is fine too). */
async function settle(handle: WorkflowHandle) {
  for (let i = 0; i < 100; i++) {
    const { raw, status } = await handle.describe();
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
