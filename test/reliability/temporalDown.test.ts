/**
 * Temporal down mid-lifecycle. The real dev server (`temporal server start-dev` on a SQLite file), a worker
 * process (the product's createInspectionWorker), a real PostgreSQL that can be stopped (test/support/stoppablePostgres.ts)
 * and the real API (createApp) on a loopback port. SCCIF RFC full inspections, back-dated (reliabilityRig.rfcStages).
 *
 * A clock that ran out before the server went down, not yet recorded: the draft report is sent dated 20 working days
 * ago, so the provider's comment window closes with it, in business time; PostgreSQL is stopped just before, so the
 * workflow's ledger write (the window's closing in it) is failing and retrying when the dev server is stopped (see
 * test/durability/devServerRestart.test.ts on why no product timer can be made to fire within seconds).
 *
 * While the dev server is down, the final reports are sent through the API: each gets a clear retryable 503
 * (`temporal_unavailable`, `retryable: true`, a message) within a few seconds (the API's own Temporal client,
 * api/temporalConnection.ts, retries briefly), and /readyz says Temporal is unavailable. After the restart
 * (same file, same port; the API and worker keep their connections) the inspections show none of them applied, and
 * their records lagging; the database returns and the window's closing is written after the outage; the same
 * requests, resent with the same Idempotency-Key, succeed; every inspection publishes and its ledger is whole
 * (verifyChain, seqs 1..n, each decision once).
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from '@temporalio/client';
import { connectApiClient } from '../../api/temporalConnection';
import { recordDecisionUpdate } from '../../workflows/messages';
import { startApi } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { type StoppablePostgres, startStoppablePostgres } from '../support/stoppablePostgres';
import { type Database, type Rig, checkLedger, openDatabase, recordFigures, rfcStages, sleep, startRfcInspections, startRig } from '../support/reliabilityRig';
import { type WorkerProcess, startWorkerProcess } from '../support/workerProcess';

const INSPECTIONS = 2;
/** Each inspection gets this many API decisions while the server is down (each a 503), then the same again after. */
const TRIES_WHILE_DOWN = 2;
/**
 * A 503 must come well before the ~20 s the SDK's default retries took; the API's client gives up after about 1 s
 * (api/temporalConnection.ts). Loose, so that a slow, busy machine does not fail it.
 */
const FAST_503_MS = 8_000;
/** The server stays down at least this long, with reads every second, so gRPC's reconnect backoff has grown. */
const DOWN_AT_LEAST_MS = 15_000;

let rig: Rig | undefined;
let pg: StoppablePostgres | undefined;
let db: Database | undefined;
let api: Awaited<ReturnType<typeof startApi>> | undefined;
let worker: WorkerProcess | undefined;
let apiConnection: Connection | undefined;

beforeAll(async () => {
  [rig, pg] = await Promise.all([startRig('temporal-down'), startStoppablePostgres()]);
  db = await openDatabase({ url: pg.url });
}, 120_000);

afterAll(async () => {
  await worker?.kill().catch(() => undefined);
  await api?.close();
  await apiConnection?.close().catch(() => undefined);
  await db?.close().catch(() => undefined);
  await rig?.close();
  await pg?.destroy();
});

