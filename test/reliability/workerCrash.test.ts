/**
 * Worker crash at every stage. The worker runs as a separate OS process (test/support/workerProcess.ts:
 * the product's createInspectionWorker and activities, on a real PostgreSQL shared between processes) and is
 * killed with SIGKILL at every stage of the SCCIF RFC full lifecycle, 40 ms after the stage's decisions were sent
 * (so while updates, workflow tasks and ledger activities are in flight), then started again at once; abandoned
 * workflow tasks and activities are recovered by Temporal's timeouts and retries (activity start-to-close 1 min). Beside it, a
 * control set of inspections receives the same decisions on another task queue served by a worker that is never
 * disturbed. Every disturbed inspection must end like the control ones (status, grade, breaches), with the same
 * ledger (same entries in the same order), every deadline missed or clock expired exactly once, and a whole
 * chain: verifyChain, seqs 1..n, nothing twice.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createInspectionWorker } from '../../worker/createWorker';
import { recordDecisionUpdate } from '../../workflows/messages';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { type Database, type Rig, checkLedger, ledgerShape, openDatabase, recordFigures, rfcStages, sleep, startRfcInspections, startRig } from '../support/reliabilityRig';
import { type WorkerProcess, startWorkerProcess } from '../support/workerProcess';

const INSPECTIONS = 3;
/** How long after sending a stage's decisions the worker is killed: long enough for them to reach it, too short to finish. */
const KILL_DELAY_MS = 40;

let rig: Rig | undefined;
let pg: TestPostgres | undefined;
let db: Database | undefined;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  [rig, pg] = await Promise.all([startRig('worker-crash'), startTestPostgres()]);
  db = await openDatabase({ url: pg.url }); // migrates before any worker process opens it
}, 180_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  await db?.close();
  await rig?.close();
  await pg?.stop();
});

test('SIGKILL of the worker process after every stage: every inspection ends as an undisturbed one, ledgers whole', async () => {
  const { client, server, bundlePath } = rig!;
  const stages = rfcStages();
  const crashQueue = `crash-${randomUUID()}`;
  const controlQueue = `control-${randomUUID()}`;

  // The control: an in-process worker, never disturbed.
  const native = await NativeConnection.connect({ address: server.address });
  cleanups.push(() => native.close());
  const controlWorker = await createInspectionWorker({ connection: native, taskQueue: controlQueue, db: db!, workflowBundle: { codePath: bundlePath } });
  const controlRun = controlWorker.run();
  cleanups.push(async () => {
    if (controlWorker.getState() === 'RUNNING') controlWorker.shutdown();
    await controlRun;
  });

  let worker: WorkerProcess = startWorkerProcess({ temporalAddress: server.address, databaseUrl: pg!.url, taskQueue: crashQueue, bundlePath });
  cleanups.push(() => worker.kill());
  await worker.ready;

  const crashed = await startRfcInspections(client, crashQueue, INSPECTIONS);
  const control = await startRfcInspections(client, controlQueue, INSPECTIONS);
  let refusedWhileCatchingUp = 0;
  const catchUps: Array<{ stage: string; ms: number; at: string }> = [];
  const kills: Array<{ after: string; pid: number; signal: string | null; restartMs: number }> = [];

  const crashAndRestart = async (after: string) => {
    const { pid } = worker;
    const { signal } = await worker.kill('SIGKILL');
    const t0 = Date.now();
    worker = startWorkerProcess({ temporalAddress: server.address, databaseUrl: pg!.url, taskQueue: crashQueue, bundlePath });
    await worker.ready;
    kills.push({ after, pid, signal, restartMs: Date.now() - t0 });
  };

  await crashAndRestart('start');
  for (const stage of stages) {
    const t0 = Date.now();
    // A workflow whose ledger activity was abandoned by the dead worker waits for it (start-to-close 1 min) before it
    // acts on a clock that has run out by itself; a decision that needs that step first (the final report after the
    // comment window) is refused meanwhile as not allowed yet (409), and the caller retries, as a client would.
    const send = async (id: string) => {
      for (;;) {
        try {
          return await client.workflow.getHandle(id).executeUpdate(recordDecisionUpdate, { args: [{ decision: { event: stage.event, ...stage.fields }, actor: stage.actor }] });
        } catch (err) {
          const cause = (err as { cause?: { message?: string } }).cause;
          if (!(err instanceof WorkflowUpdateFailedError) || !/is not allowed at stage/.test(cause?.message ?? '') || Date.now() - t0 > 150_000) throw err;
          refusedWhileCatchingUp++;
          await sleep(1_000);
        }
      }
    };
    // The kill lands while the decisions are in flight: updates being validated and applied, ledger and read-model
    // activities running. The callers wait; nothing they sent may be lost or applied twice.
    const pending = Promise.all([...crashed, ...control].map(send));
    await sleep(KILL_DELAY_MS);
    await crashAndRestart(stage.name);
    const views = await pending;
    for (const v of views) expect(v.revision).toBeGreaterThan(0);
    const target = views[views.length - 1]!.stage;
    catchUps.push({ stage: stage.name, ms: Date.now() - t0, at: target });
    expect(views.map((v) => v.stage)).toEqual(views.map(() => target));
  }
  expect(kills.every((k) => k.signal === 'SIGKILL')).toBe(true);

  // Every inspection runs to its end by itself (publication is due at once); abandoned activities time out (1 min) and retry.
  const outcomes = await Promise.all([...crashed, ...control].map((id) => client.workflow.getHandle(id).result()));
  const expected = outcomes[crashed.length]!;
  expect(expected).toMatchObject({ status: 'published', grade: 'good' });
  for (const o of outcomes) expect(o).toEqual(expected);

  const controlLedger = await checkLedger(db!, control[0]!);
  let entries = 0;
  for (const id of [...crashed, ...control]) {
    const ledger = await checkLedger(db!, id);
    entries += ledger.entries.length;
    expect(ledgerShape(ledger.entries)).toEqual(ledgerShape(controlLedger.entries));
    expect(ledger.decisions).toEqual(stages.map((s) => s.event));
    expect(new Set(ledger.expired).size).toBe(ledger.expired.length); // every clock fired once
    expect(new Set(ledger.missed).size).toBe(ledger.missed.length); // every breach raised once
  }
  expect(controlLedger.expired.sort()).toEqual(['commentWindow', 'publication']);

  const history = await client.workflow.getHandle(crashed[0]!).fetchHistory();
  const retried = (history.events ?? []).filter((e) => (e.activityTaskStartedEventAttributes?.attempt ?? 1) > 1).length;
  const wftFailedOrTimedOut = (history.events ?? []).filter((e) => e.workflowTaskTimedOutEventAttributes || e.workflowTaskFailedEventAttributes).length;
  recordFigures('workerCrash', {
    faultsInjected: kills.length,
    kills: kills.map((k) => k.after),
    decisionsRefusedWhileCatchingUpThenRetried: refusedWhileCatchingUp,
    decisionRoundTripMs: Object.fromEntries(catchUps.map((c) => [c.stage, c.ms])),
    meanRestartMs: Math.round(kills.reduce((s, k) => s + k.restartMs, 0) / kills.length),
    inspectionsAffected: crashed.length,
    controlInspections: control.length,
    outcome: expected,
    ledgerEntriesChecked: entries,
    ledgerEntriesPerInspection: controlLedger.entries.length,
    firstInspectionActivityRetries: retried,
    firstInspectionWorkflowTaskTimeouts: wftFailedOrTimedOut,
    entriesLost: 0,
    entriesDuplicated: 0,
  });
}, 420_000);
