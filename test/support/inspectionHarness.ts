import type { CalendarVersion } from '../../calendar';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { NativeConnection, Worker, WorkflowBundleOption } from '@temporalio/worker';
import { type Database, openDatabase } from '../../db';
import type { InspectionView } from '../../engine';
import type { Actor } from '../../machines/kit';
import { createInspectionWorker } from '../../worker/createWorker';
import { bundleWorkflows } from '../../worker/workflowBundle';
import {
  INSPECTION_WORKFLOW,
  type StartInspectionInput,
  inspectionStateQuery,
  recordDecisionUpdate,
} from '../../workflows/messages';
import { INSPECTION_TYPE } from '../../workflows/searchAttributes';
import { SHARED_WORKFLOW_BUNDLE } from './globalSetup';
import { PROVIDER_ID, actors } from './pureDriver';
import { createTimeSkippingEnv } from './temporal';
import { CURRENT_ENGINE_REVISION } from '../../engine';

let bundle: Promise<WorkflowBundleOption> | undefined;

/**
 * The workflow bundle: the one jest's globalSetup built for the whole run (test/support/globalSetup.ts), or, when
 * this module runs outside jest, one built here once (bundling takes seconds).
 */
export function workflowBundle(): Promise<WorkflowBundleOption> {
  const shared = process.env[SHARED_WORKFLOW_BUNDLE];
  bundle ??= shared ? Promise.resolve({ codePath: shared }) : bundleWorkflows();
  return bundle;
}

/** A worker on its own task queue with an in-memory PGlite, running until `stop()`. */
export async function startWorker(connection: NativeConnection, db?: Database) {
  const database = db ?? (await openDatabase({ memory: true }));
  const taskQueue = `inspections-${randomUUID()}`;
  const worker: Worker = await createInspectionWorker({ connection, taskQueue, db: database, workflowBundle: await workflowBundle() });
  const running = worker.run();
  return {
    db: database,
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      if (!db) await database.close();
    },
  };
}

/** Starts and drives one inspection through the Temporal client, as the API does. */
export class InspectionHandle {
  private constructor(
    readonly client: Client,
    readonly inspectionId: string,
  ) {}

  /** `openedOn`: the business date it was opened, for steps entered late (default: today on the server). */
  /**
   * Starts an inspection of `type` as a workflow start without a machine revision names it: `version` is then the
   * framework version at revision 1, or a number of the numbering before revisions (machines/legacyNumbering.ts).
   */
  static async start(env: Pick<TestWorkflowEnvironment, 'client'>, taskQueue: string, type = 'sccif-rfc-full', version = 1, input: Record<string, unknown> = {}, openedOn?: string) {
    return InspectionHandle.startAs(env, taskQueue, { type, version }, input, openedOn);
  }

  /** Starts an inspection on exactly the machine named: type, framework version and, when given, machine revision. */
  static async startAs(
    env: Pick<TestWorkflowEnvironment, 'client'>,
    taskQueue: string,
    machine: { type: string; version: number; machineRevision?: number },
    input: Record<string, unknown> = {},
    openedOn?: string,
    calendar?: CalendarVersion,
  ) {
    const { type, version, machineRevision } = machine;
    const inspectionId = `insp-${randomUUID()}`;
    const args: StartInspectionInput = {
      inspectionId,
      type,
      version,
      ...(machineRevision === undefined ? {} : { machineRevision }),
      providerId: PROVIDER_ID,
      input,
      createdBy: actors.manager,
      engineRevision: CURRENT_ENGINE_REVISION,
      ...(openedOn ? { openedOn } : {}),
      ...(calendar ? { calendar } : {}),
    };
    await env.client.workflow.start(INSPECTION_WORKFLOW, {
      workflowId: inspectionId,
      taskQueue,
      args: [args],
      typedSearchAttributes: [{ key: INSPECTION_TYPE, value: type }],
    });
    return new InspectionHandle(env.client, inspectionId);
  }

  /** A handle on an inspection someone else started (e.g. a centre cycle's child). */
  static of(client: Client, inspectionId: string) {
    return new InspectionHandle(client, inspectionId);
  }

  get handle() {
    return this.client.workflow.getHandle(this.inspectionId);
  }

  send(actor: Actor, event: string, fields: Record<string, unknown> = {}): Promise<InspectionView> {
    return this.handle.executeUpdate(recordDecisionUpdate, { args: [{ decision: { event, ...fields }, actor }] });
  }

  view(): Promise<InspectionView> {
    return this.handle.query(inspectionStateQuery);
  }
}

export const goodJudgements = {
  overallExperiencesAndProgress: 'good',
  helpAndProtection: 'good',
  leadershipAndManagement: 'good',
};

/**
 * A fresh time-skipping server and worker for each test of the calling file. Fresh per test because awaiting a
 * workflow's result lets the time-skipping server run its clock far ahead (it treats every workflow's run
 * timeout as a timer), which would leak into the next test.
 */
export function useTimeSkippingWorker() {
  const current = {} as { env: TestWorkflowEnvironment; worker: Awaited<ReturnType<typeof startWorker>> };
  beforeEach(async () => {
    current.env = await createTimeSkippingEnv();
    current.worker = await startWorker(current.env.nativeConnection);
  }, 180_000);
  afterEach(async () => {
    await current.worker?.stop();
    await current.env?.teardown();
  });
  return current;
}
