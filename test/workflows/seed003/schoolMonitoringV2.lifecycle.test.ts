import { addCalendarDays } from '../../../calendar';
import { readLedger } from '../../../ledger';
import { eventually } from '../../support/eventually';
import { useTimeSkippingWorker } from '../../support/inspectionHarness';
import { actors } from '../../support/pureDriver';
import { skipPastClock } from '../../support/serverClock';
import { monitoringJudgement } from '../../machines/seed003Samples';
import { lifecycleHelpers } from './lifecycleHelpers';
import { useApiForNewInspections } from './throughTheApi';

/** school-monitoring (January 2024) at machine revision 2 on the time-skipping server, started through the API. */
const servers = useTimeSkippingWorker();
const api = useApiForNewInspections(servers);
const publications = (id: string) => servers.worker.db.query('SELECT grade FROM publications WHERE inspection_id = $1', [id]);
const { today } = lifecycleHelpers(servers);
const closingIn = async (days: number) => ({ confirmedClosure: { closesOn: addCalendarDays(await today(), days), evidence: 'funding agreement terminated' } });

it('a school closing within 6 months: the start waits for the duty desk; then the governors meeting and a complaint that outlives publication', async () => {
  const { created, inspection } = await api.start('school-monitoring', await closingIn(120));
  expect(created).toMatchObject({ version: 1, machineRevision: 2, status: 'scheduled' });
  await inspection.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the trust' });
  const held = await api.decide(inspection, 'inspector', { event: 'INSPECTION_STARTED' });
  expect(held.status).toBe(400);
  expect(held.body.error.message).toMatch(/within 6 months of the notification, and did not ask for cancellation/);
  expect((await inspection.view()).status).toBe('notified');
  await inspection.send(actors.inspector, 'CLOSURE_CHECK_ADVICE_RECORDED', { advice: 'proceed', summary: 'inspect: the closure may slip' });
  await servers.env.sleep('1 day');
  await inspection.send(actors.inspector, 'INSPECTION_STARTED');
  await servers.env.sleep('1 day');
  await inspection.send(actors.inspector, 'FIELDWORK_COMPLETED');
  const feedback = await inspection.send(actors.inspector, 'FEEDBACK_GIVEN', { judgements: monitoringJudgement });
  const arranged = await inspection.send(actors.inspector, 'GOVERNORS_MEETING_ARRANGED', { concerns: 'no urgency in tackling weak reading' });
  expect(arranged.deadlines.map((d) => d.clock)).toEqual(feedback.deadlines.map((d) => d.clock)); // no clock of its own
  await skipPastClock(servers.env, feedback, 'nextDayContact');
  await inspection.send(actors.manager, 'QA_COMPLETED');
  const draft = await inspection.send(actors.inspector, 'DRAFT_REPORT_SENT');
  await skipPastClock(servers.env, draft, 'commentWindow'); // the report chain went on with the meeting not yet held
  await inspection.send(actors.inspector, 'GOVERNORS_MEETING_HELD', { recommendations: 'an external review of reading' });
  await inspection.send(actors.manager, 'FINAL_REPORT_SENT');
  await servers.env.sleep('20 days'); // no complaint deadline: nothing closes by itself
  expect(await inspection.view()).toMatchObject({ status: 'awaiting_publication', deadlines: [] });
  await inspection.send(actors.provider, 'COMPLAINT_MADE', { summary: 'findings not supported by the evidence' });
  const published = await inspection.send(actors.manager, 'REPORT_PUBLISHED');
  expect(published).toMatchObject({ status: 'published_complaint_under_review', done: false });
  await eventually(async () => ((await publications(inspection.inspectionId)).length === 1 ? true : undefined)); // published: the report is out
  await inspection.send(actors.manager, 'COMPLAINT_RESPONDED', { outcome: 'not_upheld' });
  expect(await inspection.handle.result()).toMatchObject({ status: 'published', breaches: 0 });
  expect((await inspection.view()).facts).toMatchObject({
    closureAdvice: { advice: 'proceed' },
    governorsMeeting: { concerns: 'no urgency in tackling weak reading', heldOn: expect.any(String) },
    complaintOutcome: 'not_upheld',
  });
  const advice = (await readLedger(servers.worker.db, inspection.inspectionId)).find((e) => e.kind === 'decision.accepted' && e.data.event === 'CLOSURE_CHECK_ADVICE_RECORDED');
  expect(advice).toMatchObject({ role: 'inspector', source: expect.stringContaining('SMH §"Requests for inspections to be deferred or cancelled"') });
});

it('the duty desk advises not to proceed: the inspection ends as cancelled; a school closing later gets no check', async () => {
  const { inspection } = await api.start('school-monitoring', await closingIn(60));
  await inspection.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the local authority' });
  // Read from the answer, not awaited as the workflow's result: awaiting a result lets the time-skipping server
  // jump to the next timer anywhere on it, which can carry "today" past the dates the calendar covers.
  expect(await inspection.send(actors.inspector, 'CLOSURE_CHECK_ADVICE_RECORDED', { advice: 'do_not_proceed' })).toMatchObject({ status: 'cancelled', grade: null, done: true });

  const later = await api.start('school-monitoring', await closingIn(200));
  await later.inspection.send(actors.inspector, 'NOTIFIED', { wellbeingContact: 'the local authority' });
  const refused = await api.decide(later.inspection, 'inspector', { event: 'CLOSURE_CHECK_ADVICE_RECORDED', advice: 'proceed' });
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toMatch(/no closure check is due/);
  expect((await later.inspection.send(actors.inspector, 'INSPECTION_STARTED')).status).toBe('on_site');
});
