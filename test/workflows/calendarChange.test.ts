/**
 * A bank holiday proclaimed under running inspections, through the API on the time-skipping server: the shape of
 * the state funeral of 19 September 2022, proclaimed ten days before (test/engine/calendarChange.test.ts holds that
 * year's own dates; the server's clock cannot go back to 2022, so here the day is ten days ahead of it). The dry run
 * lists exactly the inspections whose deadlines span the day; publishing moves those deadlines by one working day and
 * no other; each move is in the inspection's ledger with its source; new inspections take the new version; and the
 * recorded histories of both calendar versions replay.
 */
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addCalendarDays, isWorkingDay, nextWorkingDay, workingDayOnOrAfter } from '../../calendar';
import { startApi } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { goodJudgements, startWorker, workflowBundle } from '../support/inspectionHarness';
import { PROVIDER_ID, actors } from '../support/pureDriver';
import { serverDay } from '../support/serverClock';
import { createTimeSkippingEnv } from '../support/temporal';

let env: TestWorkflowEnvironment;
let worker: Awaited<ReturnType<typeof startWorker>>;
let api: Awaited<ReturnType<typeof startApi>>;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  env = await createTimeSkippingEnv();
  worker = await startWorker(env.nativeConnection);
  api = await startApi(env.client, worker.db, worker.taskQueue);
}, 180_000);

afterAll(async () => {
  await api?.close();
  await worker?.stop();
  await env?.teardown();
});

async function started(): Promise<string> {
  const res = await api.call('POST', '/inspections', { role: 'manager', body: { type: 'sccif-rfc-full', providerId: PROVIDER_ID } });
  expect(res.status).toBe(201);
  return res.body.inspectionId;
}

async function decide(id: string, body: Record<string, unknown>) {
  const res = await api.call('POST', `/inspections/${id}/decisions`, { role: 'inspector', body });
  expect(res.status).toBe(200);
  return res.body;
}

const dues = (view: { deadlines: { clock: string; due: string }[] }) => Object.fromEntries(view.deadlines.map((d) => [d.clock, d.due]));

