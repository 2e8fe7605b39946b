/**
 * Database outage. A real PostgreSQL cluster (test/support/stoppablePostgres.ts) holds the audit ledger and
 * read model; the worker runs as a separate OS process (the product's createInspectionWorker and activities); the
 * real API (createApp) answers /readyz. SCCIF RFC full inspections, back-dated (reliabilityRig.rfcStages) so every
 * automatic step is already due, take their first two decisions with the database up; then PostgreSQL is stopped
 * (`pg_ctl stop -m immediate`, connections cut as in a crash) and the rest of the lifecycle is sent while it is down.
 * The decisions are still accepted (they live in Temporal's history); the ledger activities fail and are retried on
 * the workflow's retry policy (1 s, doubling); /readyz says the database is unavailable (503). When PostgreSQL
 * returns, the writes catch up in order: every inspection publishes, /readyz is ok again, and every ledger is whole:
 * verifyChain ok, seqs 1..n, each accepted decision exactly once and in the order sent, each clock once.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { recordDecisionUpdate } from '../../workflows/messages';
import { startApi } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { type StoppablePostgres, startStoppablePostgres } from '../support/stoppablePostgres';
import { type Database, type Rig, checkLedger, ledgerShape, openDatabase, recordFigures, rfcStages, sleep, startRfcInspections, startRig } from '../support/reliabilityRig';
import { type WorkerProcess, startWorkerProcess } from '../support/workerProcess';

const INSPECTIONS = 3;
/** Stages sent with the database up; the rest are sent while it is down. */
const BEFORE_OUTAGE = 2;
/** The database stays down at least this long after the last decision was accepted, so writes fail and retry. */
const HOLD_DOWN_MS = 6_000;

let rig: Rig | undefined;
let pg: StoppablePostgres | undefined;
let db: Database | undefined;
let api: Awaited<ReturnType<typeof startApi>> | undefined;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  [rig, pg] = await Promise.all([startRig('database-outage'), startStoppablePostgres()]);
  db = await openDatabase({ url: pg.url });
}, 120_000);

afterAll(async () => {
  await worker?.kill().catch(() => undefined);
  await api?.close();
  await db?.close().catch(() => undefined);
  await rig?.close();
  await pg?.destroy();
});

