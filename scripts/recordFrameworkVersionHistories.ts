/**
 * `npx tsx scripts/recordFrameworkVersionHistories.ts`: runs one complete inspection under each framework version
 * of the residential family centre inspections (the 2014 framework, seed 004: `sccif-rfc-full` v0 and
 * `rfc-2014-monitoring` v0; the 2024 SCCIF, seed 002: `sccif-rfc-full` v1) on a fresh time-skipping test server,
 * and writes each workflow's history, as Temporal's JSON, to test/fixtures/histories/framework-versions/<key>.json.
 * test/workflows/frameworkVersions.test.ts replays them against the current workflow code.
 *
 * Record only for a NEW version; never re-record an existing fixture to make a failing replay pass
 * (docs/CHANGING_MACHINES.md).
 *
 * The JSON is what `historyToJSON` in @temporalio/common/lib/proto-utils writes; test/support/historyJson.ts says
 * why its copy of the codec is used rather than that function directly (duplicate protobufjs copies in this install).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { historyToJSONValue } from '../api/historyJson';
import { HISTORY_SCENARIOS, type Scenario } from '../test/support/historyScenarios';
import { InspectionHandle, startWorker } from '../test/support/inspectionHarness';
import { createTimeSkippingEnv } from '../test/support/temporal';

export const FRAMEWORK_VERSIONS_DIR = path.join(__dirname, '..', 'test', 'fixtures', 'histories', 'framework-versions');

/** The happy path of a type's replay scenarios (test/support/historyScenarios/). */
const happy = (key: string) => HISTORY_SCENARIOS[key]!.scenarios.find((s) => s.path === 'happy')!;

/** One complete inspection per framework version: the fixtures this script records and the test replays. */
export const FRAMEWORK_VERSION_RUNS: readonly { key: string; type: string; version: number; scenario: Scenario }[] = [
  { key: 'sccif-rfc-full-v0', type: 'sccif-rfc-full', version: 0, scenario: happy('sccif-rfc-full-v0') },
  { key: 'rfc-2014-monitoring-v0', type: 'rfc-2014-monitoring', version: 0, scenario: happy('rfc-2014-monitoring-v0') },
  { key: 'sccif-rfc-full-v1', type: 'sccif-rfc-full', version: 1, scenario: happy('sccif-rfc-full-v1') },
];

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const only = process.argv.slice(2);
  fs.mkdirSync(FRAMEWORK_VERSIONS_DIR, { recursive: true });
  for (const run of FRAMEWORK_VERSION_RUNS.filter((r) => only.length === 0 || only.includes(r.key))) {
    const env = await createTimeSkippingEnv();
    const worker = await startWorker(env.nativeConnection);
    try {
      const inspection = await run.scenario.run({ env, start: (input) => InspectionHandle.start(env, worker.taskQueue, run.type, run.version, input) });
      const history = await inspection.handle.fetchHistory();
      const file = path.join(FRAMEWORK_VERSIONS_DIR, `${run.key}.json`);
      fs.writeFileSync(file, JSON.stringify(historyToJSONValue(history), null, 1) + '\n');
      console.log(`recorded ${path.relative(process.cwd(), file)} (${history.events?.length ?? 0} events)`);
    } finally {
      await worker.stop();
      await env.teardown();
    }
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