test('dev server down mid-lifecycle: API decisions get a retryable 503 and are not applied; resent after the restart they succeed; a clock that ran out is recorded after it', async () => {
  const { client, server, bundlePath } = rig!;
  const taskQueue = `temporal-down-${randomUUID()}`;
  worker = startWorkerProcess({ temporalAddress: server.address, databaseUrl: pg!.url, taskQueue, bundlePath });
  await worker.ready;
  // The API on its own client, built as the product builds it (api/listen.ts); the test drives workflows on the rig's.
  const apiClient = await connectApiClient(server.address);
  apiConnection = apiClient.connection;
  api = await startApi(apiClient.client, db!, taskQueue);

  const ids = await startRfcInspections(client, taskQueue, INSPECTIONS);
  const stages = rfcStages();
  const [draft, final] = [stages[4]!, stages[5]!];
  expect([draft.event, final.event]).toEqual(['DRAFT_REPORT_SENT', 'FINAL_REPORT_SENT']);
  const decide = (id: string, stage: (typeof stages)[number]) =>
    client.workflow.getHandle(id).executeUpdate(recordDecisionUpdate, { args: [{ decision: { event: stage.event, ...stage.fields }, actor: stage.actor }] });

  // Up to feedback with everything up, written to the ledger.
  for (const stage of stages.slice(0, 4)) await Promise.all(ids.map((id) => decide(id, stage)));
  await eventually(async () => {
    for (const id of ids) if ((await checkLedger(db!, id)).decisions.length < 4) return undefined;
    return true;
  }, 30_000);

  // The draft, with its comment window already over, accepted while the ledger cannot be written: in business time
  // the window closed on its day, with the draft, but the workflow cannot record that when the server stops.
  await pg!.stop();
  const drafted = await Promise.all(ids.map((id) => decide(id, draft)));
  for (const v of drafted) {
    expect(v.status).toBe('finalising_report');
    expect(v.deadlines.map((d) => d.clock)).toEqual(['finalReport']);
  }

  // ---- the dev server down -----------------------------------------------------------------------------------
  const stopped = await server.stop();
  const downAt = Date.now();
  expect(server.running).toBe(false);
  // Every call to Temporal fails after the API client's brief retries; the requests go out together.
  const key = (id: string) => `final-${id}`;
  const sendFinal = (id: string) =>
    api!.call('POST', `/inspections/${id}/decisions`, { role: 'manager', body: { event: final.event, ...final.fields }, headers: { 'idempotency-key': key(id) } });
  const timed = async <T>(f: () => Promise<T>) => {
    const t0 = Date.now();
    const res = await f();
    return { res, ms: Date.now() - t0 };
  };
  const [ready, read, ...sent] = await Promise.all([
    timed(() => api!.call('GET', '/readyz')),
    timed(() => api!.call('GET', `/inspections/${ids[0]}`, { role: 'manager' })),
    ...ids.flatMap((id) => Array.from({ length: TRIES_WHILE_DOWN }, () => timed(() => sendFinal(id)))),
  ]);
  expect(ready!.res.status).toBe(503);
  expect(ready!.res.body.temporal).toMatch(/^unavailable: /);
  expect(read!.res.status).toBe(503);
  expect(read!.res.body.error).toMatchObject({ code: 'temporal_unavailable', retryable: true });
  const refusals = sent.map(({ res, ms }) => ({ status: res.status, ms }));
  for (const { ms } of [ready!, read!, ...sent]) expect(ms).toBeLessThan(FAST_503_MS);
  for (const { res } of sent) {
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'temporal_unavailable', retryable: true });
    expect(res.body.error.message).toMatch(/the workflow service did not answer; retry later/);
  }

  // Still down: every read answers 503 at once, however long the outage.
  const readsWhileDown: number[] = [];
  while (Date.now() - downAt < DOWN_AT_LEAST_MS) {
    const { res, ms } = await timed(() => api!.call('GET', `/inspections/${ids[1]}`, { role: 'manager' }));
    expect(res.status).toBe(503);
    readsWhileDown.push(ms);
    await sleep(1_000);
  }
  for (const ms of readsWhileDown) expect(ms).toBeLessThan(FAST_503_MS);

  // ---- restart on the same file and port; the API's and the worker's connections are kept -------------------------
  await server.start();
  const downMs = Date.now() - downAt;
  const restartedAt = Date.now();
  // The API's client reconnects by itself within about a second of the server returning (api/temporalConnection.ts).
  await eventually(async () => ((await api!.call('GET', `/inspections/${ids[0]}`, { role: 'manager' })).status === 200 ? true : undefined), 30_000);
  const apiBackAfterMs = Date.now() - restartedAt;
  const workerSurvived = await Promise.race([worker.exited.then(() => false), sleep(2_000).then(() => true)]);
  if (!workerSurvived) {
    worker = startWorkerProcess({ temporalAddress: server.address, databaseUrl: pg!.url, taskQueue, bundlePath });
    await worker.ready;
  }
  // None of the refused decisions was applied: the inspections are where the draft left them, the final report awaited.
  const afterRestart = await eventually(async () => {
    const views = await Promise.all(ids.map((id) => api!.call('GET', `/inspections/${id}`, { role: 'manager' })));
    return views.every((v) => v.status === 200) ? views.map((v) => v.body) : undefined;
  }, 30_000);
  for (const [i, v] of afterRestart.entries()) {
    expect(v.status).toBe('finalising_report');
    expect(v.revision).toBe(drafted[i]!.revision);
    expect(v.unrecordedSince).toEqual(expect.any(String)); // the ledger still lags the workflow
  }

  // The database returns: the ledger write goes through, the window's closing with it.
  await pg!.start();
  await eventually(async () => {
    const views = await Promise.all(ids.map((id) => api!.call('GET', `/inspections/${id}`, { role: 'manager' })));
    return views.every((v) => v.body?.unrecordedSince === null) ? true : undefined;
  }, 60_000);
  await eventually(async () => ((await api!.call('GET', '/readyz')).status === 200 ? true : undefined), 20_000);

  // Resent with the same keys, the decisions succeed, once each.
  for (const id of ids) {
    const res = await sendFinal(id);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('published'); // its publication date passed long ago: published with it
  }
  const outcomes = await Promise.all(ids.map((id) => client.workflow.getHandle(id).result()));
  expect(outcomes[0]).toMatchObject({ status: 'published', grade: 'good' });
  for (const o of outcomes) expect(o).toEqual(outcomes[0]);

  let entries = 0;
  for (const id of ids) {
    const ledger = await checkLedger(db!, id); // verifyChain ok, seqs 1..n, no entry twice
    entries += ledger.entries.length;
    expect(ledger.decisions).toEqual(stages.map((s) => s.event)); // the final report once, though sent 1 + TRIES_WHILE_DOWN times
    expect(ledger.expired.sort()).toEqual(['commentWindow', 'publication']);
    const closedAt = ledger.entries.find((e) => e.kind === 'clock.expired' && (e.data as { clock?: string }).clock === 'commentWindow')!;
    expect(new Date(closedAt.recordedAt).getTime()).toBeGreaterThan(downAt); // written after the outage
  }

  recordFigures('temporalDown', {
    faultsInjected: 2,
    faults: ['dev server stopped (SIGTERM) and restarted on its SQLite file', 'PostgreSQL stopped, holding back the overdue comment window'],
    devServerStop: stopped,
    devServerDownMs: downMs,
    inspectionsAffected: ids.length,
    decisionsSentWhileDown: refusals.length,
    refusedWith503Retryable: refusals.filter((r) => r.status === 503).length,
    slowest503Ms: Math.max(...refusals.map((r) => r.ms)),
    fastest503Ms: Math.min(...refusals.map((r) => r.ms)),
    readMs: read!.ms,
    readyzMs: ready!.ms,
    readsWhileDown: readsWhileDown.length,
    slowestReadWhileDownMs: Math.max(...readsWhileDown),
    apiBackAfterRestartMs: apiBackAfterMs,
    appliedWhileDown: 0,
    resentAfterRestartAndAccepted: ids.length,
    workerSurvivedRestart: workerSurvived,
    outcome: outcomes[0],
    ledgerEntriesChecked: entries,
    entriesLost: 0,
    entriesDuplicated: 0,
  });
}, 180_000);