test('PostgreSQL stopped while inspections move on: decisions accepted, ledger writes retry and catch up in order, chain intact', async () => {
  const { client, server, bundlePath } = rig!;
  const taskQueue = `db-outage-${randomUUID()}`;
  worker = startWorkerProcess({ temporalAddress: server.address, databaseUrl: pg!.url, taskQueue, bundlePath });
  await worker.ready;
  api = await startApi(client, db!, taskQueue);
  expect((await api.call('GET', '/readyz')).body).toMatchObject({ status: 'ready', temporal: 'ok', database: 'ok', records: 'ok' });

  const ids = await startRfcInspections(client, taskQueue, INSPECTIONS);
  const stages = rfcStages();
  let refusedThenRetried = 0;
  const send = async (id: string, stage: (typeof stages)[number]) => {
    const t0 = Date.now();
    for (;;) {
      try {
        return await client.workflow.getHandle(id).executeUpdate(recordDecisionUpdate, { args: [{ decision: { event: stage.event, ...stage.fields }, actor: stage.actor }] });
      } catch (err) {
        const cause = (err as { cause?: { message?: string } }).cause;
        if (!(err instanceof WorkflowUpdateFailedError) || !/is not allowed at stage/.test(cause?.message ?? '') || Date.now() - t0 > 60_000) throw err;
        refusedThenRetried++;
        await sleep(500);
      }
    }
  };

  // Database up: the first decisions, written to the ledger.
  for (const stage of stages.slice(0, BEFORE_OUTAGE)) await Promise.all(ids.map((id) => send(id, stage)));
  await eventually(async () => {
    for (const id of ids) if ((await checkLedger(db!, id)).decisions.length < BEFORE_OUTAGE) return undefined;
    return true;
  }, 30_000);

  // ---- PostgreSQL down --------------------------------------------------------------------------------------
  await pg!.stop();
  const downAt = Date.now();
  const readyDown = await api.call('GET', '/readyz');
  expect(readyDown.status).toBe(503);
  expect(readyDown.body.temporal).toBe('ok');
  expect(readyDown.body.database).toMatch(/^unavailable: /);

  // The rest of the lifecycle, sent while the database is down: each decision is accepted by the workflow.
  let acceptedWhileDown = 0;
  for (const stage of stages.slice(BEFORE_OUTAGE)) {
    const views = await Promise.all(ids.map((id) => send(id, stage)));
    for (const v of views) expect(v.revision).toBeGreaterThan(0);
    acceptedWhileDown += views.length;
  }
  expect(pg!.running).toBe(false);
  await sleep(HOLD_DOWN_MS);
  // The ledger activities are failing and being retried meanwhile; none of the inspections can finish.
  const pendingWhileDown = await Promise.all(ids.map(async (id) => (await client.workflow.getHandle(id).describe()).raw.pendingActivities ?? []));
  const failingAttempts = pendingWhileDown.map((p) => Math.max(0, ...p.map((a) => a.attempt ?? 0)));
  for (const a of failingAttempts) expect(a).toBeGreaterThan(1);
  for (const id of ids) expect((await client.workflow.getHandle(id).describe()).status.name).toBe('RUNNING');
  expect((await api.call('GET', '/readyz')).status).toBe(503);

  // ---- PostgreSQL back ---------------------------------------------------------------------------------------
  await pg!.start();
  const downMs = Date.now() - downAt;
  const upAt = Date.now();
  await eventually(async () => ((await api!.call('GET', '/readyz')).status === 200 ? true : undefined), 20_000);
  expect((await api.call('GET', '/readyz')).body).toMatchObject({ status: 'ready', temporal: 'ok', database: 'ok', records: 'ok' });

  const outcomes = await Promise.all(ids.map((id) => client.workflow.getHandle(id).result()));
  const caughtUpMs = Date.now() - upAt;
  expect(outcomes[0]).toMatchObject({ status: 'published', grade: 'good' });
  for (const o of outcomes) expect(o).toEqual(outcomes[0]);

  let entries = 0;
  let activityRetries = 0;
  const first = await checkLedger(db!, ids[0]!);
  for (const id of ids) {
    const ledger = await checkLedger(db!, id); // verifyChain ok, seqs 1..n, no entry twice
    entries += ledger.entries.length;
    expect(ledger.decisions).toEqual(stages.map((s) => s.event)); // each accepted decision once, in the order sent
    expect(new Set(ledger.expired).size).toBe(ledger.expired.length);
    expect(new Set(ledger.missed).size).toBe(ledger.missed.length);
    expect(ledgerShape(ledger.entries)).toEqual(ledgerShape(first.entries));
    // Entry instants never go backwards: the batches written after the outage follow the ones before it.
    const at = ledger.entries.map((e) => new Date(e.recordedAt).getTime());
    for (let i = 1; i < at.length; i++) expect(at[i]!).toBeGreaterThanOrEqual(at[i - 1]!);
    for (const e of (await client.workflow.getHandle(id).fetchHistory()).events ?? []) {
      activityRetries += Math.max(0, (e.activityTaskStartedEventAttributes?.attempt ?? 1) - 1);
    }
  }
  expect(first.expired.sort()).toEqual(['commentWindow', 'publication']);
  expect(activityRetries).toBeGreaterThan(0);

  // A decision sent while the comment window was due but not yet fired (the workflow stuck on its ledger write) had
  // the clock fire first, behind patched(): the marker is recorded in that decision's task, not at the first
  // decision (workflows/inspectionWorkflow.ts, patchedWhereItMatters), and the history replays on today's code.
  for (const id of ids) {
    const history = await client.workflow.getHandle(id).fetchHistory();
    const events = history.events ?? [];
    const firstUpdate = events.findIndex((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    const markers = events.flatMap((e, i) => (e.markerRecordedEventAttributes ? [i] : []));
    expect(markers).toHaveLength(1);
    expect(events.slice(firstUpdate, markers[0]).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length).toBeGreaterThanOrEqual(BEFORE_OUTAGE);
    await Worker.runReplayHistory({ workflowBundle: { codePath: bundlePath } }, history, id);
  }

  recordFigures('databaseOutage', {
    faultsInjected: 1,
    databaseDownMs: downMs,
    inspectionsAffected: ids.length,
    decisionsAcceptedWhileDatabaseDown: acceptedWhileDown,
    decisionsRefusedWhileCatchingUpThenRetried: refusedThenRetried,
    highestFailingAttemptWhileDown: Math.max(...failingAttempts),
    activityRetries,
    caughtUpMsAfterRestart: caughtUpMs,
    outcome: outcomes[0],
    ledgerEntriesChecked: entries,
    entriesLost: 0,
    entriesDuplicated: 0,
  });
}, 180_000);
