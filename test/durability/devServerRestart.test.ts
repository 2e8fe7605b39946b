/**
 * Durability: "the dev server stopped and started with its data file; the inspection continues and its timer
 * fires". The real `temporal server start-dev` runs as a child process on a SQLite file in a temp dir; the real
 * product workflow runs an SCCIF residential family centre full inspection (`sccif-rfc-full` v1); one in-memory
 * PGlite (ledger and read model) is kept across the restart. No test-only inspection types, no shortened clocks.
 *
 * Why the test has two inspections. Every product clock runs out at the end of a London day, or, for the few in
 * clock hours, 24 hours after the instant the workflow recorded a decision (engine/clocks.ts); and the dev server
 * keeps real time with no way to move its clock (`start-dev` has no time option, and the CLI is a statically
 * linked Go binary, so libfaketime cannot shift it either). A durable timer the workflow sets therefore fires
 * hours away at the earliest: waiting for one would take up to a day. Back-dating a decision (`at` in the past;
 * the recorded instant cannot be back-dated) does not help on its own: the clock is then already overdue and the
 * workflow acts at once, before any restart, without a timer. A test-only inspection type with a short clock would prove
 * something about code the product does not run. So the claim is proved in two halves, both on product code:
 *
 *  A. A clock's durable timer survives the restart. Inspection A's draft is sent today, so the provider's comment
 *     window (5 working days) is a pending workflow timer. After the restart the server still holds it: started,
 *     neither fired nor cancelled, due at exactly the window's end; a new worker (empty cache, so it replays the
 *     history it reads from the restarted server) reports the same deadline.
 *  B. A timer that comes due while the server is down fires after the restart, and the inspection acts on the clocks
 *     that ran out meanwhile. Inspection B is entered late: on site 34 working days ago, then feedback dated 32 ago,
 *     so the draft (18 working days) and final report (30) targets it starts are overdue the moment it is accepted.
 *     Before the workflow can record them overdue, the read model is made to fail (a wrapper around the database; the ledger write, in its own transaction, still succeeds, so every retry
 *     re-sends entries already stored). The activity is then retried on Temporal's durable retry timer (the
 *     workflow's own retry policy: 1 s, doubling). After four failed attempts the worker is stopped, the 5th
 *     attempt's instant (8 s on) is read from the server, and the server is stopped and kept down until that
 *     instant has passed. After the restart, before any worker polls, the server shows the timer fired (the attempt
 *     is released, no next-attempt instant). A new worker with the database healthy runs it, the activity
 *     completes, and the workflow records both targets overdue on its own. Decisions sent after the restart are
 *     accepted: the draft, dated 6 working days ago (its comment window closed yesterday in business time, so the
 *     decision itself closes it: COMMENT_WINDOW_CLOSED, by the system, at the window's end), and the final report
 *     today (both breaches, dated after their due dates), which sets the publication clock's timer.
 *
 * Then each inspection's audit ledger must verify (hash chain), with consecutive seqs and nothing twice, although
 * B's ledger batch was written once and re-sent on every retry, across the restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { addWorkingDays, endOfLondonDay, londonDateOf } from '../../calendar';
import { type Database, type Queryable, openDatabase } from '../../db';
import { readLedger, verifyChain } from '../../ledger';
import { getInspectionSummary } from '../../readModel';
import { createInspectionWorker } from '../../worker/createWorker';
import { inspectionStateQuery, recordDecisionUpdate } from '../../workflows/messages';
import { INSPECTION_STATUS, NEXT_DEADLINE } from '../../workflows/searchAttributes';
import { InspectionHandle, goodJudgements, startWorker, workflowBundle } from '../support/inspectionHarness';
import { actors } from '../support/pureDriver';
import { type DevServerProcess, startDevServerProcess } from '../support/temporal';
import { eventually } from '../support/eventually';

const OUTAGE_MESSAGE = 'read model unavailable (outage injected by the durability test)';

let tmpDir: string;
let server: DevServerProcess | undefined;
let db: Database | undefined;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  // The activity failures below are intended; the worker would log each one as a warning.
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-restart-'));
  [server, db] = await Promise.all([
    startDevServerProcess({ dbFile: path.join(tmpDir, 'temporal.sqlite'), logFile: path.join(tmpDir, 'server.log') }),
    openDatabase({ memory: true }),
    workflowBundle(),
  ]);
}, 120_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await server?.stop();
  await db?.close();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

test('a dev server restart on its SQLite file: inspections keep running, their timers are kept and fire, the ledger stays whole', async () => {
  const srv = server!;
  const database = db!;
  const outage = readModelOutage(database);
  // The test takes about 20 s; dates it computes must not straddle a London midnight (nor may A's timer fire).
  const untilMidnight = endOfLondonDay(londonDateOf(Date.now())) - Date.now();
  if (untilMidnight < 60_000) await sleep(untilMidnight + 1_000);
  const today = londonDateOf(Date.now());

  // ---- before the stop ---------------------------------------------------------------------------------------
  let connection = await Connection.connect({ address: srv.address });
  cleanups.push(() => connection.close());
  let client = new Client({ connection });
  const nativeBefore = await NativeConnection.connect({ address: srv.address });
  cleanups.push(() => nativeBefore.close());
  const before = await startWorker(nativeBefore, outage.db);
  cleanups.push(() => before.stop());
  const { taskQueue } = before;

  // A: draft sent today; the comment window is a durable timer due at the end of its 5th working day.
  const a = await InspectionHandle.start({ client }, taskQueue);
  await a.send(actors.inspector, 'INSPECTION_STARTED');
  await a.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: goodJudgements });
  const aDraft = await a.send(actors.inspector, 'DRAFT_REPORT_SENT');
  const aWindow = aDraft.deadlines.find((d) => d.clock === 'commentWindow')!;
  expect(aWindow.due).toBe(addWorkingDays(today, 5));
  expect(aDraft.nextDeadline?.clock).toBe('commentWindow');
  const aSettled = await settled(client, a, database);
  expectOneTimerFor(await pendingTimers(client, a.inspectionId), aWindow.dueAt);

  // B: entered late, on site 34 working days ago; the feedback, dated 32 working days ago, arrives with the read
  // model down: the report targets it starts ran out long ago, but the workflow cannot get past its activity to
  // record them overdue.
  const started = addWorkingDays(today, -34);
  const feedback = addWorkingDays(today, -32);
  const draftSent = addWorkingDays(today, -6);
  const b = await InspectionHandle.start({ client }, taskQueue, 'sccif-rfc-full', 1, {}, started);
  await b.send(actors.inspector, 'INSPECTION_STARTED', { at: started });
  await settled(client, b, database);
  outage.down = true;
  const bFeedback = await b.send(actors.inspector, 'FEEDBACK_GIVEN', { at: feedback, judgements: goodJudgements });
  expect(bFeedback.deadlines.map((d) => [d.clock, d.due, d.overdue])).toEqual([
    ['draftReport', addWorkingDays(feedback, 18), true],
    ['finalReport', addWorkingDays(feedback, 30), true],
  ]);

  // Attempts 1-4 fail (backoff 1, 2, 4 s); the 5th waits on an 8 s retry timer, enough to stop everything first.
  await outage.failures(4);
  await before.stop();
  await nativeBefore.close();
  const retry = await pendingRecordProgress(client, b.inspectionId);
  expect(retry.attempt).toBeGreaterThanOrEqual(5);
  expect(retry.lastFailure).toContain(OUTAGE_MESSAGE);
  await connection.close();

  // ---- the stop: SIGTERM, then kept down until B's retry timer has come due --------------------------------------
  const firstPid = srv.pid;
  const stopped = await srv.stop();
  expect(stopped.signal === 'SIGTERM' || stopped.code === 0).toBe(true);
  expect(srv.running).toBe(false);
  expect(retry.nextAttemptAt).toBeGreaterThan(Date.now()); // due while the server is down
  await sleep(retry.nextAttemptAt! - Date.now() + 1_000);
  const restartedAt = Date.now();
  await srv.start(); // same SQLite file, same port
  expect(srv.pid).not.toBe(firstPid);

  // ---- after the restart ---------------------------------------------------------------------------------------
  connection = await Connection.connect({ address: srv.address });
  cleanups.push(() => connection.close());
  client = new Client({ connection });
  const ah = client.workflow.getHandle(a.inspectionId);
  const bh = client.workflow.getHandle(b.inspectionId);
  const aAfter = inspectionOn(client, a.inspectionId);
  const bAfter = inspectionOn(client, b.inspectionId);

  // (i) both executions are still there and running; A's timer is still pending, as it was before the stop.
  expect((await ah.describe()).status.name).toBe('RUNNING');
  expect((await bh.describe()).status.name).toBe('RUNNING');
  expectOneTimerFor(await pendingTimers(client, a.inspectionId), aWindow.dueAt);
  const aDescribed = await ah.describe();
  expect(aDescribed.typedSearchAttributes.get(INSPECTION_STATUS)).toBe('awaiting_provider_comments');
  expect(aDescribed.typedSearchAttributes.get(NEXT_DEADLINE)?.toISOString()).toBe(aWindow.dueAt);
  // (iv) B's retry timer, due while the server was down, fires on the restarted server: the attempt it releases
  // waits for a worker (no next-attempt instant any more), with the same attempt number and last failure.
  const released = await eventually(async () => {
    const p = await pendingRecordProgress(client, b.inspectionId);
    return p.nextAttemptAt === undefined ? p : undefined;
  }, 15_000);
  expect(released).toEqual({ ...retry, nextAttemptAt: undefined });

  // (ii) a new worker on the same task queue, with the database healthy again, answers state queries by replay.
  outage.down = false;
  const nativeAfter = await NativeConnection.connect({ address: srv.address });
  cleanups.push(() => nativeAfter.close());
  const after: Worker = await createInspectionWorker({ connection: nativeAfter, taskQueue, db: database, workflowBundle: await workflowBundle() });
  const running = after.run();
  cleanups.push(async () => {
    if (after.getState() === 'RUNNING') after.shutdown();
    await running;
  });
  const aView = await aAfter.view();
  expect(aView).toMatchObject({ status: 'awaiting_provider_comments', revision: aSettled.revision, breaches: [] });
  expect(aView.deadlines).toEqual(aSettled.deadlines);

  // (iv, continued) the new worker runs the released attempt; the activity completes and the workflow records both
  // targets overdue by itself: the clocks that ran out while the inspection was stuck are acted on after the restart.
  const overdueEntries = await eventually(async () => {
    const reportClocks = new Set(bFeedback.deadlines.map((d) => d.clock));
    const found = (await readLedger(database, b.inspectionId)).filter((e) => e.kind === 'deadline.overdue' && reportClocks.has(e.data.clock as string));
    return found.length === 2 ? found : undefined;
  }, 30_000);
  expect(overdueEntries.map((e) => [e.actor, e.at, e.data.clock])).toEqual(bFeedback.deadlines.map((d) => ['system', d.dueAt, d.clock]));
  for (const entry of overdueEntries) expect(Date.parse(entry.recordedAt)).toBeGreaterThan(restartedAt);
  const bHistory = (await bh.fetchHistory()).events ?? [];
  const retried = bHistory.filter((e) => e.activityTaskStartedEventAttributes).map((e) => e.activityTaskStartedEventAttributes!);
  const lastAttempt = retried.find((s) => (s.attempt ?? 1) > 1)!;
  expect(lastAttempt.attempt).toBe(retry.attempt);
  expect(lastAttempt.lastFailure?.message).toContain(OUTAGE_MESSAGE);
  const completedAt = bHistory.filter((e) => e.activityTaskCompletedEventAttributes).map((e) => eventMs(e.eventTime));
  expect(completedAt.some((t) => t > restartedAt)).toBe(true);
  expect(bHistory.some((e) => e.workflowTaskFailedEventAttributes)).toBe(false);

  // (iii) decisions sent after the restart are accepted; the last one's clock is a new durable timer.
  const bDraft = await bAfter.send(actors.inspector, 'DRAFT_REPORT_SENT', { at: draftSent });
  const bWindow = { due: addWorkingDays(draftSent, 5), dueAt: new Date(endOfLondonDay(addWorkingDays(draftSent, 5))).toISOString() };
  expect(bDraft.stage).toBe('reporting.finalising'); // its comment window closed yesterday, in business time
  const final = await bAfter.send(actors.manager, 'FINAL_REPORT_SENT');
  expect(final.status).toBe('awaiting_publication');
  const publication = final.deadlines.find((d) => d.clock === 'publication')!;
  expect(publication.due).toBe(addWorkingDays(today, 5));
  const bSettled = await settled(client, bAfter, database);
  expectOneTimerFor(await pendingTimers(client, b.inspectionId), publication.dueAt);
  expect(await getInspectionSummary(database, b.inspectionId)).toMatchObject({ status: 'awaiting_publication', revision: bSettled.revision });

  // The ledgers: whole chains, seqs 1..n, nothing twice.
  const bEntries = await readLedger(database, b.inspectionId);
  expectWholeLedger(bEntries);
  expect(await verifyChain(database, b.inspectionId)).toMatchObject({ ok: true, entries: bEntries.length });
  expect(bEntries.filter((e) => e.kind === 'decision.accepted').map((e) => e.data.event)).toEqual([
    'INSPECTION_STARTED',
    'FEEDBACK_GIVEN',
    'DRAFT_REPORT_SENT',
    'FINAL_REPORT_SENT',
  ]);
  // Late steps are breaches, answered on their own dates; the final report's, on the day it was sent.
  expect(bEntries.filter((e) => e.kind === 'deadline.missed').map((e) => [e.data.clock, e.data.answeredOn])).toEqual([
    ['draftReport', draftSent],
    ['finalReport', today],
  ]);
  const expired = bEntries.filter((e) => e.kind === 'clock.expired');
  expect(expired.map((e) => e.data)).toEqual([{ clock: 'commentWindow', due: bWindow.due, event: 'COMMENT_WINDOW_CLOSED' }]);
  expect(expired[0]).toMatchObject({ actor: 'system', at: bWindow.dueAt });

  const closedBy = bEntries.find((e) => e.kind === 'transition' && e.data.event === 'COMMENT_WINDOW_CLOSED');
  expect(closedBy?.data).toMatchObject({ from: 'reporting.commentWindow', to: 'reporting.finalising' });

  const aEntries = await readLedger(database, a.inspectionId);
  expectWholeLedger(aEntries);
  expect(await verifyChain(database, a.inspectionId)).toMatchObject({ ok: true, entries: aEntries.length });
  expect(aEntries.filter((e) => e.kind === 'decision.accepted').map((e) => e.data.event)).toEqual([
    'INSPECTION_STARTED',
    'FEEDBACK_GIVEN',
    'DRAFT_REPORT_SENT',
  ]);
  expect(aEntries.some((e) => e.kind === 'clock.expired')).toBe(false);

  after.shutdown();
  await running;
}, 180_000);

// ---------------------------------------------------------------------------------------------------------------

/** The same calls as InspectionHandle, for an inspection already started, on the client connected after the restart. */
function inspectionOn(client: Client, inspectionId: string): Viewable & Pick<InspectionHandle, 'send'> {
  const handle = client.workflow.getHandle(inspectionId);
  return {
    inspectionId,
    view: () => handle.query(inspectionStateQuery),
    send: (actor, event, fields = {}) => handle.executeUpdate(recordDecisionUpdate, { args: [{ decision: { event, ...fields }, actor }] }),
  };
}

