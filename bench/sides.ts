import { randomUUID } from 'node:crypto';
import { Client, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { type NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { Database } from '../db';
import type { InspectionView } from '../engine';
import type { Actor } from '../machines/kit';
import { workerTuningFromEnv } from '../worker/tuning';
import { bundleWorkflows } from '../worker/workflowBundle';
import { INSPECTION_WORKFLOW, type StartInspectionInput, recordDecisionUpdate } from '../workflows/messages';
import { INSPECTION_TYPE } from '../workflows/searchAttributes';
import { CURRENT_ENGINE_REVISION } from '../engine';

/** One of the two things compared: the product's generic workflow, or the hand-written baseline. */
export interface Side {
  name: 'ours' | 'baseline';
  workflowType: string;
  taskQueue: string;
}

export type Bundle = Awaited<ReturnType<typeof bundleWorkflowCode>>;

const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error };

export async function bundles(): Promise<{ ours: Bundle; baseline: Bundle }> {
  const [ours, baseline] = await Promise.all([
    bundleWorkflows(),
    // The same worker set-up for the baseline: its one pure dependency, the calendar, evaluated once per worker too.
    bundleWorkflowCode({ workflowsPath: require.resolve('./baseline'), preloadModules: [require.resolve('../calendar')], logger: quietLogger }),
  ]);
  return { ours, baseline };
}

export const TYPE = 'sccif-rfc-full';
export const PROVIDER_ID = 'provider-1';
export const actors: Record<'manager' | 'inspector' | 'provider', Actor> = {
  manager: { id: 'manager-1', role: 'manager' },
  inspector: { id: 'inspector-1', role: 'inspector' },
  provider: { id: 'provider-user-1', role: 'provider', providerId: PROVIDER_ID },
};
export const judgements = { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'good' };

/** The decisions of a lifecycle that needs no timer: who sends each and with what. */
export const DECISIONS: ReadonlyArray<{ role: keyof typeof actors; event: string; fields?: Record<string, unknown> }> = [
  { role: 'inspector', event: 'INSPECTION_STARTED' },
  { role: 'inspector', event: 'FEEDBACK_GIVEN', fields: { judgements } },
  { role: 'inspector', event: 'DRAFT_REPORT_SENT' },
  { role: 'provider', event: 'COMMENTS_SUBMITTED' },
  { role: 'manager', event: 'FINAL_REPORT_SENT' },
];

/** The two sides of one run, each on its own task queue. */
export function newSides(): { ours: Side; baseline: Side } {
  const run = randomUUID().slice(0, 8);
  return {
    ours: { name: 'ours', workflowType: INSPECTION_WORKFLOW, taskQueue: `bench-ours-${run}` },
    baseline: { name: 'baseline', workflowType: 'rfcFullInspectionBaseline', taskQueue: `bench-baseline-${run}` },
  };
}

/** Starts both workers (each its own bundle and task queue) on one connection, with the product's activities and worker tuning. */
export async function startWorkers(connection: NativeConnection, db: Database, built: { ours: Bundle; baseline: Bundle }) {
  const { ours, baseline } = newSides();
  const workers = await Promise.all(
    [
      [ours, built.ours],
      [baseline, built.baseline],
    ].map(([side, bundle]) =>
      Worker.create({
        connection,
        taskQueue: (side as Side).taskQueue,
        workflowBundle: bundle as Bundle,
        activities: createActivities({ db, client: new Client({ connection }) }),
        ...workerTuningFromEnv(),
      }),
    ),
  );
  const running = workers.map((w) => w.run());
  return {
    ours,
    baseline,
    workers,
    async stop() {
      for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
      await Promise.all(running);
    },
  };
}

/** `openedOn`: the business date it was opened, for a fill whose steps are dated in the past (default today). */
export async function startInspection(client: Client, side: Side, inspectionId: string, input: Record<string, unknown> = {}, openedOn?: string) {
  const args: StartInspectionInput = {
    inspectionId,
    type: TYPE,
    version: 1,
    machineRevision: 1, // the revision the hand-written baseline (bench/baseline/) matches
    providerId: PROVIDER_ID,
    input,
    createdBy: actors.manager,
    engineRevision: CURRENT_ENGINE_REVISION,
    ...(openedOn ? { openedOn } : {}),
  };
  return client.workflow.start(side.workflowType, {
    workflowId: inspectionId,
    taskQueue: side.taskQueue,
    args: [args],
    typedSearchAttributes: [{ key: INSPECTION_TYPE, value: TYPE }],
  });
}

export function decide(client: Client, inspectionId: string, step: (typeof DECISIONS)[number], extra: Record<string, unknown> = {}, updateId?: string): Promise<InspectionView> {
  return client.workflow.getHandle(inspectionId).executeUpdate(recordDecisionUpdate, {
    args: [{ decision: { event: step.event, ...step.fields, ...extra }, actor: actors[step.role] }],
    ...(updateId ? { updateId } : {}),
  });
}

/**
 * A decision that may wait long on a loaded server (the open-inspections fill keeps 64 starts in flight): sent again
 * under the same update id when the server's deadline passes first, so it is applied once. Up to 5 tries.
 */
export async function decidePatiently(client: Client, inspectionId: string, step: (typeof DECISIONS)[number], extra: Record<string, unknown> = {}): Promise<InspectionView> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await decide(client, inspectionId, step, extra, `bench-${inspectionId}-${step.event}`);
    } catch (error) {
      if (!(error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) || attempt >= 5) throw error;
    }
  }
}
