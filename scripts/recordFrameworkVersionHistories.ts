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
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { InspectionView } from '../engine';
import { historyToJSONValue } from '../test/support/historyJson';
import type { Scenario } from '../test/support/historyScenarios';
import { HISTORY_SCENARIOS } from '../test/support/historyScenarios';
import { InspectionHandle, startWorker } from '../test/support/inspectionHarness';
import { actors } from '../test/support/pureDriver';
import { createTimeSkippingEnv } from '../test/support/temporal';

export const FRAMEWORK_VERSIONS_DIR = path.join(__dirname, '..', 'test', 'fixtures', 'histories', 'framework-versions');

/** The five judgements of the 2014 framework (seed 004 ¶34), all good. */
export const goodJudgements2014 = {
  overallExperiences: 'good',
  qualityOfAssessment: 'good',
  helpAndProtection: 'good',
  leadershipAndManagement: 'good',
  workingWithPartners: 'good',
};

/** Lets the server's clock run to just past a deadline's instant. */
async function sleepPast(env: TestWorkflowEnvironment, view: InspectionView, clock: string) {
  const dueAt = view.deadlines.find((d) => d.clock === clock)?.dueAt;
  if (!dueAt) throw new Error(`no ${clock} deadline`);
  await env.sleep(Math.max(0, Date.parse(dueAt) - (await env.currentTimeMs())) + 60_000);
}

async function refused(p: Promise<unknown>): Promise<void> {
  const outcome = await p.then(
    () => 'accepted',
    () => 'refused',
  );
  if (outcome !== 'refused') throw new Error('expected the decision to be refused');
}

async function full2014ToFeedback(env: TestWorkflowEnvironment, i: InspectionHandle) {
  await i.send(actors.inspector, 'INSPECTION_STARTED');
  await env.sleep('1 day');
  return i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements2014 });
}

/**
 * The 2014 full inspection (sccif-rfc-full v0), in the shape of test/support/historyScenarios.ts, so the general
 * replay gate can take them as they are (its REQUIRED_PATHS: happy, refusal, breach, window-closes).
 */
export const full2014Scenarios: Scenario[] = [
  {
    path: 'happy',
    async run({ env, start }) {
      const i = await start();
      await full2014ToFeedback(env, i);
      await env.sleep('5 days');
      await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
      await env.sleep('2 days');
      await i.send(actors.provider, 'COMMENTS_SUBMITTED');
      await env.sleep('1 day');
      await i.send(actors.manager, 'REPORT_PUBLISHED');
      await i.handle.result();
      return i;
    },
  },
  {
    path: 'refusal',
    async run({ start }) {
      const i = await start();
      await refused(i.send(actors.provider, 'DEFERRAL_REQUESTED', { reason: 'no deferrals in the 2014 framework' }));
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await refused(i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: { ...goodJudgements2014, helpAndProtection: 'inadequate' } }));
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements2014 });
      return i;
    },
  },
  {
    path: 'breach',
    async run({ env, start }) {
      const i = await start();
      const view = await full2014ToFeedback(env, i);
      await sleepPast(env, view, 'draftReport'); // the 10-working-day report target is missed: a breach
      await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
      return i;
    },
  },
  {
    path: 'window-closes',
    async run({ env, start }) {
      const i = await start();
      await full2014ToFeedback(env, i);
      await env.sleep('3 days');
      const sent = await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
      await sleepPast(env, sent, 'commentWindow'); // the provider's 5 working days close by themselves
      return i;
    },
  },
];

/** The 2014 monitoring inspection (rfc-2014-monitoring v0), in the same shape. */
export const monitoring2014Scenarios: Scenario[] = [
  {
    path: 'happy',
    async run({ env, start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', { outcome: 'requirements_set', findings: 'vetting records incomplete' });
      await env.sleep('4 days');
      await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
      await env.sleep('1 day');
      await i.send(actors.provider, 'COMMENTS_SUBMITTED');
      await i.send(actors.manager, 'REPORT_PUBLISHED');
      await i.handle.result();
      return i;
    },
  },
  {
    path: 'refusal',
    async run({ start }) {
      const i = await start();
      await refused(i.send(actors.inspector, 'INSPECTION_CANCELLED', { reason: 'not the inspector to decide' }));
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await refused(i.send(actors.inspector, 'FEEDBACK_GIVEN', { outcome: 'graded', findings: 'x' }));
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', { outcome: 'no_further_action', findings: 'concern not substantiated' });
      return i;
    },
  },
  {
    path: 'breach',
    async run({ env, start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      const view = await i.send(actors.inspector, 'FEEDBACK_GIVEN', { outcome: 'case_discussion', findings: 'allegation not referred' });
      await sleepPast(env, view, 'draftReport');
      await i.send(actors.manager, 'NO_REPORT_DECIDED', { reason: 'findings go to the case discussion' });
      return i;
    },
  },
  {
    path: 'window-closes',
    async run({ env, start }) {
      const i = await start();
      await i.send(actors.inspector, 'INSPECTION_STARTED');
      await i.send(actors.inspector, 'FEEDBACK_GIVEN', { outcome: 'requirements_set', findings: 'risk assessments out of date' });
      const sent = await i.send(actors.inspector, 'DRAFT_REPORT_SENT');
      await sleepPast(env, sent, 'commentWindow');
      return i;
    },
  },
];

const happy = (scenarios: Scenario[]) => scenarios.find((s) => s.path === 'happy')!;

/** One complete inspection per framework version: the fixtures this script records and the test replays. */
export const FRAMEWORK_VERSION_RUNS: readonly { key: string; type: string; version: number; scenario: Scenario }[] = [
  { key: 'sccif-rfc-full-v0', type: 'sccif-rfc-full', version: 0, scenario: happy(full2014Scenarios) },
  { key: 'rfc-2014-monitoring-v0', type: 'rfc-2014-monitoring', version: 0, scenario: happy(monitoring2014Scenarios) },
  { key: 'sccif-rfc-full-v1', type: 'sccif-rfc-full', version: 1, scenario: happy(HISTORY_SCENARIOS['sccif-rfc-full-v1']!) },
];

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const only = process.argv.slice(2);
  fs.mkdirSync(FRAMEWORK_VERSIONS_DIR, { recursive: true });
  for (const run of FRAMEWORK_VERSION_RUNS.filter((r) => only.length === 0 || only.includes(r.key))) {
    const env = await createTimeSkippingEnv();
    const worker = await startWorker(env.nativeConnection);
    try {
      const inspection = await run.scenario.run({ env, start: () => InspectionHandle.start(env, worker.taskQueue, run.type, run.version) });
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