type Viewable = Pick<InspectionHandle, 'inspectionId' | 'view'>;

/**
 * The database the first worker uses: the same PGlite, with an outage of the read model that can be switched on.
 * Only the read-model upsert fails; the ledger, written first in its own transaction, keeps working, so each
 * failed attempt has already stored its entries and every retry sends them again.
 */
function readModelOutage(db: Database) {
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const state = { down: false, failed: 0 };
  const guard = (sql: string) => {
    if (!state.down || !/^\s*INSERT INTO inspections\b/i.test(sql)) return;
    state.failed++;
    for (const w of waiters.filter((x) => state.failed >= x.count)) w.resolve();
    throw new Error(OUTAGE_MESSAGE);
  };
  const wrapped: Database = {
    engine: db.engine,
    async query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      guard(sql);
      return db.query<T>(sql, params);
    },
    exec: (sql: string) => db.exec(sql),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction(fn),
    ping: () => db.ping(),
    close: async () => undefined, // the test owns the database
  };
  return {
    db: wrapped,
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    /** Resolves once `count` read-model writes have failed. */
    failures(count: number): Promise<void> {
      if (state.failed >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}

/** Waits until the workflow has written everything it has: no activity or workflow task pending, read model current. */
async function settled(client: Client, inspection: Viewable, database: Database) {
  return eventually(async () => {
    const { raw } = await client.workflow.getHandle(inspection.inspectionId).describe();
    if ((raw.pendingActivities ?? []).length > 0 || raw.pendingWorkflowTask) return undefined;
    const view = await inspection.view();
    const summary = await getInspectionSummary(database, inspection.inspectionId);
    return summary?.revision === view.revision ? view : undefined;
  }, 20_000);
}

/** The workflow timers started and neither fired nor cancelled, as the instants they fire at (ms). */
async function pendingTimers(client: Client, workflowId: string): Promise<number[]> {
  const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const open = new Map<string, number>();
  for (const e of events) {
    const started = e.timerStartedEventAttributes;
    if (started) open.set(started.timerId!, eventMs(e.eventTime) + durationMs(started.startToFireTimeout));
    const closed = e.timerFiredEventAttributes?.timerId ?? e.timerCanceledEventAttributes?.timerId;
    if (closed) open.delete(closed);
  }
  return [...open.values()];
}

/**
 * Exactly one timer pending, the one the workflow set for a clock due at `dueAt`: it asks for `dueAt - now` with `now` the workflow task's
 * start, and the server counts from the moment it records the timer, a few milliseconds later.
 */
function expectOneTimerFor(timers: number[], dueAt: string) {
  expect(timers).toHaveLength(1);
  const due = Date.parse(dueAt);
  expect(timers[0]).toBeGreaterThanOrEqual(due);
  expect(timers[0]).toBeLessThan(due + 5_000);
}

/** B's pending recordProgress activity as the server describes it. */
async function pendingRecordProgress(client: Client, workflowId: string) {
  const { raw } = await client.workflow.getHandle(workflowId).describe();
  const pending = raw.pendingActivities ?? [];
  expect(pending.map((p) => p.activityType?.name)).toEqual(['recordProgress']);
  const p = pending[0]!;
  return {
    attempt: p.attempt,
    state: p.state,
    lastFailure: p.lastFailure?.message ?? null,
    nextAttemptAt: p.nextAttemptScheduleTime ? eventMs(p.nextAttemptScheduleTime) : undefined,
  };
}

function expectWholeLedger(entries: Array<{ seq: number; hash: string }>) {
  expect(entries.length).toBeGreaterThan(0);
  expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
  expect(new Set(entries.map((e) => e.hash)).size).toBe(entries.length);
}

type Timestamp = { seconds?: unknown; nanos?: number | null } | null | undefined;

function eventMs(t: Timestamp): number {
  return Number(t?.seconds ?? 0) * 1000 + Math.floor((t?.nanos ?? 0) / 1e6);
}

function durationMs(d: Timestamp): number {
  return eventMs(d);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