test('a holiday proclaimed ten days ahead moves exactly the deadlines that span it, audited, and both calendar versions replay', async () => {
  const today = await serverDay(env);
  const proclaimed = workingDayOnOrAfter(addCalendarDays(today, 10));
  const change = { action: 'add', date: proclaimed, title: 'A proclaimed bank holiday', source: 'Royal Proclamation (The Gazette), ten days before the day' };

  // Fed back today: the report clocks run past the day. Started only: its on-site clock ends before the day. Not started: none runs.
  const spanning = await started();
  await decide(spanning, { event: 'INSPECTION_STARTED' });
  const fedBack = await decide(spanning, { event: 'FEEDBACK_GIVEN', judgements: goodJudgements });
  const onSite = await started();
  const onSiteView = await decide(onSite, { event: 'INSPECTION_STARTED' });
  const waiting = await started();
  const spanningDues = Object.entries(dues(fedBack)).filter(([, due]) => due >= proclaimed);
  expect(spanningDues.length).toBeGreaterThan(0);
  expect(Object.values(dues(onSiteView)).every((due) => due < proclaimed)).toBe(true);
  await eventually(async () => ((await worker.db.query('SELECT DISTINCT inspection_id FROM inspection_deadlines WHERE inspection_id = ANY($1)', [[spanning, onSite]])).length === 2 ? true : undefined));

  const dryRun = await api.call('POST', '/calendar/changes', { role: 'manager', body: change });
  expect(dryRun.status).toBe(200);
  const expectedMoves = spanningDues.map(([clock, before]) => ({ clock, label: expect.any(String), before, after: nextWorkingDay(before) }));
  expect(dryRun.body.moves).toEqual([{ inspectionId: spanning, deadlines: expect.arrayContaining(expectedMoves) }]);
  expect(dryRun.body.moves[0].deadlines).toHaveLength(expectedMoves.length);
  expect(dryRun.body.refusals).toEqual([]);
  expect(dues(await view(spanning))).toEqual(dues(fedBack)); // a dry run changes nothing

  const publication = await api.call('POST', '/calendar/changes', { role: 'manager', body: { ...change, dryRun: false } });
  expect(publication.status).toBe(202);
  const batch = await eventually(async () => {
    const res = await api.call('GET', `/calendar/batches/${publication.body.batch.batchId}`, { role: 'manager' });
    return res.body.status === 'completed' ? res.body : undefined;
  });
  expect(batch).toMatchObject({ moved: 1, unchanged: 2, refused: 0, deadlinesMoved: expectedMoves.length, total: 3 });
  // Published again (as when the first delivery could not start): the same batch, nothing moved twice.
  const again = await api.call('POST', '/calendar/changes', { role: 'manager', body: { ...change, dryRun: false } });
  expect(again.status).toBe(202);
  expect(again.body.batch).toMatchObject({ batchId: batch.batchId, moved: 1, status: 'completed' });
  const version = publication.body.published.version;

  const moved = await view(spanning);
  expect(moved.calendar).toBe(version);
  expect(dues(moved)).toEqual(Object.fromEntries(Object.entries(dues(fedBack)).map(([clock, due]) => [clock, due >= proclaimed ? nextWorkingDay(due) : due])));
  expect(dues(await view(onSite))).toEqual(dues(onSiteView));
  const projected = (await api.call('GET', `/inspections/${spanning}/timeline`, { role: 'manager' })).body.entries as { clock: string; due: string }[];
  for (const { clock, after } of expectedMoves) expect(projected.find((e) => e.clock === clock)?.due).toBe(after); // projected on its version
  expect(isWorkingDay(proclaimed)).toBe(true); // the shipped calendar is untouched: the change lives in versions

  const audit = await eventually(async () => {
    const res = await api.call('GET', `/inspections/${spanning}/audit`, { role: 'manager' });
    const entries: { kind: string; data: Record<string, unknown>; source: string | null }[] = res.body.entries;
    return entries.some((e) => e.kind === 'calendar.changed') ? entries : undefined;
  });
  expect(audit.filter((e) => e.kind === 'calendar.changed')).toHaveLength(1);
  const changed = audit.find((e) => e.kind === 'calendar.changed')!;
  expect(changed.source).toBe(change.source);
  expect(changed.data).toMatchObject({ to: version, changes: [change] });
  const movedEntries = audit.filter((e) => e.kind === 'deadline.set' && e.data.calendar);
  expect(movedEntries.map((e) => e.data).sort((a, b) => String(a.clock).localeCompare(String(b.clock)))).toEqual(
    expectedMoves.map((m) => ({ clock: m.clock, due: m.after, replaces: m.before, calendar: { from: changed.data.from, to: version, source: change.source } })).sort((a, b) => a.clock.localeCompare(b.clock)),
  );

  // The one not started yet counts its report clocks with the new version once fed back; a new inspection starts on it.
  await decide(waiting, { event: 'INSPECTION_STARTED' });
  const later = await decide(waiting, { event: 'FEEDBACK_GIVEN', judgements: goodJudgements });
  expect(later.calendar).toBe(version);
  expect(dues(later)).toEqual(dues(moved));
  const fresh = await started();
  expect((await view(fresh)).calendar).toBe(version);
  expect((await api.call('GET', '/calendar', {})).body).toMatchObject({ version, changes: [{ version, change }] });

  // Both versions replay: a history moved from one to the other, and one started on the new version.
  const histories = await Promise.all([spanning, fresh, waiting].map(async (id) => ({ workflowId: id, history: await env.client.workflow.getHandle(id).fetchHistory() })));
  const replayed = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories)) replayed.push(result);
  expect(replayed.map((r) => [r.workflowId, r.error ?? null])).toEqual([spanning, fresh, waiting].map((id) => [id, null]));
}, 300_000);

async function view(id: string) {
  return (await api.call('GET', `/inspections/${id}`, { role: 'manager' })).body;
}

test('an inspection started on a calendar version that cannot be built fails visibly, saying why', async () => {
  const inspectionId = `insp-bad-calendar-${Date.now()}`;
  const handle = await env.client.workflow.start('inspectionWorkflow', {
    workflowId: inspectionId,
    taskQueue: worker.taskQueue,
    args: [{ inspectionId, type: 'sccif-rfc-full', version: 1, machineRevision: 3, providerId: PROVIDER_ID, input: {}, createdBy: actors.manager, engineRevision: 2, calendar: { version: 'made-up+1', changes: [{ action: 'withdraw', date: '2027-01-05', source: 'x' }] } }],
  });
  await expect(handle.result()).rejects.toMatchObject({ cause: { message: expect.stringMatching(/does not match its 1 changes/) } });
}, 120_000);
